// Reads the backend's reply to one run of a prepared statement on PGlite: the rows, their fields, the command tags,
// a statement's parameter types, and the first error. PGlite's own reader copies every field into a new buffer before
// decoding it, which for a page of 25 cases cost more than running the plan; this one decodes in place.
import type { Results } from '@electric-sql/pglite';
import { loadPglite } from './orm.ts';

type Parsers = Record<number, ((value: string, typeId: number) => unknown) | undefined>;
export type Reply = { results: Results[]; paramTypes: number[]; error?: Error };

const ROW_DESCRIPTION = 0x54; // T
const DATA_ROW = 0x44; // D
const COMMAND_COMPLETE = 0x43; // C
const PARAMETER_DESCRIPTION = 0x74; // t
const ERROR_RESPONSE = 0x45; // E
const COUNTED = new Set(['INSERT', 'UPDATE', 'DELETE', 'COPY', 'MERGE']);

/** The error in one ErrorResponse message, made by PGlite's own reader so it is the DatabaseError its query() throws. */
function databaseError(message: Uint8Array): Error {
  let error: Error | undefined;
  new (loadPglite().protocol.Parser)().parse(message, (m) => {
    error = m as unknown as Error;
  });
  return error ?? new Error('The database sent an error it could not describe');
}

/** Reads a reply as PGlite's parseResults would, for rows as arrays or as objects. */
export function readReply(reply: Uint8Array, parsers: Parsers, rowMode: 'array' | 'object' = 'object'): Reply {
  const b = Buffer.from(reply.buffer, reply.byteOffset, reply.byteLength);
  const results: Results[] = [];
  let paramTypes: number[] = [];
  let error: Error | undefined;
  let fields: { name: string; dataTypeID: number }[] = [];
  let rows: unknown[] = [];
  let affectedRows = 0;
  let pos = 0;
  while (pos + 5 <= b.length) {
    const type = b[pos]!;
    const end = pos + 1 + b.readInt32BE(pos + 1);
    let p = pos + 5;
    if (type === DATA_ROW) {
      const n = b.readInt16BE(p);
      p += 2;
      const values: unknown[] = new Array(n);
      for (let i = 0; i < n; i++) {
        const length = b.readInt32BE(p);
        p += 4;
        if (length < 0) {
          values[i] = null;
          continue;
        }
        const text = b.toString('utf8', p, p + length);
        p += length;
        const typeId = fields[i]?.dataTypeID ?? 0;
        const parse = parsers[typeId];
        values[i] = parse ? parse(text, typeId) : text;
      }
      rows.push(rowMode === 'array' ? values : Object.fromEntries(fields.map((f, i) => [f.name, values[i]])));
    } else if (type === ROW_DESCRIPTION) {
      const n = b.readInt16BE(p);
      p += 2;
      fields = [];
      for (let i = 0; i < n; i++) {
        const nul = b.indexOf(0, p);
        fields.push({ name: b.toString('utf8', p, nul), dataTypeID: b.readInt32BE(nul + 7) });
        p = nul + 19;
      }
    } else if (type === COMMAND_COMPLETE) {
      const words = b.toString('utf8', p, end - 1).split(' ');
      const command = words[0]!;
      const count = Number.parseInt(words[words.length - 1]!, 10);
      if (COUNTED.has(command)) affectedRows += count;
      results.push({ rows, fields, command, affectedRows, ...(Number.isNaN(count) ? {} : { rowCount: count }) } as Results);
      rows = [];
      fields = [];
    } else if (type === PARAMETER_DESCRIPTION) {
      const n = b.readInt16BE(p);
      paramTypes = Array.from({ length: n }, (_, i) => b.readInt32BE(p + 2 + 4 * i));
    } else if (type === ERROR_RESPONSE && !error) {
      error = databaseError(reply.subarray(pos, end));
    }
    pos = end;
  }
  if (!results.length) results.push({ affectedRows: 0, rows: [], fields: [] });
  return { results, paramTypes, error };
}
