// The code by phone (case → Agreement → a signer's code): the signer's current six-digit code while their link is
// live, or a button to make one. Never cached; the service audits every view.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '#src/deps.ts';
import { caseIdParam } from '#src/features/cases/case-page.routes.ts';
import { agreementIdParam } from '../drafting/drafting.routes.ts';

const permission = 'cases.view' as const;
const ids = (req: FastifyRequest) => ({
  caseId: caseIdParam(req),
  agreementId: agreementIdParam(req),
  versionId: agreementIdParam(req, 'versionId'),
  signerId: agreementIdParam(req, 'signerId'),
});
const time = (d: Date) => d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });

export function registerPhoneCodePages(app: FastifyInstance, deps: Deps) {
  const path = '/cases/:id/agreement/:agreementId/versions/:versionId/signers/:signerId/code';

  app.get(path, { config: { permission } }, async (req, reply) => {
    const i = ids(req);
    const shown = await deps.agreements.phoneCode.view(req.actor!, i);
    const reference = shown.reference;
    reply.header('cache-control', 'no-store');
    return reply.page('agreements/views/phone-code.njk', {
      pageTitle: `${reference} – ${req.t('{name}’s signing code', { name: shown.signer.name })}`,
      reference,
      name: shown.signer.name,
      state: shown.state,
      code: shown.state === 'code' ? shown.code : undefined,
      validUntil: shown.state === 'code' ? time(shown.validUntil) : undefined,
      action: req.url.split('?')[0],
      back: `/cases/${i.caseId}/agreement`,
    });
  });

  app.post(path, { config: { permission } }, async (req, reply) => {
    await deps.agreements.phoneCode.make(req.actor!, ids(req));
    return reply.redirect(req.url.split('?')[0]!, 303);
  });
}
