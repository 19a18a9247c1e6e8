// Pure: who takes part in SEND mediation and on which route (rules.md #12, #13, #22). Each returns the fields that break
// a rule with the reason, in words for the page and the API (422); an empty object means the rule is met.
import { msg } from '#src/i18n/i18n.ts';

export const ATTENDEE_KINDS = ['advocate', 'supporter', 'child', 'other'] as const;
export type AttendeeKind = (typeof ATTENDEE_KINDS)[number];
export const ATTENDEE_KIND_LABELS: Record<AttendeeKind, string> = {
  advocate: msg('An advocate (a lawyer included) the parent or young person chose'),
  supporter: msg('A supporter the parent or young person chose'),
  child: msg('The child'),
  other: msg('Someone else'),
};
export type Attendee = { name: string; kind: AttendeeKind; agreed: boolean };

export const SEND_ROUTES = ['mediation', 'disagreement_resolution'] as const;
export type SendRoute = (typeof SEND_ROUTES)[number];
export const SEND_ROUTE_LABELS: Record<SendRoute, string> = {
  mediation: msg('SEND mediation (the statutory route, with a certificate)'),
  disagreement_resolution: msg('Disagreement resolution (voluntary, no certificate)'),
};

type Fields = Record<string, string>;

/** #12: mediation is held only with the local authority's representative recorded, with authority to decide. */
export function attendanceProblems(d: {
  mediationHeldOn: string | null;
  laAttendeeName: string | null;
  laAttendeeRole: string | null;
  laAttendeeHasAuthority: boolean | null;
}): Fields {
  const fields: Fields = {};
  if (!d.mediationHeldOn) return fields;
  if (!d.laAttendeeName) fields.laAttendeeName = msg('Enter the name of the local authority’s representative before recording mediation as held');
  if (!d.laAttendeeRole) fields.laAttendeeRole = msg('Enter the role of the local authority’s representative before recording mediation as held');
  if (d.laAttendeeHasAuthority !== true)
    fields.laAttendeeHasAuthority = msg(
      'The local authority must send someone with authority to resolve the issues: confirm they have it before recording mediation as held',
    );
  return fields;
}

/**
 * #13 (reg 38(1)): an advocate or supporter the parent or young person chooses attends without anyone's consent; the
 * child where the parent and the mediator agree; anyone else only with the consent of the parties (or, failing that,
 * the mediator) on record.
 */
export function attendeeProblems(attendees: readonly Attendee[]): Fields {
  const fields: Fields = {};
  attendees.forEach((a, i) => {
    if (a.kind === 'child' && !a.agreed)
      fields[`attendees.${i}.agreed`] = msg('The child attends only where the parent and the mediator agree: record that they did');
    if (a.kind === 'other' && !a.agreed)
      fields[`attendees.${i}.agreed`] = msg('Someone other than an advocate or supporter attends only with the parties’ consent: record that it was given');
  });
  return fields;
}

/** #22: disagreement resolution is voluntary and needs every party's agreement. */
export function routeProblems(route: SendRoute, everyPartyAgreed: boolean | null): Fields {
  return route === 'disagreement_resolution' && everyPartyAgreed !== true
    ? { everyPartyAgreed: msg('Disagreement resolution needs the agreement of every party: record that each agreed') }
    : {};
}

/** #22: disagreement resolution produces no certificate. */
export const noCertificateOnRoute = (route: string) => route === 'disagreement_resolution';
