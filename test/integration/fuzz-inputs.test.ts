// Generated bad input (fast-check) at every public form, every staff form (signed in as an admin) and every API
// write route (the public ones as a stranger, the rest with an admin's key): NUL bytes, lone surrogates, control
// characters, very long text, dates that do not exist, numbers out of range and values of the wrong shape, one
// field at a time in an otherwise good body. The routes come from the app, so new ones are fuzzed too.
// Nothing may answer 5xx, and a 422 must name the field: `fields` in the API's answer, an error summary link on a page.
// FUZZ_SEED replays a run; FUZZ_RUNS sets the inputs per route.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleOf, leafPaths, withLeaf } from '../support/api-bodies.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import { formOf, idFor, isPublic, postForm, sendApi, staffClient, startWalk, type Walk } from '../support/write-walk.ts';

const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);
const RUNS = Number(process.env.FUZZ_RUNS ?? 3);

let h: Harness;
let walk: Walk;
let tried = 0;
const failures: string[] = [];
let fiveHundreds = 0;
let reachedService = 0;

beforeAll(async () => {
  h = await startHarness();
  walk = await startWalk(h, 'fzz');
}, 120_000);
afterAll(() => {
  console.log(`fuzz (seed ${SEED}): ${tried} inputs tried, ${fiveHundreds} answers of 5xx; ${reachedService} API routes took the good body`);
  return h?.close();
});

const IMPOSSIBLE_DATES = ['2026-02-30', '2025-02-29', '0000-01-01', '2026-13-01', '2026-04-31', '2026-00-10', '2026-12-32T10:00:00Z'];

/** Strings a person (or a hostile client) might send that a careless route would store or choke on. */
const badString = fc.oneof(
  fc.constantFrom('\u0000', 'a\u0000b', '\uD800', 'x\uDFFFy', '\uDBFF\uDBFF', '\u0001\u0002\u001B[31m', '\u202E\u200B', '%00', "'; DROP TABLE x; --"),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)), minLength: 1, maxLength: 20 }),
  fc.integer({ min: 1_000, max: 60_000 }).map((n) => 'x'.repeat(n)),
  fc.constantFrom(...IMPOSSIBLE_DATES),
);
const badNumber = fc.constantFrom(1e12, -1e12, 2 ** 31, -(2 ** 31) - 1, 1.5, -1, 0, Number.MAX_SAFE_INTEGER * 10, 1e308);
const wrongShape = fc.constantFrom<unknown>(null, true, [], {}, [[]], { a: { b: 1 } }, '', 'not-a-uuid', 12);
const badValue = fc.oneof(badString, badNumber, wrongShape);

const leafAt = (value: unknown, path: string[]): unknown =>
  path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), value);

const fieldsOf = (body: string) => {
  try {
    return Object.keys((JSON.parse(body) as { error?: { fields?: object } }).error?.fields ?? {});
  } catch {
    return [];
  }
};

function check(where: string, status: number, named: boolean, input: unknown) {
  tried += 1;
  if (status >= 500) fiveHundreds += 1;
  if (status >= 500 || (status === 422 && !named))
    failures.push(`${where} → ${status}${status === 422 ? ' without naming the field' : ''} for ${JSON.stringify(input).slice(0, 120)}`);
}

describe('fuzzing every write route', () => {
  it('never answers 5xx to the API, and names the field of every 422', async () => {
    for (const route of walk.apiRoutes) {
      const good = exampleOf(
        route.body,
        (p) => `Fuzz ${p}`,
        (p) => idFor(walk, p),
      );
      const leaves = leafPaths(good);
      const inputs = fc.sample(fc.tuple(fc.nat(), badValue, fc.boolean()), { numRuns: RUNS, seed: SEED });
      for (const [i, bad, wholeBody] of inputs) {
        const body = wholeBody || leaves.length === 0 ? bad : withLeaf(good, leaves[i % leaves.length]!, bad);
        const res = await sendApi(walk, route, body);
        check(`${route.method} ${route.url}`, res.statusCode, fieldsOf(res.body).length > 0, body === bad ? bad : leaves[i % leaves.length]);
      }
      // Every text field at once holding what the database cannot take, so a route with many fields cannot hide one.
      const strings = leaves.filter((p) => typeof leafAt(good, p) === 'string');
      for (const bad of ['Fuzz\u0000', 'Fuzz\uD800', '2026-02-30']) {
        const body = strings.reduce<unknown>((b, p) => withLeaf(b, p, bad), good);
        const res = await sendApi(walk, route, body);
        check(`${route.method} ${route.url}`, res.statusCode, fieldsOf(res.body).length > 0, bad);
      }
      if ((await sendApi(walk, route, good)).statusCode < 300) reachedService += 1;
      // Bodies that are not JSON objects at all.
      for (const raw of ['{"a":', '{"__proto__":{"x":1}}', '[]', '"\\ud800"']) {
        const res = await sendApi(walk, route, undefined, raw);
        check(`${route.method} ${route.url}`, res.statusCode, fieldsOf(res.body).length > 0, raw);
      }
    }
    expect(failures, failures.join('\n')).toEqual([]);
  }, 300_000);

  it('never answers 5xx to a form, and names the field of every 422 in the error summary', async () => {
    for (const route of walk.pageRoutes) {
      const client = isPublic(route) ? walk.visitor : await staffClient(walk);
      const { fields, hidden } = await formOf(walk, route, client);
      const names = fields.length ? fields : ['name', 'description'];
      const inputs = fc.sample(fc.tuple(fc.nat(), fc.oneof(badString, badNumber.map(String)), fc.boolean()), { numRuns: RUNS, seed: SEED });
      for (const [i, bad, asDate] of inputs) {
        const form: Record<string, string> = { ...hidden };
        for (const name of names) form[name] = name.endsWith('-year') ? '2026' : name.endsWith('-month') ? '6' : name.endsWith('-day') ? '15' : 'Fuzz';
        const dateGroup = names.find((n) => n.endsWith('-day'))?.slice(0, -4);
        if (asDate && dateGroup) Object.assign(form, { [`${dateGroup}-day`]: '30', [`${dateGroup}-month`]: '2', [`${dateGroup}-year`]: '2026' });
        else form[names[i % names.length]!] = bad;
        const res = await postForm(walk, client, route, form);
        const named = /govuk-error-summary__list[\s\S]*?href="#/.test(res.body);
        check(`${route.method} ${route.url}`, res.statusCode, named, asDate && dateGroup ? `${dateGroup} 30/2/2026` : { [names[i % names.length]!]: bad });
      }
      for (const bad of ['Fuzz\u0000', '2026-02-30']) {
        const form: Record<string, string> = { ...hidden };
        for (const name of names) form[name] = /-(day|month|year)$/.test(name) ? '1' : bad;
        const res = await postForm(walk, client, route, form);
        check(`${route.method} ${route.url}`, res.statusCode, /govuk-error-summary__list[\s\S]*?href="#/.test(res.body), bad);
      }
    }
    expect(failures, failures.join('\n')).toEqual([]);
  }, 300_000);
});
