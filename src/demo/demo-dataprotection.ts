// The demo's data protection (registered in DEMO_SEEDERS last): a breach logged yesterday and still to report to
// the ICO, a subject access request waiting for an answer (from Bailey, on the restorative case: her archive holds
// the letter passed on to her, her agreement and her referral, the other party taken out, and leaves out the note
// staff marked as about someone else, saying that it did), and the retention preview with its default periods.
import type { Deps } from '#src/deps.ts';
import { londonParts } from '#src/domain/meeting-times.ts';
import { demoOrgActor } from './demo-cases.ts';

const DAY = 86_400_000;

export async function seedDemoDataProtection(deps: Deps, orgId: string) {
  const admin = await demoOrgActor(deps, orgId, 'admin@demo.parley.example', 'admin');
  const now = deps.clock.now();
  await deps.breaches.record(admin, {
    summary: 'A meeting letter for one household was posted to a neighbour’s address. (Demo text.)',
    awareAt: new Date(now.getTime() - DAY),
    risk: 'risk',
    peopleAffected: 1,
    actionsTaken: 'The neighbour returned the letter unopened; the address on the case is corrected.',
  });
  await deps.dataRequests.record(admin, {
    kind: 'access',
    requesterName: 'Bailey Dummyworth',
    requesterContact: 'By post to the address on her case',
    receivedOn: londonParts(new Date(now.getTime() - 10 * DAY)).date,
  });
}
