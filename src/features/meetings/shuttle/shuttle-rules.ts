// Pure: the shuttle log's one rule. What a party says in a shuttle session is passed to the other side only with
// their permission: "no" is never passed on (nor shown to anyone but staff and the speaker), "yes" passes the
// statement as said, and "yes in these words" passes only the agreed words, never the statement itself. Every page,
// letter, API answer and export of the log goes through shuttleViewFor.
import type { SharePermission } from '#src/domain/meeting-words.ts';
import type { Viewer } from '#src/access/policies/party.policy.ts';

export type ShuttleStatement = {
  id: string;
  meetingId: string;
  fromPartyId: string;
  statement: string;
  permission: SharePermission | string;
  shareableWords: string | null;
  recordedAt: Date;
  recordedBy?: string | null;
};

export type ShuttleConveyance = {
  id: string;
  statementId: string;
  toPartyId: string;
  conveyed: string;
  conveyedAt: Date;
  conveyedBy?: string | null;
};

/** The only text of a statement that may ever reach another party: null for "no" (or "in these words" without words). */
export function shareableText(s: Pick<ShuttleStatement, 'statement' | 'permission' | 'shareableWords'>): string | null {
  if (s.permission === 'yes') return s.statement;
  if (s.permission === 'yes_in_words') return s.shareableWords?.trim() ? s.shareableWords.trim() : null;
  return null;
}

export type ConveyDecision = { allowed: boolean; reasons: string[] };

/** May this statement be passed to that party? Never back to the speaker, never when they said no. */
export function mayConvey(s: Pick<ShuttleStatement, 'fromPartyId' | 'statement' | 'permission' | 'shareableWords'>, toPartyId: string): ConveyDecision {
  const reasons: string[] = [];
  if (s.fromPartyId === toPartyId) reasons.push('A statement is passed to the other side, not back to the person who made it');
  if (shareableText(s) === null) reasons.push('The person who made this statement did not agree to it being passed on');
  return { allowed: reasons.length === 0, reasons };
}

export type ShuttleView = {
  /** Statements in full: all of them for staff; for a party, only their own (and those of anyone they support). */
  statements: {
    id: string;
    meetingId: string;
    fromPartyId: string;
    statement: string;
    permission: string;
    shareableWords: string | null;
    shareableText: string | null;
    recordedAt: Date;
    recordedBy: string | null;
  }[];
  /** What was passed on: all of it for staff; for a party, only what was passed to them, and only in permitted words. */
  conveyances: { id: string; statementId: string; fromPartyId: string; toPartyId: string; conveyed: string; conveyedAt: Date }[];
  /** For a party: everything from the other side that may be passed to them (the letter), and whether it has been. */
  mayPass: { statementId: string; fromPartyId: string; text: string; recordedAt: Date; passedOn: boolean }[];
};

/** The shuttle log as this viewer may see it. */
export function shuttleViewFor(viewer: Viewer, statements: readonly ShuttleStatement[], conveyances: readonly ShuttleConveyance[]): ShuttleView {
  const byId = new Map(statements.map((s) => [s.id, s]));
  const full = (s: ShuttleStatement) => ({
    id: s.id,
    meetingId: s.meetingId,
    fromPartyId: s.fromPartyId,
    statement: s.statement,
    permission: s.permission,
    shareableWords: s.shareableWords,
    shareableText: shareableText(s),
    recordedAt: s.recordedAt,
    recordedBy: s.recordedBy ?? null,
  });
  if (viewer.kind === 'staff') {
    return {
      statements: statements.map(full),
      conveyances: conveyances.flatMap((c) => {
        const s = byId.get(c.statementId);
        return s
          ? [{ id: c.id, statementId: c.statementId, fromPartyId: s.fromPartyId, toPartyId: c.toPartyId, conveyed: c.conveyed, conveyedAt: c.conveyedAt }]
          : [];
      }),
      mayPass: [],
    };
  }
  const sides = new Set([viewer.partyId, ...(viewer.supportsPartyIds ?? [])]);
  const received = conveyances.flatMap((c) => {
    const s = byId.get(c.statementId);
    if (!s || !sides.has(c.toPartyId) || sides.has(s.fromPartyId)) return [];
    // Shown in the permitted words only, whatever was typed when it was passed on.
    const text = mayConvey(s, c.toPartyId).allowed ? shareableText(s) : null;
    return text === null ? [] : [{ id: c.id, statementId: s.id, fromPartyId: s.fromPartyId, toPartyId: c.toPartyId, conveyed: text, conveyedAt: c.conveyedAt }];
  });
  const passed = new Set(received.filter((c) => c.toPartyId === viewer.partyId).map((c) => c.statementId));
  return {
    statements: statements.filter((s) => sides.has(s.fromPartyId)).map(full),
    conveyances: received,
    mayPass: statements.flatMap((s) => {
      const text = shareableText(s);
      if (text === null || sides.has(s.fromPartyId) || !mayConvey(s, viewer.partyId).allowed) return [];
      return [{ statementId: s.id, fromPartyId: s.fromPartyId, text, recordedAt: s.recordedAt, passedOn: passed.has(s.id) }];
    }),
  };
}
