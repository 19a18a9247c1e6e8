// The demo's SEND mediation (registered in DEMO_SEEDERS after the cases): Jo Placeholder's case gets its SEND details
// (the 2-month contact clock running), and three more SEND cases stand at each point of the statutory clocks: a parent
// who declined mediation yesterday (certificate due), one who asked for mediation 35 days ago with no meeting held
// (30 days overdue, deemed certificate prompted), and one mediated with the local authority's decision-maker present,
// with its certificate issued. Every person and organisation is invented.
import type { Deps } from '#src/deps.ts';
import { addWorkingDays } from '#src/features/meetings/working-days.ts';
import { ZCertificate, ZSendDetails } from '#src/features/send/send.schemas.ts';
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

  const deemed = await make('Sam Sampleton', 'The plan does not include the speech and language therapy our daughter needs. (Demo text.)');
  if (deemed) {
    await deps.send.saveDetails(
      coordinator,
      deemed,
      ZSendDetails.parse({ ...base, issues: ['F', 'G'], decisionLetterOn: day(-45), childName: 'Rowan Sampleton', icbs: ['Riverside ICB (fictional)'] }),
    );
    await deps.send.recordMias(coordinator, deemed, { miasOn: day(-35), decision: 'wants_mediation' });
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
    await deps.send.saveProgress(coordinator, mediated, {
      mediationHeldOn: addWorkingDays(today, -2),
      laAttendeeName: 'Morgan Officerly',
      laAttendeeRole: 'Head of SEN (fictional)',
      laAttendeeHasAuthority: true,
      delayReason: undefined,
    });
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
