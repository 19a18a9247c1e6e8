// View models for the training, DBS, courses and "my training" pages, picked field by field from the services'
// answers (never a row as stored: the sealed certificate number cannot reach a page).
import { msg, translator } from '#src/i18n/i18n.ts';
import type { DbsStanding } from '../dbs/dbs-status.ts';
import type { PresentedCheck } from '../dbs/dbs.service.ts';
import { hoursOf } from './practice-checks.ts';
import type { CourseRow } from './training.repo.ts';
import type { TrainingSummary } from './training.service.ts';
import { longDate } from '#src/domain/dates-in-words.ts';
import { volunteerHeading } from '../records/volunteer-pages.present.ts';
import {
  AREA_LABELS,
  AREAS,
  type Area,
  DBS_LEVEL_LABELS,
  DBS_WORKFORCE_LABELS,
  type DbsLevel,
  type DbsWorkforce,
  TRAINING_KIND_LABELS,
  type TrainingKind,
} from '../volunteer-words.ts';

const t = translator('en');
const areaLabel = (a: string | null) => (a ? t(AREA_LABELS[a as Area] ?? a) : '');
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const ACCREDITATION_TAGS = {
  current: [msg('Current'), 'govuk-tag--green'],
  expired: [msg('Expired'), 'govuk-tag--grey'],
  revoked: [msg('Revoked'), 'govuk-tag--red'],
} as const;

export const areaItems = (selected: string | undefined, blank: string) => [
  { value: '', text: t(blank), selected: !selected },
  ...AREAS.map((a) => ({ value: a, text: capital(areaLabel(a)), selected: selected === a })),
];

export function standingModel(s: DbsStanding) {
  const tag =
    s.state === 'valid'
      ? { text: msg('Current'), classes: 'govuk-tag--green' }
      : s.state === 'due_soon'
        ? { text: msg('Recheck due soon'), classes: s.alertDays !== null && s.alertDays <= 7 ? 'govuk-tag--red' : 'govuk-tag--orange' }
        : s.state === 'missing'
          ? { text: msg('No check'), classes: 'govuk-tag--red' }
          : { text: s.needsReview ? msg('Review needed') : msg('Overdue'), classes: 'govuk-tag--red' };
  return { message: s.message, tag, recheckDueOn: s.recheckDueOn ? longDate(s.recheckDueOn) : null };
}

export function checkRows(checks: PresentedCheck[], latestId: string | null) {
  return checks.map((c) => ({
    id: c.id,
    isLatest: c.id === latestId,
    level: t(DBS_LEVEL_LABELS[c.level as DbsLevel] ?? c.level),
    workforce: t(DBS_WORKFORCE_LABELS[c.workforce as DbsWorkforce] ?? c.workforce),
    number: c.certificateNumberMasked,
    issuedOn: longDate(c.issuedOn),
    updateService: c.updateService,
    statusChecks: c.statusChecks.map((s) => ({
      on: longDate(s.on),
      result: s.result === 'no_change' ? t('No change') : t('New information'),
      isNew: s.result === 'new_information',
    })),
    recordedBy: c.recordedBy ?? '',
  }));
}

export function courseRows(courses: CourseRow[]) {
  return courses.map((c) => ({
    id: c.id,
    name: c.name,
    hours: hoursOf(c.minutes),
    foundation: c.foundation,
    area: capital(areaLabel(c.area)),
    retiredOn: c.retiredAt ? longDate(c.retiredAt.toISOString().slice(0, 10)) : null,
  }));
}

/** The volunteer training page (and the training half of /my/training). */
export function trainingModel(s: TrainingSummary, values: Record<string, string> = {}) {
  const { signedOff, required, gate, canAccredit, actorMayAccredit } = s.supervised;
  return {
    heading: volunteerHeading(s.volunteer),
    canRecord: s.canRecord,
    supervised: {
      progress: gate.progress,
      supervisorName: s.volunteer.supervisorName,
      isTrainee: s.volunteer.status === 'trainee',
      isComplete: signedOff >= required,
      canAccredit,
      refusal: actorMayAccredit && !gate.allowed && s.volunteer.status === 'trainee' ? gate.reasons.join('. ') : null,
    },
    foundation: s.foundation ? { title: s.foundation.title, on: longDate(s.foundation.on) } : null,
    foundationHours: s.policy.foundationCourseHours,
    cpd: [s.cpd.thisYear, s.cpd.lastYear].map((c) => ({ year: c.year, hours: c.hours, target: c.target, met: c.met })),
    practiceChecks: s.practiceChecks?.map((c) => ({ label: c.label, message: c.message, overdue: c.overdue })) ?? null,
    accreditations: s.accreditations.map((a) => ({
      id: a.id,
      area: capital(areaLabel(a.area)),
      accreditedOn: longDate(a.accreditedOn),
      expiresOn: a.expiresOn ? longDate(a.expiresOn) : null,
      tag: { text: ACCREDITATION_TAGS[a.state][0], classes: ACCREDITATION_TAGS[a.state][1] },
      revokedReason: a.revokedReason,
      canRevoke: s.canRecord && a.state !== 'revoked',
    })),
    records: s.records.map((r) => ({
      id: r.id,
      on: longDate(r.on),
      kind: t(TRAINING_KIND_LABELS[r.kind as TrainingKind] ?? r.kind),
      title: r.title,
      hours: r.minutes ? hoursOf(r.minutes) : '',
      notes: r.notes ?? '',
    })),
    courseItems: [
      { value: '', text: t('Choose a course'), selected: !values['course-courseId'] },
      ...s.courses
        .filter((c) => !c.retiredAt)
        .map((c) => ({ value: c.id, text: `${c.name} (${t('{hours} hours', { hours: hoursOf(c.minutes) })})`, selected: values['course-courseId'] === c.id })),
    ],
    areaItems: areaItems(values['accreditation-area'], msg('Choose an area')),
  };
}
