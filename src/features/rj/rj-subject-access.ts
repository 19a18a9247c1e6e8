// Published by rj for data protection (subject access): a person's letters. A letter they wrote is given as they
// wrote it, with its vetting status; a letter passed on to them only as its recipient's copy (recipientCopy: what the
// facilitators took out, the writer's contact details and anything like an address removed), the copy they were
// given. The caller authorises, audits and redacts the other people's details from both.
import type { Db } from '#src/db/client.ts';
import { lettersOfParties } from './letters/letter-subject-access.repo.ts';
import { letterStatus, recipientCopy } from './rules/letter-rules.ts';

/** The contact details of a party who may have written to the person: removed from the copy the person was given. */
export type WriterDetails = (partyId: string) => readonly (string | null | undefined)[];

export async function letterRecordsOfParties(tx: Db, orgId: string, partyIds: string[], writerDetails: WriterDetails) {
  const { letters, reviews } = await lettersOfParties(tx, orgId, partyIds);
  return letters.map((l) => {
    const wrote = partyIds.includes(l.fromPartyId);
    return {
      caseId: l.caseId,
      partyId: wrote ? l.fromPartyId : l.toPartyId,
      direction: wrote ? ('written' as const) : ('received' as const),
      form: l.form,
      text: wrote ? l.body : recipientCopy(l.body, l.redactions, writerDetails(l.fromPartyId)),
      status: letterStatus(
        l,
        reviews.filter((r) => r.letterId === l.id),
      ),
      writtenAt: l.createdAt,
      passedAt: l.passedAt,
    };
  });
}

export { LETTER_FORM_LABELS } from './letters/letters.schemas.ts';
export { STATUS_LABELS as LETTER_STATUS_LABELS } from './rj.present.ts';
