// The first-service journey's first steps, as the admin of a fresh install: setting up the service and two-factor
// sign-in, then the getting-started checklist by its own links (all but the volunteers: volunteers.ts).
import { expect as pw } from '@playwright/test';
import { currentTotp } from '#src/lib/totp.ts';
import { SERVICE, ADMIN, VENUE, ROOM, type FirstService } from './journey.ts';

/** From the set-up link a fresh install prints: the service, its admin and her two-factor sign-in; the checklist on Home. */
export async function setUpTheService(j: FirstService) {
  const { page, title, check } = j;
  const token = await j.h.deps.orgs.issueSetupToken();
  if (!token) throw new Error('The fresh database already has a service, so there is no set-up link');
  await page.goto(`${j.origin}/setup?token=${encodeURIComponent(token)}`);
  await pw(title('Set up Parley')).toBeVisible();
  await check('set up');
  await page.getByLabel('Name of the service', { exact: true }).fill(SERVICE);
  await page.getByLabel('Short name', { exact: true }).fill('harbourside');
  await page.getByLabel('Full name', { exact: true }).fill(ADMIN.name);
  await page.getByLabel('Email address', { exact: true }).fill(ADMIN.email);
  await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
  await page.getByRole('button', { name: 'Create service' }).click();

  await pw(title('Set up two-factor sign-in')).toBeVisible();
  await check('two-factor set-up');
  j.secret = ((await page.locator('#totp-key').textContent()) ?? '').replace(/\s+/g, '');
  await page.getByLabel('6-digit code', { exact: true }).fill(currentTotp(j.secret, j.h.clock.now().getTime()));
  await page.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
  await pw(title('Your backup codes')).toBeVisible();
  await check('backup codes');
  await page.getByRole('button', { name: 'Continue' }).click();
  await pw(title('Home')).toBeVisible();
  await pw(page.getByText('You have done 0 of 8 things.')).toBeVisible();
  await check('admin home: the checklist');
}

/** The checklist's settings (the reference prefix) and the case types offered. */
export async function checkSettingsAndCaseTypes(j: FirstService) {
  const { page, title, flash, check, checklistItem, home } = j;
  await checklistItem('Check your service’s settings').click();
  await pw(title('Settings')).toBeVisible();
  await check('settings');
  await page.getByRole('link', { name: 'Change the reference prefix' }).click();
  await check('settings: references');
  await page.getByLabel('Reference prefix', { exact: true }).fill('HBR');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await flash('Reference prefix saved.');
  await check('settings: prefix saved');

  await home('home: settings done');
  await checklistItem('Choose the case types you offer').click();
  await pw(title('Case types')).toBeVisible();
  await check('case types');
  const offered = page.getByRole('group', { name: 'Case types offered' });
  await offered.getByRole('checkbox', { name: 'Community mediation' }).check();
  await page.getByRole('button', { name: 'Save case types offered' }).click();
  await check('case types: saved');
}

/** The checklist's areas covered and a safeguarding lead invited. */
export async function coverAreasAndInviteSafeguardingLead(j: FirstService) {
  const { page, title, flash, check, checklistItem, home } = j;
  await home('home: case types done');
  await checklistItem('Say which areas you cover').click();
  await pw(title('Areas covered')).toBeVisible();
  await check('areas');
  await page.getByLabel('Postcode areas, districts or sectors', { exact: true }).fill('CT\nME14');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await flash('Areas covered saved.');
  await check('areas saved');

  await home('home: areas done');
  await checklistItem('Invite a safeguarding lead').click();
  await pw(title('Invite someone')).toBeVisible();
  await check('invite a safeguarding lead');
  await page.getByLabel('Full name', { exact: true }).fill('Sol Safeguarding');
  await page.getByLabel('Email address', { exact: true }).fill('sol.safeguarding@harbourside.example');
  await page.getByRole('group', { name: 'Role' }).getByRole('radio', { name: 'safeguarding lead', exact: true }).check();
  await page.getByRole('button', { name: 'Create invitation' }).click();
  await pw(title('Invitation created')).toBeVisible();
  await check('safeguarding lead invited');
}

/** The checklist's venue, open on weekdays, with a room. */
export async function addVenueWithRoom(j: FirstService) {
  const { page, title, flash, check, checklistItem, home } = j;
  await home('home: safeguarding lead done');
  await checklistItem('Add a venue').click();
  await pw(title('Add a venue')).toBeVisible();
  await check('add a venue');
  await page.getByLabel('Name', { exact: true }).fill(VENUE);
  await page.getByLabel('Address', { exact: true }).fill('7 Harbour Street\nHarbourside');
  await page.getByLabel('Postcode', { exact: true }).fill('CT1 2AB');
  for (const day of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday']) {
    const hours = page.getByRole('group', { name: day, exact: true });
    await hours.getByLabel('Opens', { exact: true }).fill('09:00');
    await hours.getByLabel('Closes', { exact: true }).fill('17:00');
  }
  await page.getByRole('button', { name: 'Add venue' }).click();
  await flash('Venue added.');
  await check('venue added');
  await page
    .getByRole('region', { name: VENUE })
    .getByRole('link', { name: `Add a room at ${VENUE}` })
    .click();
  await pw(title('Add a room')).toBeVisible();
  await check('add a room');
  await page.getByLabel('Name of the room', { exact: true }).fill(ROOM);
  await page.getByLabel('How many people it holds', { exact: true }).fill('6');
  await page.getByRole('group', { name: 'Is there a separate waiting room?' }).getByRole('radio', { name: 'No' }).check();
  await page.getByRole('button', { name: 'Add room' }).click();
  await flash('Room added.');
  await check('room added');
}

/** The checklist's last items: a colleague invited and the texts for the public; the checklist then leaves Home. */
export async function inviteColleagueAndWritePublicPage(j: FirstService) {
  const { page, title, flash, check, checklistItem, home } = j;
  await home('home: volunteers done');
  await checklistItem('Invite your colleagues').click();
  await pw(title('Invite someone')).toBeVisible();
  await check('invite a colleague');
  await page.getByLabel('Full name', { exact: true }).fill('Cleo Coordinator');
  await page.getByLabel('Email address', { exact: true }).fill('cleo.coordinator@harbourside.example');
  await page.getByRole('group', { name: 'Role' }).getByRole('radio', { name: 'case coordinator', exact: true }).check();
  await page.getByRole('button', { name: 'Create invitation' }).click();
  await pw(title('Invitation created')).toBeVisible();
  await check('colleague invited');

  await home('home: colleagues done');
  await checklistItem('Write your public page').click();
  await pw(title('Texts for the public')).toBeVisible();
  await check('texts for the public');
  await page.getByLabel('Welcome text', { exact: true }).fill('We help neighbours and families sort out disagreements (fictional service).');
  await page.getByLabel('Privacy notice', { exact: true }).fill('We keep what you tell us for six years after your case closes (fictional).');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await flash('Texts for the public saved.');
  await check('texts saved');

  await home('home: the checklist done');
  await pw(page.getByRole('region', { name: 'Get your service ready' })).toHaveCount(0);
}
