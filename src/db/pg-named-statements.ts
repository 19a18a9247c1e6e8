// Named prepared statements on PostgreSQL, through node-postgres's documented named queries ({ name, text, values }).
// node-postgres parses a named statement once per connection and from then on sends only Bind, Execute and Sync; the
// server keeps the parsed statement and, where a generic plan costs no more than planning each time, the plan. The
// pool makes its connections from NamedStatementsClient (pg.Pool's documented `Client` option), whose query() gives
// Parley's statements a name made from their text: the same text always has the same name and one name never means
// two texts. The first MAX_NAMED texts are named; any after are sent unnamed (a running app repeats a few hundred
// texts; this keeps a mistake from growing each connection's memory).
//
// A GENERIC_PLAN statement (the case search) runs on its generic plan, as on the embedded database: inside a
// transaction it goes after `SET LOCAL plan_cache_mode = force_generic_plan`, and the next statement that is not one
// goes after `SET LOCAL plan_cache_mode = DEFAULT` (the end of the transaction ends the setting in any case). Left to
// itself, PostgreSQL planned it afresh every time (its generic estimate for a prefix range looks dear), which cost
// about a third of the statement.
//
// Each statement is a round trip to the server, and on a small machine a round trip costs the app more than a short
// statement costs PostgreSQL. So a transaction's BEGIN is held until its first statement, and when that is a tenant
// transaction's settings (statements.ts) both go in one message on the simple protocol, the service's id written in
// by node-postgres's documented escapeLiteral (and only when it is a uuid); any other first statement follows the
// BEGIN as before, and a transaction with no statement sends nothing.
//
// node-postgres is loaded on first use, by the first pool made (`namedStatementsClient()`): a server on the embedded
// database never loads it.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type pg from 'pg';
import { preparable, STALE_STATEMENT, TENANT_SETTINGS_TEXT, tenantSettingsWritten, wantsGenericPlan } from './statements.ts';
import { claimScope, currentScope } from './prepared.ts';

export const MAX_NAMED = 2000;
const names = new Map<string, string>();
let renamed = 0;

function nameFor(text: string): string | undefined {
  let name = names.get(text);
  if (name || names.size >= MAX_NAMED) return name;
  name = `parley_${createHash('sha1').update(`${renamed}:${text}`).digest('base64url')}`;
  names.set(text, name);
  return name;
}

/**
 * A statement that failed as stale gets a new name, so every connection parses it afresh (the old one stays until it
 * closes); the error still goes to the caller.
 */
function forgetIfStale(text: string, name: string, err: { code?: string } | null | undefined) {
  if (STALE_STATEMENT.has(err?.code ?? '') && names.get(text) === name) {
    renamed++;
    names.delete(text);
  }
}

type QueryConfigLike = { text?: unknown; name?: unknown; submit?: unknown };
type Send = (config: unknown, ...rest: unknown[]) => unknown;

const PLAN_GENERIC = 'SET LOCAL plan_cache_mode = force_generic_plan';
const PLAN_DEFAULT = 'SET LOCAL plan_cache_mode = DEFAULT';

/** What node-postgres gives for a BEGIN, COMMIT or ROLLBACK, for one that needed no round trip. */
const done = (command: string) => ({ command, rowCount: null, oid: null, rows: [], fields: [] });

const defineClient = (driver: typeof pg) =>
  /** A pooled connection that sends Parley's statements as named prepared statements. */
  class NamedStatementsClient extends driver.Client {
    #inTransaction = false;
    /** A BEGIN not sent yet: it goes with the transaction's first statement. */
    #begin: string | undefined;
    /** Whether plan_cache_mode is force_generic_plan in this transaction now. */
    #generic = false;

    // One signature stands for node-postgres's overloads; anything not Parley's plain statement goes through unchanged.
    // @ts-expect-error
    override query(config: unknown, ...rest: unknown[]): unknown {
      const send = super.query.bind(this) as Send;
      const c = config as QueryConfigLike | null;
      if (!c || typeof c !== 'object' || typeof c.text !== 'string' || c.name || typeof c.submit === 'function') return send(config, ...rest);
      const text = c.text;
      const word = text.trim().toLowerCase();
      const callback = rest.some((arg) => typeof arg === 'function');
      if (word.startsWith('begin') && !callback) {
        this.#inTransaction = true;
        this.#generic = false;
        this.#begin = text;
        claimScope(currentScope(), this, 'postgres'); // this connection runs the caller's statements built once (prepared.ts)
        return Promise.resolve(done('BEGIN'));
      }
      const ends = word === 'commit' || word === 'rollback';
      if (ends) this.#inTransaction = false;
      const begin = this.#begin;
      if (begin !== undefined) {
        this.#begin = undefined;
        if (ends) return Promise.resolve(done(word.toUpperCase())); // nothing was done
        const written = text === TENANT_SETTINGS_TEXT ? tenantSettingsWritten((rest[0] as unknown[] | undefined)?.[0], driver.escapeLiteral) : undefined;
        if (written) return (send(`${begin}; ${written}`) as Promise<unknown[]>).then((results) => results[1]);
        return (send(begin) as Promise<unknown>).then(() => this.query(config, ...rest));
      }
      if (ends) this.#generic = false; // SET LOCAL ends with the transaction
      const name = preparable(text) ? nameFor(text) : undefined;
      const generic = Boolean(name) && this.#inTransaction && wantsGenericPlan(text);
      if (this.#generic !== generic && !ends && this.#inTransaction) {
        this.#generic = generic;
        return (send(generic ? PLAN_GENERIC : PLAN_DEFAULT) as Promise<unknown>).then(() => this.#run(send, c, text, name, rest));
      }
      return this.#run(send, c, text, name, rest);
    }

    #run(send: Send, c: QueryConfigLike, text: string, name: string | undefined, rest: unknown[]): unknown {
      if (!name) return send(c, ...rest);
      const named = { ...c, name };
      // pg.Pool's own query() (a statement outside a transaction) passes a callback.
      const at = rest.findIndex((arg) => typeof arg === 'function');
      if (at >= 0) {
        const callback = rest[at] as (err: { code?: string } | null, result: unknown) => void;
        const args = rest.with(at, (err: { code?: string } | null, result: unknown) => {
          forgetIfStale(text, name, err);
          callback(err, result);
        });
        return send(named, ...args);
      }
      return (send(named, ...rest) as Promise<unknown>).catch((err: { code?: string }) => {
        forgetIfStale(text, name, err);
        throw err;
      });
    }
  };

let made: { pg: typeof pg; Client: typeof pg.Client } | undefined;

/** node-postgres, and the client class a pool makes its connections from (pg.Pool's `Client` option): made once. */
export function namedStatementsClient(): { pg: typeof pg; Client: typeof pg.Client } {
  if (made) return made;
  const driver = createRequire(import.meta.url)('pg') as typeof pg;
  made = { pg: driver, Client: defineClient(driver) as unknown as typeof pg.Client };
  return made;
}
