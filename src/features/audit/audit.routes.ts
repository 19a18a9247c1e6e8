// Admins browse and filter their service's audit trail.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Deps } from '#src/deps.ts';
import { inOrg } from '#src/db/tenant.ts';
import { authorise } from '#src/access/permissions.ts';
import { errorList } from '#src/http/views.ts';
import { parseForm } from '#src/http/forms.ts';
import { searchEvents } from './audit.repo.ts';

const PAGE_SIZE = 50;
const dateField = (label: string) =>
  z
    .string()
    .trim()
    .optional()
    .refine((v) => !v || /^\d{4}-\d{2}-\d{2}$/.test(v), `${label} must be a date like 2026-03-27`);

const ZAuditFilter = z.object({
  action: z.string().trim().max(80).optional(),
  actor: z.string().trim().max(120).optional(),
  entity: z.string().trim().max(120).optional(),
  from: dateField('From'),
  to: dateField('To'),
  page: z.coerce.number().int().min(1).max(100000).optional(),
});

export function registerAuditRoutes(app: FastifyInstance, deps: Pick<Deps, 'db' | 'nameEntities'>) {
  app.get('/audit', async (req, reply) => {
    const actor = req.actor!;
    authorise(actor, 'audit.read');
    const form = parseForm(ZAuditFilter, req.query);
    const values = (req.query ?? {}) as Record<string, string>;
    if (!form.ok)
      return reply
        .status(422)
        .page('audit/views/audit.njk', { pageTitle: req.t('Audit trail'), values, fields: form.fields, errors: errorList(form.fields), rows: [], total: 0 });
    const f = form.data;
    const page = f.page ?? 1;
    const { rows, total, names } = await inOrg(deps.db, actor.orgId, async (tx) => {
      const found = await searchEvents(
        tx,
        {
          orgId: actor.orgId,
          action: f.action || undefined,
          actor: f.actor || undefined,
          entity: f.entity || undefined,
          from: f.from ? new Date(`${f.from}T00:00:00Z`) : undefined,
          to: f.to ? new Date(`${f.to}T23:59:59.999Z`) : undefined,
        },
        PAGE_SIZE,
        (page - 1) * PAGE_SIZE,
      );
      const refs = found.rows.flatMap((r) => [
        ...(r.entityType && r.entityId ? [{ type: r.entityType, id: r.entityId }] : []),
        ...(r.actorType === 'user' && r.actorId ? [{ type: 'user', id: r.actorId }] : []),
      ]);
      return { ...found, names: await deps.nameEntities(tx, actor.orgId, refs, req.t) };
    });
    const query = new URLSearchParams(Object.entries(values).filter(([k, v]) => k !== 'page' && v) as [string, string][]).toString();
    return reply.page('audit/views/audit.njk', {
      pageTitle: req.t('Audit trail'),
      values,
      rows: rows.map((r) => ({
        seq: r.seq,
        at: r.at,
        actor: (r.actorType === 'user' && r.actorId ? names.get(`user:${r.actorId}`)?.name : undefined) ?? r.actorLabel ?? r.actorType,
        actorDetail: r.actorType === 'user' ? r.actorLabel : undefined,
        action: r.action,
        entity: r.entityType && r.entityId ? names.get(`${r.entityType}:${r.entityId}`) : undefined,
        ip: r.ip,
        requestId: r.requestId,
      })),
      total,
      page,
      prev: page > 1 ? `/audit?${query}&page=${page - 1}` : undefined,
      next: page * PAGE_SIZE < total ? `/audit?${query}&page=${page + 1}` : undefined,
    });
  });
}
