// The catalogue check (scripts/messages): what it extracts from code and templates, and what it refuses.
import { describe, expect, it } from 'vitest';
import { check, nextCatalogues } from '../../scripts/messages/catalogues.ts';
import { extractFromNjk } from '../../scripts/messages/extract-njk.ts';
import { extractFromTs } from '../../scripts/messages/extract-ts.ts';

const SOURCE = `
import { msg, translator } from '#src/i18n/i18n.ts';
const t = translator('en');
export const LABELS = { open: msg('Open'), closed: msg("Closed") };
export const a = t('Hello {name}', { name: 'x' });
export const b = t(
  \`Split over
lines\`,
);
export const c = t(ok ? 'Yes' : 'No');
export const d = req.t('From the request');
export const e = t(LABELS[key] ?? key);
export const f = t(somewhere);
// i18n-dynamic: the heading comes from msg() values in headings.ts
export const g = t(heading);
export const h = \`\${t('Inside a template')}\`;
`;

describe('extracting messages from TypeScript', () => {
  const found = extractFromTs('x.ts', SOURCE);
  it('finds t(), req.t() and msg() literals, in either quotes, across lines and in both arms of a choice', () => {
    expect(found.messages.map((m) => m.text)).toEqual([
      'Open',
      'Closed',
      'Hello {name}',
      'Split over\nlines',
      'Yes',
      'No',
      'From the request',
      'Inside a template',
    ]);
    expect(found.messages.find((m) => m.text === 'Hello {name}')?.line).toBe(5);
  });
  it('knows a constant of msg() values as a map, and which other calls are marked', () => {
    expect([...found.maps]).toEqual(['LABELS']);
    expect(found.lookups.map((l) => [l.call.code, l.root, l.call.allowed])).toEqual([
      ['LABELS[key] ?? key', 'LABELS', false],
      ['somewhere', undefined, false],
      ['heading', undefined, true],
    ]);
  });
});

describe('extracting messages from Nunjucks', () => {
  it("finds t('…') and t(\"…\") with Nunjucks' own parser, and leaves t(variable) to where its text was written", () => {
    const found = extractFromNjk('x.njk', `<h1>{{ t("Your cases") }}</h1>\n{{ govukButton({ text: t('Save {n}', { n: 2 }) }) }}\n{{ t(label) }}`);
    expect(found.map((f) => [f.text, f.line])).toEqual([
      ['Your cases', 1],
      ['Save {n}', 2],
    ]);
  });

  it('finds the messages inside a block set, which Nunjucks keeps outside the node’s fields', () => {
    const found = extractFromNjk('x.njk', '{% set hintHtml %}\n  {{ t("Answer these first.") }}\n{% endset %}\n{{ t("After") }}');
    expect(found.map((f) => f.text)).toEqual(['Answer these first.', 'After']);
  });
});

describe('the catalogue check', () => {
  const at = (text: string) => ({ text, file: 'src/x.ts', line: 3 });
  const used = [at('Hello {name}'), at('Goodbye')];
  const good = nextCatalogues(['Hello {name}', 'Goodbye'], { 'Hello {name}': 'Helo {name}', Old: 'Hen' });

  it('writes English keyed by itself, keeps Welsh translations, adds new ones as null and drops unused ones', () => {
    expect(good.en).toEqual({ Goodbye: 'Goodbye', 'Hello {name}': 'Hello {name}' });
    expect(good.cy).toEqual({ Goodbye: null, 'Hello {name}': 'Helo {name}' });
    expect(check({ used, dynamic: [], ...good })).toEqual([]);
  });
  it('refuses a key missing from either catalogue', () => {
    const problems = check({ used: [...used, at('New message')], dynamic: [], ...good });
    expect(problems).toEqual(['src/x.ts:3: not in en.json: "New message"', 'src/x.ts:3: not in cy.json: "New message"']);
  });
  it('refuses a message that is not ICU MessageFormat', () => {
    const bad = at('You have {count, plural, one {# case}');
    const next = nextCatalogues([bad.text], {});
    expect(check({ used: [bad], dynamic: [], ...next })[0]).toMatch(/^src\/x\.ts:3: not valid ICU MessageFormat/);
  });
  it('refuses a Welsh message whose placeholders differ from the English, or that does not parse', () => {
    const problems = check({ used, dynamic: [], en: good.en, cy: { ...good.cy, 'Hello {name}': 'Helo {enw}', Goodbye: 'Hwyl {' } });
    expect(problems).toEqual([
      'cy.json: the Welsh for "Hello {name}" has placeholders {enw}, the English {name}',
      expect.stringMatching(/^cy\.json: the Welsh for "Goodbye" is not valid ICU MessageFormat/),
    ]);
  });
  it('accepts Welsh plural forms the English does not have, with the same placeholders', () => {
    const text = '{count, plural, one {# case} other {# cases}}';
    const cy = { [text]: '{count, plural, zero {# achos} one {# achos} two {# achos} few {# achos} many {# achos} other {# achos}}' };
    expect(check({ used: [at(text)], dynamic: [], en: { [text]: text }, cy })).toEqual([]);
  });
  it('refuses a message no longer used, and a call whose message is not a string literal unless allowed', () => {
    const dynamic = [
      { file: 'src/x.ts', line: 9, callee: 't', code: 'somewhere', allowed: false },
      { file: 'src/x.ts', line: 10, callee: 't', code: 'LABELS[k]', allowed: true },
    ];
    const problems = check({ used: [at('Goodbye')], dynamic, ...good });
    expect(problems).toContain('en.json: "Hello {name}" is no longer used');
    expect(problems.filter((p) => p.includes('not a string literal'))).toEqual([expect.stringMatching(/^src\/x\.ts:9: t\(somewhere\)/)]);
  });
});
