// Pure: "Check your answers" for the professional referral: a section per page, a row per answer, each with a
// Change link back to its page. Choices are shown in words, never as their codes.
import { msg, type Translate } from '#src/i18n/i18n.ts';
import { type CaseKind, ROLES_BY_CASE_KIND } from '#src/domain/case-words.ts';
import { longDate } from '#src/domain/dates-in-words.ts';
import { PEOPLE_ROWS } from './professional-referral.form.ts';
import type { ProDraft, ProPage } from './professional-referral.journey.ts';
import { formChoices } from './professional-referral.options.ts';
import type { CheckSection } from './self-referral.check.ts';

type Choices = ReturnType<typeof formChoices>;

/** The question each answer (not a person's) is shown under, and the choices it was picked from. */
const LABELS: Record<string, { label: string; from?: (c: Choices) => { value: string; text: string }[] }> = {
  referrerOrganisation: { label: msg('Organisation') },
  referrerRole: { label: msg('Your role') },
  referrerName: { label: msg('Your name') },
  referrerEmail: { label: msg('Your work email address') },
  referrerPhone: { label: msg('Your phone number') },
  personAgreed: { label: msg('The person knows about this referral and has agreed to it') },
  lineManagerAware: { label: msg('Your line manager knows about this referral') },
  description: { label: msg('What is happening') },
  whatWouldHelp: { label: msg('What would help') },
  kind: { label: msg('Who the disagreement is between'), from: (c) => c.kinds },
  offenceType: { label: msg('Type of offence') },
  sentencingStage: { label: msg('Where the case is in the justice system'), from: (c) => c.sentencingStages },
  inCustody: { label: msg('The person who harmed is in custody'), from: (c) => c.yesNo },
  establishment: { label: msg('Prison or establishment') },
  prisonNumber: { label: msg('Prison number') },
  offenderManager: { label: msg('Offender manager or probation practitioner') },
  initiatedBy: { label: msg('Who asked for restorative justice'), from: (c) => c.initiatedBy },
  decisionType: { label: msg('Decision disputed'), from: (c) => c.decisions },
  issues: { label: msg('Parts of the EHC plan disputed'), from: (c) => c.issues },
  ehcPlanStatus: { label: msg('Where the EHC plan is now'), from: (c) => c.planStatuses },
  healthProvisionSought: { label: msg('Health provision sought') },
  area: { label: msg('Area of social care'), from: (c) => c.areas },
  disputeAbout: { label: msg('What is in dispute'), from: (c) => c.disputeAbout },
  legalStatus: { label: msg('Legal status') },
  capacityConcerns: { label: msg('Concerns about mental capacity'), from: (c) => c.yesNo },
  capacityDetails: { label: msg('About the capacity concerns') },
  risks: { label: msg('Risks'), from: (c) => c.risks },
  safetyDetails: { label: msg('Details of any risks') },
  bestTimes: { label: msg('Best times and safe ways to contact them') },
};

const listOf = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []);

export function checkProfessionalAnswers(pages: ProPage[], d: ProDraft, kind: CaseKind, base: string, t: Translate): CheckSection[] {
  const a = d.answers;
  const choices = formChoices(t, ROLES_BY_CASE_KIND[kind]);
  const change = (slug: string) => `${base}/${slug}?change=1`;
  const text = (k: string) => (typeof a[k] === 'string' ? (a[k] as string).trim() : '');
  const ticked = (k: string) => (a[k] === 'yes' ? t('Yes') : t('No'));
  const words = (k: string) => {
    const from = LABELS[k]?.from?.(choices);
    const values = listOf(a[k]).filter(Boolean);
    return (from ? values.map((v) => from.find((c) => c.value === v)?.text ?? v) : values.map((v) => v.trim())).join('\n');
  };
  const person = (row: number) => {
    const p = (f: string) => text(`person${row}${f}`);
    const role = choices.roles.find((r) => r.value === p('Role') && r.value)?.text;
    return { name: p('Name'), value: [role, p('Phone'), p('Email'), p('Postcode')].filter(Boolean).join('\n') };
  };
  const letter = () => {
    const [day, month, year] = ['day', 'month', 'year'].map((part) => text(`decisionLetterDate-${part}`));
    if (!day || !month || !year) return '';
    return longDate(`${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`);
  };

  return pages.map((page) => {
    const row = (key: string, value: string, hidden = key.toLowerCase()) => ({
      key,
      value: value || t('Not given'),
      href: change(page.slug),
      visuallyHiddenText: hidden,
    });
    if (page.slug === 'person') {
      const p = person(1);
      // i18n-dynamic: page titles are msg() literals in professional-referral.journey.ts
      return { title: t(page.title), rows: [row(p.name || t('Name'), p.value, t('the person you are referring'))] };
    }
    if (page.slug === 'others') {
      const rows = Array.from({ length: PEOPLE_ROWS - 1 }, (_, i) => person(i + 2))
        .filter((p) => p.name)
        .map((p) => row(p.name, p.value, t('details of {name}', { name: p.name })));
      // i18n-dynamic: page titles are msg() literals in professional-referral.journey.ts
      return { title: t(page.title), rows };
    }
    const rows = page.fields
      .filter((f) => LABELS[f] || f === 'decisionLetterDate-day')
      .map((f) => {
        if (f === 'decisionLetterDate-day') return row(t('Date of the decision letter'), letter());
        const label = t(LABELS[f]!.label);
        return row(label, f === 'personAgreed' || f === 'lineManagerAware' ? ticked(f) : words(f));
      });
    // i18n-dynamic: page titles are msg() literals in professional-referral.journey.ts
    return { title: t(page.title), rows };
  });
}
