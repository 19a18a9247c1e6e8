// The API twins of SEND mediation: a case's SEND details, the MIAS decision, the dates after it, its certificates, the
// service's register of certificates and the deadlines queue.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '#src/deps.ts';
import { errorResponses, ZApiError } from '#src/http/api-schemas.ts';
import type { CertificateRow } from './send.repo.ts';
import { ZAttendees, ZCaseParams, ZCertificate, ZDutyMet, ZDutyParams, ZMias, ZSendDetails, ZSendProgress } from './send.schemas.ts';

const security = [{ bearer: [] }];
const tags = ['send'];
const day = z.string().nullable();

const ZClock = z.object({
  kind: z.string().describe('contact, declined_certificate, icb_notice, mediation_held, deemed_certificate, after_mediation_certificate, appeal'),
  due: z.string(),
  unit: z.enum(['working', 'calendar']),
  daysLeft: z.number().describe('Working or calendar days (by unit) from today; negative when overdue'),
  overdue: z.boolean(),
  running: z.boolean().describe('False for the appeal deadline, shown for information'),
});
const ZCertificateOut = z.object({
  id: z.string(),
  number: z.number(),
  caseId: z.string(),
  kind: z.string(),
  outcome: z.string().nullable(),
  issues: z.array(z.object({ issue: z.string(), outcome: z.string().nullable() })),
  issuedOn: z.string(),
  appealDeadline: z.string(),
  adviserName: z.string(),
  adviserOrganisation: z.string(),
  replacesId: z.string().nullable(),
  reissueReason: z.string().nullable(),
  superseded: z.boolean(),
});
const certificateOut = (c: CertificateRow) => ({
  id: c.id,
  number: c.number,
  caseId: c.caseId,
  kind: c.kind,
  outcome: c.outcome,
  issues: c.issues,
  issuedOn: c.issuedOn,
  appealDeadline: c.appealDeadline,
  adviserName: c.adviserName,
  adviserOrganisation: c.adviserOrganisation,
  replacesId: c.replacesId,
  reissueReason: c.reissueReason,
  superseded: c.supersededAt !== null,
});
const ZSendOut = z.object({
  caseId: z.string(),
  reference: z.string(),
  decisionType: day,
  issues: z.array(z.string()),
  decisionLetterOn: day,
  requestedBy: day,
  childName: day,
  localAuthority: day,
  icbs: z.array(z.string()),
  sectionIOnly: z.boolean().describe('The issues are about Section I only: no certificate is needed (mediation may still be asked for)'),
  childViewsObtained: z.boolean().nullable(),
  childViewsMethod: day,
  childViewsNotReason: day,
  miasOn: day,
  miasDecision: day,
  decisionToldOn: day,
  lateContact: z.boolean().describe('The MIAS contact came after decision + 2 months: flagged, never refused'),
  contactDeadline: day,
  icbNotifiedOn: day,
  adviserToldOn: day,
  mediationHeldOn: day,
  laAttendeeName: day,
  laAttendeeRole: day,
  laAttendeeHasAuthority: z.boolean().nullable(),
  route: z.string().describe('mediation or disagreement_resolution (#22: no certificate, no statutory clock)'),
  everyPartyAgreed: z.boolean().nullable(),
  attendees: z.array(z.object({ name: z.string(), kind: z.string(), agreed: z.boolean() })).describe('#13: who else attends'),
  delayReason: day,
  appealMade: z.boolean().nullable(),
  clocks: z.array(ZClock),
  duties: z
    .array(
      z.object({
        termId: z.string(),
        what: z.string(),
        appealable: z.boolean().nullable(),
        due: day,
        metOn: day,
        daysLeft: z.number().nullable().describe('Calendar days to the due date; null once met or without a date'),
      }),
    )
    .describe('After a signed agreement: the local authority’s duties (reg 42/44) with the agreement’s dates and when met'),
  certificates: z.array(ZCertificateOut),
});

export function registerSendApi(app: FastifyInstance, deps: Pick<Deps, 'send'>) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { send } = deps;
  const view = async (actor: Parameters<typeof send.get>[0], caseId: string) => {
    const v = await send.get(actor, caseId);
    const { miasMeetingId: _m, ...d } = v.details;
    return {
      caseId: v.case.id,
      reference: v.case.reference,
      ...d,
      sectionIOnly: !v.flags.certificateRequired,
      lateContact: v.flags.lateContact,
      contactDeadline: v.flags.contactDeadline,
      clocks: v.clocks,
      duties: v.duties,
      certificates: v.certificates.map(certificateOut),
    };
  };
  const one = (summary: string, extra: Record<string, unknown> = {}) => ({
    schema: { summary, tags, security, params: ZCaseParams, response: { 200: ZSendOut, 404: ZApiError, ...errorResponses }, ...extra },
  });

  api.get('/api/v1/cases/:id/send', one('A SEND case: its details, MIAS decision, clocks running today and certificates'), async (req) =>
    view(req.actor!, req.params.id),
  );

  api.put('/api/v1/cases/:id/send', one('Save a SEND case’s details (rules.md #1–4, #14)', { body: ZSendDetails }), async (req) => {
    await send.saveDetails(req.actor!, req.params.id, req.body as z.infer<typeof ZSendDetails>);
    return view(req.actor!, req.params.id);
  });

  api.post(
    '/api/v1/cases/:id/send/mias',
    one('Record the MIAS call and the decision; a late contact is flagged, never refused', { body: ZMias }),
    async (req) => {
      await send.recordMias(req.actor!, req.params.id, req.body as z.infer<typeof ZMias>);
      return view(req.actor!, req.params.id);
    },
  );

  api.put(
    '/api/v1/cases/:id/send/progress',
    one('Record the ICB notice, the adviser told of the 30 days, mediation held and the local authority’s representative (#12)', { body: ZSendProgress }),
    async (req) => {
      await send.saveProgress(req.actor!, req.params.id, req.body as z.infer<typeof ZSendProgress>);
      return view(req.actor!, req.params.id);
    },
  );

  api.put(
    '/api/v1/cases/:id/send/attendees',
    one('Replace the list of others attending (#13): a child or anyone else needs the agreement or consent on record', { body: ZAttendees }),
    async (req) => {
      await send.setAttendees(req.actor!, req.params.id, (req.body as z.infer<typeof ZAttendees>).attendees);
      return view(req.actor!, req.params.id);
    },
  );

  api.put(
    '/api/v1/cases/:id/send/duties/:termId',
    {
      schema: {
        summary: 'Record when the local authority met a duty after the agreement (reg 42/44); without metOn, not met',
        tags,
        security,
        params: ZDutyParams,
        body: ZDutyMet,
        response: { 200: ZSendOut, 404: ZApiError, ...errorResponses },
      },
    },
    async (req) => {
      await send.recordDutyMet(req.actor!, req.params.id, req.params.termId, req.body.metOn ?? null);
      return view(req.actor!, req.params.id);
    },
  );

  api.get(
    '/api/v1/cases/:id/send/certificates',
    {
      schema: {
        summary: 'A SEND case’s certificates, re-issued ones kept',
        tags,
        security,
        params: ZCaseParams,
        response: { 200: z.array(ZCertificateOut), 404: ZApiError, ...errorResponses },
      },
    },
    async (req) => (await send.certificates(req.actor!, req.params.id)).map(certificateOut),
  );

  api.post(
    '/api/v1/cases/:id/send/certificates',
    {
      schema: {
        summary: 'Issue a mediation certificate (declined, deemed, after mediation), or re-issue one with a reason',
        tags,
        security,
        params: ZCaseParams,
        body: ZCertificate,
        response: {
          201: ZCertificateOut.extend({
            emailedTo: z.number().describe('Emails queued: the parent or young person and the local authority, with consent on record'),
          }),
          404: ZApiError,
          409: ZApiError,
          ...errorResponses,
        },
      },
    },
    async (req, reply) => {
      const c = await send.issueCertificate(req.actor!, req.params.id, req.body);
      return reply.status(201).send({ ...certificateOut({ ...c, supersededAt: null, emailedAt: null }), emailedTo: c.emailedTo });
    },
  );

  api.get(
    '/api/v1/send/certificates',
    {
      config: { permission: 'send.deadlines' },
      schema: {
        summary: 'The service’s register of mediation certificates, newest first',
        tags,
        security,
        response: { 200: z.array(ZCertificateOut.extend({ reference: z.string() })), ...errorResponses },
      },
    },
    async (req) => (await send.register(req.actor!)).map((c) => ({ ...certificateOut(c), reference: c.reference })),
  );

  api.get(
    '/api/v1/send/deadlines',
    {
      config: { permission: 'send.deadlines' },
      schema: {
        summary: 'Every running SEND clock of the open cases: overdue first, then by due date',
        tags,
        security,
        response: {
          200: z.array(ZClock.extend({ caseId: z.string(), reference: z.string(), childName: day, localAuthority: day })),
          ...errorResponses,
        },
      },
    },
    async (req) => send.deadlines(req.actor!),
  );
}
