// Work on the embedded database, one piece at a time, in the order it was asked for, letting the event loop read
// new requests and accept new connections between pieces.
//
// PGlite runs a query synchronously on the app's own thread, and everything it returns resolves as a microtask. So
// a request read from a socket ran to its end (every statement, the page) before the event loop read the next
// socket: under load each pass of the loop served one request from every ready connection, one after another, and
// took as long as all of them together (about 150 ms at 50 connections). Node accepts new connections once a pass,
// so a burst of 100 new connections took many seconds to be let in, and some waited past a client's timeout.
//
// So a piece that would start more than SLICE_MS after the loop last came round waits for it to come round first
// (setImmediate: the loop polls its sockets, then runs it). Pieces still go one at a time in the order asked, and a
// caller whose pieces follow each other quickly is not held back by a waiting loop.
export type Turns = <T>(work: () => Promise<T>) => Promise<T>;

/** How long pieces may follow each other before the event loop is let through. */
export const SLICE_MS = 10;

export function createTurns(now: () => number = performance.now.bind(performance)): Turns {
  let last: Promise<void> = Promise.resolve();
  /** When the loop last reached its check phase (just after polling), as far as this knows. */
  let loopSeenAt = now();
  let watching = false;
  const watchLoop = () => {
    if (watching) return;
    watching = true;
    setImmediate(() => {
      watching = false;
      loopSeenAt = now();
    });
  };
  return async (work) => {
    const before = last;
    let done!: () => void;
    last = new Promise<void>((resolve) => {
      done = resolve;
    });
    await before;
    try {
      if (now() - loopSeenAt > SLICE_MS) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        loopSeenAt = now();
      }
      watchLoop();
      return await work();
    } finally {
      done();
    }
  };
}
