// The find-a-time page: /cases/{id}/meetings/find-a-time. A GET form (works without JavaScript) asks for the kind,
// mode, place, venue, length, dates and parties; the page lists the earliest good times with "Book this time"
// links to the booking form, and for each day without a time a link that shows why. Coordinators and admins.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '#src/deps.ts';
import { caseIdParam } from '#src/features/cases/case-page.routes.ts';
import { caseHeader } from '#src/features/cases/case-pages.present.ts';
import { createCasePagesService } from '#src/features/cases/case-pages.service.ts';
import { asBody } from '#src/http/page-form.ts';
import { fieldErrorsOf } from '#src/http/forms.ts';
import type { FieldErrors } from '#src/lib/app-error.ts';
import { errorList, formModel, formValues, isSearch, pageFields, readSearch, resultsModel } from './slots.present.ts';

export function registerSlotPages(app: FastifyInstance, deps: Pick<Deps, 'cases' | 'clock' | 'db' | 'slots'>) {
  const pages = createCasePagesService(deps);

  app.get('/cases/:id/meetings/find-a-time', async (req: FastifyRequest, reply: FastifyReply) => {
    const actor = req.actor!;
    const caseId = caseIdParam(req);
    const query = asBody(req.query);
    const choices = await deps.slots.choices(actor, caseId);
    const view = await pages.casePage(actor, caseId);
    const header = caseHeader(req.t, view, 'meetings');
    let fields: FieldErrors = {};
    let results: ReturnType<typeof resultsModel> | undefined;
    if (isSearch(query)) {
      const { raw, problems, explain } = readSearch(query, req.t);
      fields = problems;
      try {
        const found = await deps.slots.suggest(actor, caseId, raw, { explainDate: explain, t: req.t });
        if (!Object.keys(problems).length) results = resultsModel(req.t, found, choices.today);
      } catch (err) {
        const found = fieldErrorsOf(err);
        if (!found) throw err;
        fields = { ...pageFields(found), ...problems };
      }
      if (Object.keys(fields).length) reply.status(422);
    }
    const errors = errorList(fields);
    return reply.page('meetings/slots/views/find-a-time.njk', {
      pageTitle: `${header.reference} – ${req.t('Find a time')}`,
      header,
      backLink: `/cases/${caseId}/meetings`,
      ...formModel(req.t, choices, formValues(query, choices), query),
      action: `/cases/${caseId}/meetings/find-a-time`,
      results,
      fields,
      errors: errors.length ? errors : undefined,
    });
  });
}
