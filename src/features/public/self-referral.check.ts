// Pure: the "Check your answers" page of the self-referral, as sections of rows with a Change link each.
import { msg, type Translate } from '#src/i18n/i18n.ts';
import { caseTypeName } from '#src/domain/case-words.ts';
import { SEND_DECISION_LABELS } from '#src/features/referrals/referrals.schemas.ts';
import { type Draft, type JourneyContext, MY_ROLES, otherRoles } from './self-referral.journey.ts';
import { YES_NO_UNSURE_LABELS } from './self-referral.rj.ts';
import { longDate } from '#src/domain/dates-in-words.ts';

export type CheckRow = { key: string; value: string; href: string; visuallyHiddenText: string };
export type CheckSection = { title: string; rows: CheckRow[]; changeListUrl?: string };

export { longDate };

export function checkAnswers(d: Draft, ctx: JourneyContext, base: string, t: Translate): CheckSection[] {
  const change = (slug: string) => `${base}/${slug}?change=1`;
  const row = (key: string, value: string | undefined, slug: string): CheckRow => ({
    key: t(key),
    value: value || t('Not given'),
    href: change(slug),
    visuallyHiddenText: t(key).toLowerCase(),
  });
  const yesNo = (v: boolean | undefined) => (v === undefined ? undefined : v ? t('Yes') : t('No'));

  const referral: CheckRow[] = [];
  if (ctx.caseTypes.length > 1 && d.caseType)
    referral.push(
      row(
        msg('Kind of help'),
        caseTypeName(
          t,
          ctx.types.find((c) => c.code === d.caseType),
          d.caseType,
        ),
        'help',
      ),
    );
  const myRole = d.caseKind ? MY_ROLES[d.caseKind]?.find((r) => r.value === d.myRole) : undefined;
  if (myRole) referral.push(row(msg('How you are involved'), t(myRole.text), 'your-role'));
  if (d.caseKind === 'restorative_justice') {
    // i18n-dynamic: YES_NO_UNSURE_LABELS are msg() literals
    const answer = (v: keyof typeof YES_NO_UNSURE_LABELS | undefined) => (v ? t(YES_NO_UNSURE_LABELS[v]) : undefined);
    referral.push(row(msg('Reported to the police'), answer(d.reportedToPolice), 'what-happened'));
    referral.push(row(msg('Anyone involved in prison'), answer(d.anyoneInPrison), 'what-happened'));
  }
  if (d.caseKind === 'send') {
    referral.push(
      row(
        msg('Decision you disagree with'),
        d.decisionType === 'not_sure' || !d.decisionType ? t('Not sure') : t(SEND_DECISION_LABELS[d.decisionType]),
        'send-decision',
      ),
    );
    referral.push(row(msg('Date of the decision letter'), d.decisionLetterDate ? longDate(d.decisionLetterDate) : undefined, 'send-decision'));
  }

  const me = d.me;
  const contactLines = [me?.phone, me?.email, me?.address, me?.postcode].filter(Boolean).join('\n');
  const about: CheckRow[] = [row(msg('Name'), me?.name, 'about-you'), row(msg('Contact details'), contactLines, 'about-you')];

  const roles = otherRoles(d);
  const people: CheckRow[] = (d.others ?? []).map((o, i) => ({
    key: o.name,
    value: [t(roles.find((r) => r.value === o.role)?.text ?? o.role), o.phone, o.email, o.postcode].filter(Boolean).join('\n'),
    href: `${base}/people/${i + 1}?change=1`,
    visuallyHiddenText: t('details of {name}', { name: o.name }),
  }));

  const situation: CheckRow[] = [
    row(msg('What is happening'), d.description, 'what-is-happening'),
    row(msg('What would help'), d.whatWouldHelp, 'what-would-help'),
    row(msg('Anyone at risk of harm now'), [yesNo(d.anyoneAtRisk), d.safetyDetails].filter(Boolean).join('\n'), 'safety'),
  ];

  const contact: CheckRow[] = [
    row(msg('We can leave you messages'), yesNo(d.canLeaveMessages), 'contact'),
    row(msg('Best times to contact you'), d.bestTimes, 'contact'),
    row(msg('How to contact you safely'), d.safeContact, 'contact'),
    row(msg('Interpreter'), d.interpreter ? `${t('Yes')}: ${d.language ?? ''}` : yesNo(d.interpreter), 'needs'),
    row(msg('Access and other support'), d.accessNeeds, 'needs'),
    row(msg('You agree that we may contact you'), yesNo(d.consentToContact), 'consent'),
  ];

  return [
    { title: t('Your referral'), rows: referral },
    { title: t('About you'), rows: about },
    { title: t('The other people involved'), rows: people, changeListUrl: `${base}/people?change=1` },
    { title: t('What is happening'), rows: situation },
    { title: t('Contact and support'), rows: contact },
  ].filter((s) => s.rows.length > 0);
}
