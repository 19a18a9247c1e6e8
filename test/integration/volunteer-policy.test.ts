// The volunteer policy page: admins change every rule (messages in words, typed answers kept, the API reads the
// result); coordinators read it without a form.
import { describe, expect, it } from 'vitest';
import { systemActor } from '#src/access/actor.ts';
import { errorSummary, pageText as text } from '../support/page-text.ts';
import { useTrainingService } from '../support/volunteer-training.ts';

const s = useTrainingService();

describe('the volunteer policy page', () => {
  it('lets admins change every rule, with messages in words and typed answers kept', async () => {
    const form = {
      foundationCourseHours: '0',
      supervisedCasesRequired: '3',
      dbsRecheckYears: '3',
      dbsRequiredFor: 'community',
      dbsAlertDays: '60, soon',
      rjSupervisionWeeks: '12',
      rjObservedPerYear: '1',
      cpdHoursPerYear: '6',
      availabilityWeeks: '4',
      preferMixedGender: 'no',
      mileagePence: '45',
    };
    await s.admin.get('/volunteers/policy');
    const bad = await s.admin.post('/volunteers/policy', form);
    expect(bad.statusCode).toBe(422);
    expect(errorSummary(bad.body)).toContain('Foundation course hours must be a whole number from 1 to 500');
    expect(errorSummary(bad.body)).toContain('Enter up to 5 whole numbers of days from 1 to 365, separated by commas, like 60, 30, 7');
    expect(bad.body).toContain('value="60, soon"');
    expect(bad.body).toContain('value="0"');
    const ok = await s.admin.post('/volunteers/policy', { ...form, foundationCourseHours: '36', dbsAlertDays: '7, 90 30', preferMixedGender: 'yes' });
    expect(ok.headers.location).toBe('/volunteers/policy?done=saved');
    const policy = (
      await s.h.app.inject({
        method: 'GET',
        url: '/api/v1/settings',
        headers: { authorization: `Bearer ${(await s.h.deps.apiKeys.createForOrg(s.orgId, { name: 'Admin key', role: 'admin' }, systemActor('test'))).key}` },
      })
    ).json().volunteers;
    expect(policy).toMatchObject({ foundationCourseHours: 36, dbsAlertDays: [90, 30, 7], dbsRequiredFor: ['community'], preferMixedGender: true });
    const back = (await s.admin.get('/volunteers/policy')).body;
    expect(back).toContain('value="90, 30, 7"');
  });

  it('shows coordinators the policy without a form, and refuses their changes', async () => {
    const page = await s.coordinator.get('/volunteers/policy');
    expect(page.statusCode).toBe(200);
    expect(text(page.body)).toContain('Foundation course hours 36 hours');
    expect(page.body).not.toContain('Save volunteer policy');
    expect((await s.coordinator.post('/volunteers/policy', { foundationCourseHours: '40' })).statusCode).toBe(403);
    expect((await s.vera.get('/volunteers/policy')).statusCode).toBe(403);
  });
});
