// The checks of the cases benchmark: the list and search requests, and the public referral submission.
import { clientAddress } from '../load.ts';
import type { ListQuery } from './explain.ts';
import type { SearchTerms } from './generate.ts';

export const LIST_TARGET_MS = 50;
export const REFERRAL_TARGET_MS = 100;
const count = (n: number) => n.toLocaleString('en-GB');

export type Check = { id: string; label: string; path: string; method?: 'POST'; targetMs?: number; extra?: boolean; connections?: number };

/** What the list and search checks ask for; the same filters are explained into bench/plans/. */
export function listChecks(t: SearchTerms): (Check & ListQuery)[] {
  const q = (s: string) => `/api/v1/cases?q=${encodeURIComponent(s)}`;
  return [
    {
      id: 'filter',
      label: 'Case list, first page, status intake + type community',
      path: '/api/v1/cases?status=intake&type=community',
      status: 'intake',
      type: 'community',
      targetMs: LIST_TARGET_MS,
    },
    {
      id: 'name',
      label: `Search by name “${t.name}” (a surname prefix, ${count(t.nameMatches)} parties)`,
      path: q(t.name),
      q: t.name,
      targetMs: LIST_TARGET_MS,
    },
    { id: 'reference', label: `Search by reference ${t.reference}`, path: q(t.reference), q: t.reference, targetMs: LIST_TARGET_MS },
    { id: 'postcode', label: `Search by postcode ${t.postcode}`, path: q(t.postcode), q: t.postcode, targetMs: LIST_TARGET_MS },
    { id: 'district', label: `Search by postcode district ${t.district} (extra)`, path: q(t.district), q: t.district, extra: true },
  ];
}

/** The filtered first page with one client: the latency without queueing behind 19 others (no target). */
export function aloneChecks(t: SearchTerms): Check[] {
  const filter = listChecks(t)[0]!;
  return [{ id: 'filter-alone', label: `${filter.label}, 1 connection (extra)`, path: filter.path, extra: true, connections: 1 }];
}

export const REFERRAL: Check = {
  id: 'referral',
  label: 'Public referral submission (POST)',
  path: '/api/v1/public/bench/referrals',
  method: 'POST',
  targetMs: REFERRAL_TARGET_MS,
};
/** The same with one client, so the figure without queueing behind other submissions is known too. */
export const REFERRAL_ALONE: Check = {
  ...REFERRAL,
  id: 'referral-alone',
  label: 'Public referral submission, 1 connection (extra)',
  targetMs: undefined,
  extra: true,
  connections: 1,
};
export const REFERRAL_BODY = JSON.stringify({
  caseType: 'community',
  description: 'Noise from next door late at night (benchmark referral)',
  consentToContact: true,
  parties: [
    { name: 'Sam Sample', role: 'party', phone: '07700 900123' },
    { name: 'Jo Placeholder', role: 'party' },
  ],
});
/**
 * A different client address for every request (the public routes allow 20 a minute per address): 10.x.y.z from a
 * counter. A load run takes a block of addresses of its own.
 */
let forwardedFor = 0;
export const nextAddress = () => clientAddress(++forwardedFor);
export const addressBlock = () => {
  forwardedFor += 200_000;
  return forwardedFor - 199_999;
};
