// Answering a subject access request: a ZIP with the person's records, other people redacted, as a readable page
// (summary.html) and for a computer (data.json). Admins and coordinators; each archive made is audited (which
// request, how many case records; never what it holds).
import type { OrgActor } from '#src/access/actor.ts';
import { authorise } from '#src/access/permissions.ts';
import type { Db } from '#src/db/client.ts';
import { inOrg } from '#src/db/tenant.ts';
import { type Locale, msg, translator } from '#src/i18n/i18n.ts';
import { invalid, notFound } from '#src/lib/app-error.ts';
import type { Clock } from '#src/lib/clock.ts';
import type { Audit } from '#src/features/audit/audit.service.ts';
import { findRequest } from '../requests/requests.repo.ts';
import { gatherSubjectData } from './gather.ts';
import { summaryHtml } from './summary-html.ts';
import { listCaseTypes } from '#src/features/orgs/org-records.ts';

export type SubjectAccessService = ReturnType<typeof createSubjectAccessService>;

export function createSubjectAccessService({ db, clock, audit }: { db: Db; clock: Clock; audit: Audit }) {
  return {
    /** The archive for a subject access request, from the party records chosen as the person's. */
    async archive(actor: OrgActor, requestId: string, partyIds: string[], locale: Locale = 'en') {
      authorise(actor, 'dataprotection.view');
      const { strToU8, zipSync } = await import('fflate'); // loaded on first use: few processes ever make an archive
      return inOrg(db, actor.orgId, async (tx) => {
        const request = await findRequest(tx, actor.orgId, requestId);
        if (!request) throw notFound(msg('That request was not found'));
        if (request.kind !== 'access') throw invalid({ partyId: msg('Only a subject access request has an archive of the person’s data') });
        const data = await gatherSubjectData(tx, actor.orgId, [...new Set(partyIds)]);
        if (!data.cases.length) throw invalid({ partyId: msg('Choose the person’s records to include') });
        const producedAt = clock.now();
        const meta = { reference: request.reference, receivedOn: request.receivedOn, dueOn: request.dueOn, producedAt };
        const json = JSON.stringify({ request: meta, ...data }, null, 2);
        const html = summaryHtml(data, meta, translator(locale), locale, await listCaseTypes(tx, actor.orgId));
        const bytes = zipSync({ 'summary.html': strToU8(html), 'data.json': strToU8(json) }, { level: 6, mtime: producedAt });
        await audit.record(tx, actor, actor.orgId, {
          action: 'subject_access.archive_made',
          entityType: 'data_request',
          entityId: requestId,
          detail: { caseRecords: data.cases.length },
        });
        return { filename: `subject-access-${request.reference}.zip`, bytes };
      });
    },
  };
}
