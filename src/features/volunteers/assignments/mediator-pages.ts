// What the Mediators tab and its pages share: the case, who is on it, and a page of its own under the tab (the
// case's reference as the caption, a back link to the tab), shown again with the problems and what was typed.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '#src/deps.ts';
import { caseIdParam } from '#src/features/cases/case-page.routes.ts';
import { caseHeader } from '#src/features/cases/case-pages.present.ts';
import type { CasePagesService } from '#src/features/cases/case-pages.service.ts';
import { authorise } from '#src/access/permissions.ts';
import type { FieldErrors } from '#src/lib/app-error.ts';
import { caseEndedReason } from './case-mediators.present.ts';

export type Problems = { fields: FieldErrors; errors: { text: string; href: string }[] };
export type PageExtra = Partial<Problems> & { values?: Record<string, string> };

/**
 * The case and its mediators, as every page under the tab reads them (the case view is audited by the case service).
 * `assign`: a page for those who assign mediators (refused to anyone else once they are known to see the case).
 */
export async function loadMediators(deps: Pick<Deps, 'assignments'>, pages: CasePagesService, req: FastifyRequest, opts: { assign?: boolean } = {}) {
  const actor = req.actor!;
  const caseId = caseIdParam(req);
  const view = await pages.casePage(actor, caseId);
  const mediators = await deps.assignments.forCase(actor, caseId);
  if (opts.assign) authorise(actor, 'cases.assign');
  return { actor, caseId, view, mediators, caseEnded: caseEndedReason(view.case.status), header: caseHeader(req.t, view, 'mediators') };
}
export type Loaded = Awaited<ReturnType<typeof loadMediators>>;

/** One page under the Mediators tab: its title as the heading, the case's reference above it, back to the tab. */
export function mediatorPage(reply: FastifyReply, loaded: Loaded, template: string, title: string, model: Record<string, unknown>, extra: PageExtra = {}) {
  const { header } = loaded;
  return reply.page(`volunteers/assignments/views/${template}`, {
    pageTitle: `${header.reference} – ${title}`,
    title,
    header,
    backLink: `/cases/${header.id}/mediators`,
    caseEnded: loaded.mediators.canAssign ? loaded.caseEnded : null,
    ...model,
    values: extra.values ?? (model.values as Record<string, string> | undefined) ?? {},
    fields: extra.fields ?? {},
    errors: extra.errors,
  });
}

/** The problems as field messages and error summary lines, each line pointing at its field. */
export const problemsOf = (fields: FieldErrors): Problems => ({
  fields,
  errors: Object.entries(fields).map(([id, text]) => ({ text, href: `#${id}` })),
});
