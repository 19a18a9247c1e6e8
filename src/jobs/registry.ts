// Every job the worker knows, listed explicitly.
import { purgeSessionsJob } from '#src/features/auth/purge-sessions.job.ts';
import { purgeDraftsJob } from '#src/features/public/purge-drafts.job.ts';
import { dbsAlertsJob } from '#src/features/volunteers/dbs/dbs-alerts.job.ts';
import { sendEmailJob } from '#src/features/email/send-email.job.ts';
import { meetingRemindersJob } from '#src/features/meetings/records/reminders.job.ts';
import { followUpLinksJob } from '#src/features/closing/follow-up/follow-up-links.job.ts';
import { retentionJob } from '#src/features/dataprotection/retention/retention.job.ts';
import { sendRemindersJob } from '#src/features/send/send-reminders.job.ts';
import { reportExportJob } from '#src/features/reports/report-export.job.ts';
import { purgeExportsJob } from '#src/features/reports/purge-exports.job.ts';
import { vacuumJob } from '#src/jobs/vacuum.job.ts';
import { postcodeLoadJob } from '#src/features/postcodes/postcode-load.job.ts';
import type { JobDefinition } from './job.ts';
import { purgeJobsJob } from './purge-jobs.job.ts';

export const JOBS: JobDefinition[] = [
  purgeSessionsJob,
  purgeDraftsJob,
  sendEmailJob,
  meetingRemindersJob,
  dbsAlertsJob,
  vacuumJob,
  purgeJobsJob,
  followUpLinksJob,
  retentionJob,
  sendRemindersJob,
  reportExportJob,
  postcodeLoadJob,
  purgeExportsJob,
];

/** Jobs the worker keeps scheduled on its own, and how often. */
export const RECURRING: { job: JobDefinition; everyMinutes: number }[] = [
  { job: purgeSessionsJob, everyMinutes: 60 },
  { job: purgeDraftsJob, everyMinutes: 30 },
  { job: meetingRemindersJob, everyMinutes: 5 },
  { job: dbsAlertsJob, everyMinutes: 24 * 60 },
  // Checks hourly; vacuums the embedded database once a night (see the job).
  { job: vacuumJob, everyMinutes: 60 },
  { job: purgeJobsJob, everyMinutes: 60 },
  { job: retentionJob, everyMinutes: 24 * 60 },
  // Daily; each reminder goes once (its key), so a second run the same day sends nothing again.
  { job: sendRemindersJob, everyMinutes: 24 * 60 },
  // Nightly: report spreadsheets past their week lose their file (the job's own payload sets the days).
  { job: purgeExportsJob, everyMinutes: 24 * 60 },
];
