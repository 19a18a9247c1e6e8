// Sending something to every write route of the app: each public form and API route, and (signed in as an admin,
// or with an admin's API key) every staff form and API route. The routes come from the app itself, so a route
// added later is walked too. Used by the fuzz test and the log-marker test.
import { randomUUID } from 'node:crypto';
import type { ParleyApp } from '#src/app.ts';
import { systemActor } from '#src/access/actor.ts';
import { accessFor } from '#src/http/access.ts';
import { publicService } from '../integration/public-support.ts';
import { apiWriteRoutes, type WriteRoute } from './api-bodies.ts';
import { makeMember, signIn } from './factories.ts';
import type { Harness } from './harness.ts';
import { WebClient } from './web-client.ts';

/** Routes that end or change the walker's own session, or its second factor: not walked. */
export const SESSION_ENDERS = new Set([
  'POST /sign-out',
  'POST /account/sign-out-everywhere',
  'POST /services/switch',
  'POST /account/two-factor',
  'POST /sign-in/code',
  'POST /sign-in',
]);

export type Walk = {
  h: Harness;
  slug: string;
  web: WebClient;
  walker: { email: string; totpSecret?: string };
  /** One visitor for every public form, so the self-referral journey's draft carries from step to step. */
  visitor: WebClient;
  apiKey: string;
  params: Record<string, string>;
  apiRoutes: WriteRoute[];
  pageRoutes: { method: string; url: string }[];
};

/** A service with public pages, a case, a party and a volunteer to aim at, its admin signed in and an admin key. */
export async function startWalk(h: Harness, slug = 'fzz'): Promise<Walk> {
  const s = await publicService(h, slug);
  const anonymous = { type: 'anonymous' as const };
  await h.deps.referrals.createFromPublic(
    s.orgId,
    { caseType: 'community', description: 'A fictional dispute about a fence', consentToContact: true, parties: [{ name: 'Finn Fictional', role: 'party' }] },
    anonymous,
  );
  const referral = (await h.deps.referrals.list(s.admin, { status: 'new' })).rows[0]!;
  const { caseId } = await h.deps.referrals.accept(s.admin, referral.id);
  const partyId = (await h.deps.cases.get(s.admin, caseId)).parties[0]!.id;
  const { id: volunteerId } = await h.deps.volunteers.create(s.admin, { name: 'Vera Fictional', email: 'vera@fzz.example' });
  const key = await h.deps.apiKeys.createForOrg(s.orgId, { name: 'Fuzz key', role: 'admin' }, systemActor('test'));
  // A draft agreement with one term, so the agreement routes reach their services.
  const agreement = await h.deps.agreements.drafting.create(s.admin, caseId, { from: 'scratch' });
  const term = await h.deps.agreements.drafting.addTerm(s.admin, caseId, agreement.id, {
    who: ['service'],
    what: 'A fictional term',
    dueKind: 'ongoing',
    checkHow: 'A call',
  });
  // An admin with a second factor (the service's own admin has none, and staff pages would send it to set one up).
  const walker = await makeMember(h.deps, s.orgId, 'admin', `walker@${slug}.example`);
  const web = await signIn(h, walker);
  const routes = h.app.routeList.filter((r) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method) && !SESSION_ENDERS.has(`${r.method} ${r.url}`));
  return {
    h,
    slug,
    web,
    walker,
    visitor: new WebClient(h.app),
    apiKey: key.key,
    params: {
      service: slug,
      caseId,
      partyId,
      volunteerId,
      userId: walker.userId,
      person: '0',
      caseType: 'community',
      agreementId: agreement.id,
      versionId: agreement.versionId,
      termId: term.id,
    },
    apiRoutes: (await apiWriteRoutes(h.app)).filter((r) => !SESSION_ENDERS.has(`${r.method} ${r.url}`)),
    pageRoutes: routes.filter((r) => !r.url.startsWith('/api/')),
  };
}

/** A route's address with its parameters: real ids where the walk has them, a fresh id otherwise. */
export function fillUrl(walk: Walk, url: string): string {
  return url.replace(/:(\w+)/g, (_m, name: string) => {
    if (name === 'id') return url.includes('/referrals/') ? randomUUID() : walk.params.caseId!;
    return walk.params[name] ?? randomUUID();
  });
}

let address = 0;
/** A different client address each time, so the per-address rate limits of the public routes do not stop the walk. */
export const nextAddress = () => {
  address += 1;
  return `10.${(address >> 16) & 255}.${(address >> 8) & 255}.${address & 255}`;
};

export const isPublic = (route: { method: string; url: string }) => accessFor(route.method, route.url) === 'public';

/** An id for a body's id field, by its name: the walk's party, volunteer or admin where it has one. */
export function idFor(walk: Walk, path: string): string {
  const last =
    path
      .split('.')
      .filter((p) => !/^\d+$/.test(p))
      .pop() ?? '';
  if (/party|participant/i.test(last)) return walk.params.partyId!;
  if (/volunteer|mediator/i.test(last)) return walk.params.volunteerId!;
  if (/user|supervisor|coordinator|assignee/i.test(last)) return walk.params.userId!;
  return walk.params.caseId!;
}

/** Sends JSON to an API route: with the admin's key, or as a stranger for the public ones. */
export function sendApi(walk: Walk, route: { method: string; url: string }, body: unknown, raw?: string) {
  return walk.h.app.inject({
    method: route.method as 'POST',
    url: fillUrl(walk, route.url),
    payload: raw ?? JSON.stringify(body ?? {}),
    remoteAddress: nextAddress(),
    headers: { 'content-type': 'application/json', ...(isPublic(route) ? {} : { authorization: `Bearer ${walk.apiKey}` }) },
  });
}

/** The form fields of the page a form route posts from (the GET of the same address), with hidden ones' values. */
export async function formOf(walk: Walk, route: { url: string }, client: WebClient): Promise<{ fields: string[]; hidden: Record<string, string> }> {
  const page = await client.get(fillUrl(walk, route.url));
  const fields = new Set<string>();
  const hidden: Record<string, string> = {};
  for (const m of page.body.matchAll(/<(?:input|textarea|select)\b[^>]*>/g)) {
    const name = /\bname="([^"]+)"/.exec(m[0])?.[1];
    if (!name || name === '_csrf') continue;
    if (/type="(?:hidden)"/.test(m[0])) hidden[name] = /\bvalue="([^"]*)"/.exec(m[0])?.[1] ?? '';
    else if (!/type="(?:submit|file)"/.test(m[0])) fields.add(name);
  }
  return { fields: [...fields], hidden };
}

/** Posts a form as a browser would (with the form token of the last page the client saw). */
export async function postForm(walk: Walk, client: WebClient, route: { url: string }, form: Record<string, string>) {
  const body = new URLSearchParams({ _csrf: client.csrf ?? '', ...form }).toString();
  const res = await walk.h.app.inject({
    method: 'POST',
    url: fillUrl(walk, route.url),
    payload: body,
    remoteAddress: nextAddress(),
    headers: { cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'content-type': 'application/x-www-form-urlencoded' },
  });
  for (const c of res.cookies as { name: string; value: string }[]) if (c.value) client.cookies.set(c.name, c.value);
  return res;
}

/** The admin's client, signed in again if a route signed it out. */
export async function staffClient(walk: Walk): Promise<WebClient> {
  const check = await walk.web.get('/account');
  if (check.statusCode !== 200) walk.web = await signIn(walk.h, walk.walker);
  return walk.web;
}

export type { ParleyApp };
