// Pure: a meeting in words, for the timeline, the pages and the emails. Where a meeting is never gives a party's
// address: a home visit is "at Sam Example’s home", so an invitation to the other side reveals nothing more.
import { MEETING_KIND_LABELS, type MeetingKind } from '#src/domain/meeting-words.ts';
import { clockTime, dayInWords } from '#src/domain/meeting-times.ts';
import { type Translate, translator } from '#src/i18n/i18n.ts';

export type MeetingPlaceFacts = {
  mode: string;
  place: string | null;
  venueName: string | null;
  venueAddress?: string | null;
  roomName: string | null;
  homePartyName?: string | null;
  locationText: string | null;
};

export const kindInWords = (kind: string): string => MEETING_KIND_LABELS[kind as MeetingKind] ?? kind;

/**
 * Where, as a full answer: "Riverside Hall (Room 1), 1 River Street", "Sam Example’s home", "By phone". In English
 * unless given the reader's `t` (the timeline's stored summaries stay in English).
 */
export function whereInWords(m: MeetingPlaceFacts, t: Translate = translator('en')): string {
  if (m.mode === 'online') return t('Online (video call)');
  if (m.mode === 'phone') return m.locationText ? t('By phone: {where}', { where: m.locationText }) : t('By phone');
  switch (m.place) {
    case 'venue': {
      const name = m.venueName ? (m.roomName ? t('{venue} ({room})', { venue: m.venueName, room: m.roomName }) : m.venueName) : t('A venue');
      return m.venueAddress ? t('{name}, {address}', { name, address: m.venueAddress }) : name;
    }
    case 'home':
      return m.homePartyName ? t('{name}’s home', { name: m.homePartyName }) : t('A home visit');
    case 'prison':
      return m.locationText || t('In prison (arranged through the offender manager)');
    case 'office':
      return m.locationText || t('The service’s office');
    default:
      return m.locationText || t('In person');
  }
}

/** The place as the end of a sentence: "at Riverside Hall (Room 1)", "online", "by phone". */
export function placePhrase(m: MeetingPlaceFacts): string {
  if (m.mode === 'online') return 'online';
  if (m.mode === 'phone') return 'by phone';
  if (m.place === 'venue' && m.venueName) return `at ${m.venueName}${m.roomName ? ` (${m.roomName})` : ''}`;
  if (m.place === 'home') return m.homePartyName ? `at ${m.homePartyName}’s home` : 'at home';
  if (m.place === 'prison') return m.locationText ? `at ${m.locationText}` : 'in prison';
  if (m.place === 'office') return m.locationText ? `at ${m.locationText}` : 'at the service’s office';
  return m.locationText ? `at ${m.locationText}` : 'in person';
}

/** "Tuesday 15 December, 10:00". */
export const startInWords = (start: Date): string => `${dayInWords(start, { year: false })}, ${clockTime(start)}`;

/** "Joint meeting booked for Tuesday 15 December, 10:00, at Riverside Hall (Room 1)". */
export const bookedSummary = (kind: string, start: Date, m: MeetingPlaceFacts): string =>
  `${kindInWords(kind)} booked for ${startInWords(start)}, ${placePhrase(m)}`;

/** "Joint meeting moved from Tuesday 15 December, 10:00 to Wednesday 16 December, 14:00". */
export const movedSummary = (kind: string, from: Date, to: Date): string => `${kindInWords(kind)} moved from ${startInWords(from)} to ${startInWords(to)}`;

/** "Joint meeting on Tuesday 15 December, 10:00 cancelled". */
export const cancelledSummary = (kind: string, start: Date): string => `${kindInWords(kind)} on ${startInWords(start)} cancelled`;

/** The participants' names as a list: "Sam Example", "Sam Example and Alex Example", "A, B and C". */
export function namesInWords(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
