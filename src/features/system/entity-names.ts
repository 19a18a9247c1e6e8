// What the audit trail calls each record it lists: "Case HDM-2026-0042", "Party Ann Example (HDM-2026-0042)",
// "Joint meeting 4 Dec 2026, 14:30 (HDM-2026-0042)", "Staff member Rob Example"; and who each actor was by name. Built from each feature's published
// read module and given to the audit page through deps.ts, as audit sits beneath every feature. One query per kind of
// record on the page; a record since removed (or of a kind not named here) keeps its kind and a short id.
import type { Db } from '#src/db/client.ts';
import { MEETING_KIND_LABELS, type MeetingKind } from '#src/domain/meeting-words.ts';
import { msg, type Translate } from '#src/i18n/i18n.ts';
import { agreementNames } from '#src/features/agreements/agreement-reads.ts';
import { caseNames, partyNames } from '#src/features/cases/case-reads.ts';
import { meetingNames } from '#src/features/meetings/meeting-reads.ts';
import { memberNames } from '#src/features/people/people-reads.ts';
import { enquiryNames, referralNames } from '#src/features/referrals/referral-reads.ts';
import { volunteerNames } from '#src/features/volunteers/volunteer-reads.ts';
import { momentInWords } from '#src/domain/dates-in-words.ts';

export type EntityRef = { type: string; id: string };
export type EntityName = { kind: string; name: string };
export type NameEntities = (tx: Db, orgId: string, refs: EntityRef[], t: Translate) => Promise<Map<string, EntityName>>;

const KIND_WORDS: Record<string, string> = {
  case: msg('Case'),
  party: msg('Party'),
  referral: msg('Referral'),
  enquiry: msg('Enquiry'),
  user: msg('Staff member'),
  volunteer: msg('Volunteer'),
  meeting: msg('Meeting'),
  agreement: msg('Agreement'),
  organisation: msg('Service'),
};

/** The key of a record in the map nameEntities returns: `case:<id>`. */
export const entityKey = (type: string, id: string) => `${type}:${id}`;

export const nameEntities: NameEntities = async (tx, orgId, refs, t) => {
  const idsOf = (type: string) => [...new Set(refs.filter((r) => r.type === type && /^[0-9a-f-]{36}$/i.test(r.id)).map((r) => r.id))];
  const named = new Map<string, EntityName>();
  const kindOf = (type: string) => (KIND_WORDS[type] ? t(KIND_WORDS[type]) : type.replaceAll('_', ' '));
  const put = (type: string, id: string, name: string) => named.set(entityKey(type, id), { kind: kindOf(type), name });
  // One after another: they share the transaction's one connection.
  const casesFound = await caseNames(tx, orgId, idsOf('case'));
  const partiesFound = await partyNames(tx, orgId, idsOf('party'));
  const referralsFound = await referralNames(tx, orgId, idsOf('referral'));
  const enquiriesFound = await enquiryNames(tx, orgId, idsOf('enquiry'));
  const membersFound = await memberNames(tx, orgId, idsOf('user'));
  const volunteersFound = await volunteerNames(tx, orgId, idsOf('volunteer'));
  const meetingsFound = await meetingNames(tx, orgId, idsOf('meeting'));
  const agreementsFound = await agreementNames(tx, orgId, idsOf('agreement'));
  for (const r of casesFound) put('case', r.id, r.name);
  for (const r of partiesFound) put('party', r.id, `${r.name} (${r.caseReference})`);
  for (const r of referralsFound) put('referral', r.id, r.name);
  for (const r of enquiriesFound) put('enquiry', r.id, r.name);
  for (const r of membersFound) put('user', r.id, r.name);
  for (const r of volunteersFound) put('volunteer', r.id, r.name);
  for (const r of agreementsFound) put('agreement', r.id, r.name);
  for (const r of meetingsFound) {
    const kind = MEETING_KIND_LABELS[r.kind as MeetingKind]; // i18n-dynamic: a meeting kind's msg() label
    named.set(entityKey('meeting', r.id), { kind: kind ? t(kind) : kindOf('meeting'), name: `${momentInWords(r.startsAt)} (${r.caseReference})` });
  }
  for (const r of refs) if (!named.has(entityKey(r.type, r.id))) put(r.type, r.id, r.id.slice(0, 8));
  return named;
};
