// The words the staff case pages use for values stored as codes (shown through t()).
import { msg } from '#src/i18n/i18n.ts';
import type { CaseStatus } from '#src/domain/case-words.ts';
import type { CONTACT_METHODS, CONTACT_OUTCOMES } from './cases.schemas.ts';
import type { EventKind } from './timeline.repo.ts';

export const CONTACT_METHOD_LABELS: Record<(typeof CONTACT_METHODS)[number], string> = {
  call: msg('Phone call'),
  letter: msg('Letter'),
  email: msg('Email'),
  visit: msg('Visit'),
  text: msg('Text message'),
  via_offender_manager: msg('Through the offender manager'),
};

export const CONTACT_OUTCOME_LABELS: Record<(typeof CONTACT_OUTCOMES)[number], string> = {
  spoke: msg('Spoke to them'),
  no_answer: msg('No answer'),
  left_message: msg('Left a message'),
  sent: msg('Sent (letter, email or text)'),
  met: msg('Met them'),
  declined: msg('They declined'),
};

export const CONSENT_LABELS: Record<string, string> = { not_asked: msg('Not asked yet'), given: msg('Consent given'), withdrawn: msg('Consent withdrawn') };
export const CONSENT_TAG_CLASSES: Record<string, string> = { not_asked: 'govuk-tag--grey', given: 'govuk-tag--green', withdrawn: 'govuk-tag--red' };
export const CONSENT_METHOD_LABELS: Record<'verbal' | 'written' | 'online', string> = {
  verbal: msg('Verbally'),
  written: msg('In writing'),
  online: msg('Online'),
};

export const SUITABILITY_LABELS: Record<'suitable' | 'unsuitable' | 'unsure', string> = {
  suitable: msg('Suitable for mediation'),
  unsuitable: msg('Not suitable for mediation'),
  unsure: msg('Not sure yet'),
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
  contact: msg('Contacts'),
  note: msg('Notes'),
  transition: msg('Stage changes'),
  consent: msg('Consent'),
  intake: msg('Intake records'),
  task: msg('Tasks'),
  safeguarding: msg('Safeguarding'),
  referral: msg('Referral'),
  assignment: msg('Mediators'),
  meeting: msg('Meetings'),
  shuttle: msg('Shuttle log'),
  restorative: msg('Restorative justice'),
};

export const EVENT_KIND_LABELS: Record<EventKind, string> = {
  referral: msg('Referral'),
  transition: msg('Stage change'),
  contact: msg('Contact'),
  note: msg('Note'),
  consent: msg('Consent'),
  intake: msg('Intake'),
  task: msg('Task'),
  safeguarding: msg('Safeguarding'),
  party: msg('People'),
  document: msg('Document'),
  assignment: msg('Mediators'),
  meeting: msg('Meeting'),
  shuttle: msg('Shuttle log'),
  restorative: msg('Restorative justice'),
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
