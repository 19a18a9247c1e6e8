// Pre-sentence restorative justice (rules.md #35): the court that deferred sentence (up to 6 months), the date it is
// deferred to and the report sent to the court, recorded on the RJ case through the page and the API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../support/harness.ts';
import { apiAs, pageText } from '../support/meetings.ts';
import { type RjWorld, rjWorld } from '../support/rj.ts';
import type { WebClient } from '../support/web-client.ts';

let h: Harness;
let w: RjWorld;
let cora: WebClient;

beforeAll(async () => {
  h = await startHarness();
  w = await rjWorld(h, 'rjc');
  cora = await w.signIn(w.members.cora);
  await cora.get('/home');
});
afterAll(() => h?.close());

const court = (body: Record<string, unknown>) => apiAs(h, cora)('POST', `/api/v1/cases/${w.caseId}/rj/court`, body);

describe('a pre-sentence case', () => {
  it('shows no court section on a case that is not pre-sentence until something is recorded', async () => {
    expect(pageText((await cora.get(`/cases/${w.caseId}/rj`)).body)).not.toContain('Pre-sentence: the court');
    expect((await apiAs(h, cora)('GET', `/api/v1/cases/${w.caseId}/rj`)).json().court).toBeNull();
  });

  it('refuses a deferment beyond 6 months, a report sent in the future and a missing court', async () => {
    expect((await court({ court: 'Testville Crown Court (fictional)', sentenceDeferredTo: '2027-06-04' })).json().error.fields.sentenceDeferredTo).toBe(
      'A court defers sentence for restorative justice by up to 6 months: check the date',
    );
    expect(
      (await court({ court: 'Testville Crown Court (fictional)', sentenceDeferredTo: '2027-01-15', courtReportSentOn: '2026-12-04' })).json().error.fields
        .courtReportSentOn,
    ).toBe('The date the report was sent must be today or in the past');
    expect((await court({ court: ' ', sentenceDeferredTo: '2027-01-15' })).json().error.fields.court).toBe('Enter the court that deferred sentence');
  });

  it('records the court and the deferment, then the report, with the days until the court sits again', async () => {
    const page = await cora.post(`/cases/${w.caseId}/rj/court`, {
      court: 'Testville Crown Court (fictional)',
      'sentenceDeferredTo-day': '31',
      'sentenceDeferredTo-month': '11',
      'sentenceDeferredTo-year': '2027',
    });
    expect(page.statusCode).toBe(422);
    expect(pageText(page.body)).toContain('Date sentence is deferred to must be a real date');
    expect(page.body).toContain('value="Testville Crown Court (fictional)"');
    const ok = await cora.post(`/cases/${w.caseId}/rj/court`, {
      court: 'Testville Crown Court (fictional)',
      'sentenceDeferredTo-day': '15',
      'sentenceDeferredTo-month': '12',
      'sentenceDeferredTo-year': '2026',
    });
    expect(ok.statusCode).toBe(303);
    const tab = pageText((await cora.get(`/cases/${w.caseId}/rj`)).body);
    expect(tab).toContain('Sentence deferred to 2026-12-15 12 days until the court sits again');
    expect(tab).toContain('Report to the court Not sent yet');
    expect((await court({ court: 'Testville Crown Court (fictional)', sentenceDeferredTo: '2026-12-15', courtReportSentOn: '2026-12-03' })).statusCode).toBe(
      200,
    );
    expect((await apiAs(h, cora)('GET', `/api/v1/cases/${w.caseId}/rj`)).json().court).toEqual({
      court: 'Testville Crown Court (fictional)',
      sentenceDeferredTo: '2026-12-15',
      courtReportSentOn: '2026-12-03',
      daysToCourt: 12,
    });
    expect(pageText((await cora.get(`/cases/${w.caseId}/rj`)).body)).toContain('Report to the court Sent 2026-12-03');
  });
});
