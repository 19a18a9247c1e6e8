// The coordinators' SEND pages: the deadlines queue (every running clock, overdue first) and the register of certificates.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Deps } from '#src/deps.ts';
import { queryOf } from '#src/http/page-input.ts';
import { CERTIFICATE_KIND_LABELS, CERTIFICATE_OUTCOME_LABELS, type CertificateKind, type CertificateOutcome } from './send-words.ts';
import { clockRow } from './send.present.ts';

/** Clocks shown on one page of the deadlines queue (overdue first, so the first page is the one to act on). */
export const DEADLINES_PAGE_SIZE = 50;
const ZPage = z.object({ page: z.coerce.number().int().min(1).max(100_000).optional() });

export function registerSendQueuePages(app: FastifyInstance, deps: Pick<Deps, 'send'>) {
  app.get('/send/deadlines', { config: { permission: 'send.deadlines' } }, async (req, reply) => {
    const page = queryOf(req, ZPage).page ?? 1;
    const clocks = await deps.send.deadlines(req.actor!);
    const shown = clocks.slice((page - 1) * DEADLINES_PAGE_SIZE, page * DEADLINES_PAGE_SIZE);
    return reply.page('send/views/send-deadlines.njk', {
      pageTitle: req.t('SEND deadlines'),
      overdue: clocks.filter((k) => k.overdue).length,
      total: clocks.length,
      rows: shown.map((k) => ({ ...clockRow(req.t, k), caseId: k.caseId, reference: k.reference, childName: k.childName, localAuthority: k.localAuthority })),
      page,
      pagination: {
        previous: page > 1 ? { href: `/send/deadlines?page=${page - 1}` } : undefined,
        next: page * DEADLINES_PAGE_SIZE < clocks.length ? { href: `/send/deadlines?page=${page + 1}` } : undefined,
      },
    });
  });

  app.get('/send/certificates', { config: { permission: 'send.deadlines' } }, async (req, reply) => {
    const rows = await deps.send.register(req.actor!);
    return reply.page('send/views/send-register.njk', {
      pageTitle: req.t('Register of mediation certificates'),
      rows: rows.map((c) => ({
        number: c.number,
        reference: c.reference,
        caseId: c.caseId,
        // i18n-dynamic: the labels are msg() literals (send-words.ts)
        kind: req.t(CERTIFICATE_KIND_LABELS[c.kind as CertificateKind] ?? c.kind),
        // i18n-dynamic: the labels are msg() literals (send-words.ts)
        outcome: c.outcome ? req.t(CERTIFICATE_OUTCOME_LABELS[c.outcome as CertificateOutcome] ?? c.outcome) : '',
        issuedOn: c.issuedOn,
        appealDeadline: c.appealDeadline,
        superseded: c.supersededAt !== null,
      })),
    });
  });
}
