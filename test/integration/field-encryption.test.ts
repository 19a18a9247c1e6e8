// Encryption at rest of the most sensitive fields: safeguarding records, restricted notes and RJ risk assessments'
// free text. What is stored is ciphertext under a key from the instance secret (the raw columns and a backup file
// hold none of the words), what is read through the services is the words, and rotating the secret moves every
// value to the new key (`parley secret rotate` and a restore under another secret run the same re-encryption).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBackup } from '#src/backup/backup.ts';
import { reencryptFields } from '#src/backup/encrypted-fields.ts';
import { sql } from '#src/db/orm.ts';
import { asSystem } from '#src/db/tenant.ts';
import { fieldKeyFrom, keyringFrom } from '#src/lib/field-crypto.ts';
import { useFieldKeys } from '#src/lib/field-keys.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import { type RjWorld, rjWorld } from '../support/rj.ts';

const DISCLOSED = 'Quillon mentioned a hidden bruise on the left arm';
const RESTRICTED = 'Restricted: the family court order names Marplewood';
const DECISION = 'Referred the same day after talking to the lead';
const REFERRED = 'Children’s services duty desk at Tollbury';
const AREA = 'Struggles with drink at weekends since the offence';
const PLAIN = [DISCLOSED, RESTRICTED, DECISION, REFERRED, AREA];
const OLD = 'test-secret-that-is-long-enough-for-parley-0123456789';
const NEW = 'a-new-instance-secret-after-rotation-9876543210abcdef';

let h: Harness;
let w: RjWorld;
let dir: string;

/** Every row of the three tables as the database holds them. */
async function rawRows() {
  const rows = await asSystem(h.deps.db, async (tx) => [
    ...((await tx.execute(sql`SELECT row_to_json(s)::text AS j FROM safeguarding_records s`)) as unknown as { rows: { j: string }[] }).rows,
    ...((await tx.execute(sql`SELECT row_to_json(e)::text AS j FROM case_events e`)) as unknown as { rows: { j: string }[] }).rows,
    ...((await tx.execute(sql`SELECT row_to_json(r)::text AS j FROM rj_risk_assessments r`)) as unknown as { rows: { j: string }[] }).rows,
  ]);
  return rows.map((r) => r.j).join('\n');
}

async function readBack() {
  const records = await h.deps.caseActivity.listSafeguarding(w.admin);
  const c = await h.deps.cases.get(w.admin, w.caseId);
  const rj = await h.deps.rj.overview(w.admin, w.caseId);
  return JSON.stringify({ records, timeline: c.timeline, rj });
}

beforeAll(async () => {
  h = await startHarness();
  dir = mkdtempSync(join(tmpdir(), 'parley-enc-'));
  w = await rjWorld(h, 'enc');
  await h.deps.caseActivity.addNote(w.admin, w.caseId, { body: DISCLOSED, disclosure: true, partyId: w.parties.hana });
  await h.deps.caseActivity.addNote(w.admin, w.caseId, { body: RESTRICTED, restricted: true });
  const [record] = await h.deps.caseActivity.listSafeguarding(w.admin);
  await h.deps.caseActivity.decideSafeguarding(w.admin, record!.record.id, { decision: DECISION, referredTo: REFERRED });
  await h.deps.rj.recordAssessment(w.admin, w.caseId, {
    partyId: w.parties.pat,
    areas: { substances: AREA },
    rating: 'medium',
    decision: 'indirect',
    assessedOn: '2026-12-01',
  });
});
afterAll(async () => {
  useFieldKeys(OLD);
  rmSync(dir, { recursive: true, force: true });
  await h?.close();
});

describe('encryption at rest', () => {
  it('stores ciphertext: the raw columns hold none of the words, and name the key that made them', async () => {
    const raw = await rawRows();
    for (const words of PLAIN) expect(raw, words).not.toContain(words);
    expect(raw).toContain(`enc:v1:${fieldKeyFrom(OLD).id}:`);
  });

  it('reads the words back through the services', async () => {
    const read = await readBack();
    for (const words of PLAIN) expect(read, words).toContain(JSON.stringify(words).slice(1, -1));
  });

  it('keeps the words out of a backup file', async () => {
    const file = join(dir, 'backup.jsonl.gz');
    await writeBackup(h.deps.db, file, OLD);
    const text = gunzipSync(readFileSync(file)).toString('utf8');
    for (const words of PLAIN) expect(text, words).not.toContain(words);
  });

  it('rotates: every value moves to the new key, reads with it alone, and a second run changes nothing', async () => {
    const counts = await asSystem(h.deps.db, (tx) => reencryptFields(tx, keyringFrom(NEW, [OLD])));
    expect(counts['safeguarding_records.disclosed']).toBe(1);
    expect(counts['rj_risk_assessments.areas']).toBe(1);
    expect(counts['case_events.body']).toBeGreaterThanOrEqual(2);
    const raw = await rawRows();
    expect(raw).not.toContain(`enc:v1:${fieldKeyFrom(OLD).id}:`);
    expect(raw).toContain(`enc:v1:${fieldKeyFrom(NEW).id}:`);
    for (const words of PLAIN) expect(raw, words).not.toContain(words);

    useFieldKeys(NEW);
    const read = await readBack();
    for (const words of PLAIN) expect(read, words).toContain(JSON.stringify(words).slice(1, -1));
    const again = await asSystem(h.deps.db, (tx) => reencryptFields(tx, keyringFrom(NEW, [OLD])));
    expect(Object.values(again).every((n) => n === 0)).toBe(true);

    useFieldKeys(OLD);
    await expect(readBack()).rejects.toThrow(/could not be opened/);
  });
});
