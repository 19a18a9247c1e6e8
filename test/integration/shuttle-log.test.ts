// The shuttle log, end to end: statements recorded with each party's permission, passed on only when permitted and
// only in the permitted words, and proof that a statement not to be passed on never reaches the other party's view,
// the letter page, the API export or any timeline entry — and that "yes in these words" only ever shows the words.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from '#src/db/orm.ts';
import { caseEvents } from '#src/db/schema/cases.ts';
import { inOrg } from '#src/db/tenant.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import { apiAs, jointMeeting, type MeetingsWorld, meetingsWorld, pageText } from '../support/meetings.ts';
import type { WebClient } from '../support/web-client.ts';

const SECRET = 'I cannot afford the fence repair until March';
const FULL = 'I am sorry the music was loud on Saturdays';
const INNER = 'I was furious and I think they are lying about the dog';
const WORDS = 'Sam would like to talk about the dog';
const ALEX = 'Alex is happy to meet on a weekday evening';

let h: Harness;
let w: MeetingsWorld;
let vera: WebClient;
let cora: WebClient;
let otto: WebClient;
let bo: WebClient;
let shuttleId: string;
let jointId: string;
let log: string;
const ids: Record<string, string> = {};

const shuttleApi = (web: WebClient, rest = '', body?: unknown) =>
  apiAs(h, web)(body === undefined ? 'GET' : 'POST', `/api/v1/cases/${w.caseId}/meetings/${shuttleId}/shuttle${rest}`, body);

beforeAll(async () => {
  h = await startHarness();
  w = await meetingsWorld(h, 'mshu');
  cora = await w.signIn(w.members.cora);
  vera = await w.signIn(w.members.vera);
  otto = await w.signIn(w.members.otto);
  bo = await w.signIn(w.members.bo);
  for (const web of [cora, vera, otto, bo]) await web.get('/home');
  const book = async (body: Record<string, unknown>) => (await apiAs(h, cora)('POST', `/api/v1/cases/${w.caseId}/meetings`, body)).json().meeting.id as string;
  shuttleId = await book(jointMeeting(w, { kind: 'shuttle', partyIds: [w.parties.sam, w.parties.alex, w.parties.kit] }));
  jointId = await book(jointMeeting(w, { start: '2026-12-16T10:00:00Z' }));
  log = `/cases/${w.caseId}/meetings/${shuttleId}/shuttle`;
});
afterAll(() => h?.close());

describe('recording statements', () => {
  it('keeps a log only for shuttle sessions', async () => {
    expect((await vera.get(`/cases/${w.caseId}/meetings/${jointId}/shuttle`)).statusCode).toBe(404);
    expect(pageText((await vera.get(`/cases/${w.caseId}/meetings/${shuttleId}`)).body)).toContain('Shuttle log');
  });

  it('asks for the words when a statement may be passed on only in agreed words', async () => {
    await vera.get(log);
    const res = await vera.post(`${log}/statements`, { partyId: w.parties.sam, statement: INNER, permission: 'yes_in_words', words: '' });
    expect(res.statusCode).toBe(422);
    expect(pageText(res.body)).toContain('Write the words that may be passed on');
    expect(res.body).toContain(INNER); // what was typed is kept
  });

  it('records each statement with its permission, through the page and the API', async () => {
    await vera.get(log);
    expect((await vera.post(`${log}/statements`, { partyId: w.parties.sam, statement: SECRET, permission: 'no' })).statusCode).toBe(303);
    const one = async (partyId: string, statement: string, permission: string, words?: string) => {
      h.clock.advance(60_000); // a minute apart, so the log's order is the order they were said
      const res = await shuttleApi(vera, '', { partyId, statement, permission, ...(words ? { words } : {}) });
      expect(res.statusCode).toBe(201);
      return res.json().id as string;
    };
    ids.secret = (await shuttleApi(vera)).json().statements[0].id;
    ids.full = await one(w.parties.sam, FULL, 'yes');
    ids.words = await one(w.parties.sam, INNER, 'yes_in_words', WORDS);
    ids.alex = await one(w.parties.alex, ALEX, 'yes');
    const staff = pageText((await vera.get(log)).body);
    expect(staff).toContain(SECRET); // the case team sees the whole log
    expect(staff).toContain('No, not to be passed on');
  });

  it('puts statements on the timeline as private to the speaker, never with the text of a "no"', async () => {
    const timeline = pageText((await cora.get(`/cases/${w.caseId}/timeline`)).body);
    expect(timeline).toContain('Statement recorded from Sam Example (not to be passed on)');
    expect(timeline).toContain('Statement recorded from Sam Example (may be passed on in the agreed words only)');
    const events = await inOrg(h.deps.db, w.orgId, (tx) => tx.select().from(caseEvents).where(eq(caseEvents.caseId, w.caseId)));
    const shuttle = events.filter((e) => e.kind === 'shuttle');
    expect(shuttle.length).toBe(4);
    expect(shuttle.every((e) => e.visibility === 'party')).toBe(true);
    const everything = JSON.stringify(events);
    expect(everything).not.toContain(SECRET);
    expect(everything).not.toContain(INNER);
  });
});

describe('passing statements on', () => {
  it('refuses to pass on a "no", or to pass a statement back to its speaker', async () => {
    const no = await shuttleApi(vera, `/${ids.secret}/convey`, { toPartyId: w.parties.alex });
    expect(no.statusCode).toBe(422);
    expect(no.json().error.message).toBe('The person who made this statement did not agree to it being passed on');
    const back = await shuttleApi(vera, `/${ids.full}/convey`, { toPartyId: w.parties.sam });
    expect(back.statusCode).toBe(422);
    expect(back.json().error.message).toBe('A statement is passed to the other side, not back to the person who made it');
  });

  it('passes on exactly the statement, or only the agreed words', async () => {
    await vera.get(log);
    const res = await vera.post(`${log}/${ids.words}/convey`, { toPartyId: w.parties.alex });
    expect(res.statusCode).toBe(303);
    h.clock.advance(60_000);
    const full = await shuttleApi(vera, `/${ids.full}/convey`, { toPartyId: w.parties.alex });
    expect(full.json()).toMatchObject({ conveyed: FULL, toPartyId: w.parties.alex });
    const staff = (await shuttleApi(vera)).json();
    expect(staff.conveyances.map((c: { conveyed: string }) => c.conveyed)).toEqual([WORDS, FULL]);
    expect(pageText((await vera.get(log)).body)).toContain(`To Alex Example`);
  });

  it('offers no "pass on" form for a "no" statement on the page', async () => {
    const page = (await vera.get(log)).body;
    expect(page).not.toContain(`/shuttle/${ids.secret}/convey`);
    expect(page).toContain(`/shuttle/${ids.full}/convey`);
  });
});

describe('what the other side may see', () => {
  it('never shows a "no" statement, nor the full words behind "yes in these words", in the letter page', async () => {
    const res = await vera.get(`${log}/for/${w.parties.alex}`);
    expect(res.statusCode).toBe(200);
    const letter = pageText(res.body);
    expect(letter).toContain('What may be passed to Alex Example');
    expect(letter).toContain(FULL);
    expect(letter).toContain(WORDS);
    expect(letter).not.toContain(SECRET);
    expect(letter).not.toContain(INNER);
    expect(letter).not.toContain(ALEX); // their own statement is not "passed to" them
  });

  it('never shows them in the API export for that party, nor to a supporter', async () => {
    for (const partyId of [w.parties.alex, w.parties.kit]) {
      const res = await shuttleApi(vera, `?forParty=${partyId}`);
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain(SECRET);
      expect(res.body).not.toContain(INNER);
      expect(res.body).toContain(WORDS);
    }
    const alex = (await shuttleApi(vera, `?forParty=${w.parties.alex}`)).json();
    expect(alex.statements.map((s: { statement: string }) => s.statement)).toEqual([ALEX]);
    expect(alex.conveyances.map((c: { conveyed: string }) => c.conveyed)).toEqual([WORDS, FULL]);
  });

  it('shows the speaker their own statements, and only what may pass from the other side', async () => {
    const sam = (await shuttleApi(vera, `?forParty=${w.parties.sam}`)).json();
    expect(sam.statements.map((s: { statement: string }) => s.statement)).toEqual([SECRET, FULL, INNER]);
    expect(sam.mayPass.map((p: { text: string }) => p.text)).toEqual([ALEX]);
    expect(sam.conveyances).toEqual([]);
  });
});

describe('who may read the log', () => {
  it('refuses a mediator not on the case, and answers 404 to another service', async () => {
    expect((await otto.get(log)).statusCode).toBe(403);
    expect((await shuttleApi(otto)).statusCode).toBe(403);
    expect((await bo.get(log)).statusCode).toBe(404);
    expect((await shuttleApi(bo)).statusCode).toBe(404);
    // A party id that is not alex's: its last digit changed (to 1 if it was 0, so it always differs).
    const nobody = w.parties.alex.slice(0, -1) + (w.parties.alex.endsWith('0') ? '1' : '0');
    expect((await vera.get(`${log}/for/${nobody}`)).statusCode).toBe(404);
  });
});
