// What a search for a meeting time asks, read the same way from the API's query string and the find-a-time page:
// strings in, a checked SlotQuery out, or the problems by field in plain words.
import { z } from 'zod';
import type { FieldErrors } from '#src/lib/app-error.ts';
import { isRealDate } from '#src/http/page-form.ts';
import { MEETING_KINDS, MEETING_MODES, MEETING_PLACES, type MeetingKind, type MeetingMode, type MeetingPlace } from '#src/domain/meeting-words.ts';
import { MAX_MINUTES, MIN_MINUTES } from '../records/meetings.schemas.ts';
import { addDays, dayNumber } from './slot-finder.time.ts';

export const MAX_SEARCH_DAYS = 84;
export const DEFAULT_SEARCH_DAYS = 28;

/** The query string as the API documents it (every value a string; checked by parseSlotQuery). */
export const ZSlotQueryString = z.object({
  durationMinutes: z.string().optional().describe(`How long the meeting lasts, in minutes (${MIN_MINUTES} to ${MAX_MINUTES})`),
  from: z.string().optional().describe('First date to search, YYYY-MM-DD (default today)'),
  to: z.string().optional().describe('Last date to search, YYYY-MM-DD (default four weeks on; at most 12 weeks after from)'),
  mode: z
    .string()
    .optional()
    .describe(`One of: ${MEETING_MODES.join(', ')} (default in_person)`),
  kind: z
    .string()
    .optional()
    .describe(`One of: ${MEETING_KINDS.join(', ')} (default joint)`),
  place: z
    .string()
    .optional()
    .describe(`In person only, one of: ${MEETING_PLACES.join(', ')} (default venue)`),
  partyIds: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .describe('The parties taking part, comma-separated ids (default every party who has not withdrawn consent)'),
  venueId: z.string().optional().describe('At a venue: only this venue (default any of the service’s venues)'),
  shortNoticeAgreed: z.string().optional().describe('SEND: true when the parent or young person agreed to less than the usual notice'),
});
export type SlotQueryInput = Partial<Record<keyof z.infer<typeof ZSlotQueryString>, unknown>>;

export type SlotQuery = {
  durationMinutes: number;
  from: string;
  to: string;
  mode: MeetingMode;
  kind: MeetingKind;
  place: MeetingPlace | null;
  /** null: not chosen (every party who has not withdrawn consent). */
  partyIds: string[] | null;
  venueId: string | null;
  shortNoticeAgreed: boolean;
};

const text = (v: unknown): string =>
  typeof v === 'string'
    ? v.trim()
    : Array.isArray(v) && typeof v[0] === 'string'
      ? v[0].trim()
      : typeof v === 'number' || typeof v === 'boolean'
        ? String(v)
        : '';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function listOf(v: unknown): string[] | null {
  const items = (Array.isArray(v) ? v : [v]).flatMap((x) => (typeof x === 'string' ? x.split(',') : [])).map((x) => x.trim());
  const kept = items.filter(Boolean);
  return kept.length ? [...new Set(kept)] : null;
}

function oneOf<T extends string>(value: string, allowed: readonly T[], fallback: T | null): T | null | undefined {
  if (!value) return fallback;
  return (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

/** A checked query, or the problems by field (API field names). `today` fills in the default dates. */
export function parseSlotQuery(raw: SlotQueryInput, today: string): { ok: true; query: SlotQuery } | { ok: false; fields: FieldErrors } {
  const fields: FieldErrors = {};
  const duration = text(raw.durationMinutes);
  const minutes = Number(duration);
  if (!duration) fields.durationMinutes = 'Enter how long the meeting lasts, in minutes';
  else if (!/^\d+$/.test(duration) || minutes < MIN_MINUTES || minutes > MAX_MINUTES)
    fields.durationMinutes = `How long must be a whole number of minutes from ${MIN_MINUTES} to ${MAX_MINUTES}`;

  const fromText = text(raw.from);
  const toText = text(raw.to);
  if (fromText && !isRealDate(fromText)) fields.from = 'The first date must be a real date, like 2026-12-07';
  if (toText && !isRealDate(toText)) fields.to = 'The last date must be a real date, like 2026-12-18';
  const from = fromText && !fields.from ? fromText : today; // a date that is not real is reported, never computed with
  const to = toText || addDays(from < today ? today : from, DEFAULT_SEARCH_DAYS - 1);
  if (!fields.from && !fields.to) {
    if (to < from) fields.to = 'The last date must be the same as or after the first date';
    else if (to < today) fields.to = 'The last date must be today or later';
    else if (dayNumber(to) - dayNumber(from) + 1 > MAX_SEARCH_DAYS) fields.to = 'Search at most 12 weeks at a time';
  }

  const mode = oneOf(text(raw.mode), MEETING_MODES, 'in_person');
  if (!mode) fields.mode = 'Choose in person, online or by phone';
  const kind = oneOf(text(raw.kind), MEETING_KINDS, 'joint');
  if (!kind) fields.kind = 'Choose the kind of meeting';
  const place = mode === 'in_person' ? oneOf(text(raw.place), MEETING_PLACES, 'venue') : null;
  if (place === undefined) fields.place = 'Choose where the meeting is: a venue, a party’s home, a prison or the office';

  const partyIds = listOf(raw.partyIds);
  if (partyIds?.some((id) => !UUID.test(id))) fields.partyIds = 'Choose the parties from the case';
  const venueId = text(raw.venueId) || null;
  if (venueId && !UUID.test(venueId)) fields.venueId = 'Choose one of the service’s venues';
  const agreed = text(raw.shortNoticeAgreed).toLowerCase();
  if (agreed && !['true', 'false', 'yes', 'no', 'on', '1', '0'].includes(agreed)) fields.shortNoticeAgreed = 'Short notice agreed is true or false';

  if (Object.keys(fields).length || !mode || !kind || place === undefined) return { ok: false, fields };
  return {
    ok: true,
    query: {
      durationMinutes: minutes,
      from,
      to,
      mode,
      kind,
      place,
      partyIds,
      venueId: place === 'venue' ? venueId : null,
      shortNoticeAgreed: ['true', 'yes', 'on', '1'].includes(agreed),
    },
  };
}
