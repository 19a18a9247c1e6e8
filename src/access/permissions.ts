// Pure: what each role may do, whatever the record (the first layer of access; the policies in ./policies decide
// per record). Checked in services and, as a route's `config.permission`, before a form is read; the reasons are
// shown to people as they are.
import type { OrgActor, Role } from './actor.ts';
import { listIn, msg, worded } from '#src/i18n/i18n.ts';
import { ALLOW, type Decision, refuse, refusalError } from './decision.ts';

const ALL: readonly Role[] = ['admin', 'coordinator', 'supervisor', 'mediator', 'safeguarding_lead', 'viewer'];
const ALL_STAFF = ALL;

export const PERMISSIONS = {
  'home.view': ALL_STAFF,
  'referrals.create': ['admin', 'coordinator', 'referrer'],
  'people.view': ['admin', 'coordinator'],
  'people.manage': ['admin'],
  'apikeys.manage': ['admin'],
  'audit.read': ['admin'],
  'settings.manage': ['admin'],
  'referrals.view': ['admin', 'coordinator', 'supervisor', 'safeguarding_lead', 'viewer'],
  'referrals.own': ['referrer'],
  'referrals.triage': ['admin', 'coordinator'],
  'cases.view': ['admin', 'coordinator', 'supervisor', 'safeguarding_lead', 'mediator', 'viewer'],
  'safeguarding.manage': ['admin', 'safeguarding_lead'],
  'volunteers.view': ['admin', 'coordinator', 'supervisor'],
  'volunteers.manage': ['admin', 'coordinator'],
  'training.record': ['admin', 'coordinator', 'supervisor'],
  'cases.assign': ['admin', 'coordinator'],
  'expenses.approve': ['admin', 'coordinator'],
  'my.work': ['mediator'],
  'meetings.book': ['admin', 'coordinator'],
  'venues.view': ['admin', 'coordinator', 'supervisor', 'mediator'],
  'venues.manage': ['admin', 'coordinator'],
  'calendar.view': ['admin', 'coordinator', 'supervisor'],
  'email.view': ['admin', 'coordinator'],
  'feedback.view': ['admin', 'coordinator', 'supervisor'],
  'testimonials.approve': ['admin'],
  'rj.decide': ['admin', 'supervisor'],
  'retention.manage': ['admin'],
  'dataprotection.view': ['admin', 'coordinator'],
  'send.deadlines': ['admin', 'coordinator', 'supervisor'],
  'reports.view': ['admin', 'coordinator', 'commissioner'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

const DESCRIPTIONS: Record<Permission, string> = {
  'home.view': msg('see the staff home'),
  'referrals.create': msg('make referrals through the API'),
  'people.view': msg('see the people in this service'),
  'people.manage': msg('manage people and their roles'),
  'apikeys.manage': msg('manage API keys'),
  'audit.read': msg('read the audit trail'),
  'settings.manage': msg('change the service settings'),
  'referrals.view': msg('see referrals and enquiries'),
  'referrals.triage': msg('accept, decline or signpost referrals'),
  'referrals.own': msg('read the status of the referrals they made'),
  'cases.view': msg('see cases'),
  'safeguarding.manage': msg('see and decide safeguarding records'),
  'volunteers.view': msg('see volunteers'),
  'volunteers.manage': msg('add and change volunteers'),
  'training.record': msg('record training, supervision and accreditation'),
  'cases.assign': msg('assign mediators to cases'),
  'expenses.approve': msg('approve expense claims'),
  'my.work': msg('use the volunteer pages'),
  'meetings.book': msg('book, move and cancel meetings'),
  'venues.view': msg('see venues'),
  'venues.manage': msg('add and change venues'),
  'calendar.view': msg('see the service’s calendar'),
  'email.view': msg('see the email outbox and delivery log'),
  'feedback.view': msg('see feedback and edit testimonials'),
  'testimonials.approve': msg('approve and publish testimonials'),
  'rj.decide': msg('sign off risk assessments and make senior decisions on restorative justice cases'),
  'retention.manage': msg('set how long records are kept, place legal holds and see the destruction log'),
  'dataprotection.view': msg('see and record data protection work: breaches and people’s requests'),
  'send.deadlines': msg('see the SEND deadlines and the register of certificates'),
  'reports.view': msg('see reports'),
};

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** Whether the role may, and if not why, in words (in the asker's language where the refusal is shown). */
export function roleDecision(role: Role, permission: Permission): Decision {
  if (can(role, permission)) return ALLOW;
  const allowed = PERMISSIONS[permission] as readonly Role[];
  return refuse('ROLE_NOT_ALLOWED', msg('Only {allowed} can {doWhat}; you are {role}.'), {
    // i18n-dynamic: role labels are msg() values in ROLE_LABELS
    allowed: (t, locale) =>
      listIn(
        locale,
        allowed.map((r) => t(ROLE_LABELS[r])),
        'disjunction',
        ' or ',
      ),
    doWhat: worded(DESCRIPTIONS[permission]),
    role: worded(roleLabel(role)),
  });
}

/** 403 ROLE_NOT_ALLOWED, with who may, unless the actor's role has the permission. */
export function authorise(actor: OrgActor, permission: Permission): void {
  const decision = roleDecision(actor.role, permission);
  if (!decision.allowed) throw refusalError(decision);
}

export const ROLE_LABELS: Record<Role, string> = {
  admin: msg('an admin'),
  coordinator: msg('a case coordinator'),
  supervisor: msg('a supervisor'),
  mediator: msg('a mediator'),
  safeguarding_lead: msg('a safeguarding lead'),
  viewer: msg('a viewer'),
  commissioner: msg('a commissioner'),
  referrer: msg('a referrer'),
};
export const roleLabel = (role: Role) => ROLE_LABELS[role];
