// The public check of a signed agreement: a PDF (its bytes' SHA-256) or a reference is matched against the service's
// signed versions. The answer says only whether it matches; nothing about the case or the people.
import type { Db } from '#src/db/client.ts';
import { inOrg } from '#src/db/tenant.ts';
import type { Audit } from '#src/features/audit/audit.service.ts';
import type { SettingsService } from '#src/features/settings/settings.service.ts';
import { findVersionByPdfHash, findVersionByReference } from '../agreements.repo.ts';
import { sha256Hex } from '../canonical-form.ts';

export type VerifyAnswer = { matches: boolean; reference: string | null };

export function createVerifyService({ db, audit, settings }: { db: Db; audit: Audit; settings: SettingsService }) {
  async function check(slug: string, find: (tx: Db, orgId: string) => Promise<{ status: string; reference: string | null } | undefined>, by: string) {
    const service = await settings.publicService(slug);
    return inOrg(db, service.id, async (tx) => {
      const found = await find(tx, service.id);
      const matches = found?.status === 'signed';
      await audit.record(tx, { type: 'anonymous', label: 'verify page' }, service.id, {
        action: 'agreement.verified',
        entityType: 'organisation',
        entityId: service.id,
        detail: { by, matches },
      });
      return { service: { name: service.name, slug: service.slug }, matches, reference: matches ? (found?.reference ?? null) : null };
    });
  }
  return {
    byPdf: (slug: string, bytes: Uint8Array) => check(slug, (tx, orgId) => findVersionByPdfHash(tx, orgId, sha256Hex(bytes)), 'pdf'),
    byReference: (slug: string, reference: string) =>
      check(
        slug,
        async (tx, orgId) => {
          const v = await findVersionByReference(tx, orgId, reference.trim().toUpperCase());
          return v ? { status: v.status, reference: reference.trim().toUpperCase() } : undefined;
        },
        'reference',
      ),
  };
}
export type VerifyService = ReturnType<typeof createVerifyService>;
