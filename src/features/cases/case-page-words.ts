// The words the staff case pages use for values stored as codes (shown through t()).
import { msg } from '#src/i18n/i18n.ts';
import type { CaseStatus } from '#src/domain/case-words.ts';
import type { CONTACT_METHODS, CONTACT_OUTCOMES } from './cases.schemas.ts';
import type { EventKind } from './timeline.repo.ts';

export const CONTACT_METHOD_LABELS: Record<(typeof CONTACT_METHODS)[number], string> = {
  call: 'Phone call',
  letter: 'Letter',
  email: 'Email',
  visit: 'Visit',
  text: 'Text message',
  via_offender_manager: 'Through the offender manager',
};

export const CONTACT_OUTCOME_LABELS: Record<(typeof CONTACT_OUTCOMES)[number], string> = {
  spoke: 'Spoke to them',
  no_answer: 'No answer',
  left_message: 'Left a message',
  sent: 'Sent (letter, email or text)',
  met: 'Met them',
  declined: 'They declined',
};

export const CONSENT_LABELS: Record<string, string> = { not_asked: 'Not asked yet', given: 'Consent given', withdrawn: 'Consent withdrawn' };
export const CONSENT_TAG_CLASSES: Record<string, string> = { not_asked: 'govuk-tag--grey', given: 'govuk-tag--green', withdrawn: 'govuk-tag--red' };
export const CONSENT_METHOD_LABELS: Record<'verbal' | 'written' | 'online', string> = { verbal: 'Verbally', written: 'In writing', online: 'Online' };

export const SUITABILITY_LABELS: Record<'suitable' | 'unsuitable' | 'unsure', string> = {
  suitable: 'Suitable for mediation',
  unsuitable: 'Not suitable for mediation',
  unsure: 'Not sure yet',
};

export const MEETING_MODE_LABELS: Record<'home_visit' | 'office' | 'prison_visit' | 'phone' | 'online', string> = {
  home_visit: msg('Home visit'),
  office: msg('At the office'),
  prison_visit: msg('Prison visit'),
  phone: msg('Phone'),
  online: msg('Online'),
};

/** The timeline's filter: the kinds of event staff look for. */
export const TIMELINE_KIND_LABELS: Partial<Record<EventKind, string>> = {
  contact: 'Contacts',
  note: 'Notes',
  transition: 'Stage changes',
  consent: 'Consent',
  intake: 'Intake records',
  task: 'Tasks',
  safeguarding: 'Safeguarding',
  referral: 'Referral',
  assignment: 'Mediators',
  meeting: 'Meetings',
  shuttle: 'Shuttle log',
};

export const EVENT_KIND_LABELS: Record<EventKind, string> = {
  referral: 'Referral',
  transition: 'Stage change',
  contact: 'Contact',
  note: 'Note',
  consent: 'Consent',
  intake: 'Intake',
  task: 'Task',
  safeguarding: 'Safeguarding',
  party: 'People',
  document: 'Document',
  assignment: 'Mediators',
  meeting: 'Meeting',
  shuttle: 'Shuttle log',
};

/** MOJ badge colours for each case status. */
export const STATUS_BADGE_CLASSES: Record<CaseStatus, string> = {
  intake: 'moj-badge--blue',
  ready: 'moj-badge--purple',
  mediation: 'moj-badge--bright-purple',
  outcome: 'moj-badge--green',
  follow_up: 'moj-badge--green',
  closed: 'moj-badge--grey',
  withdrawn: 'moj-badge--grey',
  unsuitable: 'moj-badge--grey',
  on_hold: 'moj-badge--black',
};
