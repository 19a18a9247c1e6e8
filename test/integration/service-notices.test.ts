// A notice in force is a banner on every staff page (home, cases, booking, find a time), not found out when a booking
// fails; a notice whose dates have passed, or not yet begun, shows nowhere.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../support/harness.ts';
import { type MeetingsWorld, meetingsWorld, pageText } from '../support/meetings.ts';
import type { WebClient } from '../support/web-client.ts';

let h: Harness;
let w: MeetingsWorld;
let cora: WebClient;

const banner = (html: string) => {
  const at = html.indexOf('data-service-notices');
  return at < 0 ? undefined : pageText(html.slice(at, html.indexOf('</div>\n</div>', at) + 200));
};

beforeAll(async () => {
  h = await startHarness();
  w = await meetingsWorld(h, 'snb'); // today is 3 December 2026
  await h.deps.settings.update(w.admin, {
    notices: [
      {
        id: 'n1',
        text: 'Home visits are suspended during the winter illness outbreak',
        from: '2026-12-01',
        to: '2027-01-31',
        homeVisitsSuspended: true,
        officeClosed: false,
      },
      { id: 'n2', text: 'The office was closed for refurbishment', from: '2026-11-01', to: '2026-11-30', homeVisitsSuspended: false, officeClosed: true },
      { id: 'n3', text: 'Closed for the new year', from: '2027-01-01', homeVisitsSuspended: false, officeClosed: true },
    ],
  });
  cora = await w.signIn(w.members.cora);
});
afterAll(() => h?.close());

describe('a service notice in force', () => {
  it('is a banner on every staff page, the booking and find-a-time pages among them', async () => {
    for (const url of ['/home', '/cases', '/referrals', `/cases/${w.caseId}`, `/cases/${w.caseId}/meetings/new`, `/cases/${w.caseId}/meetings/find-a-time`]) {
      const res = await cora.get(url);
      expect(res.statusCode, url).toBe(200);
      const text = banner(res.body);
      expect(text, url).toContain('Service notice');
      expect(text, url).toContain('Home visits are suspended during the winter illness outbreak');
      expect(text, url).not.toContain('refurbishment');
      expect(text, url).not.toContain('new year');
    }
  });

  it('goes when its dates have passed', async () => {
    h.clock.current = new Date('2027-02-02T09:00:00Z');
    try {
      const again = await w.signIn(w.members.cora); // two months on, the old session has timed out
      const text = banner((await again.get('/home')).body);
      expect(text).toContain('Closed for the new year');
      expect(text).not.toContain('winter illness');
    } finally {
      h.clock.current = new Date('2026-12-03T09:00:00Z');
    }
  });

  it('is not shown to a service with no notice in force, nor on the public pages twice', async () => {
    await h.deps.settings.update(w.admin, { notices: [] });
    expect(banner((await cora.get('/home')).body)).toBeUndefined();
  });
});
