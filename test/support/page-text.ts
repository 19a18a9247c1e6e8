// Reading a rendered page as a person would: its words, with the markup gone and HTML's character references
// decoded, and the error summary on its own. One place, so every page test reads pages the same way.

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  rsquo: '’',
  lsquo: '‘',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  pound: '£',
};

/** Decodes the character references Nunjucks and the GOV.UK macros write: numeric ones and the common named ones. */
export function decodeEntities(html: string): string {
  return html.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref.toLowerCase()] ?? whole;
  });
}

/** The words of a page or a part of one: tags become spaces, references are decoded, white space is folded. */
export const pageText = (html: string): string => decodeEntities(html.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ');

/** The words of the page's GOV.UK error summary, or '' when it has none. */
export const errorSummary = (html: string): string => pageText(/<div class="govuk-error-summary"[\s\S]*?<\/ul>/.exec(html)?.[0] ?? '');
