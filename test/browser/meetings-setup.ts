// The meetings journey's service: a community case with two parties who have email addresses and have given
// consent, and a pair of accredited mediators on it (one who signs in); and the invitations the SMTP sink receives,
// read back with ical.js.
import ICAL from 'ical.js';
import { eq } from '#src/db/orm.ts';
import { parties } from '#src/db/schema/cases.ts';
import { inOrg } from '#src/db/tenant.ts';
import { insertAssignment, makeVolunteer } from '../support/volunteers.ts';
import type { ServiceUnderTest, Staff } from './service-setup.ts';

/** Monday 14 December 2026, 09:00 in London: Christmas and its bank holidays are in the dates searched. */
export const NOW = new Date('2026-12-14T09:00:00Z');
export const VENUE = 'Harbour Community Hall (fictional)';
export const ROOM = 'Garden Room';
export const GARDEN_ROOM = `${VENUE}: ${ROOM} (up to 8 people, separate waiting room)`;
export const ASH = { name: 'Ash Testparty', email: 'ash.testparty@example.org' };
export const BEA = { name: 'Bea Sampleparty', email: 'bea.sampleparty@example.net' };
export const MO = 'Mo Testmediator';
/** What the parties say in the shuttle session: one statement not to be passed on, one as said, one in agreed words. */
export const SAID_NO = 'I will never pay for the fence, whatever the deeds say.';
export const SAID_YES = 'I can keep the music down after 10pm on weeknights.';
export const SAID_BY_BEA = 'I am fed up with the bins left on my path; it is deliberate.';
export const BEAS_WORDS = 'Bea would like the bins kept off the shared path.';
export const NELL = 'Nell Testmediator';
/** The volunteers' addresses, as makeVolunteer gives them. */
const volunteerEmail = (name: string) => `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@volunteers.example`;
export const EVERYONE = [ASH.email, BEA.email, volunteerEmail(MO), volunteerEmail(NELL)];

export type Invitation = { to: string; method: string; uid: string; sequence: number; start: string; attendees: string[] };

/** The text/calendar part of a raw message, decoded. */
function calendarPart(raw: string): string {
  const parts = raw.split(/\r?\n--[^\r\n]+\r?\n/);
  const part = parts.find((p) => /^Content-Type:\s*text\/calendar/im.test(p.split(/\r?\n\r?\n/)[0] ?? ''));
  if (!part) throw new Error('The message has no text/calendar part');
  const [head = '', ...rest] = part.split(/\r?\n\r?\n/);
  const body = rest.join('\r\n\r\n');
  const encoding = /Content-Transfer-Encoding:\s*(\S+)/i.exec(head)?.[1]?.toLowerCase();
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}

/** A message's invitation as ical.js reads it back. */
export function invitationOf(raw: string, to: string): Invitation {
  const cal = new ICAL.Component(ICAL.parse(calendarPart(raw)));
  const vevent = cal.getFirstSubcomponent('vevent');
  if (!vevent) throw new Error('The invitation has no event');
  const event = new ICAL.Event(vevent);
  return {
    to,
    method: String(cal.getFirstPropertyValue('method')),
    uid: event.uid,
    sequence: event.sequence,
    start: event.startDate.toJSDate().toISOString(),
    attendees: vevent.getAllProperties('attendee').map((p) => String(p.getFirstValue()).toLowerCase()),
  };
}

/** The case, made as the public would refer it and accepted, with consent given; the mediators assigned. */
export async function meetingsCase(s: ServiceUnderTest, mediator: Staff): Promise<{ caseId: string; reference: string }> {
  const deps = s.h.deps;
  const referral = {
    caseType: 'community' as const,
    description: 'A dispute over a shared fence, bins on the path and music late at night.',
    consentToContact: true as const,
    parties: [
      { name: ASH.name, role: 'party' as const, email: ASH.email, postcode: 'CT1 2AB' },
      { name: BEA.name, role: 'party' as const, email: BEA.email, postcode: 'CT1 3XY' },
    ],
  };
  const made = await deps.referrals.createFromPublic(s.orgId, referral, { type: 'anonymous' });
  const { rows } = await deps.referrals.list(s.coordinator.actor, { status: 'new' });
  const { caseId, reference } = await deps.referrals.accept(s.coordinator.actor, rows.find((r) => r.reference === made.reference)!.id);
  const people = await inOrg(deps.db, s.orgId, (tx) => tx.select().from(parties).where(eq(parties.caseId, caseId)));
  for (const p of people) await deps.caseActivity.recordConsent(s.coordinator.actor, caseId, { partyId: p.id, status: 'given', method: 'verbal' });
  // Two accredited mediators, free on weekday mornings; Mo signs in as a mediator.
  const mo = await makeVolunteer(deps, s.orgId, { name: MO, userId: mediator.actor.id });
  const nell = await makeVolunteer(deps, s.orgId, { name: NELL });
  await insertAssignment(deps, s.orgId, caseId, mo, { role: 'lead' });
  await insertAssignment(deps, s.orgId, caseId, nell, { role: 'co' });
  return { caseId, reference };
}
