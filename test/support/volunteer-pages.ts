// Shared set-up for the volunteer record page tests: a service with a coordinator, a supervisor and two mediators
// (one to be linked to a record), another service's admin, and helpers to read pages and add a volunteer by the form.
import { expect } from 'vitest';
import { makeMember, makeOrg, signIn } from './factories.ts';
import { errorSummary, pageText as text } from './page-text.ts';
import { type Harness, startHarness } from './harness.ts';
import type { WebClient } from './web-client.ts';

export { errorSummary, text };
export const idFrom = (location: string | undefined) => /\/volunteers\/([0-9a-f-]{36})/.exec(location ?? '')?.[1] ?? '';

export const vera = {
  name: 'Vera Testvolunteer',
  email: 'Vera.Testvolunteer@example.org',
  phone: '01632 960 001',
  address: '4 Mill Lane\nRiverside',
  postcode: 'ct1 2ab',
  languages: 'English, Polish\nBritish Sign Language',
  gender: 'Woman',
  travelMiles: '12',
  maxActiveCases: '2',
  employer: 'Riverside Library',
  worksForLocalAuthority: 'no',
  employedByLocalAuthority: '',
  notes: 'Prefers evenings.',
};

export async function addVolunteer(web: WebClient, fields: Partial<typeof vera> = {}) {
  const res = await web.submit('/volunteers/new', { ...vera, ...fields });
  expect(res.statusCode, errorSummary(res.body)).toBe(303);
  return idFrom(res.headers.location);
}

export const dateFields = (prefix: string, iso: string) => {
  const [y, m, d] = iso.split('-');
  return { [`${prefix}-day`]: String(Number(d)), [`${prefix}-month`]: String(Number(m)), [`${prefix}-year`]: y! };
};

export async function setUpVolunteerPages() {
  const h: Harness = await startHarness();
  h.clock.current = new Date('2026-03-27T10:00:00Z');
  const { orgId } = await makeOrg(h.deps, 'cdm', 'Coastal District Mediation (fictional)');
  const cora = await makeMember(h.deps, orgId, 'coordinator', 'cora.coordinator@cdm.example', { name: 'Cora Coordinator' });
  const sue = await makeMember(h.deps, orgId, 'supervisor', 'sue.supervisor@cdm.example', { name: 'Sue Supervisor' });
  const mia = await makeMember(h.deps, orgId, 'mediator', 'mia.mediator@cdm.example', { name: 'Mia Mediator' });
  const coordinator = await signIn(h, cora);
  const supervisorWeb = await signIn(h, sue);
  const miaWeb = await signIn(h, mia);
  const maxWeb = await signIn(h, await makeMember(h.deps, orgId, 'mediator', 'max.mediator@cdm.example', { name: 'Max Mediator' }));
  const other = await makeOrg(h.deps, 'odm', 'Other District Mediation (fictional)');
  const otherAdmin = await signIn(h, await makeMember(h.deps, other.orgId, 'admin', 'olu.admin@odm.example'));
  return { h, orgId, cora, sue, mia, coordinator, supervisorWeb, miaWeb, maxWeb, otherAdmin, today: () => h.clock.now().toISOString().slice(0, 10) };
}
