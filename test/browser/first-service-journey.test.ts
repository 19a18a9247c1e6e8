// A new service's first week in Chromium, from an empty install and using only what is on the screen: the set-up
// link a fresh install prints is the one address typed. The admin sets up the service and two-factor sign-in, works
// through the getting-started checklist by its own links (settings, case types, areas, a safeguarding lead, a
// venue, two trained volunteers one of whom may lead, colleagues, the public page), sends a professional referral
// from the public page with the other party given the wrong role, accepts it, corrects the role on the People tab,
// and takes the case from intake to Outcome: refused at each gate until it is met, with the reason on the screen.
// Every page visited is checked with axe and for sideways scrolling at 1280 px. The steps are in first-service/.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { chromiumAvailable, INSTALL_HINT } from './browser.ts';
import { FirstService } from './first-service/journey.ts';
import { acceptReferral, correctOtherPartysRole, sendProfessionalReferral } from './first-service/referral.ts';
import {
  addVenueWithRoom,
  checkSettingsAndCaseTypes,
  coverAreasAndInviteSafeguardingLead,
  inviteColleagueAndWritePublicPage,
  setUpTheService,
} from './first-service/setting-up.ts';
import { assignPairAndMoveToMediation, bookJointMeeting, recordIntakeAndConsent, recordMeetingAndMoveToOutcome } from './first-service/to-outcome.ts';
import { addTwoTrainedVolunteers } from './first-service/volunteers.ts';

const runs = chromiumAvailable();

// In CI a missing Chromium is a failure, not a skip.
if (!runs && process.env.CI)
  it('has Chromium to run the journeys in', () => {
    throw new Error(INSTALL_HINT);
  });

describe.skipIf(!runs)('browser journey: a new service from an empty install to its first case at Outcome', () => {
  const j = new FirstService();

  beforeAll(() => j.start());

  // Each step builds on the one before: after a failure the rest are skipped, not left to time out one by one.
  let failed = false;
  beforeEach((ctx) => {
    if (failed) ctx.skip();
  });
  afterEach(async (ctx) => {
    if (ctx.task.result?.state !== 'fail') return;
    failed = true;
    console.log(
      `Failed on ${j.page.url()}:\n${await j.page
        .locator('main')
        .innerText()
        .catch(() => '(no main)')}`,
    );
  });

  afterAll(() => j.close());

  it('sets up the service from the link a fresh install prints, with two-factor sign-in for its admin', () => setUpTheService(j));
  it('checks the settings and chooses the case types from the checklist', () => checkSettingsAndCaseTypes(j));
  it('says which areas it covers and invites a safeguarding lead', () => coverAreasAndInviteSafeguardingLead(j));
  it('adds a venue with a room', () => addVenueWithRoom(j));
  it('adds two trained volunteers: one accredited elsewhere in community mediation, who may lead, and a trainee who has done the foundation course', () =>
    addTwoTrainedVolunteers(j));
  it('invites a colleague and writes the public page; the checklist is done', () => inviteColleagueAndWritePublicPage(j));

  it('sends a professional referral from the public page, with the other party given the wrong role', () => sendProfessionalReferral(j));
  it('accepts the referral into a case; Ready is refused, in words, while the other party has the wrong role', () => acceptReferral(j));
  it('corrects the other party’s role on the People tab, with the change on the timeline', () => correctOtherPartysRole(j));

  it('is refused an intake record without the person’s view, then records intake and consent for each party', () => recordIntakeAndConsent(j));
  it('is refused Mediation without a pair, assigns the suggested pair and moves the case to Mediation', () => assignPairAndMoveToMediation(j));
  it('is refused Outcome before a joint meeting; books one at the venue', () => bookJointMeeting(j));
  it('records the joint meeting after it, and moves the case to Outcome once each issue has its outcome', () => recordMeetingAndMoveToOutcome(j));

  it('checked every page it visited with axe and for sideways scrolling at 1280 px', () => {
    expect(j.watch.uncheckedVisits).toEqual([]);
    expect(j.watch.cspMessages).toEqual([]);
    expect(j.watch.checkedPages.length).toBeGreaterThanOrEqual(80);
  });
});
