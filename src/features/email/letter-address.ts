// Pure: whether a letter in the outbox can be posted, and what staff are told when it cannot. A letter is written for
// someone without an email address; when the case has no postal address for them either, the letter waits without
// one. A letter to someone on the case takes their address when it is added on the People tab (outbox.ts
// readdressLetters); until then it cannot be marked as posted, and the outbox and the API say so and what to do.
import { msg } from '#src/i18n/i18n.ts';

type Letter = { channel: string; status: string; postalAddress: string | null; partyId?: string | null };

/** A letter still to post that has no address to post it to. */
export const lacksAddress = (m: Letter) => m.channel === 'post' && m.status === 'to_post' && !m.postalAddress?.trim();

export const NO_ADDRESS_PARTY = msg(
  'There is no address to post this letter to. Add their address on the case’s People tab: the letter takes it, and can then be printed and marked as posted.',
);
export const NO_ADDRESS_UNLINKED = msg(
  'There is no address to post this letter to, and it is not linked to anyone on the case, so no address can reach it: tell them another way.',
);

/** What staff should do about a letter with no address (null when it has one, or is not a letter to post). */
export const addressNotice = (m: Letter): string | null => (lacksAddress(m) ? (m.partyId ? NO_ADDRESS_PARTY : NO_ADDRESS_UNLINKED) : null);
