// The agreement API: agreements of a case (create, versions, terms, issues, statements, ready-to-sign), signatures
// (in person, remote links, copies, the PDF) and the case's outcome. The same services as the pages.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '#src/deps.ts';
import { errorResponses, ZApiError } from '#src/http/api-schemas.ts';
import { linkOut, signerOut, termOut, versionOut } from './agreements.present.ts';
import {
  ZAgreementParams,
  ZCaseParams,
  ZCreateAgreement,
  ZIssues,
  ZOutcome,
  ZSignature,
  ZSignerParams,
  ZStatements,
  ZTerm,
  ZTermParams,
  ZVersionParams,
} from './agreements.schemas.ts';

const tags = ['agreements'];
const security = [{ bearer: [] }];
const config = { permission: 'cases.view' as const };
const refusals = { 404: ZApiError, 409: ZApiError, ...errorResponses };

const ZVersionOut = z.object({
  id: z.string(),
  number: z.number().int(),
  status: z.string().describe('draft, ready (frozen, being signed), signed, or replaced (changed after it was frozen)'),
  hash: z.string().nullable().describe('SHA-256 of the canonical form, once frozen'),
  reference: z.string().nullable().describe('The public reference printed on the PDF'),
  frozenAt: z.string().nullable(),
  signedAt: z.string().nullable(),
  createdAt: z.string(),
});
const ZTermOut = z.object({
  id: z.string(),
  position: z.number().int(),
  who: z.array(z.object({ kind: z.string(), name: z.string(), partyId: z.string().nullable() })),
  what: z.string(),
  dueKind: z.string(),
  dueOn: z.string().nullable(),
  checkHow: z.string(),
  appealable: z.boolean().nullable(),
});
const ZSignerOut = z.object({
  id: z.string(),
  kind: z.string().describe('party or mediator (witness)'),
  name: z.string(),
  partyId: z.string().nullable(),
  status: z.string().describe('pending, signed or declined'),
  method: z.string().nullable(),
  channel: z.string().nullable(),
  at: z.string().nullable(),
  versionHash: z.string().nullable(),
  witnessName: z.string().nullable(),
  declineReason: z.string().nullable(),
  addressHash: z.string().nullable().describe('Remote only: an HMAC of the address, never the address'),
  browser: z.string().nullable(),
});
const ZIssueOut = z.object({ issue: z.string(), outcome: z.string().nullable() });
const ZAgreementOut = z.object({
  id: z.string(),
  caseId: z.string(),
  version: ZVersionOut,
  statements: z.object({ notBinding: z.string(), confidentiality: z.string(), monitoring: z.string() }),
  issues: z.array(ZIssueOut),
  terms: z.array(ZTermOut),
  signers: z.array(ZSignerOut),
});
const ZChanged = z.object({ versionId: z.string(), number: z.number().int() });

export function registerAgreementApi(app: FastifyInstance, deps: Deps) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const d = deps.agreements;

  const agreementOut = async (actor: Parameters<typeof d.drafting.version>[0], caseId: string, agreementId: string, versionId?: string) => {
    const v = await d.drafting.version(actor, caseId, agreementId, versionId);
    return {
      id: v.agreement.id,
      caseId,
      version: versionOut(v.version),
      statements: v.version.statements,
      issues: v.version.issues,
      terms: v.terms.map(termOut),
      signers: v.signers.map(signerOut),
    };
  };

  api.get(
    '/api/v1/cases/:id/agreements',
    {
      config,
      schema: {
        summary: 'The agreements of a case, each with its latest version',
        tags,
        security,
        params: ZCaseParams,
        response: { 200: z.object({ agreements: z.array(ZAgreementOut) }), ...refusals },
      },
    },
    async (req) => {
      const list = await d.drafting.forCase(req.actor!, req.params.id);
      return {
        agreements: list.agreements.map((a) => ({
          id: a.agreement.id,
          caseId: req.params.id,
          version: versionOut(a.latest),
          statements: a.latest.statements,
          issues: a.latest.issues,
          terms: a.terms.map(termOut),
          signers: a.signers.map(signerOut),
        })),
      };
    },
  );

  api.post(
    '/api/v1/cases/:id/agreements',
    {
      config,
      schema: {
        summary: 'Start an agreement: from scratch, a held joint meeting’s record, or a shuttle log',
        tags,
        security,
        params: ZCaseParams,
        body: ZCreateAgreement,
        response: { 201: z.object({ id: z.string(), versionId: z.string(), number: z.number().int() }), ...refusals },
      },
    },
    async (req, reply) => reply.status(201).send(await d.drafting.create(req.actor!, req.params.id, req.body)),
  );

  api.get(
    '/api/v1/cases/:id/agreements/:agreementId',
    {
      config,
      schema: {
        summary: 'An agreement’s latest version with its statements, issues, terms and signers',
        tags,
        security,
        params: ZAgreementParams,
        response: { 200: ZAgreementOut, ...refusals },
      },
    },
    async (req) => agreementOut(req.actor!, req.params.id, req.params.agreementId),
  );

  api.get(
    '/api/v1/cases/:id/agreements/:agreementId/versions',
    {
      config,
      schema: {
        summary: 'Every version of an agreement, newest first',
        tags,
        security,
        params: ZAgreementParams,
        response: { 200: z.object({ versions: z.array(ZVersionOut) }), ...refusals },
      },
    },
    async (req) => ({ versions: (await d.drafting.version(req.actor!, req.params.id, req.params.agreementId)).versions.map(versionOut) }),
  );

  api.get(
    '/api/v1/cases/:id/agreements/:agreementId/versions/:versionId',
    { config, schema: { summary: 'One version of an agreement', tags, security, params: ZVersionParams, response: { 200: ZAgreementOut, ...refusals } } },
    async (req) => agreementOut(req.actor!, req.params.id, req.params.agreementId, req.params.versionId),
  );

  api.post(
    '/api/v1/cases/:id/agreements/:agreementId/terms',
    {
      config,
      schema: {
        summary: 'Add a term (a change to a frozen version makes a new version)',
        tags,
        security,
        params: ZAgreementParams,
        body: ZTerm,
        response: { 201: ZChanged.extend({ id: z.string(), dueOn: z.string().nullable() }), ...refusals },
      },
    },
    async (req, reply) => reply.status(201).send(await d.drafting.addTerm(req.actor!, req.params.id, req.params.agreementId, req.body)),
  );

  api.put(
    '/api/v1/cases/:id/agreements/:agreementId/terms/:termId',
    {
      config,
      schema: {
        summary: 'Change a term of the latest version',
        tags,
        security,
        params: ZTermParams,
        body: ZTerm,
        response: { 200: ZChanged.extend({ id: z.string(), dueOn: z.string().nullable() }), ...refusals },
      },
    },
    async (req) => d.drafting.updateTerm(req.actor!, req.params.id, req.params.agreementId, req.params.termId, req.body),
  );

  api.delete(
    '/api/v1/cases/:id/agreements/:agreementId/terms/:termId',
    { config, schema: { summary: 'Remove a term of the latest version', tags, security, params: ZTermParams, response: { 200: ZChanged, ...refusals } } },
    async (req) => d.drafting.removeTerm(req.actor!, req.params.id, req.params.agreementId, req.params.termId),
  );

  api.put(
    '/api/v1/cases/:id/agreements/:agreementId/issues',
    {
      config,
      schema: {
        summary: 'The issues and whether each was agreed, partly agreed or not agreed',
        tags,
        security,
        params: ZAgreementParams,
        body: ZIssues,
        response: { 200: ZChanged, ...refusals },
      },
    },
    async (req) => d.drafting.saveIssues(req.actor!, req.params.id, req.params.agreementId, req.body),
  );

  api.put(
    '/api/v1/cases/:id/agreements/:agreementId/statements',
    {
      config,
      schema: {
        summary: 'The agreement’s statements (not binding, confidentiality, follow-up)',
        tags,
        security,
        params: ZAgreementParams,
        body: ZStatements,
        response: { 200: ZChanged, ...refusals },
      },
    },
    async (req) => d.drafting.saveStatements(req.actor!, req.params.id, req.params.agreementId, req.body),
  );

  api.post(
    '/api/v1/cases/:id/agreements/:agreementId/ready-to-sign',
    {
      config,
      schema: {
        summary: 'Freeze the latest draft: fixes its signers, canonical text and SHA-256',
        tags,
        security,
        params: ZAgreementParams,
        response: { 200: ZChanged.extend({ hash: z.string(), reference: z.string() }), ...refusals },
      },
    },
    async (req) => d.drafting.readyToSign(req.actor!, req.params.id, req.params.agreementId),
  );

  api.get(
    '/api/v1/cases/:id/agreements/:agreementId/versions/:versionId/signatures',
    {
      config,
      schema: {
        summary: 'The signers of a version with the evidence of each signature, and the remote links with every view and attempt',
        tags,
        security,
        params: ZVersionParams,
        response: {
          200: z.object({
            signers: z.array(ZSignerOut),
            links: z.array(
              z.object({
                id: z.string(),
                signerId: z.string(),
                purpose: z.string(),
                createdAt: z.string(),
                expiresAt: z.string(),
                usedAt: z.string().nullable(),
                revokedAt: z.string().nullable(),
                lockedAt: z.string().nullable(),
                failedCodes: z.number().int(),
                expired: z.boolean(),
              }),
            ),
            events: z.array(z.object({ linkId: z.string(), kind: z.string(), at: z.string() })),
          }),
          ...refusals,
        },
      },
    },
    async (req) => {
      const s = await d.signing.signatures(req.actor!, req.params.id, req.params.agreementId, req.params.versionId);
      const now = deps.clock.now();
      return {
        signers: s.signers.map(signerOut),
        links: s.links.map((l) => linkOut(l, now)),
        events: s.events.map((e) => ({ linkId: e.linkId, kind: e.kind, at: e.at.toISOString() })),
      };
    },
  );

  api.post(
    '/api/v1/cases/:id/agreements/:agreementId/versions/:versionId/signatures/:signerId',
    {
      config,
      schema: {
        summary: 'A signature given in person; the caller is the witness. Refused with the reason on an old version',
        tags,
        security,
        params: ZSignerParams,
        body: ZSignature,
        response: { 201: z.object({ signerId: z.string(), at: z.string(), versionHash: z.string(), complete: z.boolean() }), ...refusals },
      },
    },
    async (req, reply) => {
      const done = await d.signing.signInPerson(req.actor!, req.params.id, req.params.agreementId, req.params.versionId, req.params.signerId, req.body);
      return reply.status(201).send({ ...done, at: done.at.toISOString() });
    },
  );

  api.post(
    '/api/v1/cases/:id/agreements/:agreementId/versions/:versionId/signatures/:signerId/link',
    {
      config,
      schema: {
        summary: 'Email a party a personal signing link (single use, expires; a code to the same address confirms it)',
        tags,
        security,
        params: ZSignerParams,
        response: { 201: z.object({ id: z.string(), signerId: z.string(), expiresAt: z.string() }), ...refusals },
      },
    },
    async (req, reply) => {
      const done = await d.signing.sendLink(req.actor!, req.params.id, req.params.agreementId, req.params.versionId, req.params.signerId);
      return reply.status(201).send({ id: done.id, signerId: done.signerId, expiresAt: done.expiresAt.toISOString() });
    },
  );

  api.post(
    '/api/v1/cases/:id/agreements/:agreementId/versions/:versionId/links/:linkId/revoke',
    {
      config,
      schema: {
        summary: 'Withdraw a signing link',
        tags,
        security,
        params: ZVersionParams.extend({ linkId: z.string().uuid('Link ids are UUIDs') }),
        response: { 200: z.object({ id: z.string() }), ...refusals },
      },
    },
    async (req) => d.signing.revokeLink(req.actor!, req.params.id, req.params.agreementId, req.params.versionId, req.params.linkId),
  );

  api.post(
    '/api/v1/cases/:id/agreements/:agreementId/versions/:versionId/copies',
    {
      config,
      schema: {
        summary: 'Email each party of a signed version a link to their copy (opening it needs a code)',
        tags,
        security,
        params: ZVersionParams,
        response: { 200: z.object({ sentTo: z.number().int() }), ...refusals },
      },
    },
    async (req) => d.signing.sendCopies(req.actor!, req.params.id, req.params.agreementId, req.params.versionId),
  );

  api.get(
    '/api/v1/cases/:id/agreements/:agreementId/versions/:versionId/pdf',
    {
      config,
      schema: {
        summary: 'The signed PDF (application/pdf)',
        tags,
        security,
        params: ZVersionParams,
        response: { 200: z.any().describe('application/pdf'), ...refusals },
      },
    },
    async (req, reply) => {
      const pdf = await d.signing.pdf(req.actor!, req.params.id, req.params.agreementId, req.params.versionId);
      return reply.type('application/pdf').header('content-disposition', `attachment; filename="${pdf.reference}.pdf"`).send(pdf.bytes);
    },
  );

  const ZOutcomeOut = z.object({
    status: z.string(),
    outcome: z.string().nullable(),
    issues: z.array(z.object({ issue: z.string(), outcome: z.string().nullable(), fromAgreement: z.string().nullable() })),
    canMove: z.object({ allowed: z.boolean(), reasons: z.array(z.string()).optional(), to: z.string().optional() }).nullable(),
  });
  api.get(
    '/api/v1/cases/:id/outcome',
    {
      config,
      schema: {
        summary: 'The case’s outcome, its issues (with what the signed agreement says), and whether it may move to Outcome',
        tags,
        security,
        params: ZCaseParams,
        response: { 200: ZOutcomeOut, ...refusals },
      },
    },
    async (req) => d.outcome.get(req.actor!, req.params.id),
  );
  api.post(
    '/api/v1/cases/:id/outcome',
    {
      config,
      schema: {
        summary: 'Record the outcome (full, partial or no agreement, per issue): moves the case to Outcome, or 409 with the reasons',
        tags,
        security,
        params: ZCaseParams,
        body: ZOutcome,
        response: { 200: z.object({ status: z.string(), outcome: z.string(), issues: z.array(ZIssueOut) }), ...refusals },
      },
    },
    async (req) => d.outcome.record(req.actor!, req.params.id, req.body),
  );
}
