// Expense claims: a volunteer claims through a real multipart form without JavaScript (the CSRF token is a form
// field beside the receipt), amounts typed as pounds become pence, mileage is worked out at the service's rate,
// receipts are checked and served only to the claimant and the people who decide claims (audited), and the
// approval flow refuses a coordinator's own claim. The API twins take JSON with a base64 receipt.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inOrg } from '#src/db/tenant.ts';
import { searchEvents } from '#src/features/audit/audit.repo.ts';
import { makeMember, makeOrg, signIn } from '../support/factories.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import { actorFor, insertAssignment, makeCase, makeVolunteer } from '../support/volunteers.ts';
import type { WebClient } from '../support/web-client.ts';
import { pageText as text } from '../support/page-text.ts';

let h: Harness;
let orgId: string;
let vera: WebClient; // volunteer mediator
let otto: WebClient; // another volunteer mediator
let cora: WebClient; // coordinator, who also volunteers (a linked volunteer record)
let ada: WebClient; // admin
let bo: WebClient; // admin of another service
let vVera: string;
let vOtto: string;
let vCora: string;
let caseA: { caseId: string; reference: string };
let caseOtto: { caseId: string; reference: string };
const NOW = new Date('2026-03-15T10:00:00Z');

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('fictional receipt image')]);
const PDF = Buffer.from('%PDF-1.4\n% a fictional bus ticket receipt\n%%EOF\n');

type FilePart = { filename: string; type: string; data: Buffer };

/** A multipart/form-data body as a browser sends it: text fields, then the file input (empty when no file is chosen). */
function multipart(fields: Record<string, string>, file: FilePart | null) {
  const boundary = `----ParleyTest${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  const f = file ?? { filename: '', type: 'application/octet-stream', data: Buffer.alloc(0) };
  parts.push(
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="receipt"; filename="${f.filename}"\r\nContent-Type: ${f.type}\r\n\r\n`),
    f.data,
    Buffer.from('\r\n'),
  );
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Opens the claim form (for its CSRF token) and sends it as multipart, the way a browser without JavaScript does. */
async function claim(web: WebClient, fields: Record<string, string>, file: FilePart | null, opts: { csrf?: boolean } = {}) {
  await web.get('/my/expenses/new');
  const body = multipart({ ...(opts.csrf === false ? {} : { _csrf: web.csrf ?? '' }), ...fields }, file);
  return h.app.inject({
    method: 'POST',
    url: '/my/expenses/new',
    payload: body.payload,
    headers: { cookie: [...web.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'content-type': body.contentType },
  });
}

const claimFields = (more: Record<string, string>) => ({
  kind: 'travel',
  'on-day': '10',
  'on-month': '3',
  'on-year': '2026',
  miles: '',
  amount: '',
  caseId: '',
  description: 'Return bus fare to the joint meeting',
  ...more,
});

/** A JSON request on someone's own session, with the CSRF token their last page gave them. */
const api = (web: WebClient, method: 'GET' | 'POST', url: string, payload?: unknown) =>
  h.app.inject({
    method,
    url,
    payload: payload as Record<string, unknown>,
    headers: { cookie: [...web.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'x-csrf-token': web.csrf ?? '' },
  });

/** The ids of the volunteer's claims, newest first, through the API. */
async function claimsOf(web: WebClient, volunteerId: string) {
  await web.get('/my');
  return (await api(web, 'GET', `/api/v1/volunteers/${volunteerId}/expenses`)).json().claims as {
    id: string;
    kind: string;
    amountPence: number;
    miles: number | null;
    status: string;
    hasReceipt: boolean;
    description: string;
  }[];
}

beforeAll(async () => {
  h = await startHarness();
  h.clock.current = new Date(NOW);
  ({ orgId } = await makeOrg(h.deps, 'exm', 'Estuary Expenses Mediation (fictional)'));
  const other = await makeOrg(h.deps, 'oth', 'Other Service Mediation (fictional)');
  const adaM = await makeMember(h.deps, orgId, 'admin', 'ada.admin@exm.example', { name: 'Ada Admin' });
  const veraM = await makeMember(h.deps, orgId, 'mediator', 'vera@exm.example', { name: 'Vera Testvolunteer' });
  const ottoM = await makeMember(h.deps, orgId, 'mediator', 'otto@exm.example', { name: 'Otto Othervolunteer' });
  const coraM = await makeMember(h.deps, orgId, 'coordinator', 'cora@exm.example', { name: 'Cora Coordinator' });
  const boM = await makeMember(h.deps, other.orgId, 'admin', 'bo.admin@oth.example', { name: 'Bo Otheradmin' });
  const admins = actorFor(orgId, adaM.userId, 'admin', 'Ada Admin');
  vVera = await makeVolunteer(h.deps, orgId, { name: 'Vera Testvolunteer', userId: veraM.userId });
  vOtto = await makeVolunteer(h.deps, orgId, { name: 'Otto Othervolunteer', userId: ottoM.userId });
  vCora = await makeVolunteer(h.deps, orgId, { name: 'Cora Coordinator', userId: coraM.userId });
  caseA = await makeCase(h.deps, orgId, admins, { description: 'Parking dispute on Mill Lane', parties: [{ name: 'Sam Patel' }] });
  caseOtto = await makeCase(h.deps, orgId, admins, { description: 'Otto’s own case', parties: [{ name: 'Oscar Party' }] });
  await insertAssignment(h.deps, orgId, caseA.caseId, vVera);
  await insertAssignment(h.deps, orgId, caseOtto.caseId, vOtto);
  vera = await signIn(h, veraM);
  otto = await signIn(h, ottoM);
  cora = await signIn(h, coraM);
  ada = await signIn(h, adaM);
  bo = await signIn(h, boM);
});
afterAll(() => h?.close());

describe('making a claim without JavaScript', () => {
  it('says volunteers are paid expenses only, and the mileage rate', async () => {
    const body = text((await vera.get('/my/expenses/new')).body);
    expect(body).toContain('Volunteers are paid expenses only');
    expect(body).toContain('Paid at 45p a mile: for example, 12 miles is £5.40');
    expect(body).toContain('Needed for travel and other claims over £10');
  });

  it('takes a real multipart upload with the CSRF token as a form field, and stores the receipt', async () => {
    const res = await claim(vera, claimFields({ amount: '£12.50', caseId: caseA.caseId }), { filename: 'bus ticket.png', type: 'image/png', data: PNG });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/my/expenses?done=submitted');
    const mine = await claimsOf(vera, vVera);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ kind: 'travel', amountPence: 1250, status: 'submitted', hasReceipt: true });
    const list = text((await vera.get('/my/expenses')).body);
    expect(list).toContain('Return bus fare to the joint meeting');
    expect(list).toContain('£12.50');
    expect(list).toContain('Waiting for a decision');
    expect(text((await vera.get('/my')).body)).toContain('1 claim waiting for a decision (£12.50)');
  });

  it('refuses the form without the CSRF token', async () => {
    const before = (await claimsOf(vera, vVera)).length;
    const res = await claim(vera, claimFields({ amount: '5' }), null, { csrf: false });
    expect(res.statusCode).toBe(403);
    expect(text(res.body)).toContain('This form has expired or was not sent from Parley');
    expect(await claimsOf(vera, vVera)).toHaveLength(before);
  });

  it('works out mileage at the service’s rate, with no receipt needed', async () => {
    const res = await claim(vera, claimFields({ kind: 'mileage', miles: '12', description: 'Drive to the intake visit' }), null);
    expect(res.statusCode).toBe(303);
    const c = (await claimsOf(vera, vVera)).find((x) => x.kind === 'mileage');
    expect(c).toMatchObject({ kind: 'mileage', miles: 12, amountPence: 540, hasReceipt: false, description: 'Drive to the intake visit' });
  });

  it('needs a receipt for travel and other claims over £10, not at or under', async () => {
    const over = await claim(vera, claimFields({ kind: 'other', amount: '10.01', description: 'Printer ink' }), null);
    expect(over.statusCode).toBe(422);
    expect(text(over.body)).toContain('Add a receipt: travel and other claims over £10 need one');
    const under = await claim(vera, claimFields({ kind: 'other', amount: '10', description: 'Stamps for letters' }), null);
    expect(under.statusCode).toBe(303);
  });

  it('shows clear messages, keeps what was typed, and asks for the file again', async () => {
    const res = await claim(vera, claimFields({ amount: 'twelve pounds', description: 'Taxi home after a late meeting' }), {
      filename: 'taxi.pdf',
      type: 'application/pdf',
      data: PDF,
    });
    expect(res.statusCode).toBe(422);
    const body = text(res.body);
    expect(body).toContain('There is a problem');
    expect(body).toContain('Amount must be an amount in pounds, like 12.50');
    expect(body).toContain('Choose the receipt file again');
    expect(res.body).toContain('value="twelve pounds"');
    expect(res.body).toContain('Taxi home after a late meeting');
    expect(res.body).toMatch(/value="travel" checked/);
    expect(res.body).toContain('href="#amount"');
    expect(res.body).toContain('href="#receipt"');

    const cases: [Record<string, string>, string][] = [
      [claimFields({ amount: '12.505' }), 'no more than 2 numbers after the point'],
      [claimFields({ amount: '0' }), 'Amount must be more than £0'],
      [claimFields({ kind: '' }), 'Choose what you are claiming for'],
      [claimFields({ kind: 'mileage', miles: '12.5' }), 'Miles must be a whole number'],
      [claimFields({ amount: '3', 'on-day': '16' }), 'The date must be today or in the past'],
      [claimFields({ amount: '3', description: '' }), 'Say what the expense was for'],
      [claimFields({ amount: '3', caseId: caseOtto.caseId }), 'Choose one of the cases you are or were assigned to'],
    ];
    for (const [fields, message] of cases) {
      const bad = await claim(vera, fields, null);
      expect(bad.statusCode, message).toBe(422);
      expect(text(bad.body), message).toContain(message);
    }
  });

  it('accepts only a PDF, JPG or PNG up to 5 MB, judged by its content', async () => {
    const fake = await claim(vera, claimFields({ amount: '15' }), {
      filename: 'receipt.pdf',
      type: 'application/pdf',
      data: Buffer.from('<html>not a pdf</html>'),
    });
    expect(fake.statusCode).toBe(422);
    expect(text(fake.body)).toContain('The receipt must be a PDF, JPG or PNG');
    const big = Buffer.concat([PDF, Buffer.alloc(5 * 1024 * 1024 + 10, 0x20)]);
    const tooBig = await claim(vera, claimFields({ amount: '15' }), { filename: 'huge.pdf', type: 'application/pdf', data: big });
    expect(tooBig.statusCode).toBe(422);
    expect(text(tooBig.body)).toContain('The receipt must be smaller than 5 MB');
  });

  it('leaves the other forms on urlencoded bodies working', async () => {
    await vera.get('/my/hours');
    const res = await vera.post('/my/hours', {
      'on-day': '1',
      'on-month': '3',
      'on-year': '2026',
      hours: '1',
      minutes: '',
      activity: 'travel',
      caseId: '',
      notes: '',
    });
    expect(res.statusCode).toBe(303);
  });
});

describe('receipts', () => {
  let claimId: string;
  beforeAll(async () => {
    claimId = (await claimsOf(vera, vVera)).find((c) => c.hasReceipt)!.id;
  });

  it('are served to the claimant and to coordinators as an attachment with the stored type, and audited', async () => {
    for (const web of [vera, cora]) {
      const res = await web.get(`/expenses/${claimId}/receipt`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('image/png');
      expect(res.headers['content-disposition']).toBe(`attachment; filename="bus ticket.png"; filename*=UTF-8''bus%20ticket.png`);
      expect(res.rawPayload.equals(PNG)).toBe(true);
    }
    const { rows } = await inOrg(h.deps.db, orgId, (tx) => searchEvents(tx, { orgId, action: 'expense.receipt_downloaded', entity: claimId }, 50, 0));
    expect(rows.map((e) => e.actorLabel)).toEqual(['Cora Coordinator', 'Vera Testvolunteer']);
  });

  it('are refused to other volunteers and to other services', async () => {
    const res = await otto.get(`/expenses/${claimId}/receipt`);
    expect(res.statusCode).toBe(403);
    expect(res.rawPayload.includes(PNG)).toBe(false);
    const stranger = await bo.get(`/expenses/${claimId}/receipt`);
    expect(stranger.statusCode).toBe(404);
    expect(stranger.rawPayload.includes(PNG)).toBe(false);
    expect((await bo.get(`/expenses/${claimId}`)).statusCode).toBe(404);
  });
});

describe('deciding claims', () => {
  it('shows coordinators the queue with receipt links and totals by month', async () => {
    expect((await vera.get('/expenses')).statusCode).toBe(403);
    const res = await cora.get('/expenses');
    expect(res.statusCode).toBe(200);
    const body = text(res.body);
    expect(body).toContain('Vera Testvolunteer');
    expect(body).toContain('£12.50');
    expect(res.body).toMatch(/href="\/expenses\/[0-9a-f-]+\/receipt"/);
    // Waiting in March: the bus fare £12.50, the mileage £5.40 and the stamps £10.00.
    expect(body).toMatch(/March 2026 £27\.90 £0\.00 £0\.00 £0\.00/);
  });

  it('approves, rejects with a note, and marks approved claims paid; each only from the right status', async () => {
    const waiting = (await claimsOf(vera, vVera)).filter((c) => c.status === 'submitted');
    expect(waiting.map((c) => c.amountPence).sort((a, b) => a - b)).toEqual([540, 1000, 1250]);
    const [mileage, stamps, bus] = [540, 1000, 1250].map((p) => waiting.find((c) => c.amountPence === p));

    await cora.get(`/expenses/${bus!.id}`);
    let res = await cora.post(`/expenses/${bus!.id}/decision`, { decision: 'approved', note: '' });
    expect(res.statusCode).toBe(303);
    await cora.get(`/expenses/${mileage!.id}`);
    res = await cora.post(`/expenses/${mileage!.id}/decision`, { decision: 'rejected', note: '' });
    expect(res.statusCode).toBe(422);
    expect(text(res.body)).toContain('Say why the claim is rejected');
    res = await cora.post(`/expenses/${mileage!.id}/decision`, { decision: 'rejected', note: 'Claimed twice; see the claim of 9 March' });
    expect(res.statusCode).toBe(303);
    res = await cora.post(`/expenses/${stamps!.id}/decision`, { decision: 'paid', note: '' });
    expect(res.statusCode).toBe(409);
    expect(text(res.body)).toContain('Only approved claims can be marked as paid; this claim is waiting for a decision');
    await cora.get(`/expenses/${bus!.id}`);
    expect((await cora.post(`/expenses/${bus!.id}/decision`, { decision: 'paid', note: 'BACS 14 March' })).statusCode).toBe(303);

    const after = await claimsOf(vera, vVera);
    expect(after.find((c) => c.id === bus!.id)!.status).toBe('paid');
    expect(after.find((c) => c.id === mileage!.id)!.status).toBe('rejected');
    const mine = text((await vera.get('/my/expenses')).body);
    expect(mine).toContain('Claimed twice; see the claim of 9 March');
    expect(mine).toContain('Paid');
  });

  it('refuses a coordinator deciding their own claim, and lets another approver decide it', async () => {
    await cora.get('/expenses');
    const made = await api(cora, 'POST', `/api/v1/volunteers/${vCora}/expenses`, {
      kind: 'mileage',
      on: '2026-03-14',
      miles: 20,
      description: 'Drive to a co-mediation',
    });
    expect(made.statusCode).toBe(200);
    const { id, amountPence } = made.json() as { id: string; amountPence: number };
    expect(amountPence).toBe(900);

    const page = await cora.get(`/expenses/${id}`);
    expect(text(page.body)).toContain('You cannot decide your own expense claim');
    expect(page.body).not.toContain('name="decision"');
    const own = await cora.post(`/expenses/${id}/decision`, { decision: 'approved', note: '' });
    expect(own.statusCode).toBe(403);
    const ownApi = await api(cora, 'POST', `/api/v1/expenses/${id}/decision`, { decision: 'approved' });
    expect(ownApi.statusCode).toBe(403);
    expect(ownApi.json().error.reason).toBe('OWN_CLAIM');

    await ada.get('/expenses');
    const byAdmin = await api(ada, 'POST', `/api/v1/expenses/${id}/decision`, { decision: 'approved', note: 'Fine' });
    expect(byAdmin.statusCode).toBe(200);
    expect(byAdmin.json().status).toBe('approved');
  });
});

describe('the expenses API', () => {
  it('takes a claim as JSON with a base64 receipt; a mediator only for themself', async () => {
    await vera.get('/my');
    const res = await api(vera, 'POST', `/api/v1/volunteers/${vVera}/expenses`, {
      kind: 'travel',
      on: '2026-03-13',
      amountPence: 1840,
      description: 'Train to the regional training day',
      receipt: { filename: 'ticket.pdf', contentType: 'application/pdf', base64: PDF.toString('base64') },
    });
    expect(res.statusCode).toBe(200);
    const { id } = res.json() as { id: string };
    const got = await vera.get(`/expenses/${id}/receipt`);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.rawPayload.equals(PDF)).toBe(true);

    const noReceipt = await api(vera, 'POST', `/api/v1/volunteers/${vVera}/expenses`, {
      kind: 'travel',
      on: '2026-03-13',
      amountPence: 1840,
      description: 'Train',
    });
    expect(noReceipt.statusCode).toBe(422);
    expect(noReceipt.json().error.fields.receipt).toContain('over £10');
    const noMiles = await api(vera, 'POST', `/api/v1/volunteers/${vVera}/expenses`, { kind: 'mileage', on: '2026-03-13', description: 'Drive' });
    expect(noMiles.statusCode).toBe(422);
    expect(noMiles.json().error.fields.miles).toBeTruthy();

    const forOtto = await api(vera, 'POST', `/api/v1/volunteers/${vOtto}/expenses`, {
      kind: 'other',
      on: '2026-03-13',
      amountPence: 300,
      description: 'Stamps',
    });
    expect(forOtto.statusCode).toBe(403);
    expect((await api(vera, 'GET', `/api/v1/volunteers/${vOtto}/expenses`)).statusCode).toBe(403);
    expect((await api(vera, 'GET', '/api/v1/expenses')).statusCode).toBe(403);
  });

  it('lists the service’s claims by status for approvers', async () => {
    await cora.get('/expenses');
    const res = await api(cora, 'GET', '/api/v1/expenses?status=submitted');
    expect(res.statusCode).toBe(200);
    const claims = res.json().claims as { status: string; volunteerName: string; receiptUrl: string | null }[];
    expect(claims.length).toBeGreaterThan(0);
    expect(claims.every((c) => c.status === 'submitted')).toBe(true);
    expect(claims.some((c) => c.receiptUrl?.endsWith('/receipt'))).toBe(true);
  });
});
