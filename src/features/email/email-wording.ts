// Pure: which {placeholders} each email knows, and the problems in a service's own wording for one email.
import type { EmailTemplate } from '#src/features/settings/meeting-policy.ts';
import { BUILT_IN_TEMPLATES, type TemplateName } from './templates.ts';

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9_]*)\}/g;

/** The placeholders the built-in wording of this email uses: the ones its message fills in. */
export function placeholdersOf(name: TemplateName): string[] {
  const { subject, body } = BUILT_IN_TEMPLATES[name];
  return [...new Set([...`${subject}\n${body}`.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

/** Problems by field (subject, body); empty when the wording can be saved. */
export function wordingProblems(name: TemplateName, wording: EmailTemplate): Record<string, string> {
  const known = placeholdersOf(name);
  const problems: Record<string, string> = {};
  for (const field of ['subject', 'body'] as const) {
    const text = wording[field].trim();
    const max = field === 'subject' ? 200 : 5000;
    const unknown = [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!).filter((p) => !known.includes(p));
    if (!text) problems[field] = field === 'subject' ? 'Enter the subject' : 'Enter the message';
    else if (text.length > max) problems[field] = `The ${field === 'subject' ? 'subject' : 'message'} must be ${max} characters or fewer`;
    else if (unknown.length)
      problems[field] = `This email does not know ${unknown.map((u) => `{${u}}`).join(', ')}. Use only ${known.map((k) => `{${k}}`).join(', ')}`;
  }
  return problems;
}

/** What to store: nothing when the wording is the built-in one (so later improvements to it still arrive). */
export function wordingToStore(name: TemplateName, wording: EmailTemplate): EmailTemplate | undefined {
  const builtIn = BUILT_IN_TEMPLATES[name];
  const same = (a: string, b: string) => a.replace(/\r\n/g, '\n').trim() === b.trim();
  return same(wording.subject, builtIn.subject) && same(wording.body, builtIn.body)
    ? undefined
    : { subject: wording.subject.trim(), body: wording.body.replace(/\r\n/g, '\n').trim() };
}
