// The volunteer's own landing page (/my) and their cases (/my/cases). A mediator whose sign-in is not linked to a
// volunteer record is told the coordinator links it.
import { MEETING_KIND_LABELS, type MeetingKind } from '#src/domain/meeting-words.ts';
import { dayInWords, clockTime } from '#src/domain/meeting-times.ts';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '#src/deps.ts';
import { type CaseStatus, caseTypeNamer, ENDED_STATUSES, STATUS_LABELS } from '#src/domain/case-words.ts';
import { msg, translator } from '#src/i18n/i18n.ts';
import { formatPence } from '../expenses/expenses.schemas.ts';
import { formatMinutes } from '../hours/hours.schemas.ts';
import type { MyAssignmentRow } from '../assignments/my-cases.repo.ts';
import { NOT_LINKED_MESSAGE } from '../records/my-volunteer.ts';
import { textParam } from '#src/http/page-input.ts';

const t = translator('en');

const ENDED_CLASS = 'moj-badge--grey';
const caseStatus = (status: string) => t(STATUS_LABELS[status as CaseStatus] ?? status);

function caseRow(r: MyAssignmentRow, caseType: (code: string) => string) {
  return {
    reference: r.reference,
    // Only while the assignment goes on may the volunteer open the case record.
    href: r.endedAt === null ? `/cases/${r.caseId}` : undefined,
    type: caseType(r.caseType),
    status: caseStatus(r.caseStatus),
    statusClass: (ENDED_STATUSES as readonly string[]).includes(r.caseStatus) ? ENDED_CLASS : 'moj-badge--blue',
    role: r.role === 'lead' ? t('Lead mediator') : t('Co-mediator'),
    supervised: r.supervised ? (r.signedOffAt ? t('Supervised, signed off') : t('Supervised')) : undefined,
    coMediators: r.coMediators.join(', '),
    since: r.assignedAt,
    until: r.endedAt ?? r.caseClosedAt,
  };
}

/** "Tuesday 15 December, 18:00" in London time. */
const dayAndTimeInWords = (at: Date) => `${dayInWords(at, { year: false })}, ${clockTime(at)}`;

export function registerMyPages(app: FastifyInstance, deps: Pick<Deps, 'myWork'>) {
  app.get('/my', async (req, reply) => {
    const home = await deps.myWork.home(req.actor!);
    if (!home.volunteer)
      return reply.page('volunteers/my/views/my-home.njk', { pageTitle: t('My volunteering'), linked: false, notLinkedMessage: NOT_LINKED_MESSAGE });
    const cards = [
      { title: msg('My cases'), href: '/my/cases', summary: t('{count} active of at most {max}', { count: home.activeCases, max: home.maxActiveCases }) },
      {
        title: msg('My calendar'),
        href: '/my/calendar',
        summary: home.nextMeeting
          ? t('Next: {kind}, {when} ({reference})', {
              kind: t(MEETING_KIND_LABELS[home.nextMeeting.kind as MeetingKind] ?? home.nextMeeting.kind),
              when: dayAndTimeInWords(home.nextMeeting.startsAt),
              reference: home.nextMeeting.caseReference,
            })
          : t('No meetings booked'),
      },
      { title: msg('My availability'), href: '/my/availability', summary: t('When you are usually free, and time away') },
      { title: msg('My training and DBS'), href: '/my/training', summary: t('Courses, accreditation, DBS and what is due') },
      {
        title: msg('My hours'),
        href: '/my/hours',
        summary: t('{hours} in {year} ({month} this month)', {
          hours: formatMinutes(home.minutesThisYear),
          year: home.year,
          month: formatMinutes(home.minutesThisMonth),
        }),
      },
      {
        title: msg('My expenses'),
        href: '/my/expenses',
        summary: home.waiting.claims
          ? t('{count, plural, one {# claim waiting for a decision ({amount})} other {# claims waiting for a decision ({amount})}}', {
              count: home.waiting.claims,
              amount: formatPence(home.waiting.pence),
            })
          : t('No claims waiting for a decision'),
      },
    ];
    return reply.page('volunteers/my/views/my-home.njk', { pageTitle: t('My volunteering'), linked: true, name: home.volunteer.name, cards });
  });

  app.get('/my/cases', async (req, reply) => {
    const mine = await deps.myWork.cases(req.actor!);
    const row = (r: MyAssignmentRow) => caseRow(r, caseTypeNamer(t, mine.types));
    return reply.page('volunteers/my/views/my-cases.njk', { pageTitle: t('My cases'), active: mine.active.map(row), past: mine.past.map(row) });
  });

  app.get('/volunteers/:volunteerId/cases', async (req, reply) => {
    const volunteerId = textParam(req, 'volunteerId');
    const theirs = await deps.myWork.casesOfVolunteer(req.actor!, volunteerId);
    const typeName = caseTypeNamer(t, theirs.types);
    const row = (r: MyAssignmentRow) => ({
      ...caseRow(r, typeName),
      href: `/cases/${r.caseId}`,
      role: r.role === 'lead' ? t('Lead mediator') : t('Co-mediator'),
    });
    return reply.page('volunteers/my/views/volunteer-cases.njk', {
      pageTitle: t('Cases of {name}', { name: theirs.volunteer.name }),
      volunteerId: theirs.volunteer.id,
      volunteerName: theirs.volunteer.name,
      active: theirs.active.map(row),
      past: theirs.past.map(row),
    });
  });
}
