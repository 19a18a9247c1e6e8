// A service's own case types in the statutory returns: a restorative justice type it added ("Youth restorative
// justice") counts in the RJ return, and a SEND type it added ("Tribunal mediation") in the SEND report and on the
// deadlines queue, exactly as the built-in types do, because both select cases by their type's kind, not its code; a
// type of another kind it added ("Neighbours", community rules) is counted in neither. The published reads the RJ
// return uses still select by code when given one (as the standard reports' case type filter does). The community
// funder return, with no type chosen, counts every community type (Neighbours with the built-in one) and says so; with
// a type chosen, exactly that type.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '#src/access/actor.ts';
import { inOrg } from '#src/db/tenant.ts';
import type { CaseKind } from '#src/domain/case-words.ts';
import { signedAgreementsByCaseType } from '#src/features/agreements/agreement-reads.ts';
import { aggregateFeedback, agreementKeptCounts } from '#src/features/closing/closing-reads.ts';
import { heldMeetingCounts } from '#src/features/meetings/meeting-reads.ts';
import { referralCounts } from '#src/features/referrals/referral-reads.ts';
import { signAgreementOnCase } from '../support/agreements.ts';
import { caseAtOutcome } from '../support/closing.ts';
import { makeMember, makeOrg, signIn } from '../support/factories.ts';
import { pageText } from '../support/page-text.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import { makeSendCase } from '../support/send-cases.ts';
import { actorFor, insertAssignment, makeCase, makeVolunteer } from '../support/volunteers.ts';

const LA = 'Kentish County Council (fictional)';
const FROM = new Date('2026-10-01T00:00:00Z');
const TO = new Date('2027-01-01T00:00:00Z');

let h: Harness;
let orgId: string;
let key: string;
let admin: ReturnType<typeof actorFor>;
let adaMember: Awaited<ReturnType<typeof makeMember>>;
/** The codes of the service's own types, by what they are for. */
const own = { rj: '', send: '', neighbours: '' };
/** The case of the service's own community type ("Neighbours") the RJ return leaves out. */
let hedgeId = '';

const call = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
  h.app.inject({ method, url, payload: payload as Record<string, unknown>, headers: { authorization: `Bearer ${key}` } });
/** The RJ return's figures, by metric and label. */
const rjReturn = async () => {
  const res = await call('GET', '/api/v1/reports/rj');
  expect(res.statusCode).toBe(200);
  const metrics = res.json().metrics as { id: string; figures: { label: string; value: number | null }[] }[];
  return Object.fromEntries(metrics.map((m) => [m.id, Object.fromEntries(m.figures.map((f) => [f.label, f.value]))]));
};

/**
 * A case of this type brought to Outcome (a referral accepted, a conference or joint meeting held, an agreement signed),
 * with the parties' feedback (a satisfaction score each, the first party's first), then in follow-up with a check-in saying the agreement is kept; an RJ one has the person
 * harmed found suitable too.
 */
async function caseWithEverything(caseType: string, kind: CaseKind, name: string, satisfaction: number[] = [4]) {
  const { caseId, parties } = await caseAtOutcome(h, orgId, admin, { description: `${name} (kinds)`, caseType, kind, names: [`Vic ${name}`, `Hal ${name}`] });
  const suitability = { partyId: parties[0]!.id, acknowledgesFacts: true, willing: true, assessedOn: '2026-11-09' };
  if (kind === 'restorative_justice') await h.deps.rj.recordSuitability(admin, caseId, suitability);
  else await expect(h.deps.rj.recordSuitability(admin, caseId, suitability)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  for (const [i, score] of satisfaction.entries())
    await h.deps.closing.feedback.record(admin, caseId, {
      partyId: parties[i]!.id,
      source: 'phone',
      satisfaction: score,
      feltHeard: true,
      wouldRecommend: true,
    } as Parameters<typeof h.deps.closing.feedback.record>[2]);
  await h.deps.cases.transition(admin, caseId, { to: 'follow_up' });
  const [first] = (await h.deps.closing.followUp.ofCase(admin, caseId)).points;
  await h.deps.closing.followUp.recordCheckIn(admin, caseId, {
    pointId: first!.id,
    partyId: parties[1]!.id,
    source: 'phone',
    answers: [{ answer: 'kept' }],
    wantsMeeting: false,
  });
  return caseId;
}

beforeAll(async () => {
  h = await startHarness();
  h.clock.current = new Date('2026-11-10T10:00:00Z');
  ({ orgId } = await makeOrg(h.deps, 'kinds', 'Kinds Mediation (fictional)'));
  adaMember = await makeMember(h.deps, orgId, 'admin', 'ada@kinds.example', { name: 'Ada Admin' });
  admin = actorFor(orgId, adaMember.userId, 'admin', 'Ada Admin');
  await h.deps.settings.update(admin, { caseTypes: ['community', 'restorative_justice', 'send'] });
  own.rj = (await h.deps.settings.addCaseType(admin, { name: 'Youth restorative justice', kind: 'restorative_justice' })).code;
  own.send = (await h.deps.settings.addCaseType(admin, { name: 'Tribunal mediation', kind: 'send' })).code;
  own.neighbours = (await h.deps.settings.addCaseType(admin, { name: 'Neighbours', kind: 'community' })).code;
  key = (await h.deps.apiKeys.createForOrg(orgId, { name: 'Coordinator key', role: 'coordinator' }, systemActor('test'))).key;
});
afterAll(() => h?.close());

describe('the RJ return', () => {
  beforeAll(async () => {
    await caseWithEverything('restorative_justice', 'restorative_justice', 'Builtin');
    await caseWithEverything(own.rj, 'restorative_justice', 'Youth', [4, 2]);
    hedgeId = await caseWithEverything(own.neighbours, 'community', 'Hedge', [1, 1]);
  });

  it('counts a case of the service’s own RJ type as a built-in one, and none of a type of another kind', async () => {
    expect(own.rj).not.toBe('restorative_justice');
    expect(await rjReturn()).toMatchObject({
      referrals_by_source: { self: 2 },
      referral_outcomes: { accepted: 2 },
      suitability: { suitable: 2, 'not suitable': 0 },
      completed: { direct: 2, indirect: 0 },
      agreements: { made: 2, kept: 2, 'partly kept': 0, 'not kept': 0 },
      // Three responses over the two types: enough for the mean, (4 + 4 + 2) / 3.
      satisfaction: { responses: 3, 'mean satisfaction': 3.33 },
    });
  });

  it('leaves the published reads selecting by a type’s code when given one, and by kind when asked', async () => {
    const rj = { caseKind: 'restorative_justice' } as const;
    const total = (rows: { count?: number; n?: number }[]) => rows.reduce((s, r) => s + (r.count ?? r.n ?? 0), 0);
    await inOrg(h.deps.db, orgId, async (tx) => {
      expect(total(await referralCounts(tx, orgId, 'restorative_justice', FROM, TO))).toBe(1);
      expect(total(await referralCounts(tx, orgId, own.neighbours, FROM, TO))).toBe(1);
      expect(total(await referralCounts(tx, orgId, rj, FROM, TO))).toBe(2);
      expect(total(await heldMeetingCounts(tx, orgId, own.rj, ['rj_conference'], FROM, TO))).toBe(1);
      expect(total(await heldMeetingCounts(tx, orgId, rj, ['rj_conference', 'joint'], FROM, TO))).toBe(2);
      expect(total(await heldMeetingCounts(tx, orgId, { caseKind: 'community' }, ['joint'], FROM, TO))).toBe(1);
      // The reports' case type filter: by code; by kind, each of the kind's types on its own row.
      expect(await signedAgreementsByCaseType(tx, orgId, { from: FROM, toExclusive: TO, caseType: 'restorative_justice' })).toEqual([
        { a: 'restorative_justice', b: '', n: 1 },
      ]);
      const byKind = await signedAgreementsByCaseType(tx, orgId, { from: FROM, toExclusive: TO, ...rj });
      expect(byKind.map((r) => r.a).sort()).toEqual(['restorative_justice', own.rj].sort());
      expect(await agreementKeptCounts(tx, orgId, { caseType: own.rj, from: FROM, toExclusive: TO })).toEqual([{ answer: 'kept', n: 1 }]);
      expect(await agreementKeptCounts(tx, orgId, { ...rj, from: FROM, toExclusive: TO })).toEqual([{ answer: 'kept', n: 2 }]);
      expect((await aggregateFeedback(tx, { orgId, caseType: 'restorative_justice' })).map((r) => r.responses)).toEqual([1]);
      const feedback = await aggregateFeedback(tx, { orgId, ...rj, from: FROM, to: TO });
      expect(feedback.map((r) => [r.caseType, r.responses]).sort()).toEqual(
        [
          ['restorative_justice', 1],
          [own.rj, 2],
        ].sort(),
      );
    });
  });
});

describe('the SEND report and the deadlines queue', () => {
  const ids = { builtIn: '', own: '', neighbours: '' };

  beforeAll(async () => {
    ids.builtIn = await makeSendCase(h.deps, orgId, admin, 'Builtin');
    ids.own = await makeSendCase(h.deps, orgId, admin, 'Tribunal', { caseType: own.send });
    ids.neighbours = (
      await makeCase(h.deps, orgId, admin, { description: 'Fence (kinds)', caseType: own.neighbours, parties: [{ name: 'Nell Neighbour' }] })
    ).caseId;
    for (const caseId of [ids.builtIn, ids.own]) {
      const details = {
        decisionType: 'plan_contents',
        issues: ['B'],
        decisionLetterOn: '2026-10-15',
        requestedBy: 'parent',
        childName: 'Kit',
        localAuthority: LA,
      };
      expect((await call('PUT', `/api/v1/cases/${caseId}/send`, details)).statusCode).toBe(200);
    }
  });

  it('puts the clocks of a case of the service’s own SEND type on the queue, and has no SEND record for another kind', async () => {
    const queue = (await call('GET', '/api/v1/send/deadlines')).json() as { caseId: string; kind: string }[];
    expect(
      queue
        .filter((k) => k.kind === 'contact')
        .map((k) => k.caseId)
        .sort(),
    ).toEqual([ids.builtIn, ids.own].sort());
    expect((await call('GET', `/api/v1/cases/${ids.neighbours}/send`)).statusCode).toBe(404);
  });

  it('counts a case of the service’s own SEND type in every figure, as a built-in one', async () => {
    const mel = await makeVolunteer(h.deps, orgId, { name: 'Mo Mediator', areas: ['send'] });
    for (const caseId of [ids.builtIn, ids.own]) {
      expect((await call('POST', `/api/v1/cases/${caseId}/send/mias`, { miasOn: '2026-11-02', decision: 'wants_mediation' })).statusCode).toBe(200);
      const held = await call('PUT', `/api/v1/cases/${caseId}/send/progress`, {
        icbNotifiedOn: '2026-11-04',
        mediationHeldOn: '2026-11-06',
        laAttendeeName: 'Lee Officer',
        laAttendeeRole: 'SEN team manager',
        laAttendeeHasAuthority: true,
        appealMade: false,
      });
      expect(held.statusCode).toBe(200);
      const cert = await call('POST', `/api/v1/cases/${caseId}/send/certificates`, {
        kind: 'after_mediation',
        adviserName: 'Mo Mediator',
        issueOutcomes: ['agreed'],
      });
      expect(cert.statusCode).toBe(201);
      await insertAssignment(h.deps, orgId, caseId, mel);
      await signAgreementOnCase(h, admin, caseId, {
        who: ['local_authority'],
        what: 'Amend section B to add a weekly session with a specialist teacher',
        dueKind: 'date',
        checkHow: 'The amended plan is received',
        appealable: true,
        sendAction: 'amend_plan',
      });
      // The duties are kept in step with the signed terms when the case's SEND details are read (or the daily job runs).
      expect((await call('GET', `/api/v1/cases/${caseId}/send`)).json().duties).toHaveLength(1);
    }
    const r = (await call('GET', '/api/v1/send/report')).json();
    expect(r.byAuthority).toEqual([{ localAuthority: LA, cases: 2 }]);
    expect(r.byKind).toEqual([{ kind: 'after_mediation', certificates: 2 }]);
    expect(r.mediations).toEqual({ held: 2, within30Days: 2 });
    expect(r.outcomes).toEqual([{ issue: 'B', outcome: 'agreed', n: 2 }]);
    expect(r.appeals).toEqual({ made: 0, notMade: 2, notKnown: 0 });
    expect(r.reg42).toEqual({ onTime: 0, late: 0, outstanding: 0, notYetDue: 2 });
  });
});

describe('the community funder return', () => {
  // A period holding every case above and its follow-up points; counts from 2 shown.
  const Q = 'from=2026-10-01&to=2027-03-31';
  type Shown = { value: number | null };
  type Figures = { id: string; figures?: ({ id: string } & Shown)[]; rows?: { key: string }[]; cells?: Shown[][] };
  const communityReturn = async (caseType?: string) => {
    const res = await call('GET', `/api/v1/reports/community-return?${Q}${caseType ? `&caseType=${caseType}` : ''}`);
    expect(res.statusCode).toBe(200);
    const body = res.json() as { caseType: string | null; caseKind: string | null; cases: string; metrics: Figures[] };
    const figures = Object.fromEntries(body.metrics[0]!.figures!.map((f) => [f.id, f.value]));
    /** A table's total row (the last), its count. */
    const total = (id: string) => body.metrics.find((m) => m.id === id)!.cells!.at(-1)![0]!.value;
    return { ...body, figures, closed: total('closed-by-reason'), followedUp: total('kept-at-follow-up') };
  };

  /** Brings a case that is in follow-up to its last check-in and closes it, the agreement kept. */
  async function closeAfterFollowUp(caseId: string) {
    const { parties } = await h.deps.cases.get(admin, caseId);
    const last = (await h.deps.closing.followUp.ofCase(admin, caseId)).points.at(-1)!;
    await h.deps.closing.followUp.recordCheckIn(admin, caseId, {
      pointId: last.id,
      partyId: parties[0]!.id,
      source: 'phone',
      answers: [{ answer: 'kept' }],
      wantsMeeting: false,
    });
    await h.deps.cases.transition(admin, caseId, { to: 'closed', closingReason: 'agreement_kept' });
  }

  beforeAll(async () => {
    await h.deps.settings.update(admin, { reportThreshold: 2 });
    // With the Hedge case above (Neighbours) and the Fence referral (Neighbours, one party, no consent): two cases of
    // each community type with everything, and the restorative justice cases above, which never count here.
    const made = [
      await caseWithEverything('community', 'community', 'Parking', [5, 5]),
      await caseWithEverything('community', 'community', 'Bins', [5, 4]),
      await caseWithEverything(own.neighbours, 'community', 'Garden', [3, 3]),
    ];
    for (const caseId of [...made, hedgeId]) await closeAfterFollowUp(caseId);
  });

  it('counts every case of the community kind when no type is chosen, the service’s own type with the built-in one', async () => {
    const r = await communityReturn();
    expect(r).toMatchObject({ caseType: null, caseKind: 'community', cases: 'All community mediation case types' });
    // Referrals: Parking, Bins, Garden, Hedge and Fence; never the two restorative justice referrals or the SEND ones.
    expect(r.figures).toEqual({ referred: 5, 'both-engaged': 4, 'joint-meetings': 4, agreements: 4, feedback: 8 });
    expect(r.closed).toBe(4);
    expect(r.followedUp).toBe(4);
  });

  it('counts exactly the type chosen, leaving out the other community type', async () => {
    const neighbours = await communityReturn(own.neighbours);
    expect(neighbours).toMatchObject({ caseType: own.neighbours, caseKind: null, cases: 'Case type: Neighbours' });
    expect(neighbours.figures).toEqual({ referred: 3, 'both-engaged': 2, 'joint-meetings': 2, agreements: 2, feedback: 4 });
    expect([neighbours.closed, neighbours.followedUp]).toEqual([2, 2]);
    const builtIn = await communityReturn('community');
    expect(builtIn).toMatchObject({ caseType: 'community', caseKind: null, cases: 'Case type: Community mediation' });
    expect(builtIn.figures).toEqual({ referred: 2, 'both-engaged': 2, 'joint-meetings': 2, agreements: 2, feedback: 4 });
    expect([builtIn.closed, builtIn.followedUp]).toEqual([2, 2]);
    // A restorative justice type chosen is that type too: its one referral, hidden below the threshold, and no joint meetings.
    const rj = await communityReturn('restorative_justice');
    expect(rj.figures).toMatchObject({ referred: null, 'joint-meetings': 0 });
  });

  it('says what it covers on the page, in the CSV and in the spreadsheet; another report still counts every type', async () => {
    const web = await signIn(h, adaMember);
    const page = await web.get(`/reports/community-return?${Q}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/<option value=""( selected)?>All community mediation case types<\/option>/);
    expect(pageText(page.body)).toContain('31 March 2027 . All community mediation case types. Figures from 1 to 1');
    const chosen = pageText((await web.get(`/reports/community-return?${Q}&caseType=${own.neighbours}`)).body);
    expect(chosen).toContain('31 March 2027 . Case type: Neighbours. Figures');
    const csv = (await web.get(`/reports/community-return/csv?${Q}`)).body.split('\r\n');
    expect(csv.slice(0, 3)).toEqual(['Community funder return', '1 October 2026 to 31 March 2027', 'All community mediation case types']);
    expect(csv).toContain('Cases referred,5,Referrals received in the period.');
    const xlsx = await web.get(`/reports/community-return/xlsx?${Q}`);
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    book.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows[2]).toEqual(['All community mediation case types']);
    expect(rows.find((row) => row[0] === 'Cases referred')?.[1]).toBe(5);

    // The referrals report, no type chosen, counts every case type as before: nine referrals of every kind.
    const referrals = (await call('GET', `/api/v1/reports/referrals?${Q}`)).json();
    expect(referrals).toMatchObject({ caseKind: null, cases: 'All case types' });
    expect(referrals.metrics[0].cells.at(-1).at(-1).value).toBe(9);
    expect(pageText((await web.get(`/reports/referrals?${Q}`)).body)).toContain('All case types. Figures');
  });
});
