// The People tab's pages for recording work with the people on a case: "Record consent" and "Record a contact
// attempt", each a page of its own (the forms post to /cases/{id}/consents and /contacts, case-forms.routes.ts).
// `?partyId=` chooses the person, as the links on each person's card do.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { msg } from '#src/i18n/i18n.ts';
import { AppError } from '#src/lib/app-error.ts';
import { queryOf } from '#src/http/page-input.ts';
import type { CasePagesService } from './case-pages.service.ts';
import { caseHeader, consentModel, contactModel } from './case-pages.present.ts';
import { caseIdParam, type TabExtra } from './case-page.routes.ts';

export type RecordPage = 'consent' | 'contact';

const ZPartyQuery = z.object({ partyId: z.string().uuid().optional().catch(undefined) });

/** One of the two pages, with what was typed and the problems when its form was not accepted. */
export async function renderRecordPage(pages: CasePagesService, req: FastifyRequest, reply: FastifyReply, which: RecordPage, extra: TabExtra = {}) {
  const view = await pages.casePage(req.actor!, caseIdParam(req));
  if (!view.canWork)
    throw new AppError('FORBIDDEN', msg('Only case coordinators, admins and the mediators on the case record work on it'), { reason: 'ROLE_NOT_ALLOWED' });
  const header = caseHeader(req.t, view, 'people');
  const values = extra.values ?? { partyId: queryOf(req, ZPartyQuery).partyId ?? '' };
  const title = which === 'consent' ? req.t('Record consent') : req.t('Record a contact attempt');
  return reply.page(`cases/views/case-${which}.njk`, {
    pageTitle: `${header.reference} – ${title}`,
    title,
    header,
    ...(which === 'consent' ? consentModel(req.t, view, values) : contactModel(req.t, view, values)),
    fields: extra.fields ?? {},
    errors: extra.errors,
  });
}

export function registerRecordPages(app: FastifyInstance, pages: CasePagesService) {
  app.get('/cases/:id/consents', (req, reply) => renderRecordPage(pages, req, reply, 'consent'));
  app.get('/cases/:id/contacts', (req, reply) => renderRecordPage(pages, req, reply, 'contact'));
}
