import { describe, expect, it } from 'vitest';
import { createTurns } from './turns.ts';

describe('turns on the embedded database', () => {
  it('runs work one piece at a time, in the order asked', async () => {
    const turns = createTurns();
    const log: string[] = [];
    const piece = (name: string) =>
      turns(async () => {
        log.push(`${name} starts`);
        await Promise.resolve();
        log.push(`${name} ends`);
        return name;
      });
    expect(await Promise.all([piece('a'), piece('b'), piece('c')])).toEqual(['a', 'b', 'c']);
    expect(log).toEqual(['a starts', 'a ends', 'b starts', 'b ends', 'c starts', 'c ends']);
  });

  it('lets the event loop through before the next waiting piece starts', async () => {
    const turns = createTurns();
    const log: string[] = [];
    const first = turns(async () => {
      setImmediate(() => log.push('a request is read'));
      log.push('first');
    });
    const second = turns(async () => log.push('second'));
    await Promise.all([first, second]);
    expect(log).toEqual(['first', 'a request is read', 'second']);
  });

  it('does not hold back one caller’s pieces in a row, and goes on after a piece fails', async () => {
    const turns = createTurns();
    const log: string[] = [];
    await turns(async () => {
      setImmediate(() => log.push('event loop'));
      log.push('first');
    });
    await turns(async () => log.push('second'));
    await expect(turns(async () => Promise.reject(new Error('no such table')))).rejects.toThrow('no such table');
    await turns(async () => log.push('third'));
    expect(log.slice(0, 2)).toEqual(['first', 'second']);
    expect(log).toContain('third');
  });
});
