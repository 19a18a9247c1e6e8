// The certificate's PDF, for the case team: GET /cases/{id}/send/certificates/{certificateId}.pdf and its API twin.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '#src/deps.ts';
import { caseIdParam } from '#src/features/cases/case-page.routes.ts';
import { uuidParam } from '#src/http/page-input.ts';
import { msg } from '#src/i18n/i18n.ts';

export function registerCertificatePdf(app: FastifyInstance, deps: Pick<Deps, 'send'>) {
  const send = async (req: FastifyRequest, reply: FastifyReply) => {
    const caseId = caseIdParam(req);
    const certificateId = uuidParam(req, 'certificateId', msg('That certificate was not found'));
    const pdf = await deps.send.certificatePdf(req.actor!, caseId, certificateId);
    return reply
      .type('application/pdf')
      .header('content-disposition', `attachment; filename="certificate-${pdf.number}.pdf"`)
      .header('cache-control', 'no-store')
      .send(pdf.bytes);
  };
  app.get('/cases/:id/send/certificates/:certificateId.pdf', send);
  app.get('/api/v1/cases/:id/send/certificates/:certificateId/pdf', send);
}
