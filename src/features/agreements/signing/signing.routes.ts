// Signing at the meeting on one device, and the staff side of remote signing and copies. The device goes back to a
// neutral screen between signers ("pass the device on"), which shows nothing of the previous signer. Typed signatures
// work without JavaScript and by keyboard alone; /assets/js/signature-pad.js adds the drawn signature.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '#src/deps.ts';
import { caseIdParam } from '#src/features/cases/case-page.routes.ts';
import { parseForm } from '#src/http/forms.ts';
import { errorList } from '#src/http/views.ts';
import { translator } from '#src/i18n/i18n.ts';
import { AppError, type FieldErrors } from '#src/lib/app-error.ts';
import { STATEMENT_KEYS, STATEMENT_LABELS } from '../agreement-words.ts';
import { asBody, attempt, refused, readSignatureForm } from '../agreement-forms.ts';
import { ZSignature } from '../agreements.schemas.ts';
import { issueOutcomeWords, signerView, termView } from '../agreements.present.ts';
import { agreementIdParam } from '../drafting/drafting.routes.ts';

const t = translator('en');
const permission = 'cases.view' as const;

/** The agreement as a signer reads it: statements, issues, terms and who signs. Shared with the remote signing page. */
export function readingModel(d: {
  version: {
    statements: Record<string, string>;
    issues: { issue: string; outcome: string | null }[];
    number: number;
    hash: string | null;
    reference: string | null;
  };
  terms: Parameters<typeof termView>[0][];
  signers: { name: string; kind: string }[];
}) {
  return {
    number: d.version.number,
    hash: d.version.hash,
    reference: d.version.reference,
    statements: STATEMENT_KEYS.map((k) => ({ label: t(STATEMENT_LABELS[k]), text: d.version.statements[k] })),
    issues: d.version.issues.map((i) => ({ issue: i.issue, outcome: issueOutcomeWords(i.outcome) })),
    terms: d.terms.map(termView),
    signerNames: d.signers.map((s) => (s.kind === 'mediator' ? t('{name}, mediator (witness)', { name: s.name }) : s.name)),
  };
}

const ids = (req: FastifyRequest) => ({ caseId: caseIdParam(req), agreementId: agreementIdParam(req), versionId: agreementIdParam(req, 'versionId') });

// The signing screens read only the agreement (it carries the case's reference): no case header, so they stay quick
// with a room full of signers.
async function renderNeutral(deps: Deps, req: FastifyRequest, reply: FastifyReply) {
  const { caseId, agreementId, versionId } = ids(req);
  const d = await deps.agreements.drafting.version(req.actor!, caseId, agreementId, versionId);
  const header = { reference: d.case.reference };
  const base = `/cases/${caseId}/agreement/${agreementId}/versions/${versionId}/sign`;
  return reply.page('agreements/views/sign-neutral.njk', {
    pageTitle: `${header.reference} – ${t('Signing the agreement')}`,
    reference: header.reference,
    back: `/cases/${caseId}/agreement`,
    justSigned: (req.query as { done?: string }).done === 'signed',
    replaced: d.version.status === 'replaced',
    complete: d.version.status === 'signed',
    waiting: d.signers
      .filter((s) => s.status === 'pending')
      .map((s) => ({ name: s.kind === 'mediator' ? t('{name}, mediator (witness)', { name: s.name }) : s.name, href: `${base}/${s.id}` })),
  });
}

async function renderSign(deps: Deps, req: FastifyRequest, reply: FastifyReply, state: { values?: Record<string, string>; fields?: FieldErrors } = {}) {
  const { caseId, agreementId, versionId } = ids(req);
  const signerId = agreementIdParam(req, 'signerId');
  const d = await deps.agreements.drafting.version(req.actor!, caseId, agreementId, versionId);
  const header = { reference: d.case.reference };
  const signer = d.signers.find((s) => s.id === signerId);
  if (!signer) throw new AppError('NOT_FOUND', 'That signer was not found');
  return reply.page('agreements/views/sign.njk', {
    pageTitle: `${header.reference} – ${t('Read and sign')}`,
    back: `/cases/${caseId}/agreement/${agreementId}/versions/${versionId}/sign`,
    action: `/cases/${caseId}/agreement/${agreementId}/versions/${versionId}/sign/${signer.id}`,
    signer: { ...signerView(signer), isMediator: signer.kind === 'mediator' },
    agreement: readingModel(d),
    pending: signer.status === 'pending' && d.version.status === 'ready',
    values: state.values ?? {},
    fields: state.fields ?? {},
    errors: state.fields ? errorList(state.fields, ['confirmName', 'typedName', 'drawing', 'agree']) : undefined,
    witness: req.actor!.label,
  });
}

export function registerSigningPages(app: FastifyInstance, deps: Deps) {
  const base = '/cases/:id/agreement/:agreementId/versions/:versionId';
  const tab = (req: FastifyRequest, done: string) => `/cases/${caseIdParam(req)}/agreement?done=${done}`;

  app.get(`${base}/sign`, { config: { permission } }, (req, reply) => renderNeutral(deps, req, reply));
  app.get(`${base}/sign/:signerId`, { config: { permission } }, (req, reply) => renderSign(deps, req, reply));
  app.post(`${base}/sign/:signerId`, { config: { permission } }, async (req, reply) => {
    const { caseId, agreementId, versionId } = ids(req);
    const b = asBody(req.body);
    const form = readSignatureForm(b);
    const parsed = parseForm(ZSignature, form);
    const done = parsed.ok
      ? await attempt(reply, () =>
          deps.agreements.signing.signInPerson(req.actor!, caseId, agreementId, versionId, agreementIdParam(req, 'signerId'), parsed.data),
        )
      : refused(reply, parsed);
    if (done.ok) return reply.redirect(`/cases/${caseId}/agreement/${agreementId}/versions/${versionId}/sign?done=signed`, 303);
    return renderSign(deps, req, reply, {
      values: {
        typedName: form.typedName,
        drawing: form.drawing,
        method: form.method,
        confirmName: form.confirmName ? 'yes' : '',
        agree: form.agree ? 'yes' : '',
      },
      fields: done.fields,
    });
  });

  app.post(`${base}/signers/:signerId/link`, { config: { permission } }, async (req, reply) => {
    const { caseId, agreementId, versionId } = ids(req);
    await deps.agreements.signing.sendLink(req.actor!, caseId, agreementId, versionId, agreementIdParam(req, 'signerId'));
    return reply.redirect(tab(req, 'link'), 303);
  });
  app.post(`${base}/links/:linkId/revoke`, { config: { permission } }, async (req, reply) => {
    const { caseId, agreementId, versionId } = ids(req);
    await deps.agreements.signing.revokeLink(req.actor!, caseId, agreementId, versionId, agreementIdParam(req, 'linkId'));
    return reply.redirect(tab(req, 'revoked'), 303);
  });
  app.post(`${base}/copies`, { config: { permission } }, async (req, reply) => {
    const { caseId, agreementId, versionId } = ids(req);
    await deps.agreements.signing.sendCopies(req.actor!, caseId, agreementId, versionId);
    return reply.redirect(tab(req, 'copies'), 303);
  });
  app.get(`${base}/pdf`, { config: { permission } }, async (req, reply) => {
    const { caseId, agreementId, versionId } = ids(req);
    const pdf = await deps.agreements.signing.pdf(req.actor!, caseId, agreementId, versionId);
    return reply
      .type('application/pdf')
      .header('content-disposition', `attachment; filename="${pdf.reference}.pdf"`)
      .header('cache-control', 'no-store')
      .send(pdf.bytes);
  });
}
