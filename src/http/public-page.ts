// What a service's public pages share with the pages reached by a personal link (check-ins, surveys, signing):
// the service's page chrome, the public form rate limit, the anonymous actor, and a form shown again with its problems.
import type { FastifyRequest } from 'fastify';
import type { FieldErrors } from '#src/lib/app-error.ts';
import { errorList } from './views.ts';

/** Every POST of a public form: 10 a minute from one address. */
export const POST_LIMIT = { rateLimit: { max: 10, timeWindow: '1 minute' } };

export type PublicService = { id: string; slug: string; name: string };
export type FormValues = Record<string, string | string[]>;

/** What the layout needs to show the service's name and link its header to the service's home page. */
export const serviceChrome = (service: { name: string; slug: string }) => ({
  service: { name: service.name, slug: service.slug },
  serviceUrl: `/s/${service.slug}`,
  privacyUrl: `/s/${service.slug}/privacy`,
  base: `/s/${service.slug}`,
});

export const anonymous = (req: FastifyRequest) => ({ type: 'anonymous' as const, ip: req.ip, requestId: req.id });

// The honeypot: a field people never see or reach by keyboard, which only robots fill in.
export const HONEYPOT = 'website';
export const isSpam = (body: unknown) => {
  const value = (body as Record<string, unknown> | undefined)?.[HONEYPOT];
  return typeof value === 'string' && value.trim() !== '';
};

/** What was typed, to show again: strings and lists of strings, never the CSRF token or the honeypot. */
export function formValues(body: unknown): FormValues {
  const out: FormValues = {};
  if (body && typeof body === 'object')
    for (const [k, v] of Object.entries(body)) {
      if (k === '_csrf' || k === HONEYPOT) continue;
      if (typeof v === 'string') out[k] = v;
      else if (Array.isArray(v)) out[k] = v.filter((x): x is string => typeof x === 'string');
    }
  return out;
}

/** The model of a form shown again with its problems. */
export const withErrors = (values: FormValues, fields: FieldErrors, order: string[] = []) => ({ values, fields, errors: errorList(fields, order) });
