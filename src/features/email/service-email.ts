// Published by email: one message in the service's own wording (Settings → Email wording) or the built-in one, in the
// recipient's language, read inside the caller's transaction.
import type { Db } from '#src/db/client.ts';
import { findOrgById } from '#src/features/orgs/org-records.ts';
import { readMeetingPolicy } from '#src/features/settings/meeting-policy.ts';
import type { Locale } from '#src/i18n/i18n.ts';
import { type RenderedEmail, renderEmail, type TemplateName } from './templates.ts';

export async function renderServiceEmail(tx: Db, orgId: string, name: TemplateName, values: Record<string, string>, locale: Locale): Promise<RenderedEmail> {
  const overrides = readMeetingPolicy((await findOrgById(tx, orgId))?.settings).emailTemplates;
  return renderEmail(name, values, overrides, locale);
}
