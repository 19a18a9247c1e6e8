// `npm run messages`: writes src/i18n/catalogues/en.json (every message used, keyed by itself) and brings cy.json
// up to date (new messages as null, untranslated; unused ones dropped). `npm run messages -- --check` (CI) writes
// nothing and fails, listing each problem, when a catalogue is out of date, a message is not valid ICU
// MessageFormat, a Welsh message's placeholders differ from the English, or a message is not a string literal.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Catalogue, check, nextCatalogues } from './messages/catalogues.ts';
import { collectMessages } from './messages/collect.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIR = join(ROOT, 'src/i18n/catalogues');
const read = (name: string): Catalogue => (existsSync(join(DIR, name)) ? JSON.parse(readFileSync(join(DIR, name), 'utf8')) : {});
const write = (name: string, catalogue: Catalogue) => writeFileSync(join(DIR, name), `${JSON.stringify(catalogue, null, 2)}\n`);

const { used, dynamic } = collectMessages(ROOT);
const en = read('en.json');
const cy = read('cy.json');

if (process.argv.includes('--check')) {
  const problems = check({ used, dynamic, en, cy });
  const translated = Object.values(cy).filter((v) => typeof v === 'string').length;
  if (problems.length > 0) {
    console.error(problems.join('\n'));
    console.error(`\n${problems.length} problem(s) with the message catalogues. \`npm run messages\` brings the catalogues up to date.`);
    process.exit(1);
  }
  console.log(`Messages: ${Object.keys(en).length} in en.json, ${translated} translated in cy.json; every one used is in both.`);
} else {
  const next = nextCatalogues(
    used.map((f) => f.text),
    cy,
  );
  write('en.json', next.en);
  write('cy.json', next.cy);
  const stillDynamic = dynamic.filter((d) => !d.allowed).length;
  console.log(
    `Wrote en.json (${Object.keys(next.en).length} messages) and cy.json.${stillDynamic ? ` ${stillDynamic} call(s) are not string literals: see --check.` : ''}`,
  );
}
