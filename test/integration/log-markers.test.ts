// Logs never hold a value a person typed. Distinctive markers go through every public form and API write route and,
// signed in as an admin, every staff form and API route: first as ordinary answers, then with a NUL byte (which
// PostgreSQL refuses), then with the database made to refuse every row that holds a marker and to quote the row
// in its error (a trigger), so every write fails inside the database, the way a constraint or a bad value does.
// The app's whole log output is read: no marker may appear in it, nor in a failed job's or email's stored error.
import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asSystem } from '#src/db/tenant.ts';
import { exampleOf } from '../support/api-bodies.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import { formOf, idFor, isPublic, postForm, sendApi, staffClient, startWalk, type Walk } from '../support/write-walk.ts';

const MARK = 'ZQXMARKER';
let h: Harness;
let walk: Walk;
let logged = '';
let sent = 0;
const statuses = new Map<number, number>();

beforeAll(async () => {
  const sink = new Writable({
    write(chunk, _enc, done) {
      logged += chunk.toString();
      done();
    },
  });
  h = await startHarness({}, { logTo: sink });
  walk = await startWalk(h, 'lgm');
}, 120_000);
afterAll(() => h?.close());

let n = 0;
/** A fresh marker, in a form that passes most fields' checks: letters, digits and a hyphen. */
const marker = (tag: string) => `${MARK}-${tag}-${++n}`;
const count = (status: number) => {
  sent += 1;
  statuses.set(status, (statuses.get(status) ?? 0) + 1);
};

/** Every write route once, with every field a marker (`extra` appended to it). */
async function sendEverywhere(tag: string, extra = '') {
  for (const route of walk.apiRoutes) {
    const body = exampleOf(
      route.body,
      () => marker(tag) + extra,
      (p) => idFor(walk, p),
    );
    const res = await sendApi(walk, route, body);
    if (process.env.WALK_DEBUG) console.log(route.method, route.url, res.statusCode, res.body.slice(0, 200));
    count(res.statusCode);
  }
  for (const route of walk.pageRoutes) {
    const client = isPublic(route) ? walk.visitor : await staffClient(walk);
    const { fields, hidden } = await formOf(walk, route, client);
    const form: Record<string, string> = { ...hidden };
    for (const f of fields.length ? fields : ['name', 'email', 'description', 'message', 'notes']) form[f] = marker(tag) + extra;
    const res = await postForm(walk, client, route, form);
    if (process.env.WALK_DEBUG)
      console.log(
        route.method,
        route.url,
        res.statusCode,
        res.headers.location ?? '',
        /govuk-error-summary__list[\s\S]*?<\/ul>/.exec(res.body)?.[0].replace(/\s+/g, ' ').slice(0, 200),
      );
    count(res.statusCode);
  }
}

describe('the log', () => {
  it('holds no marker after every write route took markers as ordinary answers and with a NUL byte', async () => {
    await sendEverywhere('ok');
    await sendEverywhere('nul', '\u0000');
    expect(sent).toBeGreaterThan(300);
    expect(logged.length).toBeGreaterThan(0);
    expect(logged.match(new RegExp(MARK, 'gi')) ?? [], 'markers found in the log').toEqual([]);
  }, 600_000);

  it('holds no marker when every write fails inside the database with the row quoted in the error', async () => {
    await asSystem(h.deps.db, async (tx) => {
      await tx.execute(
        sql.raw(`CREATE FUNCTION zqx_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN
            IF position(lower('${MARK}-db') in lower(NEW::text)) > 0 THEN
              RAISE EXCEPTION 'refused row %', NEW::text USING DETAIL = NEW::text, ERRCODE = '23514', CONSTRAINT = 'zqx_no_markers';
            END IF;
            RETURN NEW;
          END $$`),
      );
      await tx.execute(
        sql.raw(`DO $$ DECLARE t record; BEGIN
          FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' LOOP
            EXECUTE format('CREATE TRIGGER zqx_refuse BEFORE INSERT OR UPDATE ON %I FOR EACH ROW EXECUTE FUNCTION zqx_refuse()', t.tablename);
          END LOOP; END $$`),
      );
    });
    const before = statuses.get(500) ?? 0;
    await sendEverywhere('DB');
    const failedInDb = (statuses.get(500) ?? 0) - before;
    console.log(`log-marker walk: ${sent} submissions in all, ${failedInDb} failed inside the database; markers in the log: 0 expected`, [...statuses]);
    expect(failedInDb, 'writes that reached the database and failed there').toBeGreaterThan(5);
    expect(logged).toMatch(/"sqlState":"23514"/);
    expect(logged).toMatch(/"constraint":"zqx_no_markers"/);
    expect(logged.match(new RegExp(MARK, 'gi')) ?? [], 'markers found in the log').toEqual([]);
  }, 600_000);

  it('keeps no marker in a failed job or email error that staff see', async () => {
    const stored = await asSystem(h.deps.db, async (tx) => {
      const jobs = await tx.execute(sql`SELECT last_error FROM jobs WHERE last_error IS NOT NULL`);
      const mail = await tx.execute(sql`SELECT last_error FROM email_outbox WHERE last_error IS NOT NULL`);
      return JSON.stringify([jobs, mail]);
    });
    expect(stored).not.toMatch(new RegExp(MARK, 'i'));
  });
});
