// What the staff case pages show, in one call per page: the case services' answers with the names and choices
// around them (who coordinates, which areas cases are in). Names only: no emails or roles leave here.
import type { Db } from '#src/db/client.ts';
import { inOrg, readTogether } from '#src/db/tenant.ts';
import type { OrgActor } from '#src/access/actor.ts';
import { countUpcomingOfCase } from './case-sessions.repo.ts';
import type { Clock } from '#src/lib/clock.ts';
import { authorise } from '#src/access/permissions.ts';
import { caseAreasPart, coordinatorsPart, memberNamesPart } from './case-directory.repo.ts';
import { caseTypesPart } from '#src/features/orgs/org-records.ts';
import { partsReader } from '#src/db/read-in-one.ts';
import type { CaseQuery } from './cases.schemas.ts';
import type { CaseService } from './cases.service.ts';
import type { EventKind } from './timeline.repo.ts';

export type CaseDirectory = {
  /** Active admins and coordinators, who can coordinate cases. */
  coordinators: { id: string; name: string }[];
  /** Every member's name by user id, so a case still shows who coordinated it after they leave. */
  names: Record<string, string>;
  /** Local authorities the service's cases are in. */
  areas: string[];
  /** The service's case types, for their names and the list's filter. */
  types: { code: string; name: string | null; kind: string }[];
};

/** What the directory reads, in one statement (db/read-in-one.ts). */
const directoryParts = { coordinators: coordinatorsPart, everyone: memberNamesPart, areas: caseAreasPart, types: caseTypesPart };
const directoryReads = partsReader('case_directory', directoryParts);
const EVERY_PART = Object.keys(directoryParts) as (keyof typeof directoryParts)[];

export function createCasePagesService(deps: { db: Db; cases: CaseService; clock: Clock }) {
  async function directory(actor: OrgActor): Promise<CaseDirectory> {
    authorise(actor, 'cases.view');
    return inOrg(deps.db, actor.orgId, async (tx) => {
      const read = await directoryReads(tx, EVERY_PART, { orgId: actor.orgId });
      const types = read.types!.map((c) => ({ code: c.code, name: c.name, kind: c.kind }));
      return { coordinators: read.coordinators!, names: Object.fromEntries(read.everyone!.map((m) => [m.id, m.name])), areas: read.areas!, types };
    });
  }

  return {
    directory,

    /** The case list with the choices its filters offer. */
    async listPage(actor: OrgActor, query: CaseQuery) {
      return readTogether(deps.db, actor.orgId, async () => {
        const list = await deps.cases.list(actor, query);
        return { ...list, directory: await directory(actor) };
      });
    },

    /** One case (audited by the case service) with the names of the people who work on it and its upcoming meetings. */
    async casePage(actor: OrgActor, caseId: string, opts: { kinds?: EventKind[] } = {}) {
      return readTogether(deps.db, actor.orgId, async () => {
        const view = await deps.cases.get(actor, caseId, opts);
        const upcomingMeetings = await inOrg(deps.db, actor.orgId, (tx) => countUpcomingOfCase(tx, actor.orgId, caseId, deps.clock.now()));
        return { ...view, directory: await directory(actor), upcomingMeetings };
      });
    },
  };
}
export type CasePagesService = ReturnType<typeof createCasePagesService>;
