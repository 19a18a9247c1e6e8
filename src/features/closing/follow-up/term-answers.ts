// Per-term check-ins: a check-in answers the overall question and, for each term of the signed agreement, whether it
// is being kept, with an optional comment. The rules (only the signed terms, once each) and the form's shape, shared by
// the party's link page and the staff form.
import { AppError, type FieldErrors } from '#src/lib/app-error.ts';
import { msg, type Translate } from '#src/i18n/i18n.ts';
import { CHECK_IN_ANSWERS, TERM_ANSWER_LABELS } from '../closing-words.ts';

export type CheckInTerm = { id: string; text: string };
type Answer = { termId?: string | null; answer: string; note?: string | null };

const UNKNOWN_TERM = msg('Answer only about the terms of the case’s signed agreement, once each');

/** Refuses an answer about a term that is not in the signed agreement, or two answers about one term. */
export function refuseUnknownTerms(answers: Answer[], terms: CheckInTerm[]) {
  const seen = new Set<string>();
  for (const a of answers) {
    const id = a.termId ?? null;
    if (id === null) continue;
    if (!terms.some((t) => t.id === id) || seen.has(id))
      throw new AppError('UNPROCESSABLE', UNKNOWN_TERM, { reason: 'NO_SUCH_TERM', fields: { answers: UNKNOWN_TERM } });
    seen.add(id);
  }
}

/** The overall answer first, then the terms in the agreement's order, then any about terms no longer signed. */
export function orderedAnswers<A extends Answer>(answers: A[], terms: CheckInTerm[]): A[] {
  const rank = (a: A) => {
    if (!a.termId) return -1;
    const i = terms.findIndex((t) => t.id === a.termId);
    return i === -1 ? terms.length : i;
  };
  return [...answers].sort((x, y) => rank(x) - rank(y));
}

export const termField = (id: string) => `term_${id}`;
export const termNoteField = (id: string) => `termNote_${id}`;

const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

/**
 * The answers a form sent: the overall question (`answer`, `note`) and, per term, `term_{id}` and `termNote_{id}`.
 * A term left unanswered with no comment is skipped; a comment without an answer is refused (see termFormErrors).
 */
export function answersFromForm(body: Record<string, unknown>, terms: CheckInTerm[]) {
  const answers: { termId: string | null; answer: string | undefined; note: string }[] = [
    { termId: null, answer: str(body.answer) || undefined, note: str(body.note) },
  ];
  for (const t of terms) {
    const answer = str(body[termField(t.id)]) || undefined;
    const note = str(body[termNoteField(t.id)]);
    if (answer || note) answers.push({ termId: t.id, answer, note });
  }
  return answers;
}

/** The terms a form answered about, by the names of its fields (the service then checks they are the signed ones). */
export function termsInForm(body: Record<string, unknown>): CheckInTerm[] {
  const ids = new Set<string>();
  for (const key of Object.keys(body)) {
    const m = /^term(?:Note)?_([0-9a-f-]{36})$/.exec(key);
    if (m) ids.add(m[1]!);
  }
  return [...ids].map((id) => ({ id, text: '' }));
}

/** Zod's issues about `answers.N.field` as the form's field names, with a term's own words. */
export function termFormErrors(issues: { path: PropertyKey[]; message: string }[], answers: { termId: string | null }[], t: Translate): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of issues) {
    const [head, index, leaf] = issue.path;
    const termId = head === 'answers' && typeof index === 'number' ? answers[index]?.termId : null;
    if (termId) {
      const name = leaf === 'note' ? termNoteField(termId) : termField(termId);
      // i18n-dynamic: the schema's messages are msg() literals
      fields[name] ??= leaf === 'note' ? t(issue.message) : t('Say whether this term is being kept, or clear its comment');
    } else {
      // i18n-dynamic: the schema's messages are msg() literals
      fields[String(issue.path.at(-1))] ??= t(issue.message);
    }
  }
  return fields;
}

/** The questions to show, one per term, keeping what was typed. */
export function termQuestions(terms: CheckInTerm[], values: Record<string, unknown>, fields: FieldErrors, t: Translate) {
  return terms.map((term, i) => ({
    id: termField(term.id),
    noteId: termNoteField(term.id),
    legend: t('Term {n}: {text}', { n: i + 1, text: term.text }),
    // i18n-dynamic: TERM_ANSWER_LABELS are msg() literals (closing-words.ts)
    items: CHECK_IN_ANSWERS.map((a) => ({ value: a, text: t(TERM_ANSWER_LABELS[a]), checked: values[termField(term.id)] === a })),
    note: typeof values[termNoteField(term.id)] === 'string' ? values[termNoteField(term.id)] : '',
    error: fields[termField(term.id)],
    noteError: fields[termNoteField(term.id)],
  }));
}
