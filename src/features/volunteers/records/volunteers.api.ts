// The volunteers API: list and search, add, read, change details, availability, status and declared
// connections. The same services as the pages; a mediator may read only their own record and change only their
// own availability.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '#src/deps.ts';
import { MERGE_PATCH_TYPE } from '#src/http/merge-patch.ts';
import { errorResponses, ZApiError } from '#src/http/api-schemas.ts';
import type { VolunteerRow } from './volunteers.repo.ts';
import { ZAvailability, ZConnection, ZStatusChange, ZVolunteerCreate, ZVolunteerPatch, ZVolunteerQuery } from './volunteers.schemas.ts';

const tags = ['volunteers'];
const security = [{ bearer: [] }];
const ZParams = z.object({ volunteerId: z.string().uuid('Volunteer ids are UUIDs') });

const ZWindowOut = z.object({ day: z.number(), from: z.string(), to: z.string() });
const ZAwayOut = z.object({ id: z.string(), from: z.string(), to: z.string(), reason: z.string().optional() });
const ZConnectionOut = z.object({ id: z.string(), kind: z.string(), text: z.string(), declaredOn: z.string() });
const ZStepOut = z.object({ status: z.string(), on: z.string(), by: z.string().optional(), note: z.string().optional() });

const ZVolunteerOut = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  postcode: z.string().nullable(),
  languages: z.array(z.string()),
  gender: z.string().nullable(),
  travelMiles: z.number(),
  maxActiveCases: z.number(),
  activeCases: z.number(),
  status: z.string(),
  statusHistory: z.array(ZStepOut),
  supervisorUserId: z.string().nullable(),
  userId: z.string().nullable(),
  applicationId: z.string().nullable(),
  weeklyAvailability: z.array(ZWindowOut),
  away: z.array(ZAwayOut),
  connections: z.array(ZConnectionOut),
  employer: z.string().nullable(),
  employedByLocalAuthority: z.string().nullable(),
  notes: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** The record as the API shows it: fields picked one by one. */
function presentVolunteer(v: VolunteerRow, activeCases: number): z.infer<typeof ZVolunteerOut> {
  return {
    id: v.id,
    name: v.name,
    email: v.email,
    phone: v.phone,
    address: v.address,
    postcode: v.postcode,
    languages: v.languages,
    gender: v.gender,
    travelMiles: v.travelMiles,
    maxActiveCases: v.maxActiveCases,
    activeCases,
    status: v.status,
    statusHistory: v.statusHistory.map((s) => ({ status: s.status, on: s.on, by: s.by, note: s.note })),
    supervisorUserId: v.supervisorUserId,
    userId: v.userId,
    applicationId: v.applicationId,
    weeklyAvailability: v.weeklyAvailability.map((w) => ({ day: w.day, from: w.from, to: w.to })),
    away: v.away.map((p) => ({ id: p.id, from: p.from, to: p.to, reason: p.reason })),
    connections: v.connections.map((c) => ({ id: c.id, kind: c.kind, text: c.text, declaredOn: c.declaredOn })),
    employer: v.employer,
    employedByLocalAuthority: v.employedByLocalAuthority,
    notes: v.notes,
    createdAt: v.createdAt.toISOString(),
    updatedAt: v.updatedAt.toISOString(),
  };
}

export function registerVolunteerApi(app: FastifyInstance, deps: Pick<Deps, 'volunteers'>) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const one = async (actor: Parameters<Deps['volunteers']['view']>[0], volunteerId: string) => {
    const view = await deps.volunteers.view(actor, volunteerId);
    return presentVolunteer(view.volunteer, view.activeCases);
  };

  api.get(
    '/api/v1/volunteers',
    {
      schema: {
        summary: 'The volunteers: filter by status, search by name',
        tags,
        security,
        querystring: ZVolunteerQuery,
        response: {
          200: z.object({
            volunteers: z.array(
              z.object({
                id: z.string(),
                name: z.string(),
                status: z.string(),
                postcode: z.string().nullable(),
                languages: z.array(z.string()),
                activeCases: z.number(),
                maxActiveCases: z.number(),
                canSignIn: z.boolean(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (req) => {
      const rows = await deps.volunteers.list(req.actor!, req.query);
      return {
        volunteers: rows.map((r) => ({
          id: r.id,
          name: r.name,
          status: r.status,
          postcode: r.postcode,
          languages: r.languages,
          activeCases: r.activeCases,
          maxActiveCases: r.maxActiveCases,
          canSignIn: r.userId !== null,
        })),
      };
    },
  );

  api.post(
    '/api/v1/volunteers',
    {
      schema: {
        summary: 'Add a volunteer (an applicant)',
        tags,
        security,
        body: ZVolunteerCreate,
        response: { 201: ZVolunteerOut, ...errorResponses },
      },
    },
    async (req, reply) => {
      const { id } = await deps.volunteers.create(req.actor!, req.body);
      return reply.status(201).send(await one(req.actor!, id));
    },
  );

  api.get(
    '/api/v1/volunteers/:volunteerId',
    {
      schema: {
        summary: 'One volunteer record (a mediator may read only their own)',
        tags,
        security,
        params: ZParams,
        response: { 200: ZVolunteerOut, 404: ZApiError, ...errorResponses },
      },
    },
    async (req) => one(req.actor!, req.params.volunteerId),
  );

  api.patch(
    '/api/v1/volunteers/:volunteerId',
    {
      schema: {
        summary: 'Change a volunteer’s details or supervisor: a JSON Merge Patch; fields left out stay as they are, null clears one',
        consumes: [MERGE_PATCH_TYPE, 'application/json'],
        tags,
        security,
        params: ZParams,
        body: ZVolunteerPatch,
        response: { 200: ZVolunteerOut, 404: ZApiError, ...errorResponses },
      },
    },
    async (req) => {
      await deps.volunteers.update(req.actor!, req.params.volunteerId, req.body);
      return one(req.actor!, req.params.volunteerId);
    },
  );

  api.put(
    '/api/v1/volunteers/:volunteerId/availability',
    {
      schema: {
        summary: 'Replace the weekly pattern (ISO weekday 1–7, times HH:MM) and the time away (dates YYYY-MM-DD, inclusive)',
        tags,
        security,
        params: ZParams,
        body: ZAvailability,
        response: { 200: z.object({ weekly: z.array(ZWindowOut), away: z.array(ZAwayOut) }), 404: ZApiError, ...errorResponses },
      },
    },
    async (req) => {
      const { weekly, away } = await deps.volunteers.setAvailability(req.actor!, req.params.volunteerId, req.body);
      return { weekly, away };
    },
  );

  api.post(
    '/api/v1/volunteers/:volunteerId/status',
    {
      schema: {
        summary: 'Move the volunteer along the pipeline; 409 with the reasons in words when the move is not allowed',
        tags,
        security,
        params: ZParams,
        body: ZStatusChange,
        response: { 200: z.object({ status: z.string(), statusHistory: z.array(ZStepOut) }), 404: ZApiError, 409: ZApiError, ...errorResponses },
      },
    },
    async (req) => deps.volunteers.changeStatus(req.actor!, req.params.volunteerId, req.body),
  );

  api.post(
    '/api/v1/volunteers/:volunteerId/connections',
    {
      schema: {
        summary: 'Declare a connection (a person, an address or an organisation) that could be a conflict of interest',
        tags,
        security,
        params: ZParams,
        body: ZConnection,
        response: { 201: ZConnectionOut, 404: ZApiError, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await deps.volunteers.addConnection(req.actor!, req.params.volunteerId, req.body)),
  );

  api.delete(
    '/api/v1/volunteers/:volunteerId/connections/:connectionId',
    {
      schema: {
        summary: 'Remove a declared connection',
        tags,
        security,
        params: ZParams.extend({ connectionId: z.string().uuid('Connection ids are UUIDs') }),
        response: { 204: z.null(), 404: ZApiError, ...errorResponses },
      },
    },
    async (req, reply) => {
      await deps.volunteers.removeConnection(req.actor!, req.params.volunteerId, req.params.connectionId);
      return reply.status(204).send(null);
    },
  );
}
