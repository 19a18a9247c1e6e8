// The demo's restorative justice (registered in DEMO_SEEDERS after the closing seeder): a new case whose person who
// harmed is in prison, waiting on his risk assessment's sign-off, so its RJ tab shows the contact gate refusing a
// conference and saying why; and, on the restorative case in follow-up, letters vetted by the facilitators — one
// passed on with its address removed, one still waiting for its second approval.
import type { Deps } from '#src/deps.ts';
import { demoOrgActor } from './demo-cases.ts';

const ADMIN = 'admin@demo.parley.example';
const COORDINATOR = 'coordinator@demo.parley.example';
const SUPERVISOR = 'supervisor@demo.parley.example';
/** The restorative case's two facilitators, who alone vet its letters. */
const AVERY = 'avery@demo.parley.example';
const LOGAN = 'logan@demo.parley.example';

async function actors(deps: Deps, orgId: string) {
  return {
    admin: await demoOrgActor(deps, orgId, ADMIN, 'admin'),
    coordinator: await demoOrgActor(deps, orgId, COORDINATOR, 'coordinator'),
    supervisor: await demoOrgActor(deps, orgId, SUPERVISOR, 'supervisor'),
  };
}

/** Suitable, assessed and (unless `signOff` is false) signed off: what each participant needs before any contact. */
function readier(deps: Deps, a: Awaited<ReturnType<typeof actors>>) {
  const { coordinator, supervisor } = a;
  const rj = deps.rj;
  const today = deps.clock.now().toISOString().slice(0, 10);
  return async (caseId: string, partyId: string, decision: 'direct' | 'indirect', signOff = true) => {
    await rj.recordSuitability(coordinator, caseId, { partyId, acknowledgesFacts: true, acceptsResponsibility: true, willing: true, assessedOn: today });
    const { id } = await rj.recordAssessment(coordinator, caseId, {
      partyId,
      areas: { feelings: 'Calm and clear about what they want. (Demo text.)', outcomes: 'To be heard, and to hear why. (Demo text.)' },
      rating: 'low',
      decision,
      assessedOn: today,
    });
    if (signOff) await rj.signOff(supervisor, caseId, id);
  };
}

/** The restorative case's participants, assessed before its conference is booked (registered before the meetings). */
export async function seedDemoRjAssessments(deps: Deps, orgId: string) {
  const a = await actors(deps, orgId);
  const ready = readier(deps, a);
  const shop = (await deps.cases.list(a.coordinator, { q: 'Bailey Dummyworth' })).rows[0];
  if (!shop) return;
  for (const p of (await deps.cases.get(a.coordinator, shop.id)).parties)
    if (p.role === 'victim' || p.role === 'person_who_harmed') await ready(shop.id, p.id, 'direct');
}

export async function seedDemoRj(deps: Deps, orgId: string) {
  const { admin, coordinator } = await actors(deps, orgId);
  const ready = readier(deps, { admin, coordinator, supervisor: await demoOrgActor(deps, orgId, SUPERVISOR, 'supervisor') });
  const rj = deps.rj;

  // A new case: the person harmed asked; the person who harmed is in prison. His assessment waits for sign-off.
  await deps.referrals.createFromPublic(
    orgId,
    {
      caseType: 'restorative_justice',
      description: 'Someone stole my bike and hurt my arm. He is in prison now; I would like him to know what it did to me.',
      consentToContact: true,
      parties: [
        { name: 'Jamie Inventa', role: 'victim', phone: '07700 900211', address: '3 Sample Close, Sampletown', postcode: 'TN9 1AB', isReferredPerson: true },
        { name: 'Drew Fakeley', role: 'person_who_harmed' },
      ],
      details: { offenceType: 'Robbery', sentencingStage: 'custody', inCustody: true, initiatedBy: 'victim' },
    },
    { type: 'anonymous', label: 'parley demo' },
  );
  const referral = (await deps.referrals.list(admin, { status: 'new' })).rows.find((r) => r.description.startsWith('Someone stole my bike'));
  if (referral) {
    const { caseId } = await deps.referrals.accept(coordinator, referral.id);
    const parties = (await deps.cases.get(coordinator, caseId)).parties;
    const jamie = parties.find((p) => p.name === 'Jamie Inventa')!.id;
    const drew = parties.find((p) => p.name === 'Drew Fakeley')!.id;
    await rj.setOffence(coordinator, caseId, { category: 'violence' });
    await ready(caseId, jamie, 'direct');
    await ready(caseId, drew, 'direct', false);
    await rj.recordCustody(coordinator, caseId, drew, {
      establishment: 'HMP Example (fictional)',
      prisonNumber: 'A0000BB',
      offenderManagerName: 'Lee Lorem',
      offenderManagerContact: 'lee.lorem@example.org',
    });
    await rj.checklistStep(coordinator, caseId, drew, { step: 'Security clearance for both facilitators', done: true });
  }

  // The restorative case in follow-up: Rowan's letter to Bailey, vetted and passed on; Bailey's reply, half vetted.
  const shop = (await deps.cases.list(coordinator, { q: 'Bailey Dummyworth' })).rows[0];
  if (!shop) return;
  const parties = (await deps.cases.get(coordinator, shop.id)).parties;
  const bailey = parties.find((p) => p.name === 'Bailey Dummyworth')?.id;
  const rowan = parties.find((p) => p.name === 'Rowan Mockford')?.id;
  if (!bailey || !rowan) return;
  const { id: first } = await rj.letters.write(coordinator, shop.id, {
    fromPartyId: rowan,
    toPartyId: bailey,
    form: 'letter',
    body: 'I am sorry I smashed your window. I was angry about something else and your shop was there. If you want to write back, I live at 9 Pretend Road, TN9 1AA. My friend Kai dared me. (Demo text.)',
  });
  const avery = await demoOrgActor(deps, orgId, AVERY, 'mediator');
  const logan = await demoOrgActor(deps, orgId, LOGAN, 'mediator');
  await rj.letters.review(avery, shop.id, first, { decision: 'approve', redactions: ['My friend Kai dared me.'] });
  await rj.letters.review(logan, shop.id, first, { decision: 'approve', redactions: [] });
  await rj.letters.pass(coordinator, shop.id, first);
  const { id: reply } = await rj.letters.write(coordinator, shop.id, {
    fromPartyId: bailey,
    toPartyId: rowan,
    form: 'letter',
    body: 'Thank you for writing. It helped to know it was not about me. You can reach me on 07700 900204 if the facilitators agree. (Demo text.)',
  });
  await rj.letters.review(avery, shop.id, reply, { decision: 'approve', redactions: [] });
}
