// The case's Mediators tab: who is on the case now and before (mediators see their co-mediator), and links to a page
// for each thing to do: suggested pairs, choosing the mediators yourself, ending the assignment (coordinators and
// admins), signing off a trainee (their supervisor). Each form posts to its own page and redirects back to the tab,
// or shows its page again with the reasons and what was typed.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '#src/deps.ts';
import { caseIdParam } from '#src/features/cases/case-page.routes.ts';
import { type CasePagesService, createCasePagesService } from '#src/features/cases/case-pages.service.ts';
import { asBody, type FormBody, optionalText, textOf } from '#src/http/page-form.ts';
import { fieldErrorsOf, keepValues, parseForm } from '#src/http/forms.ts';
import { translator, msg } from '#src/i18n/i18n.ts';
import { AppError, type FieldErrors } from '#src/lib/app-error.ts';
import { ZAssign } from './assignments.schemas.ts';
import { chooseModel, mediatorsSummary, suggestionsModel } from './case-mediators.present.ts';
import { doneOf } from '#src/http/page-input.ts';
import { loadMediators, mediatorPage, type PageExtra, type Problems, problemsOf } from './mediator-pages.ts';
import { registerAssignmentChangePages } from './assignment-changes.routes.ts';

const t = translator('en');

const DONE: Record<string, string> = {
  assigned: msg('Mediators assigned. The change is on the case timeline.'),
  override: msg('Mediators assigned although the pair breaks the pairing rules. The justification is on the case timeline.'),
  ended: msg('Assignment ended. The mediators no longer see this case.'),
  signedOff: msg('Supervised case signed off.'),
};

type AssignPage = 'suggested' | 'choose';

async function renderSummary(deps: Pick<Deps, 'assignments'>, pages: CasePagesService, req: FastifyRequest, reply: FastifyReply) {
  const loaded = await loadMediators(deps, pages, req);
  const done = doneOf(req);
  return reply.page('volunteers/assignments/views/case-mediators.njk', {
    pageTitle: `${loaded.header.reference} – ${t('Mediators')}`,
    header: loaded.header,
    ...mediatorsSummary(loaded.mediators, loaded.caseEnded),
    flash: done ? DONE[done] : undefined,
  });
}

async function renderAssignPage(
  deps: Pick<Deps, 'assignments'>,
  pages: CasePagesService,
  req: FastifyRequest,
  reply: FastifyReply,
  which: AssignPage,
  extra: PageExtra = {},
) {
  const loaded = await loadMediators(deps, pages, req, { assign: true });
  const suggestions = loaded.caseEnded ? undefined : await deps.assignments.suggest(loaded.actor, loaded.caseId);
  const values = extra.values ?? {};
  if (which === 'suggested')
    return mediatorPage(
      reply,
      loaded,
      'mediators-suggested.njk',
      t('Suggested pairs'),
      suggestions ? suggestionsModel(loaded.mediators, suggestions, values) : {},
      extra,
    );
  return mediatorPage(
    reply,
    loaded,
    'mediators-choose.njk',
    t('Choose mediators yourself'),
    suggestions ? chooseModel(loaded.mediators, suggestions, values) : {},
    extra,
  );
}

/** A refused pair's reasons, one error summary line each, pointing at the first field of the page's form. */
function pairProblems(fields: FieldErrors, which: AssignPage, canOverride: boolean): Problems {
  const first = which === 'suggested' ? 'pair' : 'mediatorA';
  const reasons = Object.entries(fields).filter(([k]) => k.startsWith('reasons.'));
  const shown: FieldErrors = {};
  for (const [k, v] of Object.entries(fields)) {
    if (k.startsWith('reasons.')) continue;
    const id =
      k === 'mediatorIds.1' && which === 'choose' ? 'mediatorB' : k === 'overrideJustification' && which === 'choose' ? 'overrideJustification' : first;
    shown[id] = reasons.length && k === 'mediatorIds' ? t('This pair breaks the pairing rules') : v;
  }
  if (!reasons.length) return problemsOf(shown);
  const errors = reasons.map(([, text]) => ({ text, href: `#${first}` }));
  if (which === 'choose' && canOverride) errors.push({ text: t('To assign this pair anyway, give a justification'), href: '#overrideJustification' });
  return { fields: shown, errors };
}

/** The pair chosen on either page: a suggested pair ("idA,idB") or any two volunteers from the lists. */
function assignInput(b: FormBody, which: AssignPage) {
  if (which === 'suggested') {
    const pair = textOf(b, 'pair');
    if (!pair) return { missing: { pair: t('Choose a suggested pair') } };
    return { input: { mediatorIds: pair.split(',') } };
  }
  const a = textOf(b, 'mediatorA');
  const c = textOf(b, 'mediatorB');
  const missing: FieldErrors = {};
  if (!a) missing.mediatorA = t('Choose the first volunteer');
  if (!c) missing.mediatorB = t('Choose the second volunteer');
  if (Object.keys(missing).length) return { missing };
  return { input: { mediatorIds: [a, c], overrideJustification: optionalText(b, 'overrideJustification') } };
}

export function registerCaseMediatorPages(app: FastifyInstance, deps: Pick<Deps, 'assignments' | 'cases' | 'clock' | 'db'>) {
  const pages = createCasePagesService(deps);

  app.get('/cases/:id/mediators', (req, reply) => renderSummary(deps, pages, req, reply));

  for (const which of ['suggested', 'choose'] as const) {
    const again = (req: FastifyRequest, reply: FastifyReply, status: number, problems: Problems) =>
      renderAssignPage(deps, pages, req, reply.status(status), which, { ...problems, values: keepValues(req.body) });

    app.get(`/cases/:id/mediators/${which}`, (req, reply) => renderAssignPage(deps, pages, req, reply, which));

    app.post(`/cases/:id/mediators/${which}`, async (req, reply) => {
      const caseId = caseIdParam(req);
      const chosen = assignInput(asBody(req.body), which);
      const canOverride = req.actor!.role === 'admin';
      if (chosen.missing) return again(req, reply, 422, problemsOf(chosen.missing));
      const parsed = parseForm(ZAssign, chosen.input);
      if (!parsed.ok) return again(req, reply, 422, pairProblems(parsed.fields, which, canOverride));
      try {
        const result = await deps.assignments.assign(req.actor!, caseId, parsed.data);
        return reply.redirect(`/cases/${caseId}/mediators?done=${result.override ? 'override' : 'assigned'}`, 303);
      } catch (err) {
        const fields = fieldErrorsOf(err);
        if (!fields) throw err;
        // The case ended while the page was open: the page now says so in place of the form.
        if (err instanceof AppError && err.reason === 'CASE_ENDED')
          return again(req, reply, err.status, { fields: {}, errors: [{ text: err.message, href: '#case-ended' }] });
        return again(req, reply, (err as AppError).status ?? 422, pairProblems(fields, which, canOverride));
      }
    });
  }

  registerAssignmentChangePages(app, deps, pages);
}
