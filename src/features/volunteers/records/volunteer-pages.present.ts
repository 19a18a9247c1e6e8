// View models for the volunteer pages, picked field by field from the service's answers so a new column never
// reaches a page by default. Words go through t() here or in the templates.
import { can, type Permission } from '#src/access/permissions.ts';
import type { Role } from '#src/access/actor.ts';
import { msg, type Translate } from '#src/i18n/i18n.ts';
import { describeWeekly, SLOTS, slotsFromWindows, WEEKDAYS } from '#src/domain/availability.ts';
import { longDate } from '#src/domain/dates-in-words.ts';
import { CONNECTION_KIND_LABELS } from './volunteers.schemas.ts';
import type { VolunteerRow, VolunteerView } from './volunteers.service.ts';
import { VOLUNTEER_STATUS_LABELS, VOLUNTEER_STATUSES, type VolunteerStatus } from '../volunteer-words.ts';
import { ROLE_NAMES } from '#src/access/role-words.ts';

export const STATUS_BADGE: Record<VolunteerStatus, string> = {
  applicant: 'moj-badge--grey',
  in_training: 'moj-badge--purple',
  trainee: 'moj-badge--blue',
  accredited: 'moj-badge--green',
  inactive: 'moj-badge--black',
  left: 'moj-badge--grey',
};

/** A role as a name: "Mediator", not "a mediator". */
const roleName = (t: Translate, role: string) => {
  const words = ROLE_NAMES[role as Role] ? t(ROLE_NAMES[role as Role]) : role;
  return words.charAt(0).toUpperCase() + words.slice(1);
};
const statusLabel = (t: Translate, s: string) => t(VOLUNTEER_STATUS_LABELS[s as VolunteerStatus] ?? s);

/** The heading every page of the record shares: name and status (the sub-navigation is _volunteer-nav.njk). */
export function volunteerHeading(t: Translate, v: { id: string; name: string; status: string }) {
  return { id: v.id, name: v.name, status: statusLabel(t, v.status), statusClass: STATUS_BADGE[v.status as VolunteerStatus] ?? 'moj-badge--grey' };
}

/** The section's other pages, linked from the list; each only for the roles that may use it. */
const SECTION_PAGES: { text: string; href: string; permission: Permission }[] = [
  { text: msg('Training courses'), href: '/volunteers/courses', permission: 'volunteers.view' },
  { text: msg('Volunteer policy'), href: '/volunteers/policy', permission: 'volunteers.view' },
  { text: msg('Allocate mediators to unassigned cases'), href: '/volunteers/allocation', permission: 'cases.assign' },
  { text: msg('Volunteer hours report'), href: '/volunteers/hours', permission: 'volunteers.view' },
  { text: msg('Expense claims to approve'), href: '/expenses', permission: 'expenses.approve' },
  { text: msg('Volunteer applications from the public form'), href: '/volunteer-applications', permission: 'people.view' },
];

export const sectionLinks = (t: Translate, role: Role) => SECTION_PAGES.filter((p) => can(role, p.permission)).map((p) => ({ text: t(p.text), href: p.href }));

type ListRow = { id: string; name: string; status: string; postcode: string | null; activeCases: number; maxActiveCases: number; languages: string[] };

export function listModel(t: Translate, rows: ListRow[], query: { status?: string | undefined; q?: string | undefined }) {
  return {
    volunteers: rows.map((r) => ({
      id: r.id,
      name: r.name,
      status: statusLabel(t, r.status),
      statusClass: STATUS_BADGE[r.status as VolunteerStatus] ?? 'moj-badge--grey',
      postcode: r.postcode ?? '',
      activeCases: t('{count} of {max}', { count: r.activeCases, max: r.maxActiveCases }),
      languages: r.languages.join(', '),
    })),
    statusItems: [
      { value: '', text: t('All statuses'), selected: !query.status },
      ...VOLUNTEER_STATUSES.map((s) => ({ value: s, text: statusLabel(t, s), selected: query.status === s })),
    ],
    q: query.q ?? '',
    isFiltered: Boolean(query.status || query.q),
  };
}

/** The details form's values from the stored record (for editing). */
export function formValues(v: VolunteerRow): Record<string, string> {
  return {
    name: v.name,
    email: v.email ?? '',
    phone: v.phone ?? '',
    address: v.address ?? '',
    postcode: v.postcode ?? '',
    languages: v.languages.join(', '),
    gender: v.gender ?? '',
    preferredLanguage: v.preferredLanguage,
    travelMiles: String(v.travelMiles),
    maxActiveCases: String(v.maxActiveCases),
    employer: v.employer ?? '',
    worksForLocalAuthority: v.employedByLocalAuthority ? 'yes' : 'no',
    employedByLocalAuthority: v.employedByLocalAuthority ?? '',
    notes: v.notes ?? '',
  };
}

export const NEW_VOLUNTEER_VALUES: Record<string, string> = { travelMiles: '10', maxActiveCases: '3', worksForLocalAuthority: 'no' };

const row = (t: Translate, key: string, text: string | undefined | null, html?: string) => ({
  key: { text: t(key) },
  value: html !== undefined ? { html } : { text: text || t('Not given') },
});
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const lines = (s: string | null) => (s ? escapeHtml(s).replace(/\r?\n/g, '<br>') : undefined);

export function recordModel(t: Translate, view: VolunteerView) {
  const v = view.volunteer;
  const la = v.employedByLocalAuthority;
  return {
    heading: volunteerHeading(t, v),
    detailRows: [
      row(t, msg('Name'), v.name),
      row(t, msg('Email'), v.email),
      row(t, msg('Phone'), v.phone),
      row(t, msg('Address'), null, lines(v.address) ?? escapeHtml(t('Not given'))),
      row(t, msg('Home postcode'), v.postcode),
      row(t, msg('Languages'), v.languages.join(', ')),
      row(t, msg('Gender'), v.gender),
      row(t, msg('Travels up to'), t('{miles} miles', { miles: v.travelMiles })),
      row(t, msg('Maximum active cases'), String(v.maxActiveCases)),
      row(t, msg('Active cases now'), t('{count} of {max}', { count: view.activeCases, max: v.maxActiveCases })),
      row(t, msg('Employer'), v.employer),
      row(t, msg('Works for a local authority'), la ? t('Yes: {la}', { la }) : t('No')),
      row(t, msg('Notes'), null, lines(v.notes) ?? escapeHtml(t('None'))),
    ],
    supervisor: view.supervisor ? { name: view.supervisor.name } : null,
    supervisedCases: view.supervisedCases
      ? t('Supervised cases: {count} of {required} signed off', { count: view.supervisedCases.signedOff, required: view.supervisedCases.required })
      : null,
    account: view.account ? { name: view.account.name, email: view.account.email, role: roleName(t, view.account.role) } : null,
    memberWithEmail: view.memberWithEmail ? { name: view.memberWithEmail.name } : null,
    hasEmail: Boolean(v.email),
    history: historyRows(t, v.statusHistory),
    connections: connectionRows(t, v.connections),
    weekly: describeWeekly(v.weeklyAvailability),
    fromApplication: Boolean(v.applicationId),
  };
}

export function historyRows(t: Translate, history: VolunteerRow['statusHistory']) {
  return [...history].reverse().map((s) => ({ status: statusLabel(t, s.status), on: longDate(s.on), by: s.by ?? '', note: s.note ?? '' }));
}

export function connectionRows(t: Translate, connections: VolunteerRow['connections']) {
  return connections.map((c) => ({
    id: c.id,
    kind: t(CONNECTION_KIND_LABELS[c.kind] ?? c.kind),
    text: c.text,
    declaredOn: longDate(c.declaredOn),
  }));
}

export function statusModel(t: Translate, view: VolunteerView, supervisors: { userId: string; name: string; role: string }[], values: Record<string, string>) {
  const v = view.volunteer;
  const items = (chosen: string, blank: string) => [
    { value: '', text: t(blank), selected: !chosen },
    ...supervisors.map((s) => ({
      value: s.userId,
      text: `${s.name} (${roleName(t, s.role).toLowerCase()})`,
      selected: s.userId === chosen,
    })),
  ];
  return {
    heading: volunteerHeading(t, v),
    moveItems: view.moves.map((m) => ({ value: m.to, text: m.label, hint: { text: t(m.explanation) }, checked: values.status === m.to })),
    statusSupervisorItems: items(values.supervisorUserId ?? '', v.supervisorUserId ? msg('Keep their supervisor') : msg('Choose a supervisor')),
    supervisorItems: items(values.supervisor ?? v.supervisorUserId ?? '', msg('No supervisor')),
    supervisor: view.supervisor ? view.supervisor.name : null,
    history: historyRows(t, v.statusHistory),
  };
}

type AvailabilityView = {
  volunteer: { id: string; name: string; status: string };
  weekly: VolunteerRow['weeklyAvailability'];
  away: VolunteerRow['away'];
  canChange: boolean;
};

/** The availability form: a checkbox per weekday and part of the day, and the periods away with remove buttons. */
export function availabilityModel(t: Translate, view: AvailabilityView, opts: { ticked?: string[]; base: string }) {
  const ticked = opts.ticked ?? slotsFromWindows(view.weekly);
  const custom = describeWeekly(view.weekly.filter((w) => !SLOTS.some((s) => s.from === w.from && s.to === w.to)));
  return {
    heading: volunteerHeading(t, view.volunteer),
    base: opts.base,
    canChange: view.canChange,
    days: WEEKDAYS.map((d) => ({
      label: t(d.label),
      items: SLOTS.map((s) => ({
        value: `${d.day}:${s.slot}`,
        text: t('{slot} ({from} to {to})', { slot: t(s.label), from: s.from, to: s.to }),
        checked: ticked.includes(`${d.day}:${s.slot}`),
      })),
      id: `slots-${d.day}`,
    })),
    custom,
    weekly: describeWeekly(view.weekly),
    away: view.away.map((p) => ({ id: p.id, from: longDate(p.from), to: longDate(p.to), reason: p.reason ?? '' })),
  };
}
