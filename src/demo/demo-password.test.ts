import { describe, expect, it } from 'vitest';
import { refuseWeakPassword } from '#src/lib/password-strength.ts';
import { DEMO_PASSWORD_WORDS, demoPassword } from './demo-password.ts';

describe('the demo accounts’ passwords', () => {
  it('are three different words and a number', () => {
    for (let i = 0; i < 500; i++) {
      const password = demoPassword();
      expect(password).toMatch(/^[a-z]+-[a-z]+-[a-z]+-[1-9]\d\d$/);
      const words = password.split('-').slice(0, 3);
      expect(new Set(words).size).toBe(3);
      for (const word of words) expect(DEMO_PASSWORD_WORDS).toContain(word);
    }
  });

  it('pass the strength check: each word in each place, and draws as the demo makes them', () => {
    // zxcvbn takes about 20 ms a password, so not all 1,320 orders: each word once in each place, and forty draws.
    const person = { email: 'admin@demo.parley.example', name: 'Alex Example' };
    const w = DEMO_PASSWORD_WORDS;
    const passwords = [
      ...w.map((a, i) => `${a}-${w[(i + 1) % w.length]}-${w[(i + 2) % w.length]}-${100 + i}`),
      ...w.map((a, i) => `${w[(i + 5) % w.length]}-${a}-${w[(i + 7) % w.length]}-${999 - i}`),
      ...Array.from({ length: 40 }, demoPassword),
    ];
    const refused = passwords.filter((password) => {
      try {
        refuseWeakPassword(password, person, 'password');
        return false;
      } catch {
        return true;
      }
    });
    expect(refused).toEqual([]);
    // What the demo drew before, about once in 144: the same word three times, which the check refuses.
    expect(() => refuseWeakPassword('pebble-pebble-pebble-630', person, 'password')).toThrow();
  });
});
