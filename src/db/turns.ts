// Work on the embedded database, one piece at a time, in the order it was asked for, letting the event loop read
// new requests between pieces.
//
// PGlite runs a query synchronously on the app's own thread and queues the rest behind a mutex. Each waiter starts
// in the microtask after the one before it ends, so while the queue is full no socket is read: requests come in
// batches, and within a batch in whatever order the sockets were ready, not the order they arrived. Under load
// that spread each request's wait from nothing to two batches. Handing over with setImmediate lets the poll phase
// queue new requests behind the ones already waiting, so each waits for those ahead of it and no longer. With
// nobody waiting, the turn ends at once, so one caller's statements in a row are not slowed.
export type Turns = <T>(work: () => Promise<T>) => Promise<T>;

export function createTurns(): Turns {
  let last: Promise<void> = Promise.resolve();
  let waiting = 0;
  return async (work) => {
    const before = last;
    let done!: () => void;
    last = new Promise<void>((resolve) => {
      done = resolve;
    });
    waiting += 1;
    await before;
    waiting -= 1;
    try {
      return await work();
    } finally {
      if (waiting > 0) setImmediate(done);
      else done();
    }
  };
}
