// Settings → Agreement wording (/settings/agreements): each case type's statements. Admins only.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '#src/deps.ts';
import { caseTypeName } from '#src/domain/case-words.ts';
import { parseForm } from '#src/http/forms.ts';
import { errorList } from '#src/http/views.ts';
import type { FieldErrors } from '#src/lib/app-error.ts';
import { STATEMENT_KEYS, STATEMENT_LABELS } from '../agreement-words.ts';
import { asBody, attempt, refused, textOf } from '../agreement-forms.ts';
import { ZStatements } from '../agreements.schemas.ts';
const permission = 'settings.manage' as const;

async function render(
  deps: Deps,
  req: FastifyRequest,
  reply: FastifyReply,
  state: { caseType?: string; values?: Record<string, string>; fields?: FieldErrors } = {},
) {
  const list = await deps.agreements.wording.list(req.actor!);
  return reply.page('agreements/views/wording.njk', {
    pageTitle: req.t('Agreement wording'),
    saved: (req.query as { done?: string }).done === 'saved',
    types: list.map((w) => ({
      caseType: w.caseType,
      label: caseTypeName(req.t, w.type, w.caseType),
      isOwn: w.isOwn,
      statements: STATEMENT_KEYS.map((k) => ({
        name: k,
        id: `${w.caseType}-${k}`,
        label: req.t(STATEMENT_LABELS[k]),
        value: state.caseType === w.caseType ? (state.values?.[k] ?? '') : w.statements[k],
        error: state.caseType === w.caseType ? state.fields?.[k] : undefined,
      })),
    })),
    errors: state.fields ? errorList(Object.fromEntries(Object.entries(state.fields).map(([k, v]) => [`${state.caseType}-${k}`, v]))) : undefined,
  });
}

export function registerWordingPages(app: FastifyInstance, deps: Deps) {
  app.get('/settings/agreements', { config: { permission } }, (req, reply) => render(deps, req, reply));
  app.post('/settings/agreements/:caseType', { config: { permission } }, async (req, reply) => {
    const caseType = (req.params as { caseType: string }).caseType;
    const b = asBody(req.body);
    const values = Object.fromEntries(STATEMENT_KEYS.map((k) => [k, textOf(b, k)]));
    const parsed = parseForm(ZStatements, values);
    const done = parsed.ok ? await attempt(reply, () => deps.agreements.wording.save(req.actor!, caseType, parsed.data)) : refused(reply, parsed);
    if (done.ok) return reply.redirect('/settings/agreements?done=saved', 303);
    return render(deps, req, reply, { caseType, values, fields: done.fields });
  });
}
