// A person's own records on their cases, for a subject access request: their party record, their intake answers
// (their own words), the case's timeline entries about them or the whole case, and, kept apart and never for the
// archive itself, how to recognise the other people on those cases so their details can be redacted. Entries about
// another party, private to another party's side, and restricted (safeguarding) entries are not read at all: they
// are counted, so the person answering the request knows what was withheld; so are entries staff marked as about
// other people (`data.thirdParty`), which are counted apart.
import type { Db } from '#src/db/client.ts';
import { and, asc, desc, eq, inArray, isNull, ne, or, sql } from '#src/db/orm.ts';
import { caseEvents, cases, intakeRecords, parties, safeguardingRecords } from '#src/db/schema/cases.ts';

export type OtherPerson = {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  address: string | null;
  postcode: string | null;
  safeContact: string | null;
};

export async function caseRecordsOfParties(tx: Db, orgId: string, partyIds: string[]) {
  if (!partyIds.length) return [];
  const own = await tx
    .select({
      party: parties,
      reference: cases.reference,
      caseType: cases.caseType,
      status: cases.status,
      openedAt: cases.openedAt,
      closedAt: cases.closedAt,
      summary: cases.summary,
    })
    .from(parties)
    .innerJoin(cases, and(eq(cases.orgId, parties.orgId), eq(cases.id, parties.caseId)))
    .where(and(eq(parties.orgId, orgId), inArray(parties.id, partyIds), isNull(cases.anonymisedAt)))
    .orderBy(asc(cases.reference));
  const out = [];
  for (const row of own) {
    const p = row.party;
    const others: OtherPerson[] = await tx
      .select({
        id: parties.id,
        name: parties.name,
        email: parties.email,
        phone: parties.phone,
        address: parties.address,
        postcode: parties.postcode,
        safeContact: parties.safeContact,
      })
      .from(parties)
      .where(and(eq(parties.orgId, orgId), eq(parties.caseId, p.caseId), ne(parties.id, p.id)));
    const [intake] = await tx
      .select()
      .from(intakeRecords)
      .where(and(eq(intakeRecords.orgId, orgId), eq(intakeRecords.partyId, p.id)));
    const theirs = and(
      eq(caseEvents.orgId, orgId),
      eq(caseEvents.caseId, p.caseId),
      ne(caseEvents.visibility, 'restricted'),
      or(eq(caseEvents.partyId, p.id), and(isNull(caseEvents.partyId), eq(caseEvents.visibility, 'team'))),
    );
    // Notes staff marked as about other people are theirs in place only: counted, never read.
    const aboutOthers = sql<boolean>`coalesce((${caseEvents.data}->>'thirdParty')::boolean, false)`;
    const events = await tx
      .select({ at: caseEvents.at, kind: caseEvents.kind, summary: caseEvents.summary, body: caseEvents.body })
      .from(caseEvents)
      .where(and(theirs, sql`not ${aboutOthers}`))
      .orderBy(asc(caseEvents.at), asc(caseEvents.id));
    const [leftOut] = await tx.select({ n: sql<number>`count(*)::int` }).from(caseEvents).where(and(theirs, aboutOthers));
    // When the consent shown was recorded: the date signed when there is one, else the day it was recorded.
    const [consentEvent] = await tx
      .select({ at: caseEvents.at, signedOn: sql<string | null>`${caseEvents.data}->>'signedOn'` })
      .from(caseEvents)
      .where(and(eq(caseEvents.orgId, orgId), eq(caseEvents.caseId, p.caseId), eq(caseEvents.partyId, p.id), eq(caseEvents.kind, 'consent')))
      .orderBy(desc(caseEvents.at), desc(caseEvents.id))
      .limit(1);
    const [counts] = await tx
      .select({ all: sql<number>`count(*)::int` })
      .from(caseEvents)
      .where(and(eq(caseEvents.orgId, orgId), eq(caseEvents.caseId, p.caseId)));
    const [safeguarding] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(safeguardingRecords)
      .where(and(eq(safeguardingRecords.orgId, orgId), eq(safeguardingRecords.caseId, p.caseId)));
    out.push({
      party: {
        id: p.id,
        name: p.name,
        role: p.role,
        email: p.email,
        phone: p.phone,
        address: p.address,
        postcode: p.postcode,
        preferredLanguage: p.preferredLanguage,
        safeContact: p.safeContact,
        canLeaveMessages: p.canLeaveMessages,
        needs: p.needs,
        consent: p.consent,
        consentRecordedAt: p.consent === 'not_asked' ? null : (consentEvent?.signedOn ?? consentEvent?.at ?? null),
        inCustody: p.inCustody,
        establishment: p.establishment,
        prisonNumber: p.prisonNumber,
        addedAt: p.createdAt,
      },
      case: {
        id: p.caseId,
        reference: row.reference,
        caseType: row.caseType,
        status: row.status,
        openedAt: row.openedAt,
        closedAt: row.closedAt,
        summary: row.summary,
      },
      intake: intake
        ? {
            situationNow: intake.situationNow,
            wantedFuture: intake.wantedFuture,
            ideas: intake.ideas,
            concerns: intake.concerns,
            availability: intake.availability,
            meetingMode: intake.meetingMode,
            metOn: intake.metOn,
          }
        : null,
      events,
      withheld: {
        timelineEntries: (counts?.all ?? 0) - events.length - (leftOut?.n ?? 0),
        aboutOtherPeople: leftOut?.n ?? 0,
        safeguardingRecords: safeguarding?.n ?? 0,
      },
      others,
    });
  }
  return out;
}
