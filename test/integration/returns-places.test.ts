// The SEND report and the RJ return narrowed to one of the service's places, as the standard reports are: a case in
// the area (or local authority) asked for is counted and one elsewhere is not, through the API, on the page (a GET
// form) and in the CSV, with the place named; a place the service does not cover is refused with a specific message
// (422 naming the field, as the standard reports' API does), never read as everywhere; the audit record names the place
// as the service keeps it, never the text as typed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '#src/access/actor.ts';
import { and, desc, eq, sql } from '#src/db/orm.ts';
import { auditEvents } from '#src/db/schema/audit.ts';
import { parties } from '#src/db/schema/cases.ts';
import { feedbackResponses } from '#src/db/schema/closing.ts';
import { asSystem, inOrg } from '#src/db/tenant.ts';
import { newId } from '#src/lib/ids.ts';
import { makeMember, makeOrg, signIn } from '../support/factories.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import { apiAs, pageText, withKey } from '../support/meetings.ts';
import { passedLetter, readyForContact, type RjWorld, rjWorld } from '../support/rj.ts';
import { actorFor, makeCase } from '../support/volunteers.ts';
import type { WebClient } from '../support/web-client.ts';

const RIVERSIDE = 'Riverside District (fictional)';
const HARBOUR = 'Harbour City Council (fictional)';
const AREAS = { postcodePrefixes: ['CT', 'ME14'], localAuthorities: [RIVERSIDE, HARBOUR] };
/** Typed into the filter by someone: refused, and never written to the audit trail. */
const TYPED = 'Nowhere Shire (typed)';

let h: Harness;

/** Puts a case, and the referral it came from, in a place (as the postcode lookup would have). */
async function placeCase(orgId: string, caseId: string, postcodeNorm: string, localAuthority: string) {
  await asSystem(h.deps.db, async (tx) => {
    await tx.execute(sql`UPDATE cases SET postcode_norm = ${postcodeNorm}, local_authority = ${localAuthority} WHERE org_id = ${orgId} AND id = ${caseId}`);
    await tx.execute(
      sql`UPDATE referrals SET postcode_norm = ${postcodeNorm}, local_authority = ${localAuthority} WHERE org_id = ${orgId} AND case_id = ${caseId}`,
    );
  });
}

/** The detail of the newest audit record of this action in the service. */
async function lastAudit(orgId: string, action: string) {
  const [row] = await asSystem(h.deps.db, (tx) =>
    tx
      .select({ detail: auditEvents.detail })
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, orgId), eq(auditEvents.action, action)))
      .orderBy(desc(auditEvents.id))
      .limit(1),
  );
  return row?.detail;
}

/** Whether any audit record of the service holds the text. */
async function auditHolds(orgId: string, text: string) {
  const rows = await asSystem(h.deps.db, (tx) =>
    tx.execute(sql`SELECT count(*)::int AS n FROM audit_events WHERE org_id = ${orgId} AND detail::text LIKE ${`%${text}%`}`),
  );
  return (rows as unknown as { rows: { n: number }[] }).rows[0]!.n > 0;
}

beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

describe('the SEND report by place', () => {
  let orgId: string;
  let key: string;
  let web: WebClient;
  const api = (url: string) => withKey(h, key)('GET', url);

  beforeAll(async () => {
    h.clock.current = new Date('2026-12-23T10:00:00Z');
    ({ orgId } = await makeOrg(h.deps, 'sendplaces', 'Send Places Mediation (fictional)'));
    const ada = await makeMember(h.deps, orgId, 'admin', 'ada.admin@sendplaces.example', { name: 'Ada Admin' });
    const admin = actorFor(orgId, ada.userId, 'admin', 'Ada Admin');
    await h.deps.settings.update(admin, { caseTypes: ['community', 'send'], areas: AREAS });
    key = (await h.deps.apiKeys.createForOrg(orgId, { name: 'Coordinator key', role: 'coordinator' }, systemActor('test'))).key;
    web = await signIn(h, ada);
    // Two SEND cases, each with its SEND details and a mediation held: one in CT (Riverside), one in ME14 (Harbour).
    const sendCase = async (name: string, localAuthority: string, postcodeNorm: string) => {
      const { caseId } = await makeCase(h.deps, orgId, admin, {
        description: `SEND plan for ${name}`,
        caseType: 'send',
        parties: [
          { name: `Pat ${name}parent`, role: 'parent' },
          { name: localAuthority, role: 'local_authority' },
        ],
      });
      const put = await h.app.inject({
        method: 'PUT',
        url: `/api/v1/cases/${caseId}/send`,
        headers: { authorization: `Bearer ${key}` },
        payload: {
          decisionType: 'plan_contents',
          issues: ['B'],
          decisionLetterOn: '2026-10-15',
          requestedBy: 'parent',
          childName: `Kit ${name}`,
          localAuthority,
        },
      });
      expect(put.statusCode).toBe(200);
      await inOrg(h.deps.db, orgId, (tx) =>
        tx.execute(
          sql`UPDATE send_cases SET mias_decision = 'wants_mediation', decision_told_on = '2026-11-02', mediation_held_on = '2026-11-20' WHERE case_id = ${caseId}`,
        ),
      );
      await placeCase(orgId, caseId, postcodeNorm, localAuthority);
    };
    await sendCase('Riverside', RIVERSIDE, 'CT11AA');
    await sendCase('Harbour', HARBOUR, 'ME145XX');
  });

  it('counts every case without a place, and only the place’s with one, through the API with the place named', async () => {
    const all = (await api('/api/v1/send/report')).json();
    expect(all).toMatchObject({ area: null, localAuthority: null, mediations: { held: 2 } });
    expect(all.byAuthority).toEqual([
      { localAuthority: HARBOUR, cases: 1 },
      { localAuthority: RIVERSIDE, cases: 1 },
    ]);

    const ct = await api('/api/v1/send/report?area=ct');
    expect(ct.statusCode).toBe(200);
    expect(ct.json()).toMatchObject({ area: 'CT', localAuthority: null, mediations: { held: 1 } });
    expect(ct.json().byAuthority).toEqual([{ localAuthority: RIVERSIDE, cases: 1 }]);

    const harbour = (await api(`/api/v1/send/report?localAuthority=${encodeURIComponent(HARBOUR.toUpperCase())}`)).json();
    expect(harbour).toMatchObject({ area: null, localAuthority: HARBOUR, mediations: { held: 1 } });
    expect(harbour.byAuthority).toEqual([{ localAuthority: HARBOUR, cases: 1 }]);

    // Both: only cases in CT and in Harbour, which none is.
    const neither = (await api(`/api/v1/send/report?area=CT&localAuthority=${encodeURIComponent(HARBOUR)}`)).json();
    expect(neither.byAuthority).toEqual([]);
    expect(neither.mediations.held).toBe(0);
  });

  it('refuses a place the service does not cover with a specific message, and one that is not a place at all', async () => {
    const unknown = await api(`/api/v1/send/report?area=ZZ9&localAuthority=${encodeURIComponent(TYPED)}`);
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error).toMatchObject({ reason: 'UNKNOWN_PLACE' });
    expect(unknown.json().error.fields.area).toBe('Choose one of the service’s areas: CT, ME14');
    expect(unknown.json().error.fields.localAuthority).toContain(RIVERSIDE);
    // Not even the shape of a place: the API's answer to any query its schema refuses (422, VALIDATION_FAILED).
    const notAPlace = await api(`/api/v1/send/report?area=${'X'.repeat(40)}`);
    expect(notAPlace.statusCode).toBe(422);
    expect(notAPlace.json().error).toMatchObject({ reason: 'VALIDATION_FAILED', fields: { area: 'Choose an area from the list' } });
    expect(await auditHolds(orgId, TYPED)).toBe(false);
  });

  it('shows the filter on the page, names the place, and carries it to the CSV', async () => {
    const page = await web.get('/send/report');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<form method="get" action="/send/report"');
    expect(page.body).toMatch(/<select[^>]*name="area"/);
    expect(page.body).toMatch(/<select[^>]*name="localAuthority"/);
    expect(page.body).toContain(`<option value="${RIVERSIDE}">`);

    const narrowed = await web.get('/send/report?area=CT');
    const text = pageText(narrowed.body);
    expect(text).toContain('CT SEND report');
    expect(text).toContain('Only cases in CT');
    expect(text).toContain(RIVERSIDE);
    expect(text).not.toContain(HARBOUR.replace(' (fictional)', ' (fictional) 1'));
    expect(narrowed.body).toContain('<option value="CT" selected>');
    expect(narrowed.body).toContain('href="/send/report.csv?area=CT"');

    const csv = await web.get('/send/report.csv?area=CT');
    expect(csv.body.split('\r\n').slice(0, 3)).toEqual(['Section,Item,Figure', 'Narrowed to,Area,CT', `Cases by local authority,${RIVERSIDE},1`]);
    expect(csv.body).not.toContain(HARBOUR);
    expect(await lastAudit(orgId, 'send.report_viewed')).toEqual({ area: 'CT', localAuthority: null });
  });

  it('names a refused place on the form again (422), and a CSV for one goes back to the page', async () => {
    const page = await web.get('/send/report?area=ZZ9');
    expect(page.statusCode).toBe(422);
    const text = pageText(page.body);
    expect(text).toContain('There is a problem');
    expect(text).toContain('Choose one of the service’s areas: CT, ME14');
    expect(page.body).toContain('href="#area"');
    const csv = await web.get('/send/report.csv?area=ZZ9');
    expect(csv.statusCode).toBe(303);
    expect(csv.headers.location).toBe('/send/report?area=ZZ9');
  });
});

describe('the RJ return by place', () => {
  let w: RjWorld;
  let sue: WebClient;
  let secondCase: string;
  const api = (url: string) => apiAs(h, sue)('GET', url);
  const figures = (body: { metrics: { id: string; figures: { label: string; value: number | null }[] }[] }) =>
    Object.fromEntries(body.metrics.map((m) => [m.id, Object.fromEntries(m.figures.map((f) => [f.label, f.value]))]));

  beforeAll(async () => {
    w = await rjWorld(h, 'rjplaces');
    await h.deps.settings.update(w.admin, { areas: AREAS });
    sue = await w.signIn(w.members.sue);
    // The world's case, in CT (Riverside): both participants suitable, and a letter passed on.
    await readyForContact(h, w, w.parties.hana, 'indirect');
    await readyForContact(h, w, w.parties.pat, 'indirect');
    await passedLetter(h, w, 'I am sorry about the shop window.');
    await placeCase(w.orgId, w.caseId, 'CT11AA', RIVERSIDE);

    // A second case, in ME14 (Harbour): the person harmed suitable, and feedback from them.
    ({ caseId: secondCase } = await makeCase(h.deps, w.orgId, w.admin, {
      description: 'Criminal damage to a garden wall (rjplaces)',
      caseType: 'restorative_justice',
      parties: [
        { name: 'Gil Gardener', role: 'victim' },
        { name: 'Wyn Waller', role: 'person_who_harmed' },
      ],
      details: { initiatedBy: 'victim', offenceType: 'Criminal damage' },
    }));
    const [gil] = await inOrg(h.deps.db, w.orgId, (tx) =>
      tx
        .select({ id: parties.id })
        .from(parties)
        .where(and(eq(parties.caseId, secondCase), eq(parties.role, 'victim'))),
    );
    await h.deps.rj.recordSuitability(w.coordinator, secondCase, { partyId: gil!.id, acknowledgesFacts: true, willing: true, assessedOn: '2026-12-01' });
    await inOrg(h.deps.db, w.orgId, (tx) =>
      tx.insert(feedbackResponses).values({
        id: newId(),
        orgId: w.orgId,
        caseId: secondCase,
        caseType: 'restorative_justice',
        source: 'phone',
        satisfaction: 4,
        feltHeard: true,
        wouldRecommend: true,
        submittedAt: new Date('2026-12-02T10:00:00Z'),
      }),
    );
    await placeCase(w.orgId, secondCase, 'ME145XX', HARBOUR);
  });

  it('counts both cases without a place, and only the place’s with one, through the API with the place named', async () => {
    const all = (await api('/api/v1/reports/rj')).json();
    expect(all).toMatchObject({ from: '2026-10-01', to: '2026-12-31', area: null, localAuthority: null });
    expect(figures(all)).toMatchObject({
      referrals_by_source: { self: 2 },
      suitability: { suitable: 3 },
      completed: { indirect: 1 },
      satisfaction: { responses: 1 },
    });

    const ct = await api('/api/v1/reports/rj?area=CT');
    expect(ct.statusCode).toBe(200);
    expect(ct.json()).toMatchObject({ area: 'CT', localAuthority: null });
    expect(figures(ct.json())).toMatchObject({
      referrals_by_source: { self: 1 },
      suitability: { suitable: 2 },
      completed: { indirect: 1 },
      satisfaction: { responses: 0 },
    });

    const harbour = (await api(`/api/v1/reports/rj?localAuthority=${encodeURIComponent(HARBOUR.toLowerCase())}`)).json();
    expect(harbour).toMatchObject({ area: null, localAuthority: HARBOUR });
    expect(figures(harbour)).toMatchObject({
      referrals_by_source: { self: 1 },
      suitability: { suitable: 1 },
      completed: { indirect: 0 },
      satisfaction: { responses: 1 },
    });
    expect(await lastAudit(w.orgId, 'rj.return_viewed')).toEqual({ from: '2026-10-01', to: '2026-12-31', area: null, localAuthority: HARBOUR });
  });

  it('refuses a place the service does not cover with a specific message, and one that is not a place at all', async () => {
    const unknown = await api(`/api/v1/reports/rj?localAuthority=${encodeURIComponent(TYPED)}`);
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error).toMatchObject({ reason: 'UNKNOWN_PLACE' });
    expect(unknown.json().error.fields.localAuthority).toBe(`Choose one of the local authorities the service covers: ${RIVERSIDE}, ${HARBOUR}`);
    const notAPlace = await api(`/api/v1/reports/rj?area=${'X'.repeat(40)}`);
    expect(notAPlace.statusCode).toBe(422);
    expect(notAPlace.json().error).toMatchObject({ reason: 'VALIDATION_FAILED', fields: { area: 'Choose an area from the list' } });
    expect(await auditHolds(w.orgId, TYPED)).toBe(false);
  });

  it('shows the filter on the page, names the place, and carries it to the CSV', async () => {
    const page = await sue.get('/reports/rj');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<form method="get" action="/reports/rj"');
    expect(page.body).toMatch(/<select[^>]*name="area"/);
    expect(page.body).toMatch(/<select[^>]*name="localAuthority"/);
    expect(pageText(page.body)).toContain('Every area the service covers.');

    const narrowed = await sue.get('/reports/rj?from=2026-10-01&to=2026-12-31&area=ME14');
    expect(narrowed.statusCode).toBe(200);
    expect(pageText(narrowed.body)).toContain('ME14 Restorative justice return');
    expect(pageText(narrowed.body)).toContain('Only cases and referrals in ME14');
    expect(narrowed.body).toContain('<option value="ME14" selected>');
    expect(narrowed.body).toContain('href="/reports/rj.csv?from=2026-10-01&amp;to=2026-12-31&amp;area=ME14"');

    const csv = await sue.get('/reports/rj.csv?from=2026-10-01&to=2026-12-31&area=ME14');
    expect(csv.body.split('\r\n')[0]).toBe('"from","to","area","local_authority","metric","version","figure","value"');
    expect(csv.body).toContain('"2026-10-01","2026-12-31","ME14","","Processes completed, direct and indirect","1","indirect","0"');
    expect(await lastAudit(w.orgId, 'rj.return_viewed')).toEqual({ from: '2026-10-01', to: '2026-12-31', area: 'ME14', localAuthority: null });
  });

  it('names a refused place on the form again (422), and a CSV for one goes back to the page', async () => {
    const page = await sue.get('/reports/rj?area=ZZ9');
    expect(page.statusCode).toBe(422);
    const text = pageText(page.body);
    expect(text).toContain('There is a problem');
    expect(text).toContain('Choose one of the service’s areas: CT, ME14');
    expect(page.body).toContain('href="#area"');
    const csv = await sue.get('/reports/rj.csv?area=ZZ9');
    expect(csv.statusCode).toBe(303);
    expect(csv.headers.location).toBe('/reports/rj?area=ZZ9');
  });
});
