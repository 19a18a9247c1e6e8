import { describe, expect, it } from 'vitest';
import { createTurns, SLICE_MS } from './turns.ts';

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

  it('lets the event loop through once pieces have followed each other for longer than a slice', async () => {
    let clock = 0;
    const turns = createTurns(() => clock);
    const log: string[] = [];
    // Pieces that resolve as microtasks, as PGlite's do: without a pause the loop would not come round between them.
    const piece = (name: string, ms: number) =>
      turns(async () => {
        log.push(name);
        clock += ms;
      });
    setImmediate(() => log.push('the loop comes round'));
    await Promise.all([piece('a', 4), piece('b', 4), piece('c', SLICE_MS), piece('d', 1)]);
    expect(log).toEqual(['a', 'b', 'c', 'the loop comes round', 'd']);
  });

  it('does not hold back pieces that follow each other quickly, and goes on after a piece fails', async () => {
    const clock = 0;
    const turns = createTurns(() => clock);
    const log: string[] = [];
    setImmediate(() => log.push('event loop'));
    await turns(async () => log.push('first'));
    await turns(async () => log.push('second'));
    await expect(turns(async () => Promise.reject(new Error('no such table')))).rejects.toThrow('no such table');
    await turns(async () => log.push('third'));
    expect(log).toEqual(['first', 'second', 'third']); // the loop has not come round in between
  });
});
