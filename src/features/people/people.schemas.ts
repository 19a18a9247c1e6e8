import { z } from 'zod';
import { STAFF_ROLES } from '#src/access/actor.ts';

export const ZRole = z.enum(STAFF_ROLES, { error: 'Select a role' });

export const ZInvite = z.object({
  name: z.string().trim().min(1, 'Enter their full name').max(120, 'Name must be 120 characters or fewer'),
  email: z.email({ error: 'Enter an email address in the correct format, like name@example.org' }).trim().toLowerCase(),
  role: ZRole,
});
export type Invite = z.infer<typeof ZInvite>;

export const ZChangeRole = z.object({ role: ZRole });
export const ZAcceptInvitation = z.object({ password: z.string().min(1, 'Enter a password') });
