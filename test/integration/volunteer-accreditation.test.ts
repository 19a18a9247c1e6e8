// Accreditations: adding, expiring and revoking them, the supervised-cases gate on accrediting a trainee, and the
// restorative conferencing practice checks on the training page and the coordinator's home.
import { describe, expect, it } from 'vitest';
import { inOrg } from '#src/db/tenant.ts';
import { findVolunteer } from '#src/features/volunteers/records/volunteers.repo.ts';
import { errorSummary, pageText as text } from '../support/page-text.ts';
import { useTrainingService } from '../support/volunteer-training.ts';

const s = useTrainingService();

describe('accreditations', () => {
  it('adds, shows expired ones as expired, and revokes with a reason', async () => {
    const pat = await s.addVolunteer('Pat Accredited', 'accredited');
    const page = `/volunteers/${pat}/training`;
    await s.coordinator.get(page);
    const bad = await s.coordinator.post(`/volunteers/${pat}/accreditations`, {
      'accreditation-area': 'parent_teen',
      'accreditation-accreditedOn-day': '1',
      'accreditation-accreditedOn-month': '2',
      'accreditation-accreditedOn-year': '2026',
      'accreditation-expiresOn-day': '1',
      'accreditation-expiresOn-month': '1',
      'accreditation-expiresOn-year': '2026',
    });
    expect(bad.statusCode).toBe(422);
    expect(errorSummary(bad.body)).toContain('The expiry date must be after the date accredited');
    expect(bad.body).toMatch(/<option value="parent_teen" selected/);
    const form = (area: string, year: string, expiresYear = '') => ({
      'accreditation-area': area,
      'accreditation-accreditedOn-day': '1',
      'accreditation-accreditedOn-month': '2',
      'accreditation-accreditedOn-year': year,
      'accreditation-expiresOn-day': expiresYear ? '1' : '',
      'accreditation-expiresOn-month': expiresYear ? '2' : '',
      'accreditation-expiresOn-year': expiresYear,
    });
    expect((await s.coordinator.post(`/volunteers/${pat}/accreditations`, form('parent_teen', '2026', '2028'))).statusCode).toBe(303);
    expect((await s.coordinator.post(`/volunteers/${pat}/accreditations`, form('send', '2023', '2025'))).statusCode).toBe(303);
    await s.coordinator.get(page);
    const dup = await s.coordinator.post(`/volunteers/${pat}/accreditations`, form('parent_teen', '2026'));
    expect(errorSummary(dup.body)).toContain('Pat Accredited is already accredited in parent and teenager mediation');

    const list = (await s.api('GET', `/api/v1/volunteers/${pat}/accreditations`)).json().accreditations;
    const send = list.find((a: { area: string }) => a.area === 'send');
    const teen = list.find((a: { area: string }) => a.area === 'parent_teen');
    expect(send.state).toBe('expired');
    expect(teen.state).toBe('current');

    await s.coordinator.get(page);
    const noReason = await s.coordinator.post(`/volunteers/${pat}/accreditations/${teen.id}/revoke`, { [`revoke-${teen.id}-reason`]: ' ' });
    expect(noReason.statusCode).toBe(422);
    expect(errorSummary(noReason.body)).toContain('Give the reason for revoking');
    expect(noReason.body).toContain(`href="#revoke-${teen.id}-reason"`);
    await s.coordinator.post(`/volunteers/${pat}/accreditations/${teen.id}/revoke`, { [`revoke-${teen.id}-reason`]: 'Stopped parent and teen work' });
    const shown = text((await s.coordinator.get(page)).body);
    expect(shown).toContain('Revoked Stopped parent and teen work');
    expect(shown).toContain('SEND mediation 1 February 2023 1 February 2025 Expired');
    const again = await s.api('POST', `/api/v1/volunteers/${pat}/accreditations/${teen.id}/revoke`, { reason: 'again' });
    expect(again.statusCode).toBe(409);
  });

  it('does not let a trainee be accredited in community mediation except through “Accredit”', async () => {
    const res = await s.api('POST', `/api/v1/volunteers/${s.veraId}/accreditations`, { area: 'community', accreditedOn: '2026-06-01' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('Vera Testvolunteer is not accredited yet');
  });
});

describe('accrediting a trainee after supervised cases', () => {
  it('refuses before the count with the reason, and only their supervisor, coordinators and admins may accredit', async () => {
    await s.supervisedCase(s.veraId, true);
    await s.supervisedCase(s.veraId, true);
    await s.supervisedCase(s.veraId, false); // not signed off yet
    await s.supervisedCase(s.veraId, true, false); // not a supervised case

    const page = await s.supervisor.get(`/volunteers/${s.veraId}/training`);
    expect(text(page.body)).toContain('2 of 3 supervised cases signed off; supervisor: Sam Supervisor');
    expect(text(page.body)).toContain('Not ready to accredit: 2 of 3 supervised cases signed off');
    expect(page.body).not.toContain(`action="/volunteers/${s.veraId}/accredit"`);

    const refused = await s.supervisor.post(`/volunteers/${s.veraId}/accredit`, {});
    expect(refused.statusCode).toBe(409);
    expect(errorSummary(refused.body)).toContain('2 of 3 supervised cases signed off');
    const byApi = await s.api('POST', `/api/v1/volunteers/${s.veraId}/accredit`, {});
    expect(byApi.statusCode).toBe(409);
    expect(byApi.json().error).toMatchObject({ reason: 'NOT_READY_TO_ACCREDIT', message: '2 of 3 supervised cases signed off' });
    await s.otherSupervisor.get(`/volunteers/${s.veraId}/training`);
    expect((await s.otherSupervisor.post(`/volunteers/${s.veraId}/accredit`, {})).statusCode).toBe(403);
  });

  it('accredits at the count: status accredited with history, the community accreditation, audited', async () => {
    await s.supervisedCase(s.veraId, true);
    const page = await s.supervisor.get(`/volunteers/${s.veraId}/training`);
    expect(text(page.body)).toContain('3 of 3 supervised cases signed off');
    expect(page.body).toContain(`action="/volunteers/${s.veraId}/accredit"`);
    const res = await s.supervisor.post(`/volunteers/${s.veraId}/accredit`, { 'accredit-note': 'Three good cases' });
    expect(res.headers.location).toBe(`/volunteers/${s.veraId}/training?done=accredited`);
    const v = await inOrg(s.h.deps.db, s.orgId, (tx) => findVolunteer(tx, s.orgId, s.veraId));
    expect(v?.status).toBe('accredited');
    expect(v?.statusHistory.at(-1)).toMatchObject({ status: 'accredited', on: '2026-06-15', by: 'Sam Supervisor', note: 'Three good cases' });
    const list = (await s.api('GET', `/api/v1/volunteers/${s.veraId}/accreditations`)).json().accreditations;
    expect(list).toEqual([expect.objectContaining({ area: 'community', accreditedOn: '2026-06-15', state: 'current' })]);
    expect(await s.auditActions()).toContain('volunteer.accredited');
    const twice = await s.api('POST', `/api/v1/volunteers/${s.veraId}/accredit`, {});
    expect(twice.json().error.message).toBe('Vera Testvolunteer is already accredited');
  });
});

describe('restorative conferencing practice checks', () => {
  it('flags overdue supervision and observed practice on the page and the coordinator’s home', async () => {
    const rio = await s.addVolunteer('Rio Practitioner', 'accredited');
    await s.api('POST', `/api/v1/volunteers/${rio}/accreditations`, { area: 'restorative_conferencing', accreditedOn: '2024-01-10' });
    await s.api('POST', `/api/v1/volunteers/${rio}/training`, { kind: 'supervision', on: '2026-01-05' });
    await s.api('POST', `/api/v1/volunteers/${rio}/training`, { kind: 'observed_practice', on: '2025-09-01' });
    await s.api('POST', `/api/v1/volunteers/${rio}/training`, { kind: 'cpd', title: 'RJ refresher', hours: 6, on: '2025-04-01' });
    const shown = text((await s.coordinator.get(`/volunteers/${rio}/training`)).body);
    expect(shown).toContain('Case supervision: Case supervision overdue since 30 March (last 5 January) Overdue');
    expect(shown).toContain('Observed practice: 1 of 1 observed session in the last 12 months; the next is due by 1 September');
    const home = text((await s.coordinator.get('/home')).body);
    expect(home).toContain('Practice checks overdue');
    expect(home).toContain('Rio Practitioner Overdue – Case supervision overdue since 30 March (last 5 January)');
    const training = (await s.api('GET', `/api/v1/volunteers/${rio}/training`)).json();
    expect(training.practiceChecks.map((c: { id: string; overdue: boolean }) => [c.id, c.overdue])).toEqual([
      ['supervision', true],
      ['observed_practice', false],
      ['cpd', false],
    ]);
  });
});
