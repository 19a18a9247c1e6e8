// The demo accounts' passwords: three different words and a number, new each time the demo is loaded. The words are
// never repeated: with the same word three times (one draw in 144) and a number the checker reads as a pattern
// ("pebble-pebble-pebble-630", "quarry-quarry-quarry-840"), the strength check rightly refused the password. That
// was 11 draws in 20,000, so about one `parley demo` in 200 failed (nine accounts), and about one test run in thirty,
// which loads the demo several times.
import { randomInt } from 'node:crypto';

export const DEMO_PASSWORD_WORDS = [
  'harbour',
  'lantern',
  'orchard',
  'meadow',
  'pebble',
  'thistle',
  'copper',
  'willow',
  'quarry',
  'saffron',
  'bramble',
  'cobalt',
];

export function demoPassword(): string {
  const words = [...DEMO_PASSWORD_WORDS];
  const chosen = Array.from({ length: 3 }, () => words.splice(randomInt(words.length), 1)[0]!);
  return `${chosen.join('-')}-${randomInt(100, 1000)}`;
}
