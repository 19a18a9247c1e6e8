// Every template's visible text goes through t() (scripts/check-template-text.ts, also run by .ci/run).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkTemplates, findBareText } from '../../scripts/check-template-text.ts';

describe('template text', () => {
  it('is all wrapped in t() in every template under src/', () => {
    expect(checkTemplates()).toEqual([]);
  });

  it('is found bare wherever a page shows it, and nowhere else', () => {
    const source = readFileSync(new URL('./fixtures/bare-text.njk', import.meta.url), 'utf8');
    expect(findBareText(source)).toEqual([
      { line: 4, text: 'Bare title' },
      { line: 7, text: 'Bare paragraph with' },
      { line: 7, text: 'inside' },
      { line: 9, text: 'Bare alt text' },
      { line: 10, text: 'Bare button' },
      { line: 12, text: 'Not given' },
      { line: 14, text: '">Bare link</a>' },
      { line: 15, text: 'Nobody' },
      { line: 16, text: 'Bare output' },
    ]);
  });
});
