// The Agreement tab of a case: start an agreement (from scratch, a joint meeting's record or a shuttle log), its
// statements, issues and terms while a draft, "ready to sign", the signers and links while it is being signed, and
// the signed PDF. Every page reads through the agreement services, which check the case's access rules and audit.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '#src/deps.ts';
import { caseIdParam } from '#src/features/cases/case-page.routes.ts';
import { caseHeader } from '#src/features/cases/case-pages.present.ts';
import type { CasePagesService } from '#src/features/cases/case-pages.service.ts';
import { dateParts } from '#src/http/page-form.ts';
import { ISSUE_OUTCOME_LABELS, ISSUE_OUTCOMES } from '#src/features/cases/lifecycle.ts';
import { keepValues, parseForm } from '#src/http/forms.ts';
import { errorList } from '#src/http/views.ts';
import { AppError, type FieldErrors } from '#src/lib/app-error.ts';
import { isUuid } from '#src/lib/ids.ts';
import { DUE_KINDS, DUE_LABELS, SEND_ACTION_LABELS, SEND_ACTIONS, STATEMENT_KEYS, STATEMENT_LABELS, WHO_LABELS } from '../agreement-words.ts';
import { asBody, attempt, refused, readTermForm, textOf } from '../agreement-forms.ts';
import { ZCreateAgreement, ZStatements } from '../agreements.schemas.ts';
import { issueOutcomeWords, linkOut, momentWords, signerView, statusWords, termView } from '../agreements.present.ts';
import type { TermRow } from '../agreements.repo.ts';
const permission = 'cases.view' as const;

const DONE: Record<string, string> = {
  created: 'Agreement started.',
  term: 'Term saved.',
  removed: 'Term removed.',
  issues: 'Issues saved.',
  statements: 'Statements saved.',
  ready: 'The agreement is ready to sign. Its text is fixed: any change makes a new version.',
  link: 'Signing link emailed. The code that confirms it goes to the same address when they open it.',
  revoked: 'Signing link withdrawn.',
  copies: 'Each party with an email address has been sent a link to their copy.',
  signed: 'Signature recorded.',
};

export const agreementIdParam = (req: FastifyRequest, name = 'agreementId'): string => {
  const id = (req.params as Record<string, string | undefined>)[name];
  if (!isUuid(id)) throw new AppError('NOT_FOUND', 'That agreement was not found');
  return id;
};

export async function agreementHeader(pages: CasePagesService, req: FastifyRequest, caseId: string) {
  const view = await pages.casePage(req.actor!, caseId);
  return { view, header: caseHeader(req.t, view, 'agreement') };
}

type State = { values?: Record<string, string>; fields?: FieldErrors };

async function renderTab(deps: Deps, pages: CasePagesService, req: FastifyRequest, reply: FastifyReply, state: State = {}) {
  const caseId = caseIdParam(req);
  const { header } = await agreementHeader(pages, req, caseId);
  const data = await deps.agreements.drafting.forCase(req.actor!, caseId);
  const base = `/cases/${caseId}/agreement`;
  const current = data.agreements.at(-1);
  let start: unknown;
  if (!current && header.canWork) {
    const list = await deps.meetings.caseMeetings(req.actor!, caseId);
    const held = list.meetings.filter((m) => m.status === 'held');
    start = [
      { value: 'scratch', text: req.t('Start from scratch') },
      ...held
        .filter((m) => m.kind === 'joint' || m.kind === 'rj_conference')
        .map((m) => ({ value: `meeting:${m.id}`, text: req.t('From the record of the joint meeting on {when}', { when: momentWords(m.startsAt) }) })),
      ...held
        .filter((m) => m.kind === 'shuttle')
        .map((m) => ({ value: `shuttle:${m.id}`, text: req.t('From the shuttle log of {when}', { when: momentWords(m.startsAt) }) })),
    ].map((o) => ({ ...o, checked: state.values?.start === o.value }));
  }
  let agreement: unknown;
  if (current) {
    const v = current.latest;
    const signing = v.status !== 'draft' ? await deps.agreements.signing.signatures(req.actor!, caseId, current.agreement.id, v.id) : undefined;
    const now = new Date();
    const aBase = `${base}/${current.agreement.id}`;
    agreement = {
      id: current.agreement.id,
      base: aBase,
      version: { id: v.id, number: v.number, status: v.status, statusText: statusWords(v.status), hash: v.hash, reference: v.reference },
      isDraft: v.status === 'draft',
      statements: STATEMENT_KEYS.map((k) => ({ label: req.t(STATEMENT_LABELS[k]), text: v.statements[k] })),
      issues: v.issues.map((i, n) => ({
        n,
        issue: i.issue,
        outcome: issueOutcomeWords(i.outcome),
        items: [
          { value: '', text: req.t('Not marked') },
          ...ISSUE_OUTCOMES.map((o) => ({ value: o, text: req.t(ISSUE_OUTCOME_LABELS[o]), selected: i.outcome === o })),
        ],
      })),
      terms: current.terms.map(termView),
      signers: current.signers.map((s) => {
        const links = signing?.links.filter((l) => l.signerId === s.id && l.purpose === 'sign').map((l) => linkOut(l, now)) ?? [];
        const open = links.find((l) => !l.usedAt && !l.revokedAt && !l.lockedAt && !l.expired);
        return { ...signerView(s), link: open ?? null, locked: links.some((l) => l.lockedAt) };
      }),
      locked: signing?.links.filter((l) => l.lockedAt).map((l) => current.signers.find((s) => s.id === l.signerId)?.name ?? '') ?? [],
      versions: current.versions.map((x) => ({
        number: x.number,
        status: statusWords(x.status),
        hash: x.hash,
        at: momentWords(x.signedAt ?? x.frozenAt ?? x.createdAt),
      })),
    };
  }
  return reply.page('agreements/views/agreement-tab.njk', {
    pageTitle: `${header.reference} – ${req.t('Agreement')}`,
    header,
    canWork: header.canWork,
    base,
    start,
    agreement,
    values: state.values ?? {},
    errors: state.fields ? errorList(state.fields) : undefined,
    fields: state.fields ?? {},
    flash: DONE[(req.query as { done?: string }).done ?? ''] ? req.t(DONE[(req.query as { done?: string }).done ?? '']!) : undefined,
  });
}

async function renderTerm(deps: Deps, pages: CasePagesService, req: FastifyRequest, reply: FastifyReply, state: State = {}) {
  const caseId = caseIdParam(req);
  const agreementId = agreementIdParam(req);
  const termId = (req.params as { termId?: string }).termId;
  const { view, header } = await agreementHeader(pages, req, caseId);
  const data = await deps.agreements.drafting.version(req.actor!, caseId, agreementId);
  const term: TermRow | undefined = termId ? data.terms.find((x) => x.id === termId) : undefined;
  if (termId && !term) throw new AppError('NOT_FOUND', 'That term was not found');
  const values: Record<string, string> =
    state.values ??
    (term
      ? { what: term.what, checkHow: term.checkHow, dueKind: term.dueKind, appealable: term.appealable === null ? '' : term.appealable ? 'yes' : 'no' }
      : {});
  const ticked = state.values ? (state.values.whoList ?? '').split(',') : (term?.who.map((w) => (w.kind === 'party' ? `party:${w.partyId}` : w.kind)) ?? []);
  const date = state.values
    ? { day: values['dueOn-day'] ?? '', month: values['dueOn-month'] ?? '', year: values['dueOn-year'] ?? '' }
    : dateParts(term?.dueOn ?? null);
  const isSend = data.case.caseKind === 'send';
  return reply.page('agreements/views/term-form.njk', {
    pageTitle: `${header.reference} – ${term ? req.t('Change term {n}', { n: data.terms.indexOf(term) + 1 }) : req.t('Add a term')}`,
    header,
    heading: term ? req.t('Change term {n}', { n: data.terms.indexOf(term) + 1 }) : req.t('Add a term'),
    action: term ? `/cases/${caseId}/agreement/${agreementId}/terms/${term.id}` : `/cases/${caseId}/agreement/${agreementId}/terms`,
    back: `/cases/${caseId}/agreement`,
    isSend,
    frozen: data.version.status !== 'draft',
    whoItems: [
      ...view.parties.map((p) => ({ value: `party:${p.id}`, text: p.name })),
      ...(['mediator', 'local_authority', 'service'] as const).map((k) => ({ value: k, text: req.t(WHO_LABELS[k]) })),
    ].map((i) => ({ ...i, checked: ticked.includes(i.value) })),
    dueItems: DUE_KINDS.map((k) => ({ value: k, text: req.t(DUE_LABELS[k]), checked: values.dueKind === k })),
    date,
    appealItems: [
      { value: 'yes', text: req.t('Yes'), checked: values.appealable === 'yes' },
      { value: 'no', text: req.t('No'), checked: values.appealable === 'no' },
    ],
    actionItems: SEND_ACTIONS.map((a) => ({ value: a, text: req.t(SEND_ACTION_LABELS[a]), selected: values.sendAction === a })),
    values,
    fields: state.fields ?? {},
    errors: state.fields ? errorList(state.fields, ['who', 'what', 'dueKind', 'dueOn', 'checkHow', 'appealable']) : undefined,
  });
}

async function renderStatements(deps: Deps, pages: CasePagesService, req: FastifyRequest, reply: FastifyReply, state: State = {}) {
  const caseId = caseIdParam(req);
  const agreementId = agreementIdParam(req);
  const { header } = await agreementHeader(pages, req, caseId);
  const data = await deps.agreements.drafting.version(req.actor!, caseId, agreementId);
  const values = state.values ?? data.version.statements;
  return reply.page('agreements/views/statements-form.njk', {
    pageTitle: `${header.reference} – ${req.t('The agreement’s statements')}`,
    header,
    action: `/cases/${caseId}/agreement/${agreementId}/statements`,
    back: `/cases/${caseId}/agreement`,
    frozen: data.version.status !== 'draft',
    statements: STATEMENT_KEYS.map((k) => ({
      name: k,
      label: req.t(STATEMENT_LABELS[k]),
      value: (values as Record<string, string>)[k] ?? '',
      error: state.fields?.[k],
    })),
    errors: state.fields ? errorList(state.fields, [...STATEMENT_KEYS]) : undefined,
  });
}

export function registerDraftingPages(app: FastifyInstance, deps: Deps, pages: CasePagesService) {
  const tab = (req: FastifyRequest, done: string) => `/cases/${caseIdParam(req)}/agreement?done=${done}`;

  app.get('/cases/:id/agreement', { config: { permission } }, (req, reply) => renderTab(deps, pages, req, reply));

  app.post('/cases/:id/agreement', { config: { permission } }, async (req, reply) => {
    const b = asBody(req.body);
    const [from, meetingId] = textOf(b, 'start').split(':');
    const parsed = parseForm(ZCreateAgreement, { from: from || undefined, meetingId });
    const done = parsed.ok ? await attempt(reply, () => deps.agreements.drafting.create(req.actor!, caseIdParam(req), parsed.data)) : refused(reply, parsed);
    if (done.ok) return reply.redirect(tab(req, 'created'), 303);
    const fields = { start: Object.values(done.fields).join('. ') };
    return renderTab(deps, pages, req, reply, { values: keepValues(b), fields });
  });

  app.get('/cases/:id/agreement/:agreementId/terms/new', { config: { permission } }, (req, reply) => renderTerm(deps, pages, req, reply));
  app.get('/cases/:id/agreement/:agreementId/terms/:termId', { config: { permission } }, (req, reply) => renderTerm(deps, pages, req, reply));

  const saveTerm = (termId?: string) => async (req: FastifyRequest, reply: FastifyReply) => {
    const b = asBody(req.body);
    const form = readTermForm(b);
    const caseId = caseIdParam(req);
    const agreementId = agreementIdParam(req);
    const done = form.ok
      ? await attempt(reply, () =>
          termId
            ? deps.agreements.drafting.updateTerm(req.actor!, caseId, agreementId, termId, form.data)
            : deps.agreements.drafting.addTerm(req.actor!, caseId, agreementId, form.data),
        )
      : refused(reply, form);
    if (done.ok) return reply.redirect(tab(req, 'term'), 303);
    const who = Array.isArray(b.who) ? (b.who as string[]) : typeof b.who === 'string' ? [b.who] : [];
    return renderTerm(deps, pages, req, reply, { values: { ...keepValues(b), whoList: who.join(',') }, fields: done.fields });
  };
  app.post('/cases/:id/agreement/:agreementId/terms', { config: { permission } }, (req, reply) => saveTerm()(req, reply));
  app.post('/cases/:id/agreement/:agreementId/terms/:termId', { config: { permission } }, (req, reply) =>
    saveTerm(agreementIdParam(req, 'termId'))(req, reply),
  );
  app.post('/cases/:id/agreement/:agreementId/terms/:termId/remove', { config: { permission } }, async (req, reply) => {
    await deps.agreements.drafting.removeTerm(req.actor!, caseIdParam(req), agreementIdParam(req), agreementIdParam(req, 'termId'));
    return reply.redirect(tab(req, 'removed'), 303);
  });

  app.post('/cases/:id/agreement/:agreementId/issues', { config: { permission } }, async (req, reply) => {
    const b = asBody(req.body);
    const issues: { issue: string; outcome: null | (typeof ISSUE_OUTCOMES)[number] }[] = [];
    for (let i = 0; i < 50 && textOf(b, `issue-${i}`); i++) {
      const o = textOf(b, `outcome-${i}`);
      issues.push({
        issue: textOf(b, `issue-${i}`),
        outcome: (ISSUE_OUTCOMES as readonly string[]).includes(o) ? (o as (typeof ISSUE_OUTCOMES)[number]) : null,
      });
    }
    for (const line of textOf(b, 'newIssues')
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean))
      issues.push({ issue: line, outcome: null });
    const done = await attempt(reply, () => deps.agreements.drafting.saveIssues(req.actor!, caseIdParam(req), agreementIdParam(req), { issues }));
    if (done.ok) return reply.redirect(tab(req, 'issues'), 303);
    return renderTab(deps, pages, req, reply, { values: keepValues(b), fields: { newIssues: Object.values(done.fields).join('. ') } });
  });

  app.get('/cases/:id/agreement/:agreementId/statements', { config: { permission } }, (req, reply) => renderStatements(deps, pages, req, reply));
  app.post('/cases/:id/agreement/:agreementId/statements', { config: { permission } }, async (req, reply) => {
    const b = asBody(req.body);
    const input = Object.fromEntries(STATEMENT_KEYS.map((k) => [k, textOf(b, k)]));
    const parsed = parseForm(ZStatements, input);
    const done = parsed.ok
      ? await attempt(reply, () => deps.agreements.drafting.saveStatements(req.actor!, caseIdParam(req), agreementIdParam(req), parsed.data))
      : refused(reply, parsed);
    if (done.ok) return reply.redirect(tab(req, 'statements'), 303);
    return renderStatements(deps, pages, req, reply, { values: input, fields: done.fields });
  });

  app.post('/cases/:id/agreement/:agreementId/ready', { config: { permission } }, async (req, reply) => {
    const done = await attempt(reply, () => deps.agreements.drafting.readyToSign(req.actor!, caseIdParam(req), agreementIdParam(req)));
    if (done.ok) return reply.redirect(tab(req, 'ready'), 303);
    return renderTab(deps, pages, req, reply, { fields: { ready: Object.values(done.fields).join('. ') } });
  });
}
