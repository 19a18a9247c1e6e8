// The words of the end of a case: check-in answers and where an answer or survey came from.
import { msg } from '#src/i18n/i18n.ts';

export const CHECK_IN_ANSWERS = ['kept', 'partly', 'not_kept', 'not_yet_due'] as const;
export type CheckInAnswer = (typeof CHECK_IN_ANSWERS)[number];
export const CHECK_IN_ANSWER_LABELS: Record<CheckInAnswer, string> = {
  kept: msg('Yes, it is being kept'),
  partly: msg('Partly'),
  not_kept: msg('No, it is not being kept'),
  not_yet_due: msg('Not yet due'),
};
/** The question about the agreement as a whole, asked with one question per signed term. */
export const OVERALL_QUESTION = msg('Is the agreement being kept?');

/** How staff heard the answers. */
export const STAFF_SOURCES = ['phone', 'visit', 'paper'] as const;
export type StaffSource = (typeof STAFF_SOURCES)[number];
export const SOURCE_LABELS: Record<StaffSource | 'link', string> = {
  link: msg('Answered by link'),
  phone: msg('By phone'),
  visit: msg('At a visit'),
  paper: msg('On paper'),
};

/** The answers about one term of the agreement, shorter than the overall question's. */
export const TERM_ANSWER_LABELS: Record<CheckInAnswer, string> = {
  kept: msg('Kept'),
  partly: msg('Partly kept'),
  not_kept: msg('Not kept'),
  not_yet_due: msg('Not yet due'),
};
