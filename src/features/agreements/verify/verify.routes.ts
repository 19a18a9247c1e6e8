// /s/{service}/verify: upload the signed PDF or type its reference; the answer is only "matches a signed agreement"
// or "does not match". The upload is read in memory (multipart, this route's scope only) and never stored.
import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '#src/deps.ts';
import { errorList } from '#src/http/views.ts';
import { translator } from '#src/i18n/i18n.ts';
import type { FieldErrors } from '#src/lib/app-error.ts';

const t = translator('en');
const LIMIT = { rateLimit: { max: 20, timeWindow: '1 minute' } };
const MAX_PDF_BYTES = 10 * 1024 * 1024;

type Answer = { matches: boolean; reference: string | null; by: 'pdf' | 'reference' };

async function render(deps: Deps, req: FastifyRequest, reply: FastifyReply, state: { answer?: Answer; fields?: FieldErrors; reference?: string } = {}) {
  const service = await deps.settings.publicService((req.params as { service: string }).service);
  return reply.page('agreements/views/verify.njk', {
    pageTitle: t('Check a signed agreement'),
    service: { name: service.name, slug: service.slug },
    answer: state.answer,
    reference: state.reference ?? '',
    fields: state.fields ?? {},
    errors: state.fields ? errorList(state.fields, ['pdf', 'reference']) : undefined,
  });
}

export function registerVerifyPages(app: FastifyInstance, deps: Deps) {
  app.get('/s/:service/verify', { config: LIMIT }, (req, reply) => render(deps, req, reply));
  app.register(async (scope) => {
    // keyValues: the fields (the CSRF token among them) and the file (as bytes) are the body before any check runs.
    await scope.register(fastifyMultipart, {
      attachFieldsToBody: 'keyValues',
      limits: { fileSize: MAX_PDF_BYTES, files: 1, fields: 5, fieldSize: 200, parts: 6 },
    });
    scope.post('/s/:service/verify', { config: LIMIT }, async (req, reply) => {
      const slug = (req.params as { service: string }).service;
      const body = (req.body ?? {}) as { reference?: unknown; pdf?: unknown };
      const reference = typeof body.reference === 'string' ? body.reference : '';
      const pdf = Buffer.isBuffer(body.pdf) && body.pdf.length ? body.pdf : undefined;
      if (pdf) {
        if (!pdf.subarray(0, 5).toString('latin1').startsWith('%PDF-')) {
          reply.status(422);
          return render(deps, req, reply, { fields: { pdf: t('The file must be a PDF') }, reference });
        }
        const found = await deps.agreements.verify.byPdf(slug, pdf);
        return render(deps, req, reply, { answer: { matches: found.matches, reference: found.reference, by: 'pdf' } });
      }
      if (!/^\s*AGR-[A-Za-z0-9]{12}\s*$/.test(reference)) {
        reply.status(422);
        return render(deps, req, reply, { fields: { reference: t('Choose the PDF, or enter its reference, like AGR-7K2M9QX4B1ZT') }, reference });
      }
      const found = await deps.agreements.verify.byReference(slug, reference);
      return render(deps, req, reply, { answer: { matches: found.matches, reference: found.reference, by: 'reference' }, reference });
    });
  });
}
