// Pure: the canonical form of an agreement version, and its SHA-256 — what a signature is a signature of.
//
// The canonical form is the JSON Canonicalization Scheme (RFC 8785, through the `canonicalize` package: object keys
// sorted by UTF-16 code units, no whitespace, ECMAScript number and string serialisation) of this object:
//   { format: "parley-agreement/1", reference, case: { reference, type }, version,
//     statements: { notBinding, confidentiality, monitoring },
//     terms: [ { who: [ { kind, name, partyId? } ], what, due: { kind, on? }, check, appealable? } ],   (in order)
//     issues: [ { issue, outcome } ],                                                                   (in order)
//     signers: [ { kind, name, partyId? | userId? } ] }                                                  (in order)
// Every string is Unicode NFC with its ends trimmed and line endings as \n; dates are YYYY-MM-DD; absent optional
// members are left out (never null), except an issue's outcome, which is null when not yet marked. The hash is the
// lower-case hex SHA-256 of the canonical form's UTF-8 bytes. Anything that changes the text a signer reads changes
// the hash; a signature records the hash it was given on.
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { AgreementIssue, AgreementStatements, TermWho } from '#src/db/schema/agreements.ts';

export const CANONICAL_FORMAT = 'parley-agreement/1';

export type CanonicalTerm = { who: TermWho[]; what: string; dueKind: string; dueOn: string | null; checkHow: string; appealable: boolean | null };
export type CanonicalSigner = { kind: string; name: string; partyId: string | null; userId: string | null };
export type CanonicalInput = {
  reference: string;
  caseReference: string;
  caseType: string;
  version: number;
  statements: AgreementStatements;
  terms: CanonicalTerm[];
  issues: AgreementIssue[];
  signers: CanonicalSigner[];
};

const text = (s: string) => s.replace(/\r\n?/g, '\n').trim().normalize('NFC');

export function canonicalObject(a: CanonicalInput) {
  return {
    format: CANONICAL_FORMAT,
    reference: text(a.reference),
    case: { reference: text(a.caseReference), type: a.caseType },
    version: a.version,
    statements: { notBinding: text(a.statements.notBinding), confidentiality: text(a.statements.confidentiality), monitoring: text(a.statements.monitoring) },
    terms: a.terms.map((t) => ({
      who: t.who.map((w) => ({ kind: w.kind, name: text(w.name), ...(w.partyId ? { partyId: w.partyId } : {}) })),
      what: text(t.what),
      due: { kind: t.dueKind, ...(t.dueOn ? { on: t.dueOn } : {}) },
      check: text(t.checkHow),
      ...(t.appealable === null ? {} : { appealable: t.appealable }),
    })),
    issues: a.issues.map((i) => ({ issue: text(i.issue), outcome: i.outcome ?? null })),
    signers: a.signers.map((s) => ({
      kind: s.kind,
      name: text(s.name),
      ...(s.partyId ? { partyId: s.partyId } : {}),
      ...(s.userId ? { userId: s.userId } : {}),
    })),
  };
}

export const sha256Hex = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

/** The canonical text of a version and its hash. */
export function canonicalForm(a: CanonicalInput): { canonical: string; hash: string } {
  const canonical = canonicalize(canonicalObject(a));
  if (canonical === undefined) throw new Error('The agreement has no canonical form');
  return { canonical, hash: sha256Hex(canonical) };
}
