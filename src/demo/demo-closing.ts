// The demo's end of a case (registered in DEMO_SEEDERS after the cases reach their stages): the restorative case moves
// from Outcome to follow-up, its agreement treated as signed two weeks ago, with Bailey's answer to the first check-in link;
// the closed community case has feedback from a paper survey whose quote an admin approved for the public page.
import type { Deps } from '#src/deps.ts';
import { inOrg } from '#src/db/tenant.ts';
import { demoOrgActor } from './demo-cases.ts';
import { sendDueLinks } from '#src/features/closing/party-link-mail.ts';

const ADMIN = 'admin@demo.parley.example';
const COORDINATOR = 'coordinator@demo.parley.example';
const DAY = 86_400_000;

export async function seedDemoClosing(deps: Deps, orgId: string) {
  const admin = await demoOrgActor(deps, orgId, ADMIN, 'admin');
  const coordinator = await demoOrgActor(deps, orgId, COORDINATOR, 'coordinator');
  const now = deps.clock.now();

  const rj = (await deps.cases.list(coordinator, { q: 'Bailey Dummyworth' })).rows[0];
  if (rj && rj.status === 'outcome') {
    await inOrg(deps.db, orgId, (tx) => deps.closing.startFollowUp(tx, coordinator, rj.id, { signedAt: new Date(now.getTime() - 15 * DAY) }));
    await deps.cases.transition(coordinator, rj.id, { to: 'follow_up' });
    // The 2-week point has fallen due: Bailey's link goes out by email (held in the outbox without a mail server), and
    // Bailey answers it.
    const [token] = await inOrg(deps.db, orgId, (tx) => sendDueLinks(tx, { clock: deps.clock, cases: deps.cases, baseUrl: deps.config.baseUrl }, orgId, rj.id));
    if (token)
      await deps.closing.followUp.answerByLink(
        token,
        { type: 'anonymous', label: 'parley demo' },
        { answers: [{ answer: 'kept', note: 'The shop front has been repainted together. I feel safer closing up. (Demo text.)' }], wantsMeeting: false },
      );
  }

  const closed = (await deps.cases.list(coordinator, { q: 'Ellis Placeholder' })).rows[0];
  if (closed && closed.status === 'closed') {
    const party = (await deps.closing.followUp.ofCase(coordinator, closed.id)).parties.find((p) => p.name === 'Ellis Placeholder');
    if (!party) return;
    await deps.closing.feedback.record(coordinator, closed.id, {
      partyId: party.id,
      source: 'paper',
      satisfaction: 5,
      feltHeard: true,
      wouldRecommend: true,
      whatHelped: 'Ellis said: the mediators let us both talk without interrupting, and we found a way to share the cost of the tree.',
      mayQuote: true,
    });
    const [quote] = await deps.closing.testimonials.list(admin, 'pending');
    if (!quote) return;
    await deps.closing.testimonials.edit(coordinator, quote.id, {
      text: 'The mediators let us both talk without interrupting, and we found a way to share the cost of the tree.',
    });
    await deps.closing.testimonials.decide(admin, quote.id, { decision: 'approve', publish: true });
  }
}
