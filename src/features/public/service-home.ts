// Pure: what a service's public home page says: what it offers and which of its notices apply today.
import { msg } from '#src/i18n/i18n.ts';
import { type CaseType, caseTypeName, type ServiceCaseType } from '#src/domain/case-words.ts';
import type { Translate } from '#src/i18n/i18n.ts';
import type { Notice } from '#src/features/settings/settings.schemas.ts';
import { noticesInForce } from '#src/features/settings/notices.ts';

/** One sentence for each kind of help, in plain words (drawn from the services' own pages). */
export const CASE_TYPE_SUMMARIES: Record<CaseType, string> = {
  community: msg(
    'Help for neighbours, family members, parents and teenagers, or groups who disagree, with two impartial mediators who help you find your own way forward.',
  ),
  restorative_justice: msg(
    'A safe way for people harmed by crime or conflict and the people responsible to communicate, by letter or in a meeting, when everyone agrees and it is safe.',
  ),
  send: msg(
    'Free mediation for families who disagree with a local authority or health service decision about special educational needs and disability (SEND).',
  ),
  social_care: msg('Mediation for children and families and adult social care matters, between staff, people who use services, and their families.'),
};

/** A case type the service offers as its public pages show it: its name, and for a built-in one its summary. */
export const offerOf = (t: Translate, type: ServiceCaseType) => ({
  code: type.code,
  name: caseTypeName(t, type, type.code),
  summary: type.name === null ? t(CASE_TYPE_SUMMARIES[type.kind]) : undefined,
});

/** Notices whose dates include today, those that change how the service works first. */
export function currentNotices(notices: Notice[], today: string) {
  const current = noticesInForce(notices, today);
  const important = current.filter((n) => n.homeVisitsSuspended || n.officeClosed);
  const other = current.filter((n) => !n.homeVisitsSuspended && !n.officeClosed);
  return { important, other };
}

/** Text as paragraphs (blank lines between them), for texts the service writes in its settings. */
export const paragraphs = (text: string) =>
  text
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean);
