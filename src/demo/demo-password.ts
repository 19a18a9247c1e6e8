// The demo accounts' passwords: three different words and a number, new each time the demo is loaded. The words are
// never repeated: "pebble-pebble-pebble-630" is one the strength check rightly refuses, and it came up about once
// in 144 draws, so about one `parley demo` in sixteen failed.
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
