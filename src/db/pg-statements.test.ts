// How a PostgreSQL connection sends a transaction's BEGIN (pg-statements.ts), against a stand-in that records what
// would go to the server. The same on a real server, with its round trips counted: test/integration/tenant-transactions.test.ts.
import { PgDialect } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { nameStatements } from './pg-statements.ts';
import { GENERIC_PLAN_COMMENT, TENANT_SETTINGS } from './statements.ts';
import { tenantSettings } from './tenant.ts';

const ORG = '0b6f4a8e-1c2d-4e5f-8a9b-0c1d2e3f4a5b';

/** A connection whose query() records what it is sent and answers as node-postgres would. */
async function recordingConnection(opts: { pooled?: boolean } = {}) {
  const sent: unknown[] = [];
  const client = new pg.Client();
  client.query = ((config: unknown, values?: unknown) => {
    sent.push(Array.isArray(values) && values.length ? [config, values] : config);
    const text = typeof config === 'string' ? config : (config as { text: string }).text;
    // Behind a pooler in transaction mode, SQL cannot EXECUTE a protocol-level statement by its name.
    if (opts.pooled && text.startsWith('EXECUTE ')) return Promise.reject(Object.assign(new Error('prepared statement does not exist'), { code: '26000' }));
    const one = { command: text.split(' ')[0]!.toUpperCase(), rows: [{ sent: sent.length }], fields: [] };
    return Promise.resolve(text.includes('; ') ? [{ command: 'BEGIN', rows: [] }, one] : one);
  }) as typeof client.query;
  await nameStatements(client);
  const textsSent = () =>
    sent
      .map((s) => (typeof s === 'string' ? s : Array.isArray(s) ? (s[0] as { text: string }).text : (s as { text: string }).text))
      .filter((text) => text !== 'SELECT 1' && !text.startsWith('EXECUTE parley_execute_probe'));
  /** As node-postgres marks a statement the connection has parsed. */
  const holds = (name: string, text: string) => {
    (client as unknown as { connection: { parsedStatements: Record<string, string> } }).connection.parsedStatements[name] = text;
  };
  return { client, sent, textsSent, holds };
}

describe('a transaction’s BEGIN on PostgreSQL', () => {
  it('is the text inOrg sends for its settings', () => {
    expect(new PgDialect().sqlToQuery(tenantSettings(ORG)).sql).toBe(TENANT_SETTINGS);
  });

  it('travels with the tenant settings, as one simple query with the service id as a literal', async () => {
    const { client, textsSent } = await recordingConnection();
    await client.query({ text: 'begin' }, []);
    const settings = await client.query({ text: TENANT_SETTINGS }, [ORG]);
    expect(textsSent()).toEqual([`BEGIN; ${TENANT_SETTINGS.replace('$1', `'${ORG}'`)}`]);
    expect(settings.rows).toEqual([{ sent: 3 }]); // the answer to what was sent third, after the connection’s two checks
    await client.query({ text: 'SELECT 1 AS one' }, []);
    await client.query({ text: 'commit' }, []);
    expect(textsSent()).toHaveLength(3);
    expect(textsSent()[2]).toBe('commit');
  });

  it('quotes a service id that holds quotes or backslashes, so it stays one value', async () => {
    const { client, textsSent } = await recordingConnection();
    await client.query({ text: 'begin' }, []);
    await client.query({ text: TENANT_SETTINGS }, [String.raw`x'); DROP TABLE cases; --\ `]);
    expect(textsSent()[0]).toContain(String.raw`E'x''); DROP TABLE cases; --\\ '`);
  });

  it('goes just ahead of any other first statement, and not at all when nothing ran', async () => {
    const { client, textsSent } = await recordingConnection();
    await client.query({ text: 'begin' }, []);
    await client.query({ text: 'INSERT INTO audit_heads VALUES ($1)' }, ['x']);
    await client.query({ text: 'commit' }, []);
    expect(textsSent()).toEqual(['BEGIN', 'INSERT INTO audit_heads VALUES ($1)', 'commit']);

    const empty = await recordingConnection();
    expect((await empty.client.query({ text: 'begin' }, [])).command).toBe('BEGIN');
    expect((await empty.client.query({ text: 'rollback' }, [])).command).toBe('ROLLBACK');
    expect(empty.textsSent()).toEqual([]);
  });

  it('leaves a BEGIN with options as it was', async () => {
    const { client, textsSent } = await recordingConnection();
    await client.query({ text: 'begin isolation level serializable' }, []);
    expect(textsSent()).toEqual(['begin isolation level serializable']);
  });

  it('runs a GENERIC_PLAN statement by name on its generic plan once the connection holds it', async () => {
    const { client, sent, textsSent, holds } = await recordingConnection();
    const text = `${GENERIC_PLAN_COMMENT} SELECT id FROM cases WHERE reference = $1 AND urgent = $2`;
    await client.query({ text }, ['BEN-2026-0001', true]);
    const { name } = (sent.at(-1) as [{ name: string }])[0];
    expect(name).toMatch(/^parley_/);
    holds(name, text);
    const result = await client.query({ text }, ["it's", null]);
    expect(textsSent().at(-1)).toBe(`SET LOCAL plan_cache_mode = force_generic_plan; EXECUTE "${name}"('it''s', NULL); SET LOCAL plan_cache_mode = DEFAULT`);
    expect(result.command).toBe('SET');
  });

  it('sends a GENERIC_PLAN statement as any other behind a pooler that renames statements', async () => {
    const { client, sent, holds } = await recordingConnection({ pooled: true });
    const text = `${GENERIC_PLAN_COMMENT} SELECT id FROM cases WHERE reference = $1`;
    await client.query({ text }, ['BEN-2026-0001']);
    const { name } = (sent.at(-1) as [{ name: string }])[0];
    holds(name, text);
    await client.query({ text }, ['BEN-2026-0002']);
    expect(sent.at(-1)).toEqual([expect.objectContaining({ name, text }), ['BEN-2026-0002']]);
  });
});
