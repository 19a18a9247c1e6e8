// Work on the embedded database, one piece at a time: requests in the order they asked, the worker's jobs behind them,
// and the event loop let through every few milliseconds.
//
// PGlite runs a query synchronously on the app's own thread, and everything it returns resolves as a microtask. Left
// alone, a request read from a socket runs to its end before the event loop reads the next socket: under load one
// pass of the loop served one request from every ready connection, one after another (about 150 ms at 50
// connections), and Node accepts new connections once a pass, so a burst of new connections waited seconds, some
// past a client's timeout. So a piece that would start more than SLICE_MS after the loop last came round waits for it
// to come round first (setImmediate: the loop polls its sockets, runs its timers, then the next piece is chosen).
//
// Letting the loop through also lets the worker's timers fire, and its jobs then compete with requests. A service's
// first start on years of data catches up in one go (the retention schedule anonymised thousands of old cases in
// 10 s), and with equal turns it cut the case list's requests a second tenfold while it ran. So the worker's pieces
// (background) wait while a request's piece is waiting or one ended less than QUIET_MS ago (its next piece is
// usually that close), except that once a background piece of d ms has run, another may go ahead of requests after
// BACKGROUND_GAP × d: the worker gets at least a fifth of the time under load and all of it otherwise. With nobody
// waiting (and the loop seen within the slice) a request's piece starts at once, so one caller's statements in a row
// are not slowed.
export type Turns = <T>(work: () => Promise<T>) => Promise<T>;

/** How long pieces may follow each other before the event loop is let through. */
export const SLICE_MS = 10;
/** After a background piece of d ms, requests have the database to themselves for BACKGROUND_GAP × d ms. */
export const BACKGROUND_GAP = 4;
/** How long after a request's piece the worker waits, when its gap has not passed: a request's next piece is near. */
export const QUIET_MS = 5;

export type TurnTakers = { turns: Turns; background: Turns };

export function createTurns(now: () => number = performance.now.bind(performance)): TurnTakers {
  const requests: (() => void)[] = [];
  const jobs: (() => void)[] = [];
  let busy = false;
  /** When the loop last reached its check phase (just after polling), as far as this knows. */
  let loopSeenAt = now();
  let watching = false;
  let jobsMayPassAt = 0;
  let lastRequestAt = Number.NEGATIVE_INFINITY;
  let quietTimer: ReturnType<typeof setTimeout> | undefined;

  const watchLoop = () => {
    if (watching) return;
    watching = true;
    setImmediate(() => {
      watching = false;
      loopSeenAt = now();
    });
  };

  /** The worker's gap has passed, or no request waits and none has ended for QUIET_MS. */
  const jobMayStart = () => now() >= jobsMayPassAt || (requests.length === 0 && now() - lastRequestAt >= QUIET_MS);

  function startJob() {
    busy = true;
    jobs.shift()?.();
  }

  /** Only the worker waits, and requests were busy just now: it goes once they have been quiet, or its gap has passed. */
  function waitForQuiet() {
    busy = false;
    if (quietTimer) return;
    const lastSeen = lastRequestAt;
    const wait = Math.max(1, Math.min(QUIET_MS - (now() - lastRequestAt), jobsMayPassAt - now()));
    quietTimer = setTimeout(() => {
      quietTimer = undefined;
      if (busy || jobs.length === 0) return;
      if (lastRequestAt === lastSeen) return startJob(); // no request's piece has ended since
      busy = true;
      choose();
    }, wait);
  }

  function choose() {
    if (jobs.length > 0 && jobMayStart()) return startJob();
    const request = requests.shift();
    if (request) return request();
    if (jobs.length > 0) return waitForQuiet();
    busy = false;
  }

  /** The database is free: the next piece starts now, or after the loop has come round if it has not for a slice. */
  function dispatch() {
    if (now() - loopSeenAt <= SLICE_MS) return choose();
    setImmediate(() => {
      loopSeenAt = now();
      choose();
    });
  }

  const taker =
    (background: boolean): Turns =>
    async (work) => {
      if (busy || now() - loopSeenAt > SLICE_MS || (background && !jobMayStart()))
        await new Promise<void>((resolve) => {
          (background ? jobs : requests).push(resolve);
          if (busy) return;
          busy = true;
          dispatch();
        });
      else busy = true;
      watchLoop();
      const startedAt = now();
      try {
        return await work();
      } finally {
        const endedAt = now();
        if (background) jobsMayPassAt = endedAt + BACKGROUND_GAP * (endedAt - startedAt);
        else lastRequestAt = endedAt;
        if (requests.length + jobs.length > 0) dispatch();
        else busy = false;
      }
    };

  return { turns: taker(false), background: taker(true) };
}
