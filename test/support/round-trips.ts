// A TCP proxy in front of PostgreSQL that counts the app's round trips: each Query or Sync message a client sends
// asks the server for an answer before the client goes on (node-postgres sends one statement at a time).
import { connect, createServer, type Socket } from 'node:net';

export type CountingProxy = { url: string; roundTrips(): number; close(): Promise<void> };

const SSL_REQUEST = 80877103;

/** Counts the frontend messages of one connection: a startup message first (no type byte), then typed messages. */
function counter(onRoundTrip: () => void) {
  let pending = Buffer.alloc(0);
  let started = false;
  return (chunk: Buffer) => {
    pending = Buffer.concat([pending, chunk]);
    for (;;) {
      if (!started) {
        if (pending.length < 8 || pending.length < pending.readInt32BE(0)) return;
        started = pending.readInt32BE(4) !== SSL_REQUEST;
        pending = pending.subarray(pending.readInt32BE(0));
        continue;
      }
      if (pending.length < 5 || pending.length < 1 + pending.readInt32BE(1)) return;
      const type = String.fromCharCode(pending[0]!);
      if (type === 'Q' || type === 'S') onRoundTrip();
      pending = pending.subarray(1 + pending.readInt32BE(1));
    }
  };
}

export async function countingProxy(databaseUrl: string): Promise<CountingProxy> {
  const target = new URL(databaseUrl);
  let trips = 0;
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(Number(target.port || 5432), target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    }
    const count = counter(() => trips++);
    client.on('data', (chunk: Buffer) => {
      count(chunk);
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => client.write(chunk));
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.end());
    upstream.on('close', () => client.end());
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  const url = new URL(databaseUrl);
  url.hostname = '127.0.0.1';
  url.port = String(typeof address === 'object' && address ? address.port : 0);
  return {
    url: url.toString(),
    roundTrips: () => trips,
    close: () =>
      new Promise<void>((ok) => {
        for (const s of sockets) s.destroy();
        server.close(() => ok());
      }),
  };
}
