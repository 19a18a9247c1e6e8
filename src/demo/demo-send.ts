// The demo's SEND mediation (registered in DEMO_SEEDERS after the cases): Jo Placeholder's case gets its SEND details
// (the 2-month contact clock running), and four more SEND cases stand at each point of the statutory clocks: a parent
// who declined mediation yesterday (certificate due), one who declined a fortnight ago and has the certificate with
// its appeal deadline, one who asked for mediation 35 days ago with no meeting held (30 days overdue, deemed
// certificate prompted, the reason for the delay recorded), and one mediated in Mediation with the local authority's
// decision-maker present, an advocate beside the parent, an agreement signed and the local authority's reg 42 duties
// running, with its certificate issued. Every person and organisation is invented.
import type { Deps } from '#src/deps.ts';
import { addWorkingDays } from '#src/features/meetings/working-days.ts';
import { ZCertificate, ZSendDetails, ZSendProgress } from '#src/features/send/send.schemas.ts';
import { demoOrgActor } from './demo-cases.ts';

const COORDINATOR = 'coordinator@demo.parley.example';
const LA = 'Riverside District Council (fictional)';
const FORM = { type: 'anonymous' as const, label: 'parley demo' };

export async function seedDemoSend(deps: Deps, orgId: string) {
  const coordinator = await demoOrgActor(deps, orgId, COORDINATOR, 'coordinator');
  const today = deps.clock.now().toISOString().slice(0, 10);
  const day = (offset: number) => new Date(Date.parse(`${today}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
  const base = { decisionType: 'plan_contents' as const, requestedBy: 'parent' as const, localAuthority: LA, icbs: [] as string[] };

  const jo = (await deps.cases.list(coordinator, { q: 'Jo Placeholder' })).rows[0];
  if (jo) {
    const letter = ((await deps.cases.get(coordinator, jo.id)).case.details as { decisionLetterDate?: unknown }).decisionLetterDate;
    const decisionLetterOn = typeof letter === 'string' ? letter : day(-38);
    await deps.send.saveDetails(
      coordinator,
      jo.id,
      ZSendDetails.parse({
        ...base,
        decisionType: 'refusal_to_assess',
        issues: ['refusal_to_assess'],
        decisionLetterOn,
        childName: 'Kit Placeholder',
      }),
    );
  }

  const make = async (parent: string, description: string) => {
    await deps.referrals.createFromPublic(
      orgId,
      {
        caseType: 'send',
        description,
        consentToContact: true,
        parties: [
          { name: parent, role: 'parent', isReferredPerson: true },
          { name: LA, role: 'local_authority' },
        ],
      } as Parameters<Deps['referrals']['createFromPublic']>[1],
      FORM,
    );
    const referral = (await deps.referrals.list(coordinator, { status: 'new' })).rows.find((r) => r.description === description);
    return referral ? (await deps.referrals.accept(coordinator, referral.id)).caseId : undefined;
  };

  const declined = await make('Robin Testwell', 'We do not agree with section F of the plan and want to go straight to the tribunal. (Demo text.)');
  if (declined) {
    await deps.send.saveDetails(
      coordinator,
      declined,
      ZSendDetails.parse({ ...base, issues: ['B', 'F'], decisionLetterOn: day(-20), childName: 'Ash Testwell' }),
    );
    await deps.send.recordMias(coordinator, declined, { miasOn: addWorkingDays(today, -1), decision: 'declines' });
  }

  const issued = await make('Quinn Exemplar', 'We want to appeal about sections B and I of the plan without mediation. (Demo text.)');
  if (issued) {
    await deps.send.saveDetails(
      coordinator,
      issued,
      ZSendDetails.parse({ ...base, issues: ['B', 'I'], decisionLetterOn: day(-30), childName: 'Taylor Exemplar' }),
    );
    await deps.send.recordMias(coordinator, issued, { miasOn: day(-14), decision: 'declines' });
    await deps.send.issueCertificate(coordinator, issued, ZCertificate.parse({ kind: 'declined', adviserName: 'Casey Mediatorson', issuedOn: day(-13) }));
  }

  const deemed = await make('Sam Sampleton', 'The plan does not include the speech and language therapy our daughter needs. (Demo text.)');
  if (deemed) {
    await deps.send.saveDetails(
      coordinator,
      deemed,
      ZSendDetails.parse({ ...base, issues: ['F', 'G'], decisionLetterOn: day(-45), childName: 'Rowan Sampleton', icbs: ['Riverside ICB (fictional)'] }),
    );
    await deps.send.recordMias(coordinator, deemed, { miasOn: day(-35), decision: 'wants_mediation' });
    await deps.send.saveProgress(
      coordinator,
      deemed,
      ZSendProgress.parse({
        icbNotifiedOn: addWorkingDays(day(-35), 2),
        delayReason: 'The local authority’s SEN manager could not be released before the end of term (demo).',
      }),
    );
  }

  const mediated = await make('Alex Exampleby', 'The local authority wants to stop maintaining the plan. (Demo text.)');
  if (mediated) {
    await deps.send.saveDetails(
      coordinator,
      mediated,
      ZSendDetails.parse({
        ...base,
        decisionType: 'cease_to_maintain',
        issues: ['cease', 'F'],
        decisionLetterOn: day(-40),
        childName: 'Jamie Exampleby',
        childViewsObtained: true,
        childViewsMethod: 'Jamie drew a picture of a good school day with the mediator. (Demo text.)',
      }),
    );
    await deps.send.recordMias(coordinator, mediated, { miasOn: day(-30), decision: 'wants_mediation' });
    await deps.send.saveProgress(
      coordinator,
      mediated,
      ZSendProgress.parse({
        mediationHeldOn: addWorkingDays(today, -2),
        laAttendeeName: 'Morgan Officerly',
        laAttendeeRole: 'Head of SEN (fictional)',
        laAttendeeHasAuthority: true,
      }),
    );
    await deps.send.setAttendees(coordinator, mediated, [{ name: 'Drew Advocatesworth (fictional)', kind: 'advocate', agreed: false }]);
    await mediateToAgreement(deps, orgId, mediated, 'Alex Exampleby');
    // The SEND tab read once, as the coordinator would after the signing: the duty is kept with its date from here.
    await deps.send.get(coordinator, mediated);
    await deps.send.issueCertificate(
      coordinator,
      mediated,
      ZCertificate.parse({
        kind: 'after_mediation',
        adviserName: 'Casey Mediatorson',
        issueOutcomes: ['partly_agreed', 'agreed'],
      }),
    );
  }
}

/**
 * The mediated case goes through the same gates staff meet: the parent's consent and intake (Ready), a pair of
 * SEND mediators (the demo's pair includes one away for now, so an admin assigns it with a justification, as the other
 * demo pairs), Mediation, and an agreement both parties and the mediators sign in person, whose term for the local
 * authority (an appealable amendment of section F) starts its reg 42/44 duty.
 */
async function mediateToAgreement(deps: Deps, orgId: string, caseId: string, parentName: string) {
  const coordinator = await demoOrgActor(deps, orgId, COORDINATOR, 'coordinator');
  const admin = await demoOrgActor(deps, orgId, 'admin@demo.parley.example', 'admin');
  const parties = (await deps.cases.get(coordinator, caseId)).parties;
  if (!parties.some((p) => p.name === parentName)) return;
  const words: Record<string, [string, string]> = {
    parent: ['The local authority plans to stop the plan at the end of the school year. (Demo text.)', 'Jamie keeps the support in section F. (Demo text.)'],
    local_authority: ['The plan’s outcomes are met and support can come from the school. (Demo text.)', 'A decision the family can accept. (Demo text.)'],
  };
  for (const p of parties) {
    const [situationNow, wantedFuture] = words[p.role] ?? words.parent!;
    await deps.caseActivity.recordConsent(coordinator, caseId, { partyId: p.id, status: 'given', method: 'verbal' });
    await deps.caseActivity.saveIntake(coordinator, caseId, {
      partyId: p.id,
      situationNow,
      wantedFuture,
      suitability: 'suitable',
      meetingMode: 'phone',
      metOn: addWorkingDays(deps.clock.now().toISOString().slice(0, 10), -20),
    } as Parameters<Deps['caseActivity']['saveIntake']>[2]);
  }
  await deps.cases.transition(coordinator, caseId, { to: 'ready' });
  const find = async (name: string) => (await deps.volunteers.list(admin, { q: name }))[0]?.id;
  const [lead, co] = [await find('Reese Caseworthy'), await find('Logan Awayton')];
  if (!lead || !co) return;
  await deps.assignments.assign(admin, caseId, { mediatorIds: [lead, co], overrideJustification: 'The pair that mediated this case (demo).' });
  await deps.cases.transition(coordinator, caseId, { to: 'mediation' });
  const ag = deps.agreements;
  const { id } = await ag.drafting.create(coordinator, caseId, { from: 'scratch' });
  await ag.drafting.addTerm(coordinator, caseId, id, {
    who: ['local_authority'],
    what: 'The local authority keeps the plan and amends section F to add weekly speech and language therapy (demo).',
    dueKind: 'date',
    checkHow: 'The amended plan is received by the parent.',
    appealable: true,
    sendAction: 'amend_plan',
  });
  const ready = await ag.drafting.readyToSign(coordinator, caseId, id);
  for (const s of (await ag.drafting.version(coordinator, caseId, id)).signers)
    await ag.signing.signInPerson(coordinator, caseId, id, ready.versionId, s.id, {
      method: 'typed',
      typedName: s.name,
      confirmName: true,
      agree: true,
      seenHash: ready.hash,
    });
}
