// Keeps a visitor's answers between the pages of a public journey. The visitor holds a random token in a
// cookie; the database holds only its hash. Drafts expire 24 hours after they are started.
import type { Db } from '#src/db/client.ts';
import { asSystem, inOrg } from '#src/db/tenant.ts';
import type { Clock } from '#src/lib/clock.ts';
import { hashToken, newToken } from '#src/lib/tokens.ts';
import { deleteAllExpiredDrafts, deleteDraft, deleteExpiredDrafts, findDraft, insertDraft, updateDraftAnswers } from './journey-drafts.repo.ts';

export const DRAFT_HOURS = 24;

export function createJourneyDrafts({ db, clock }: { db: Db; clock: Clock }) {
  return {
    /** The answers saved so far, or undefined when the token is unknown or the draft has expired. */
    async load(orgId: string, token: string, journey: string) {
      return inOrg(db, orgId, (tx) => findDraft(tx, orgId, hashToken(token), journey, clock.now()));
    },

    /** Saves the answers; starts a new draft (and returns its new token) when there is none to update. */
    async save(orgId: string, token: string | undefined, journey: string, answers: Record<string, unknown>): Promise<{ token: string; isNew: boolean }> {
      const now = clock.now();
      return inOrg(db, orgId, async (tx) => {
        if (token && (await updateDraftAnswers(tx, orgId, hashToken(token), answers, now))) return { token, isNew: false };
        await deleteExpiredDrafts(tx, orgId, now);
        const fresh = newToken();
        await insertDraft(tx, { id: hashToken(fresh), orgId, journey, answers, expiresAt: new Date(now.getTime() + DRAFT_HOURS * 3_600_000) });
        return { token: fresh, isNew: true };
      });
    },

    async discard(orgId: string, token: string) {
      await inOrg(db, orgId, (tx) => deleteDraft(tx, orgId, hashToken(token)));
    },

    /** Deletes every service's expired drafts; returns how many. (A service's own are also cleared whenever a new draft starts.) */
    async purgeExpired() {
      return asSystem(db, (tx) => deleteAllExpiredDrafts(tx, clock.now()));
    },
  };
}
export type JourneyDrafts = ReturnType<typeof createJourneyDrafts>;
