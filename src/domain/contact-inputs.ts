// How a postcode, an email address and a phone number are typed into any form (referrals, parties, contacts):
// an empty answer is allowed, anything else must be real.
import { z } from 'zod';
import { parsePostcode } from '#src/lib/normalise.ts';

export const ZPostcodeInput = z
  .string()
  .trim()
  .refine((v) => v === '' || parsePostcode(v) !== undefined, 'Enter a real postcode, like CT1 2AB')
  .transform((v) => parsePostcode(v)?.normalised ?? '')
  .optional();

export const ZEmailInput = z.union([z.literal(''), z.email('Enter an email address in the correct format, like name@example.org')]).optional();
export const ZPhoneInput = z
  .string()
  .trim()
  .max(30, 'Phone number must be 30 characters or fewer')
  .refine((v) => v === '' || v.replace(/\D/g, '').length >= 6, 'Enter a phone number, like 01632 960 001 or 07700 900 982')
  .optional();
