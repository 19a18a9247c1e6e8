// A party's answer to "may the referrer be told the outcome?", shared by the page and the API.
import { z } from 'zod';
import { msg } from '#src/i18n/i18n.ts';
import { isoDate } from '#src/lib/zod-fields.ts';

export const ZShareConsent = z.object({
  partyId: z.string().uuid(msg('Choose the person who answered')),
  consents: z.boolean({ error: msg('Say whether they agreed to the outcome going to the referrer') }),
  decidedOn: isoDate(msg('The date they answered')).describe('The day the party answered (YYYY-MM-DD), not in the future'),
});
export type ShareConsentInput = z.infer<typeof ZShareConsent>;
