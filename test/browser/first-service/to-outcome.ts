// The first-service journey's case from intake to Outcome: each move refused until its gate is met, with the reason on
// the screen, then made: intake and consent, a pair of mediators, a joint meeting booked, held and recorded.
import { expect as pw } from '@playwright/test';
import { expect } from 'vitest';
import { fillDate } from '../service-setup.ts';
import { TODAY, MEETING_DAY, LEAD, CO, REFERRED, OTHER, type FirstService } from './journey.ts';

/** An intake record refused without the person's view; then intake and consent for each party, and the move to Ready. */
export async function recordIntakeAndConsent(j: FirstService) {
  const { page, title, caseSection, flash, check, problem, personCard, moveTo, refusedMove } = j;
  await caseSection(/^Overview/).click();
  await check('overview');
  await refusedMove(
    'Ready',
    [/Ready needs consent from every party/, /Ready needs an intake record for every party/],
    'move to Ready refused: no intake or consent',
  );
  await caseSection(/^People/).click();
  await check('people, for intake');
  await page.getByRole('link', { name: `Record intake record for ${REFERRED}` }).click();
  await pw(title(`Intake record for ${REFERRED}`)).toBeVisible();
  await check(`intake for ${REFERRED}`);
  await page.getByRole('button', { name: 'Save intake record' }).click();
  await pw(problem(/an intake record needs at least their view/)).toBeVisible();
  await check(`intake for ${REFERRED}: refused`);
  for (const name of [REFERRED, OTHER]) {
    if (name !== REFERRED) {
      await page.getByRole('link', { name: `Record intake record for ${name}` }).click();
      await check(`intake for ${name}`);
    }
    await fillDate(page.getByRole('group', { name: 'Date met' }), TODAY);
    await page.getByRole('group', { name: 'How you met' }).getByRole('radio', { name: 'Home visit' }).check();
    await page.getByLabel('How do they see the situation now?', { exact: true }).fill('Noise through the floor at night; words on the stairs.');
    await page.getByRole('group', { name: 'Is mediation suitable for them?' }).getByRole('radio', { name: 'Suitable for mediation', exact: true }).check();
    await page.getByRole('button', { name: 'Save intake record' }).click();
    await flash('Intake record saved.');
    await check(`people: intake saved for ${name}`);
    await personCard(name)
      .getByRole('link', { name: /^Record consent/ })
      .click();
    await pw(title('Record consent')).toBeVisible();
    await check(`record consent for ${name}`);
    // The card's link chose the person.
    await pw(page.getByLabel('Person', { exact: true }).locator('option:checked')).toHaveText(`${name} (Party)`);
    await page.getByRole('group', { name: 'Consent', exact: true }).getByRole('radio', { name: 'Consent given' }).check();
    await page.getByRole('radio', { name: 'Verbally' }).check();
    await page.getByRole('button', { name: 'Record consent' }).click();
    await flash('Consent recorded.');
    await check(`people: consent recorded for ${name}`);
  }
  await caseSection(/^Overview/).click();
  await pw(page.getByText(/^Not possible yet/)).toHaveCount(0);
  await check('overview: Ready possible');
  await moveTo('Ready');
  await flash('The case has moved.');
  await check('moved to Ready');
}

/** Mediation refused without a pair; the suggested pair assigned and the move to Mediation. */
export async function assignPairAndMoveToMediation(j: FirstService) {
  const { page, caseSection, flash, check, moveTo, refusedMove } = j;
  await refusedMove('Mediation', ['Mediation needs a pair of mediators assigned to the case'], 'move to Mediation refused: no pair');
  await caseSection(/^Mediators/).click();
  await check('mediators');
  await page.getByRole('link', { name: 'Suggested pairs', exact: true }).click();
  await check('mediators: suggested pairs');
  const pairs = page.getByRole('group', { name: 'Best first, with the reasons for each pair' });
  await pw(pairs.getByRole('radio', { name: `${LEAD} (lead) and ${CO}` })).toBeChecked();
  await page.getByRole('button', { name: 'Assign this pair' }).click();
  await flash('Mediators assigned. The change is on the case timeline.');
  await check('mediators assigned');
  await caseSection(/^Overview/).click();
  await check('overview, with the pair');
  await moveTo('Mediation');
  await flash('The case has moved.');
  await check('moved to Mediation');
}

/** Outcome refused before a joint meeting; one booked at the venue with the pair and both parties. */
export async function bookJointMeeting(j: FirstService) {
  const { page, caseSection, flash, check, refusedMove } = j;
  await refusedMove(
    'Outcome',
    ['Outcome needs a joint meeting, RJ conference or shuttle session to have been held on the case', /Say what the outcome was/],
    'move to Outcome refused: no meeting',
  );
  await caseSection(/^Meetings/).click();
  await check('meetings');
  await page.getByRole('button', { name: 'Book a meeting' }).click();
  await check('book a meeting');
  await page.getByLabel('Kind of meeting', { exact: true }).selectOption({ label: 'Joint meeting' });
  await page.getByRole('group', { name: 'How does it happen?' }).getByRole('radio', { name: 'In person' }).check();
  await page.getByRole('radio', { name: 'At a venue' }).check();
  await page.getByLabel('Room, for a meeting at a venue', { exact: true }).selectOption({ index: 1 });
  await fillDate(page.getByRole('group', { name: 'Date' }), MEETING_DAY);
  await page.getByLabel('Start time', { exact: true }).fill('10:00');
  await page.getByLabel('How long', { exact: true }).fill('90');
  for (const name of [`${LEAD} (lead mediator)`, `${CO} (co-mediator)`, `${REFERRED} (Party)`, `${OTHER} (Party)`])
    await page.getByRole('checkbox', { name }).check();
  await page.getByRole('button', { name: 'Book the meeting' }).click();
  // Nobody here has an email address. The mediators have no postal address either, so no letter could be written to
  // them, and staff are told to reach them another way; the parties' letters wait in the outbox for their address.
  await flash(
    'Meeting booked. Invitations are in the outbox, but someone without an email address cannot be sent a letter (their safe-contact instructions say no letters, or there is no address for them): tell them another way.',
  );
  const invitee = (name: string) => page.getByRole('table').filter({ hasText: 'Invited as' }).getByRole('row').filter({ hasText: name });
  await pw(invitee(LEAD)).toContainText('No email or postal address: no letter can be written, so tell them another way');
  await pw(invitee(REFERRED)).toContainText('their letter waits in the outbox, and cannot be posted');
  await check('joint meeting booked');
}

/** After the meeting (signing in again): its record, then Outcome refused until each issue has its outcome, and made. */
export async function recordMeetingAndMoveToOutcome(j: FirstService) {
  const { page, menu, caseSection, flash, check, signIn, moveTo, refusedMove } = j;
  // Thursday, 12:00: the meeting was this morning. The admin's session has ended; the next click asks her to sign in.
  j.h.clock.current = new Date(`${MEETING_DAY}T12:00:00Z`);
  await caseSection(/^Meetings/).click();
  await signIn('after the meeting');
  await pw(page.getByText('No meetings are coming up.')).toBeVisible();
  const held = page.getByRole('row', { name: /Joint meeting/ });
  await pw(held).toContainText('Not recorded yet');
  await check('meetings, after the meeting');
  await held.getByRole('link', { name: 'Thursday 5 March 2026, 10:00 to 11:30' }).click();
  await check('the joint meeting');
  await page.getByRole('button', { name: 'Record the meeting' }).click();
  await check('record the meeting');
  await page.getByLabel('Issues identified', { exact: true }).fill('Noise after 11pm\nWords on the stairs');
  await page.getByLabel('Options discussed', { exact: true }).fill('Rugs on the floor; quiet hours; a note instead of knocking.');
  await page.getByLabel('Outcome', { exact: true }).fill('They agreed to talk again in a month; no written agreement wanted.');
  await page.getByRole('group', { name: 'Next step' }).getByRole('radio', { name: 'No next step yet' }).check();
  await page.getByRole('button', { name: 'Save the record' }).click();
  await flash('Meeting recorded.');
  const issues = page.getByRole('definition').filter({ hasText: 'Noise after 11pm' });
  expect(await issues.innerText()).toBe('Noise after 11pm\nWords on the stairs');
  await check('joint meeting recorded');

  await caseSection(/^Overview/).click();
  await check('overview, after the meeting');
  await page.getByRole('group', { name: 'What was the outcome?' }).getByRole('radio', { name: 'No agreement' }).check();
  await refusedMove(
    'Outcome',
    [/Say what became of each issue on the meeting records: Noise after 11pm, Words on the stairs have no outcome/],
    'move to Outcome refused: issues without outcomes',
  );
  await page.getByRole('group', { name: 'What was the outcome?' }).getByRole('radio', { name: 'No agreement' }).check();
  for (const issue of ['Noise after 11pm', 'Words on the stairs'])
    await page
      .getByRole('group', { name: `Issue: ${issue}` })
      .getByRole('radio', { name: 'Not agreed' })
      .check();
  await moveTo('Outcome');
  await flash('The case has moved.');
  await check('moved to Outcome');

  await menu('Cases').click();
  await pw(page.getByRole('row', { name: new RegExp(`^${j.caseReference}`) })).toContainText('Outcome');
  await check('the case list');
}
