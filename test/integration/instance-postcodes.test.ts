// Instance → Postcode lookup: the first-run set-up's admin runs the instance (an instance operator); an operator
// uploads the ONS postcode file through the page (multipart, no JavaScript), a job loads it with the one loader, the
// page shows its progress and its result, and the coverage check then answers by local authority. A service admin who
// is not an operator, and any API key, is refused with the reason; a wrong file is refused saying what is wrong.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '#src/access/actor.ts';
import { currentTotp } from '#src/lib/totp.ts';
import { updateLoad } from '#src/features/postcodes/postcode-loads.repo.ts';
import { asSystem } from '#src/db/tenant.ts';
import { readChainBatch } from '#src/features/audit/audit.repo.ts';
import { makeMember, makeOrg, signIn } from '../support/factories.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import { errorSummary, pageText } from '../support/page-text.ts';
import { WebClient } from '../support/web-client.ts';

const SAMPLE = readFileSync('samples/postcodes-sample.csv');
const dataDir = mkdtempSync(join(tmpdir(), 'parley-instance-'));
const uploads = () => {
  try {
    return readdirSync(join(dataDir, 'uploads'));
  } catch {
    return [];
  }
};

let h: Harness;
let operator: WebClient;
let admin: WebClient;
let operatorEmail: string;

type FilePart = { field: string; filename: string; data: Buffer };

/** A multipart/form-data body as a browser sends it: the CSRF field, then the file inputs. */
function multipart(fields: Record<string, string>, files: FilePart[]) {
  const boundary = `----ParleyTest${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const f of files)
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${f.field}"; filename="${f.filename}"\r\nContent-Type: text/csv\r\n\r\n`),
      f.data,
      Buffer.from('\r\n'),
    );
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Opens the page (for its CSRF token) and sends the upload form, as a browser without JavaScript does. */
async function upload(web: WebClient, files: FilePart[], url = '/instance/postcodes') {
  await web.get('/home');
  // The page's form sends the token as a field; the API takes it as a header.
  const api = url.startsWith('/api/');
  const body = multipart(api ? {} : { _csrf: web.csrf ?? '' }, files);
  const cookie = [...web.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const headers = { cookie, 'content-type': body.contentType, ...(api ? { 'csrf-token': web.csrf ?? '' } : {}) };
  return h.app.inject({ method: 'POST', url, payload: body.payload, headers });
}

const coverage = (postcode: string) => new WebClient(h.app).get(`/s/first/coverage?postcode=${encodeURIComponent(postcode)}`);

beforeAll(async () => {
  h = await startHarness({ dataDir });
  // The first-run set-up: its admin runs the instance.
  const token = (await h.deps.orgs.issueSetupToken())!;
  const setUp = await h.deps.orgs.setUpFirstService(
    token,
    { slug: 'first', name: 'First Mediation (fictional)' },
    { name: 'Olu Operator', email: 'olu@first.example', password: 'a long fictional passphrase for set-up 7' },
    { type: 'anonymous' },
  );
  operatorEmail = 'olu@first.example';
  const aide = await makeMember(h.deps, setUp.orgId, 'admin', 'ade@first.example', { name: 'Ade Admin' });
  await h.deps.settings.update(
    { type: 'user', id: aide.userId, orgId: setUp.orgId, orgSlug: 'first', orgName: 'First Mediation (fictional)', role: 'admin' },
    { areas: { postcodePrefixes: [], localAuthorities: ['Weald Valley Borough (fictional)'] }, caseTypes: ['community'] },
  );
  admin = await signIn(h, aide);
  // The set-up's admin enrols a second factor as any admin does, then signs in.
  const { uri } = await h.deps.twoFactor.beginEnrolment(setUp.userId, 'Test');
  const totpSecret = new URL(uri).searchParams.get('secret')!;
  await h.deps.twoFactor.confirmEnrolment(setUp.userId, currentTotp(totpSecret, h.clock.now().getTime()), systemActor('test'), setUp.orgId);
  h.clock.advance(30_000);
  operator = new WebClient(h.app);
  await operator.submit('/sign-in', { email: operatorEmail, password: 'a long fictional passphrase for set-up 7' });
  h.clock.advance(30_000);
  await operator.submit('/sign-in/code', { code: currentTotp(totpSecret, h.clock.now().getTime()) });
});
afterAll(async () => {
  await h?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('an instance operator', () => {
  it('is whoever did the first-run set-up, and the grant is on the platform audit chain', async () => {
    expect((await h.deps.operators.list()).map((o) => o.email)).toEqual([operatorEmail]);
    const platform = await asSystem(h.deps.db, (tx) => readChainBatch(tx, null, 0, 100));
    expect(platform.map((e) => e.action)).toContain('operator.granted');
  });

  it('finds the page from Admin and from the checklist; an admin who is not one does not', async () => {
    const hub = await operator.get('/admin');
    expect(hub.body).toContain('href="/instance/postcodes"');
    const home = await operator.get('/home');
    expect(home.body).toMatch(/<a class="govuk-link govuk-task-list__link" href="\/instance\/postcodes"[^>]*>Load the postcode lookup</);
    expect(pageText(home.body)).toContain('Upload the ONS postcode file: you run this Parley instance');
    expect((await admin.get('/admin')).body).not.toContain('/instance/postcodes');
    const adminHome = await admin.get('/home');
    expect(adminHome.body).toMatch(/href="\/settings\/areas"[^>]*>Load the postcode lookup</);
    expect(pageText(adminHome.body)).toContain('Ask whoever runs Parley for you (an instance operator)');
  });
});

describe('a service admin who is not an operator', () => {
  it('is refused the page, the upload and the API, with the reason, and nothing is stored', async () => {
    const page = await admin.get('/instance/postcodes');
    expect(page.statusCode).toBe(403);
    expect(pageText(page.body)).toContain('Only an instance operator (whoever runs Parley) can do this');
    const sent = await upload(admin, [{ field: 'file', filename: 'postcodes-sample.csv', data: SAMPLE }]);
    expect(sent.statusCode).toBe(403);
    expect(uploads()).toEqual([]);
    const api = await admin.get('/api/v1/instance/postcodes');
    expect(api.statusCode).toBe(403);
    expect(api.json().error).toMatchObject({ reason: 'NOT_OPERATOR' });
  });

  it('cannot use an API key as one: a key belongs to one service', async () => {
    const org = await makeOrg(h.deps, 'keyed');
    const { key } = await h.deps.apiKeys.createForOrg(org.orgId, { name: 'Keyed admin key', role: 'admin' }, systemActor('test'));
    for (const method of ['GET', 'POST'] as const) {
      const res = await h.app.inject({ method, url: '/api/v1/instance/postcodes', headers: { authorization: `Bearer ${key}` } });
      expect(res.statusCode, method).toBe(403);
      expect(res.json().error).toMatchObject({ reason: 'NOT_OPERATOR', message: expect.stringContaining('An API key belongs to one service') });
    }
  });
});

describe('uploading the postcode file', () => {
  it('refuses a ZIP file, a file without the columns, and no file, saying what is wrong; nothing is kept', async () => {
    const zip = await upload(operator, [{ field: 'file', filename: 'ONSPD_FEB_2024_UK.zip', data: Buffer.from('PK\x03\x04 a fictional zip') }]);
    expect(zip.statusCode).toBe(422);
    expect(errorSummary(zip.body)).toContain('The file is a ZIP file. Unzip it and upload the CSV file in its Data folder');
    const columns = await upload(operator, [{ field: 'file', filename: 'wards.csv', data: Buffer.from('pcds,ward\nTN1 1AA,E05000001\n') }]);
    expect(columns.statusCode).toBe(422);
    expect(errorSummary(columns.body)).toContain('it has no local authority code (oslaua, laua or lad23cd) column');
    const none = await upload(operator, []);
    expect(none.statusCode).toBe(422);
    expect(errorSummary(none.body)).toContain('Choose the ONS postcode file (CSV)');
    expect(uploads()).toEqual([]);
    expect((await coverage('TN9 2RW')).body).toContain('We cannot check TN9 2RW yet');
  });

  it('queues a job that loads it, showing progress, then the result; the coverage check then answers by local authority', async () => {
    const sent = await upload(operator, [{ field: 'file', filename: 'ONSPD_FEB_2024_UK.csv', data: SAMPLE }]);
    expect(sent.statusCode, sent.body).toBe(303);
    expect(sent.headers.location).toBe('/instance/postcodes');
    expect(uploads()).toHaveLength(1); // waiting in the data directory for its job
    const waiting = await operator.get('/instance/postcodes');
    expect(waiting.statusCode).toBe(200);
    expect(pageText(waiting.body)).toContain('Waiting to start loading ONSPD_FEB_2024_UK.csv.');
    expect(waiting.body).toContain('<meta http-equiv="refresh" content="5">');
    expect(waiting.body).not.toContain('enctype="multipart/form-data"'); // one load at a time
    const again = await upload(operator, [{ field: 'file', filename: 'ONSPD_FEB_2024_UK.csv', data: SAMPLE }]);
    expect(again.statusCode).toBe(409);
    expect(errorSummary(again.body)).toContain('A postcode file is being loaded already');
    expect(uploads()).toHaveLength(1);

    // While it runs, the page shows the rows read so far.
    const api = (await operator.get('/api/v1/instance/postcodes')).json();
    expect(api.latest).toMatchObject({ status: 'queued', filename: 'ONSPD_FEB_2024_UK.csv', release: '2024-02' });
    await asSystem(h.deps.db, (tx) => updateLoad(tx, api.latest.id, { status: 'running', rowsRead: 20_000 }));
    expect(pageText((await operator.get('/instance/postcodes')).body)).toContain('Loading ONSPD_FEB_2024_UK.csv: 20,000 rows read so far.');
    expect((await coverage('TN9 2RW')).body).toContain('We cannot check TN9 2RW yet');

    await h.deps.worker.runOnce();
    const done = await operator.get('/instance/postcodes');
    const text = pageText(done.body);
    expect(text).toContain('ONSPD_FEB_2024_UK.csv is loaded: 35 postcodes in the lookup.');
    expect(text).toContain('1 line was rejected: it had no postcode or no local authority code.');
    expect(text).toContain('February 2024');
    expect(text).toContain('by Olu Operator');
    expect(done.body).not.toContain('http-equiv="refresh"');
    expect(uploads()).toEqual([]); // deleted once loaded

    expect((await coverage('TN9 2RW')).body).toContain('We cover TN9 2RW');
    expect((await coverage('ME4 4AA')).body).toContain('We do not cover ME4 4AA');
    const home = await operator.get('/home');
    expect(pageText(home.body)).not.toContain('Load the postcode lookup');
    const platform = await asSystem(h.deps.db, (tx) => readChainBatch(tx, null, 0, 100));
    expect(platform.map((e) => e.action)).toEqual(expect.arrayContaining(['postcodes.load_requested', 'postcodes.loaded']));
  });

  it('through the API too, with the session and its CSRF token: 202, then the status', async () => {
    h.clock.advance(60_000);
    await operator.get('/instance/postcodes');
    const body = multipart({}, [
      { field: 'file', filename: 'nspl.csv', data: Buffer.from('pcd,LAD23CD,lad23nm\n"TN9 2RW","E07900009","Weald Valley Borough (fictional)"\n') },
    ]);
    const cookie = [...operator.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/instance/postcodes',
      payload: body.payload,
      headers: { cookie, 'content-type': body.contentType, 'csrf-token': operator.csrf ?? '' },
    });
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json().load).toMatchObject({ status: 'queued', source: 'upload', filename: 'nspl.csv', release: null });
    await h.deps.worker.runOnce();
    const status = (await operator.get('/api/v1/instance/postcodes')).json();
    expect(status).toMatchObject({ postcodes: 1, latest: { status: 'loaded', rowsLoaded: 1, rowsRejected: 0 }, lastLoaded: { filename: 'nspl.csv' } });
    const wrong = await upload(operator, [{ field: 'file', filename: 'x.csv', data: Buffer.from('\u0000\u0001binary') }], '/api/v1/instance/postcodes');
    expect(wrong.statusCode, wrong.body).toBe(422);
    expect(wrong.json().error).toMatchObject({ reason: 'BAD_POSTCODE_FILE', fields: { file: expect.stringContaining('not a CSV file') } });
  });

  it('is refused once the operator flag is taken back (parley operator revoke)', async () => {
    await h.deps.operators.revoke(operatorEmail, systemActor('test'));
    expect((await operator.get('/instance/postcodes')).statusCode).toBe(403);
    const platform = await asSystem(h.deps.db, (tx) => readChainBatch(tx, null, 0, 100));
    expect(platform.map((e) => e.action)).toContain('operator.revoked');
  });
});
