// SEND cases for the tests, made as the public would refer them and accepted: the parent and the local authority.
import type { OrgActor } from '#src/access/actor.ts';
import type { Deps } from '#src/deps.ts';
import { makeCase } from './volunteers.ts';

/**
 * A SEND case described "SEND <name>", with the parent Pat <name>parent (who gives an email address when
 * `parentEmail` is set, pat.<name>@example.org) and Kentish County Council (fictional); resolves with its id.
 * The service must offer SEND mediation, or the SEND type of its own given as `caseType` (its code).
 */
export async function makeSendCase(
  deps: Deps,
  orgId: string,
  admin: OrgActor,
  name: string,
  opts: { parentEmail?: boolean; caseType?: string } = {},
): Promise<string> {
  const parent = { name: `Pat ${name}parent`, role: 'parent', ...(opts.parentEmail ? { email: `pat.${name.toLowerCase()}@example.org` } : {}) };
  const made = await makeCase(deps, orgId, admin, {
    description: `SEND ${name}`,
    caseType: opts.caseType ?? 'send',
    parties: [parent, { name: 'Kentish County Council (fictional)', role: 'local_authority' }],
  });
  return made.caseId;
}
