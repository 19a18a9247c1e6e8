// The demo service's signed agreements (registered in DEMO_SEEDERS after the meetings, before the cases move on to
// Outcome): the restorative conference's outcome agreement and the tree case's partial agreement, drafted from their
// meeting records and signed in person by everyone, one of them with a drawn signature. Their PDFs download from the
// cases' Agreement tabs.
import type { TermInput } from '#src/features/agreements/agreements.schemas.ts';
import { demoOrgActor } from './demo-cases.ts';
import type { DemoSeeder } from './load-demo.ts';

const DRAWN = 'M 40 150 L 70 60 L 100 150 L 130 70 L 170 140 M 200 120 L 260 100 L 320 130 L 380 90 L 450 120';

const DEMO_AGREEMENTS: { party: string; issues: ('agreed' | 'partly_agreed' | 'not_agreed')[]; terms: (ids: Record<string, string>) => TermInput[] }[] = [
  {
    party: 'Bailey Dummyworth',
    issues: [],
    terms: (p) => [
      {
        who: [`party:${p['Rowan Mockford']}`],
        what: 'Rowan writes a letter of apology to Bailey (demo).',
        dueKind: 'date',
        dueOn: undefined,
        checkHow: 'The facilitators pass the letter on and tell Bailey it has arrived.',
      },
      {
        who: [`party:${p['Rowan Mockford']}`, 'service'],
        what: 'Rowan helps repaint the shop front on a Saturday morning, with a facilitator there (demo).',
        dueKind: 'next_review',
        checkHow: 'A facilitator attends and records that it was done.',
      },
      {
        who: [`party:${p['Bailey Dummyworth']}`],
        what: 'Bailey tells the facilitators if anything about the agreement worries her (demo).',
        dueKind: 'ongoing',
        checkHow: 'Asked at each follow-up call.',
      },
    ],
  },
  {
    party: 'Ellis Placeholder',
    issues: ['agreed', 'not_agreed'],
    terms: (p) => [
      {
        who: [`party:${p['Ellis Placeholder']}`, `party:${p['Indy Examplefield']}`],
        what: 'Ellis and Indy share the cost of a tree surgeon to cut the tree back next spring (demo).',
        dueKind: 'next_review',
        checkHow: 'The service calls both in April.',
      },
      {
        who: [`party:${p['Indy Examplefield']}`],
        what: 'Indy clears fallen branches from the shared path each weekend in autumn (demo).',
        dueKind: 'ongoing',
        checkHow: 'Ellis is asked at the four-week check-in.',
      },
    ],
  },
];

export const seedDemoAgreements: DemoSeeder = async (deps, orgId) => {
  const actor = await demoOrgActor(deps, orgId, 'coordinator@demo.parley.example', 'coordinator');
  const ag = deps.agreements;
  for (const demo of DEMO_AGREEMENTS) {
    const caseId = (await deps.cases.list(actor, { q: demo.party })).rows[0]?.id;
    if (!caseId) continue;
    const held = (await deps.meetings.caseMeetings(actor, caseId)).meetings.find(
      (m) => m.status === 'held' && (m.kind === 'joint' || m.kind === 'rj_conference'),
    );
    if (!held) continue;
    const view = await deps.cases.get(actor, caseId);
    const ids = Object.fromEntries(view.parties.map((p) => [p.name, p.id]));
    const { id } = await ag.drafting.create(actor, caseId, { from: 'meeting', meetingId: held.id });
    const drafted = await ag.drafting.version(actor, caseId, id);
    for (const term of drafted.terms) await ag.drafting.removeTerm(actor, caseId, id, term.id);
    for (const term of demo.terms(ids)) {
      const dueOn = term.dueKind === 'date' ? new Date(deps.clock.now().getTime() + 14 * 86_400_000).toISOString().slice(0, 10) : undefined;
      await ag.drafting.addTerm(actor, caseId, id, { ...term, dueOn });
    }
    if (demo.issues.length)
      await ag.drafting.saveIssues(actor, caseId, id, { issues: drafted.version.issues.map((i, n) => ({ issue: i.issue, outcome: demo.issues[n] ?? null })) });
    const ready = await ag.drafting.readyToSign(actor, caseId, id);
    const signers = (await ag.drafting.version(actor, caseId, id)).signers;
    for (const [n, s] of signers.entries())
      await ag.signing.signInPerson(actor, caseId, id, ready.versionId, s.id, {
        method: n === 0 ? 'drawn' : 'typed',
        drawing: n === 0 ? DRAWN : undefined,
        typedName: s.name,
        confirmName: true,
        agree: true,
        seenHash: ready.hash,
      });
    // Everyone gets their copy: each party with an email address is sent a link (opening it needs a code).
    await ag.signing.sendCopies(actor, caseId, id, ready.versionId);
  }
};
