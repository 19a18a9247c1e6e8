import { describe, expect, it } from 'vitest';
import type { Viewer } from '#src/access/policies/party.policy.ts';
import { mayConvey, type ShuttleConveyance, type ShuttleStatement, shareableText, shuttleViewFor } from './shuttle-rules.ts';

const at = new Date('2026-12-15T10:00:00Z');
const statement = (id: string, fromPartyId: string, permission: string, text: string, words: string | null = null): ShuttleStatement => ({
  id,
  meetingId: 'm1',
  fromPartyId,
  statement: text,
  permission,
  shareableWords: words,
  recordedAt: at,
});

const SECRET = 'I cannot afford the fence repair until March';
const FULL = 'I am sorry the music was loud on Saturdays';
const INNER = 'I was furious and I think they are lying about the dog';
const WORDS = 'Sam would like to talk about the dog';

const statements = [
  statement('s-no', 'sam', 'no', SECRET),
  statement('s-yes', 'sam', 'yes', FULL),
  statement('s-words', 'sam', 'yes_in_words', INNER, WORDS),
  statement('s-jo', 'jo', 'yes', 'Jo is happy to meet on a weekday'),
];
const conveyances: ShuttleConveyance[] = [
  { id: 'c1', statementId: 's-yes', toPartyId: 'jo', conveyed: FULL, conveyedAt: at },
  // Even if the whole statement were typed as conveyed, the other side only ever reads the agreed words.
  { id: 'c2', statementId: 's-words', toPartyId: 'jo', conveyed: INNER, conveyedAt: at },
  // A "no" statement wrongly logged as passed on never reaches the other side's view.
  { id: 'c3', statementId: 's-no', toPartyId: 'jo', conveyed: SECRET, conveyedAt: at },
];

const sam: Viewer = { kind: 'party', partyId: 'sam' };
const jo: Viewer = { kind: 'party', partyId: 'jo' };
const kit: Viewer = { kind: 'party', partyId: 'kit', supportsPartyIds: ['jo'] };
const staff: Viewer = { kind: 'staff' };

describe('shareableText', () => {
  it('is nothing for "no", the statement for "yes", and only the words for "yes in these words"', () => {
    expect(shareableText(statements[0]!)).toBeNull();
    expect(shareableText(statements[1]!)).toBe(FULL);
    expect(shareableText(statements[2]!)).toBe(WORDS);
    expect(shareableText(statement('x', 'sam', 'yes_in_words', INNER, '  '))).toBeNull();
    expect(shareableText(statement('x', 'sam', 'maybe', INNER))).toBeNull();
  });
});

describe('mayConvey', () => {
  it('never passes a statement back to its speaker, nor one they did not agree to pass on', () => {
    expect(mayConvey(statements[1]!, 'jo')).toEqual({ allowed: true, reasons: [] });
    expect(mayConvey(statements[1]!, 'sam').allowed).toBe(false);
    expect(mayConvey(statements[0]!, 'jo')).toEqual({
      allowed: false,
      reasons: ['The person who made this statement did not agree to it being passed on'],
    });
    expect(mayConvey(statements[0]!, 'sam').reasons).toHaveLength(2);
    expect(mayConvey(statements[2]!, 'jo').allowed).toBe(true);
  });
});

describe('shuttleViewFor', () => {
  it('shows staff the whole log', () => {
    const view = shuttleViewFor(staff, statements, conveyances);
    expect(view.statements.map((s) => s.statement)).toEqual([SECRET, FULL, INNER, 'Jo is happy to meet on a weekday']);
    expect(view.conveyances).toHaveLength(3);
  });

  it('shows the speaker their own statements in full, and nothing of the other side’s unless passed to them', () => {
    const view = shuttleViewFor(sam, statements, conveyances);
    expect(view.statements.map((s) => s.id)).toEqual(['s-no', 's-yes', 's-words']);
    expect(view.conveyances).toEqual([]);
    expect(view.mayPass.map((p) => p.text)).toEqual(['Jo is happy to meet on a weekday']);
  });

  for (const [name, viewer] of [
    ['the other party', jo],
    ['the other party’s supporter', kit],
  ] as const) {
    it(`never shows ${name} a "no" statement, and shows "yes in these words" only in the words`, () => {
      const view = shuttleViewFor(viewer, statements, conveyances);
      const everything = JSON.stringify(view);
      expect(everything).not.toContain(SECRET);
      expect(everything).not.toContain(INNER);
      expect(everything).toContain(WORDS);
      expect(view.statements.map((s) => s.id)).toEqual(['s-jo']);
      expect(view.conveyances.map((c) => [c.statementId, c.conveyed])).toEqual([
        ['s-yes', FULL],
        ['s-words', WORDS],
      ]);
      expect(view.mayPass.map((p) => p.text)).toEqual([FULL, WORDS]);
    });
  }

  it('marks what has already been passed on in the letter', () => {
    const view = shuttleViewFor(jo, statements, conveyances.slice(0, 1));
    expect(view.mayPass.map((p) => [p.statementId, p.passedOn])).toEqual([
      ['s-yes', true],
      ['s-words', false],
    ]);
  });
});
