// The one way a public journey keeps a visitor's answers between pages without JavaScript: a random token in an
// httpOnly cookie scoped to the service's pages, and the answers in a server-side draft under the token's hash
// (journey-drafts.service.ts). Used by the self-referral and the professional referral.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '#src/db/client.ts';
import type { Clock } from '#src/lib/clock.ts';
import { createJourneyDrafts, DRAFT_HOURS } from './journey-drafts.service.ts';

type Service = { id: string; slug: string };
/** A visitor's draft: its answers as stored (undefined when none), its token, and whether the answers have expired. */
export type OpenedDraft = { stored: Record<string, unknown> | undefined; token: string | undefined; expired: boolean };

export function createJourneyCookie(deps: { db: Db; clock: Clock; secure: boolean }, journey: string, cookiePrefix: string) {
  const drafts = createJourneyDrafts({ db: deps.db, clock: deps.clock });
  const name = (s: Service) => `${cookiePrefix}${s.slug}`;
  const path = (s: Service) => `/s/${s.slug}`;

  return {
    drafts,

    async open(req: FastifyRequest, s: Service): Promise<OpenedDraft> {
      const token = req.cookies[name(s)];
      const stored = token ? await drafts.load(s.id, token, journey) : undefined;
      return { stored: stored ?? undefined, token: stored ? token : undefined, expired: Boolean(token && !stored) };
    },

    /** Saves the answers; a new draft sets its cookie. Returns the token to use from now on. */
    async save(reply: FastifyReply, s: Service, token: string | undefined, answers: Record<string, unknown>) {
      const saved = await drafts.save(s.id, token, journey, answers);
      if (saved.isNew)
        reply.setCookie(name(s), saved.token, { path: path(s), httpOnly: true, sameSite: 'lax', secure: deps.secure, maxAge: DRAFT_HOURS * 3600 });
      return saved.token;
    },

    /** Deletes the draft (once sent) and its cookie. */
    async forget(reply: FastifyReply, s: Service, token: string | undefined) {
      if (token) await drafts.discard(s.id, token);
      reply.clearCookie(name(s), { path: path(s) });
    },

    /** Clears the cookie of a draft that has expired. */
    clear(reply: FastifyReply, s: Service) {
      reply.clearCookie(name(s), { path: path(s) });
    },
  };
}
export type JourneyCookie = ReturnType<typeof createJourneyCookie>;
