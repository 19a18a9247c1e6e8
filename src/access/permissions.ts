// Pure: what each role may do. Checked in services; the reasons are shown to people as they are.
import { msg } from '#src/i18n/i18n.ts';
import { AppError } from '#src/lib/app-error.ts';
import type { OrgActor, Role } from './actor.ts';

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
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

const DESCRIPTIONS: Record<Permission, string> = {
  'home.view': 'see the staff home',
  'referrals.create': 'make referrals through the API',
  'people.view': 'see the people in this service',
  'people.manage': 'manage people and their roles',
  'apikeys.manage': 'manage API keys',
  'audit.read': 'read the audit trail',
  'settings.manage': 'change the service settings',
  'referrals.view': 'see referrals and enquiries',
  'referrals.triage': 'accept, decline or signpost referrals',
  'referrals.own': 'read the status of the referrals they made',
  'cases.view': 'see cases',
  'safeguarding.manage': 'see and decide safeguarding records',
  'volunteers.view': 'see volunteers',
  'volunteers.manage': 'add and change volunteers',
  'training.record': 'record training, supervision and accreditation',
  'cases.assign': 'assign mediators to cases',
  'expenses.approve': 'approve expense claims',
  'my.work': 'use the volunteer pages',
  'meetings.book': 'book, move and cancel meetings',
  'venues.view': 'see venues',
  'venues.manage': 'add and change venues',
  'calendar.view': 'see the service’s calendar',
  'email.view': 'see the email outbox and delivery log',
  'feedback.view': 'see feedback and edit testimonials',
  'testimonials.approve': 'approve and publish testimonials',
};

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export function authorise(actor: OrgActor, permission: Permission): void {
  if (can(actor.role, permission)) return;
  const allowed = (PERMISSIONS[permission] as readonly Role[]).map(roleLabel).join(' or ');
  throw new AppError('FORBIDDEN', `Only ${allowed} can ${DESCRIPTIONS[permission]}; you are ${roleLabel(actor.role)}.`, {
    reason: 'ROLE_NOT_ALLOWED',
  });
}

export const ROLE_LABELS: Record<Role, string> = {
  admin: msg('an admin'),
  coordinator: msg('a case coordinator'),
  supervisor: msg('a supervisor'),
  mediator: msg('a mediator'),
  safeguarding_lead: msg('a safeguarding lead'),
  viewer: msg('a viewer'),
  referrer: msg('a referrer'),
};
export const roleLabel = (role: Role) => ROLE_LABELS[role];
