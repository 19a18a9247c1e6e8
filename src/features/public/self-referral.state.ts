// The self-referral in progress for one visitor and one service: the draft behind the cookie, the page
// chrome, and where to go after each answer.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '#src/deps.ts';
import { translator } from '#src/i18n/i18n.ts';
import { createJourneyCookie } from './journey-cookie.ts';
import { serviceChrome, ukToday } from './public-forms.ts';
import {
  type Draft,
  firstIncomplete,
  isAhead,
  JOURNEY,
  type JourneyContext,
  nextSlug,
  previousSlug,
  readDraft,
  journeyContext,
} from './self-referral.journey.ts';
import { bodyOf, queryText, queryOf, textParam } from '#src/http/page-input.ts';
import { z } from 'zod';

export type Journey = {
  service: Awaited<ReturnType<Deps['settings']['publicService']>>;
  ctx: JourneyContext;
  draft: Draft;
  token: string | undefined;
  expired: boolean;
  base: string;
  change: boolean;
};

/** `change=1` (in the address or the form): the person came from the check-your-answers page. */
const ZChange = z.object({ change: queryText });
export function createSelfReferralState(deps: Pick<Deps, 'clock' | 'config' | 'db' | 'settings'>) {
  const cookie = createJourneyCookie({ db: deps.db, clock: deps.clock, secure: deps.config.secureCookies }, JOURNEY, 'parley_refer_');
  const t = translator('en');

  return {
    drafts: cookie.drafts,

    async open(req: FastifyRequest): Promise<Journey> {
      const service = await deps.settings.publicService(textParam(req, 'service'));
      const ctx = journeyContext(service.offers, ukToday(deps.clock));
      const { stored, token, expired } = await cookie.open(req, service);
      const change = queryOf(req, ZChange).change === '1' || bodyOf(req, ZChange).change === '1';
      return {
        service,
        ctx,
        draft: readDraft(stored, ctx),
        token,
        expired,
        base: `/s/${service.slug}/refer`,
        change,
      };
    },

    async save(reply: FastifyReply, j: Journey, draft: Draft) {
      j.token = await cookie.save(reply, j.service, j.token, draft);
      j.draft = draft;
    },

    async forget(reply: FastifyReply, j: Journey) {
      await cookie.forget(reply, j.service, j.token);
    },

    /** Where a visitor must go instead of this page: the start when their answers have expired, or the first unanswered page. */
    detour(reply: FastifyReply, j: Journey, slug: string) {
      if (j.expired) {
        cookie.clear(reply, j.service);
        return `${j.base}?expired=1`;
      }
      if (slug === 'check' ? firstIncomplete(j.draft, j.ctx) !== undefined : isAhead(slug, j.draft, j.ctx))
        return `${j.base}/${firstIncomplete(j.draft, j.ctx)}`;
      return undefined;
    },

    /** After an answer is saved: the next page, or back to check your answers when changing one. */
    after(j: Journey, slug: string): string {
      const q = j.change ? '?change=1' : '';
      if (slug === 'safety' && j.draft.anyoneAtRisk) return `${j.base}/urgent-help${q}`;
      if (slug === 'send-area') slug = 'about-you';
      if (j.change) {
        const gap = firstIncomplete(j.draft, j.ctx);
        return gap ? `${j.base}/${gap}?change=1` : `${j.base}/check`;
      }
      return `${j.base}/${slug === 'urgent-help' ? nextSlug('safety', j.draft, j.ctx) : nextSlug(slug, j.draft, j.ctx)}`;
    },

    /** The model every page of the journey shares. */
    chrome(j: Journey, slug: string, title: string, params?: Record<string, string | number>) {
      const previous = slug === 'urgent-help' ? 'safety' : slug === 'send-area' ? 'about-you' : previousSlug(slug, j.draft, j.ctx);
      return {
        pageTitle: t(title, params),
        ...serviceChrome(j.service),
        referBase: j.base,
        change: j.change,
        backLink: j.change ? `${j.base}/check` : previous ? `${j.base}/${previous}` : j.base,
        privacyUrl: `/s/${j.service.slug}/privacy`,
        emergencyContacts: j.service.settings.emergencyContacts,
      };
    },
  };
}
export type SelfReferralState = ReturnType<typeof createSelfReferralState>;
