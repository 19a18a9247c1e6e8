// A staff role in words on a page, as a choice in a list ("case coordinator"). Marked for the message catalogue
// here and translated where it is shown; `ROLE_LABELS` (permissions.ts) has each with its article.
import { msg } from '#src/i18n/i18n.ts';
import type { Role } from './actor.ts';

export const ROLE_NAMES: Record<Role, string> = {
  admin: msg('admin'),
  coordinator: msg('case coordinator'),
  supervisor: msg('supervisor'),
  mediator: msg('mediator'),
  safeguarding_lead: msg('safeguarding lead'),
  viewer: msg('viewer'),
  commissioner: msg('commissioner'),
  referrer: msg('referrer'),
};
