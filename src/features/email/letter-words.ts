// Pure: a letter to post, from the text of the email it stands in for. The letter is the same message (the same
// template, the same values, the service's own wording when it has one), less what only makes sense in an email:
// the calendar attachment and "do not reply to this email". Paragraphs are matched whole, in the reader's language.
import { DEFAULT_LOCALE, type Locale, msg, translationOf } from '#src/i18n/i18n.ts';

/** An email-only paragraph, and what a letter says in its place ('' for nothing). */
const EMAIL_ONLY: [string, string][] = [
  [msg('The invitation is attached. Add it to your calendar to keep the time.'), msg('Please keep this letter to remind you of the time.')],
  [msg('The attached invitation replaces the earlier one in your calendar.'), msg('This letter replaces the one we sent before.')],
  [msg('The attachment removes it from your calendar. We will be in touch about what happens next.'), msg('We will be in touch about what happens next.')],
  [msg('Please do not reply to this email.'), ''],
];

const normalise = (paragraph: string) => paragraph.replace(/\s+/g, ' ').trim();

/** The email's plain text as a letter's: its paragraphs, with the email-only ones replaced or left out. */
export function letterText(emailText: string, locale: Locale = DEFAULT_LOCALE): string {
  const swaps = new Map<string, string>();
  for (const [email, letter] of EMAIL_ONLY) {
    const replacement = letter ? translationOf(locale, letter) : '';
    swaps.set(normalise(translationOf(locale, email)), replacement);
    swaps.set(normalise(email), letter ? translationOf(locale, letter) : '');
  }
  const paragraphs = emailText
    .trim()
    .split(/\n\s*\n/)
    .map((p) => {
      const swap = swaps.get(normalise(p));
      return swap === undefined ? p : swap;
    })
    .filter((p) => p.trim() !== '');
  return `${paragraphs.join('\n\n')}\n`;
}

/**
 * A postal address as lines: the address as typed (one part a line, commas split) and the postcode last. A postcode
 * with no address is no address to post to: no lines.
 */
export function addressLines(address: string | null | undefined, postcode: string | null | undefined): string[] {
  const lines = (address ?? '')
    .split(/\r?\n|,/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (!lines.length) return [];
  const pc = postcode?.trim().toUpperCase();
  if (pc && !lines.some((l) => l.toUpperCase().replace(/\s+/g, '') === pc.replace(/\s+/g, ''))) lines.push(pc);
  return lines;
}
