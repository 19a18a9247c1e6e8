// Testimonials: staff edit a quote's wording to remove anything that could identify someone; an admin approves it
// (or not) and may publish it on the service's public page. Every view and change is audited.
import { inOrg } from '#src/db/tenant.ts';
import { AppError, notFound } from '#src/lib/app-error.ts';
import { msg } from '#src/i18n/i18n.ts';
import type { OrgActor } from '#src/access/actor.ts';
import { authorise } from '#src/access/permissions.ts';
import type { ClosingDeps } from '../follow-up/follow-up.service.ts';
import { findTestimonial, listTestimonials, updateTestimonial } from './testimonials.repo.ts';
import { listCaseTypes } from '#src/features/orgs/org-records.ts';

export const TESTIMONIAL_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type TestimonialStatus = (typeof TESTIMONIAL_STATUSES)[number];

export function createTestimonialService({ db, clock, audit }: Pick<ClosingDeps, 'db' | 'clock' | 'audit'>) {
  async function load(actor: OrgActor, id: string) {
    return inOrg(db, actor.orgId, async (tx) => {
      const row = await findTestimonial(tx, actor.orgId, id);
      if (!row) throw notFound(msg('That testimonial was not found'));
      return row;
    });
  }

  /** The testimonials and the service's case types, for their names (the page). */
  async function listWithTypes(actor: OrgActor, status?: TestimonialStatus) {
    authorise(actor, 'feedback.view');
    return inOrg(db, actor.orgId, async (tx) => {
      const rows = await listTestimonials(tx, actor.orgId, status);
      await audit.record(tx, actor, actor.orgId, { action: 'testimonials.viewed', entityType: 'organisation', entityId: actor.orgId });
      return { rows, types: await listCaseTypes(tx, actor.orgId) };
    });
  }

  return {
    async list(actor: OrgActor, status?: TestimonialStatus) {
      return (await listWithTypes(actor, status)).rows;
    },

    listWithTypes,

    async get(actor: OrgActor, id: string) {
      authorise(actor, 'feedback.view');
      return load(actor, id);
    },

    /** New wording; an approved quote goes back for approval when its words change. */
    async edit(actor: OrgActor, id: string, input: { text: string }) {
      authorise(actor, 'feedback.view');
      return inOrg(db, actor.orgId, async (tx) => {
        const row = await findTestimonial(tx, actor.orgId, id);
        if (!row) throw notFound(msg('That testimonial was not found'));
        if (row.text === input.text) return { id, status: row.status };
        await updateTestimonial(tx, actor.orgId, id, { text: input.text, status: 'pending', published: false, decidedBy: null, decidedAt: null });
        await audit.record(tx, actor, actor.orgId, { action: 'testimonial.edited', entityType: 'testimonial', entityId: id });
        return { id, status: 'pending' as const };
      });
    },

    /** Approve (and publish or not), or reject. Admins only. */
    async decide(actor: OrgActor, id: string, input: { decision: 'approve' | 'reject'; publish?: boolean }) {
      authorise(actor, 'testimonials.approve');
      return inOrg(db, actor.orgId, async (tx) => {
        const row = await findTestimonial(tx, actor.orgId, id);
        if (!row) throw notFound(msg('That testimonial was not found'));
        const status = input.decision === 'approve' ? 'approved' : 'rejected';
        await updateTestimonial(tx, actor.orgId, id, {
          status,
          published: status === 'approved' && input.publish === true,
          decidedBy: actor.label ?? actor.id,
          decidedAt: clock.now(),
        });
        await audit.record(tx, actor, actor.orgId, {
          action: `testimonial.${status}`,
          entityType: 'testimonial',
          entityId: id,
          detail: { published: input.publish === true },
        });
        return { id, status, published: status === 'approved' && input.publish === true };
      });
    },

    /** Publish or take down an approved quote. Admins only. */
    async setPublished(actor: OrgActor, id: string, published: boolean) {
      authorise(actor, 'testimonials.approve');
      return inOrg(db, actor.orgId, async (tx) => {
        const row = await findTestimonial(tx, actor.orgId, id);
        if (!row) throw notFound(msg('That testimonial was not found'));
        if (published && row.status !== 'approved')
          throw new AppError('CONFLICT', msg('Approve the testimonial before publishing it'), { reason: 'NOT_APPROVED' });
        await updateTestimonial(tx, actor.orgId, id, { published });
        await audit.record(tx, actor, actor.orgId, {
          action: published ? 'testimonial.published' : 'testimonial.unpublished',
          entityType: 'testimonial',
          entityId: id,
        });
        return { id, published };
      });
    },
  };
}
export type TestimonialService = ReturnType<typeof createTestimonialService>;
