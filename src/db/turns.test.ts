import { describe, expect, it } from 'vitest';
import { BACKGROUND_GAP, createTurns, QUIET_MS, SLICE_MS } from './turns.ts';

describe('turns on the embedded database', () => {
  it('runs work one piece at a time, in the order asked', async () => {
    const { turns } = createTurns();
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
    const { turns } = createTurns(() => clock);
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
    const { turns } = createTurns(() => clock);
    const log: string[] = [];
    setImmediate(() => log.push('event loop'));
    await turns(async () => log.push('first'));
    await turns(async () => log.push('second'));
    await expect(turns(async () => Promise.reject(new Error('no such table')))).rejects.toThrow('no such table');
    await turns(async () => log.push('third'));
    expect(log).toEqual(['first', 'second', 'third']); // the loop has not come round in between
  });

  it('lets waiting requests go before the worker, but gives the worker its share', async () => {
    let clock = 0;
    const { turns, background } = createTurns(() => clock);
    const log: string[] = [];
    const piece = (take: typeof turns, name: string, ms: number) =>
      take(async () => {
        log.push(name);
        clock += ms;
      });
    // A request holds the database; a job asked first, then three requests, each of 1 ms.
    const pieces = [piece(turns, 'request 1', 1), piece(background, 'job 1', 2), piece(background, 'job 2', 2)];
    pieces.push(piece(turns, 'request 2', 1), piece(turns, 'request 3', 1));
    await Promise.all(pieces);
    // The worker had not had the database yet, so job 1 went next; then requests had it for BACKGROUND_GAP × 2 ms
    // (the gap after job 1's 2 ms), and job 2 went when none was left.
    expect(log).toEqual(['request 1', 'job 1', 'request 2', 'request 3', 'job 2']);

    // Job 2 ended at 7 ms, having taken 2 ms: requests have the database to themselves until 7 + BACKGROUND_GAP × 2 ms.
    log.length = 0;
    const requests = 2 * BACKGROUND_GAP + 2;
    const more = [piece(turns, 'request 0', 1), piece(background, 'job 3', 2)];
    for (let i = 1; i <= requests; i++) more.push(piece(turns, `request ${i}`, 1));
    more.push(piece(background, 'job 4', 2));
    await Promise.all(more);
    // Under a steady stream of requests, job 3 goes once the gap has passed; job 4 waits for the next gap, which
    // outlasts the requests left, so it goes after them.
    const before = 2 * BACKGROUND_GAP - 1;
    expect(log).toEqual([
      'request 0',
      ...Array.from({ length: before }, (_, i) => `request ${i + 1}`),
      'job 3',
      ...Array.from({ length: requests - before }, (_, i) => `request ${before + i + 1}`),
      'job 4',
    ]);
  });

  it('keeps the worker waiting until requests have been quiet for a moment, once it has had its share', async () => {
    let clock = 0; // moved only by the pieces: after them, only the quiet timer lets the worker go
    const { turns, background } = createTurns(() => clock);
    const log: string[] = [];
    await background(async () => {
      log.push('job 1');
      clock += 2; // its gap: until 2 + BACKGROUND_GAP × 2 ms
    });
    await turns(async () => {
      log.push('request 1');
      clock += 1;
    });
    const job = background(async () => log.push('job 2'));
    // A request's next piece, asked a moment later, goes first.
    const request = turns(async () => log.push('request 2'));
    const startedAt = performance.now();
    await Promise.all([job, request]);
    expect(log).toEqual(['job 1', 'request 1', 'request 2', 'job 2']);
    expect(performance.now() - startedAt).toBeGreaterThanOrEqual(QUIET_MS - 1);
  });
});
