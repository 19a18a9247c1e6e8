// Pure: a volunteer's meetings as the events of their private calendar feed.
//
// Privacy decision: the feed is read by a third party's calendar (Outlook, Google), so it carries only what the
// volunteer needs to turn up — the meeting's kind, the case reference, the time, the venue's name and address for a
// venue meeting, "Home visit – address in Parley" for a home visit — and a link to the meeting page in Parley, which
// asks them to sign in. It never carries a party's name, phone number or home address, a prison's name, free-text
// notes or a video link (anyone holding a video link could join).
import { DEFAULT_LOCALE, type Locale, type Translate, translator } from '#src/i18n/i18n.ts';
import type { IcsEvent } from './ics.ts';
import { kindInWords } from '../meeting-text.ts';

export type FeedMeeting = {
  id: string;
  caseId: string;
  caseReference: string;
  kind: string;
  mode: string;
  place: string | null;
  venueName: string | null;
  venueAddress: string | null;
  roomName: string | null;
  startsAt: Date;
  endsAt: Date;
  status: string;
  icsUid: string;
  sequence: number;
  updatedAt: Date;
};

/** Where, for a third party's calendar: a venue in full, anything else only as a pointer to Parley. */
export function feedLocation(
  m: Pick<FeedMeeting, 'mode' | 'place' | 'venueName' | 'venueAddress' | 'roomName'>,
  t: Translate = translator(DEFAULT_LOCALE),
): string {
  if (m.mode === 'online') return t('Online – join from the meeting page in Parley');
  if (m.mode === 'phone') return t('By phone – details in Parley');
  switch (m.place) {
    case 'venue': {
      const name = m.venueName ? `${m.venueName}${m.roomName ? ` (${m.roomName})` : ''}` : t('A venue');
      return [name, m.venueAddress?.replace(/\s*\r?\n\s*/g, ', ')].filter(Boolean).join(', ');
    }
    case 'home':
      return t('Home visit – address in Parley');
    case 'prison':
      return t('Prison – details in Parley');
    case 'office':
      return t('The service’s office');
    default:
      return t('In person – details in Parley');
  }
}

/**
 * One event per meeting, with the meeting's own UID and SEQUENCE so a calendar replaces its copy when it changes;
 * worded in `locale`, the volunteer's preferred language.
 */
export function feedEvents(meetings: readonly FeedMeeting[], baseUrl: string, locale: Locale = DEFAULT_LOCALE): IcsEvent[] {
  const t = translator(locale);
  return meetings.map((m) => {
    const url = `${baseUrl}/cases/${m.caseId}/meetings/${m.id}`;
    // i18n-dynamic: kindInWords gives a msg() label from MEETING_KIND_LABELS
    const kind = t(kindInWords(m.kind));
    return {
      uid: m.icsUid,
      sequence: m.sequence,
      start: m.startsAt,
      end: m.endsAt,
      stamp: m.updatedAt,
      summary: `${kind} – ${m.caseReference}`,
      description: t('{kind} for case {reference}. Who is invited, and everything else about it, is on the meeting page in Parley (sign in first): {url}', {
        kind,
        reference: m.caseReference,
        url,
      }),
      location: feedLocation(m, t),
      url,
      cancelled: m.status === 'cancelled',
    };
  });
}
