// Published by settings for the features that narrow figures to a place (the standard reports, the SEND report and
// the RJ return): the places a service covers (its postcode areas and the local authorities it names in Settings), the
// query fields that ask for one, and the check that the one asked for is the service's own. What the place means on
// a case or a referral, as SQL, is domain/place-filter.ts.
import { z } from 'zod';
import type { Db } from '#src/db/client.ts';
import type { Place } from '#src/domain/place-filter.ts';
import { findOrgById } from '#src/features/orgs/org-records.ts';
import { type Message, msg, type Translate } from '#src/i18n/i18n.ts';
import { AppError, type FieldErrors, inEnglish } from '#src/lib/app-error.ts';
import { ZServiceSettings } from './settings.schemas.ts';

/** The places figures may be narrowed to: the service's own postcode areas and the local authorities it covers. */
export type PlaceChoices = { areas: string[]; localAuthorities: string[] };

/** A postcode area as the settings keep it: capitals, one space ("tn9  1" → "TN9 1"). */
export const normalArea = (s: string) => s.trim().toUpperCase().replace(/\s+/g, ' ');

export function placeChoices(settings: unknown): PlaceChoices {
  // Read on their own, so another setting that no longer parses cannot hide the service's areas.
  const parsed = ZServiceSettings.shape.areas.safeParse((settings as { areas?: unknown } | null)?.areas);
  const areas = parsed.success ? parsed.data : { postcodePrefixes: [], localAuthorities: [] };
  return { areas: [...new Set(areas.postcodePrefixes.map(normalArea))], localAuthorities: [...new Set(areas.localAuthorities)] };
}

/** The service's places, read from its settings inside the caller's transaction. */
export async function servicePlaces(tx: Db, orgId: string): Promise<PlaceChoices> {
  return placeChoices((await findOrgById(tx, orgId))?.settings);
}

const blankToUndefined = (v: unknown) => (v === '' ? undefined : v);

/** The query fields that ask for a place (a page's GET form and the API alike); blank means everywhere. */
export const PLACE_QUERY_FIELDS = {
  area: z
    .preprocess(
      blankToUndefined,
      z
        .string({ message: msg('Choose an area from the list') })
        .trim()
        .max(10, msg('Choose an area from the list'))
        .optional(),
    )
    .describe('Only cases (and referrals) in this postcode area, district or sector: one of the service’s areas, such as CT, ME14 or TN9 1'),
  localAuthority: z
    .preprocess(
      blankToUndefined,
      z
        .string({ message: msg('Choose a local authority from the list') })
        .trim()
        .max(200, msg('Choose a local authority from the list'))
        .optional(),
    )
    .describe('Only cases (and referrals) whose postcode is in this local authority: one of those the service covers'),
};
export const ZPlaceQuery = z.object(PLACE_QUERY_FIELDS);
export type PlaceQuery = z.infer<typeof ZPlaceQuery>;

const NOT_AN_AREA = msg('Choose one of the service’s areas: {areas}');
const NO_AREAS = msg('The service has no areas set: leave the area blank, or add its areas in Settings');
const NOT_A_LA = msg('Choose one of the local authorities the service covers: {las}');
const NO_LAS = msg('The service covers no local authority by name: leave it blank, or add them in Settings');

/**
 * The chosen area and local authority as the service keeps them, or an error naming the field and the choices (422,
 * reason UNKNOWN_PLACE): a place the service does not cover is refused, never silently read as "everywhere". What is
 * returned is the service's own spelling, never the text as typed.
 */
export function choosePlace(q: { area?: string | undefined; localAuthority?: string | undefined }, choices: PlaceChoices): Place {
  const fieldParams: Record<string, Message> = {};
  const area = q.area ? choices.areas.find((a) => a === normalArea(q.area!)) : undefined;
  if (q.area && !area) fieldParams.area = choices.areas.length ? { text: NOT_AN_AREA, params: { areas: choices.areas.join(', ') } } : { text: NO_AREAS };
  const wanted = q.localAuthority?.trim().toLowerCase();
  const la = wanted ? choices.localAuthorities.find((l) => l.toLowerCase() === wanted) : undefined;
  if (q.localAuthority && !la)
    fieldParams.localAuthority = choices.localAuthorities.length ? { text: NOT_A_LA, params: { las: choices.localAuthorities.join(', ') } } : { text: NO_LAS };
  if (Object.keys(fieldParams).length) {
    const fields: FieldErrors = Object.fromEntries(Object.entries(fieldParams).map(([k, m]) => [k, inEnglish(m)]));
    throw new AppError('UNPROCESSABLE', msg('The report cannot be narrowed to that place'), { reason: 'UNKNOWN_PLACE', fields, fieldParams });
  }
  return { ...(area ? { area } : {}), ...(la ? { localAuthority: la } : {}) };
}

/** The place asked for, checked against the service's own (read inside the caller's transaction). */
export async function placeOf(tx: Db, orgId: string, q: PlaceQuery): Promise<Place> {
  return choosePlace(q, await servicePlaces(tx, orgId));
}

/** The place filter's two selects on a page: blank first (everywhere), then the service's own, the one asked for selected. */
export function placeItems(t: Translate, choices: PlaceChoices, asked: Record<string, unknown>) {
  const area = typeof asked.area === 'string' ? normalArea(asked.area) : undefined;
  const la = typeof asked.localAuthority === 'string' ? asked.localAuthority.trim().toLowerCase() : undefined;
  return {
    areaItems: [{ value: '', text: t('All areas') }, ...choices.areas.map((a) => ({ value: a, text: a, selected: a === area }))],
    localAuthorityItems: [
      { value: '', text: t('All local authorities') },
      ...choices.localAuthorities.map((l) => ({ value: l, text: l, selected: l.toLowerCase() === la })),
    ],
  };
}

/** The place chosen in words for a heading or a download ("CT, Riverside"), or '' for the whole service. */
export const placeWords = (p: Place) => [p.area, p.localAuthority].filter(Boolean).join(', ');
