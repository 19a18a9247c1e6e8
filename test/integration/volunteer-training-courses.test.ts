// Training courses: the foundation course made on first use, adding and retiring a course with problems in words,
// and the API twin. Supervisors read the list; coordinators change it.
import { describe, expect, it } from 'vitest';
import { errorSummary, pageText as text } from '../support/page-text.ts';
import { useTrainingService } from '../support/volunteer-training.ts';

const s = useTrainingService();

describe('training courses', () => {
  it('creates the foundation course on first use and says so', async () => {
    const first = await s.supervisor.get('/volunteers/courses');
    expect(first.statusCode).toBe(200);
    expect(text(first.body)).toContain('This service had no courses, so the “Foundation course in community mediation” has been added');
    expect(text(first.body)).toMatch(/Foundation course in community mediation Foundation 40 /);
    expect(first.body).not.toContain('Add a course'); // supervisors read, coordinators change
    const again = await s.coordinator.get('/volunteers/courses');
    expect(text(again.body)).not.toContain('This service had no courses');
    expect(again.body).toContain('Add a course');
  });

  it('refuses bad input in words and keeps what was typed', async () => {
    await s.coordinator.get('/volunteers/courses');
    const res = await s.coordinator.post('/volunteers/courses', { 'newCourse-name': 'Parent and teenager mediation', 'newCourse-hours': 'twelve' });
    expect(res.statusCode).toBe(422);
    expect(errorSummary(res.body)).toContain('Enter the course hours as a number, like 1.5');
    expect(errorSummary(res.body)).toContain('Say whether this is the foundation course');
    expect(res.body).toContain('value="Parent and teenager mediation"');
    expect(res.body).toContain('value="twelve"');
  });

  it('adds a course, refuses a duplicate name, and retires', async () => {
    const ok = await s.coordinator.post('/volunteers/courses', {
      'newCourse-name': 'Restorative conferencing',
      'newCourse-hours': '21',
      'newCourse-foundation': 'no',
      'newCourse-area': 'restorative_conferencing',
    });
    expect(ok.statusCode).toBe(303);
    await s.coordinator.get('/volunteers/courses');
    const dup = await s.coordinator.post('/volunteers/courses', {
      'newCourse-name': 'restorative conferencing',
      'newCourse-hours': '3',
      'newCourse-foundation': 'no',
    });
    expect(dup.statusCode).toBe(409);
    expect(errorSummary(dup.body)).toContain('There is already a course called “restorative conferencing”');
    const { courses } = (await s.api('GET', '/api/v1/training-courses')).json();
    const rj = courses.find((c: { name: string }) => c.name === 'Restorative conferencing');
    expect(rj).toMatchObject({ hours: 21, foundation: false, area: 'restorative_conferencing', retiredAt: null });
    expect((await s.supervisor.post(`/volunteers/courses/${rj.id}/retire`)).statusCode).toBe(403);
    expect((await s.coordinator.post(`/volunteers/courses/${rj.id}/retire`)).statusCode).toBe(303);
    expect(text((await s.coordinator.get('/volunteers/courses')).body)).toContain('Retired');
  });

  it('has an API twin with zod validation', async () => {
    const bad = await s.api('POST', '/api/v1/training-courses', { name: '', hours: -1 });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.fields).toMatchObject({ name: 'Enter the course name', hours: 'Course hours must be more than 0', foundation: expect.any(String) });
    const made = await s.api('POST', '/api/v1/training-courses', { name: 'SEND mediation', hours: 7.5, foundation: false, area: 'send' });
    expect(made.statusCode).toBe(200);
    const retired = await s.api('POST', `/api/v1/training-courses/${made.json().id}/retire`);
    expect(retired.json()).toEqual({ ok: true });
    expect((await s.api('POST', `/api/v1/training-courses/${made.json().id}/retire`)).statusCode).toBe(409);
  });
});
