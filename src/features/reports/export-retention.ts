// How long a report's spreadsheet made in the background is kept: its file for a week after it was asked for, then
// (expired) its report and filter for a month more, so its page can offer to make it again.
export const EXPORT_KEEP_DAYS = 7;
export const EXPORT_FORGET_DAYS = 37;

/** The last moment the file of an export asked for at `createdAt` may be downloaded. */
export const exportExpiresAt = (createdAt: Date, keepDays = EXPORT_KEEP_DAYS) => new Date(createdAt.getTime() + keepDays * 86_400_000);
