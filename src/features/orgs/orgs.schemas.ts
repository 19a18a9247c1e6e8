import { z } from 'zod';

export const RESERVED_SLUGS = ['api', 'admin', 'assets', 'setup', 'sign-in', 'healthz', 'readyz', 's', 'www'];

export const ZOrgSlug = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, 'Enter a short name')
  .min(2, 'Short name must be at least 2 characters')
  .max(30, 'Short name must be 30 characters or fewer')
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Short name can only contain letters, numbers and single hyphens, like canterbury-mediation')
  .refine((s) => !RESERVED_SLUGS.includes(s), 'That short name is reserved, choose another');

export const ZNewOrg = z.object({
  name: z.string().trim().min(1, 'Enter the name of the service').max(120, 'Name must be 120 characters or fewer'),
  slug: ZOrgSlug,
  email: z.union([z.literal(''), z.email('Enter an email address in the correct format, like name@example.org')]).optional(),
  phone: z.string().trim().max(40, 'Phone number must be 40 characters or fewer').optional(),
  address: z.string().trim().max(500, 'Address must be 500 characters or fewer').optional(),
});
export type NewOrgInput = z.infer<typeof ZNewOrg>;
