// The first-service journey's volunteers, added from the checklist: one accredited elsewhere in community mediation
// who may lead, and a trainee who has done the foundation course, each with availability and a DBS check.
import { expect as pw } from '@playwright/test';
import { fillDate } from '../service-setup.ts';
import { ADMIN, LEAD, CO, type FirstService } from './journey.ts';

/** Adds a volunteer on the form and ticks weekday mornings and afternoons. */
async function addVolunteer(j: FirstService, name: string) {
  const { page, recordSection, flash, check } = j;
  await page.getByLabel('Full name', { exact: true }).fill(name);
  await page.getByLabel('Languages they can mediate in (optional)', { exact: true }).fill('English');
  await page.getByRole('button', { name: 'Add volunteer' }).click();
  await flash('Volunteer added.');
  await check(`${name}: added`);
  await recordSection('Availability').click();
  await check(`${name}: availability`);
  for (const day of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'])
    for (const part of [/^Morning/, /^Afternoon/]) await page.getByRole('group', { name: day }).getByRole('checkbox', { name: part }).check();
  await page.getByRole('button', { name: 'Save weekly availability' }).click();
  await flash('Weekly availability saved.');
  await check(`${name}: availability saved`);
}

async function changeStatus(j: FirstService, name: string, to: string, opts: { supervisor?: string; note?: string } = {}) {
  const { page, h1, recordSection, flash, check } = j;
  // After a change the page is the status page again (already checked): the next change is made there.
  if (!new URL(page.url()).pathname.endsWith('/status')) {
    await recordSection('Details').click();
    await check(`${name}: details`);
    await page.getByRole('link', { name: 'Change status or supervisor' }).click();
    await check(`${name}: status`);
  }
  await page.getByRole('group', { name: 'New status' }).getByRole('radio', { name: to, exact: true }).check();
  if (opts.supervisor) await page.getByLabel('Supervisor', { exact: true }).selectOption({ label: `${opts.supervisor} (admin)` });
  if (opts.note) await page.getByLabel('Note', { exact: true }).fill(opts.note);
  await page.getByRole('button', { name: 'Change status', exact: true }).click();
  await flash('Status changed.');
  await pw(h1()).toContainText(`${name} ${to}`);
  await check(`${name}: now ${to}`);
}

async function recordCourse(j: FirstService, name: string) {
  const { page, recordSection, flash, check } = j;
  await recordSection('Training').click();
  await check(`${name}: training`);
  await page.getByLabel('Course', { exact: true }).selectOption({ label: 'Foundation course in community mediation (40 hours)' });
  await fillDate(page.getByRole('group', { name: 'Date completed' }), '2026-01-30');
  await page.getByRole('button', { name: 'Record course' }).click();
  await flash('Course recorded.');
  await check(`${name}: course recorded`);
}

/** An enhanced check for both workforces: the service's policy asks for one before anyone mediates. */
async function recordDbs(j: FirstService, name: string, certificate: string) {
  const { page, recordSection, flash, check } = j;
  await recordSection('DBS').click();
  await check(`${name}: DBS`);
  await page.getByRole('group', { name: 'Level' }).getByRole('radio', { name: 'Enhanced', exact: true }).check();
  await page.getByRole('group', { name: 'Workforce' }).getByRole('radio', { name: 'Child and adult workforce' }).check();
  await page.getByLabel('Certificate number', { exact: true }).fill(certificate);
  await fillDate(page.getByRole('group', { name: 'Issue date' }), '2026-02-02');
  await page.getByRole('group', { name: 'Do they subscribe to the DBS Update Service?' }).getByRole('radio', { name: 'No' }).check();
  await page.getByRole('button', { name: 'Record DBS check' }).click();
  await flash('DBS check recorded.');
  await check(`${name}: DBS recorded`);
}

/** The two volunteers through their records' forms and status changes, as a new service would add them. */
export async function addTwoTrainedVolunteers(j: FirstService) {
  const { page, title, menu, recordSection, flash, check, checklistItem, home } = j;
  await home('home: venue done');
  await checklistItem('Add your volunteers').click();
  await pw(title('Add a volunteer')).toBeVisible();
  await check('add a volunteer');
  await addVolunteer(j, LEAD);
  await recordDbs(j, LEAD, '001234567890');
  await changeStatus(j, LEAD, 'In training');
  await changeStatus(j, LEAD, 'Trainee', { supervisor: ADMIN.name });
  await changeStatus(j, LEAD, 'Accredited', { note: 'Accredited by the Kent Mediation Network (fictional) before joining us.' });
  await recordSection('Training').click();
  await check(`${LEAD}: training`);
  await page.getByLabel('Area', { exact: true }).selectOption({ label: 'Community mediation' });
  await fillDate(page.getByRole('group', { name: 'Date accredited' }), '2026-02-16');
  await page.getByRole('button', { name: 'Add accreditation' }).click();
  await flash('Accreditation added.');
  await pw(page.getByRole('row', { name: /^Community mediation/ })).toContainText('Current');
  await check(`${LEAD}: accredited`);

  await menu('Volunteers').click();
  await check('volunteers');
  await page.getByRole('button', { name: 'Add a volunteer' }).click();
  await check('add another volunteer');
  await addVolunteer(j, CO);
  await recordCourse(j, CO);
  await recordDbs(j, CO, '009876543210');
  await changeStatus(j, CO, 'In training');
  await changeStatus(j, CO, 'Trainee', { supervisor: ADMIN.name });
}
