// The staff home: the work queues for the signed-in person's role, each with what it holds now.
import type { Db } from '#src/db/client.ts';
import { inOrg } from '#src/db/tenant.ts';
import type { Clock } from '#src/lib/clock.ts';
import type { OrgActor } from '#src/features/auth/actor.ts';
import { authorise, can } from '#src/features/auth/permissions.ts';
import { listMembers, listOpenInvitations } from '#src/features/people/people.repo.ts';

export type Queue = { id: string; title: string; empty: string; items: { text: string; href?: string; hint?: string }[] };

export function createHomeService({ db, clock }: { db: Db; clock: Clock }) {
  return {
    async queuesFor(actor: OrgActor): Promise<Queue[]> {
      authorise(actor, 'home.view');
      return inOrg(db, actor.orgId, async (tx) => {
        const queues: Queue[] = [
          {
            id: 'my-cases',
            title: 'Your cases',
            empty: 'Cases you are assigned to, as coordinator or as one of the mediators, will appear here.',
            items: [],
          },
        ];
        if (can(actor.role, 'people.manage')) {
          const [members, invitations] = await Promise.all([listMembers(tx, actor.orgId), listOpenInvitations(tx, actor.orgId, clock.now())]);
          queues.push({
            id: 'invitations',
            title: 'Invitations waiting to be accepted',
            empty: 'When you invite colleagues, their invitations appear here until they accept.',
            items: invitations.map((i) => ({
              text: `${i.name} (${i.email})`,
              hint: `Expires ${i.expiresAt.toLocaleDateString('en-GB', { timeZone: 'Europe/London' })}`,
              href: '/people',
            })),
          });
          queues.push({
            id: 'sign-in-problems',
            title: 'Sign-in problems',
            empty: 'People who are locked out after failed sign-ins, or who have not set up two-factor sign-in, will appear here.',
            items: members
              .filter((m) => m.status === 'active' && (m.isLocked || (!m.hasTwoFactor && m.role !== 'viewer')))
              .map((m) => ({ text: m.name, hint: m.isLocked ? 'Locked out after failed sign-ins' : 'Has not set up two-factor sign-in', href: '/people' })),
          });
        }
        return queues;
      });
    },
  };
}
