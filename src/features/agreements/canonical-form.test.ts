import { describe, expect, it } from 'vitest';
import { type CanonicalInput, canonicalForm } from './canonical-form.ts';

const base: CanonicalInput = {
  reference: 'AGR-7K2M9QX4B1ZT',
  caseReference: 'COM-2026-0001',
  caseType: 'community',
  version: 1,
  statements: { notBinding: 'Not binding.', confidentiality: 'Confidential.', monitoring: 'We will call.' },
  terms: [
    {
      who: [{ kind: 'party', partyId: '11111111-1111-4111-8111-111111111111', name: 'Sam' }],
      what: 'Music down after 10pm',
      dueKind: 'ongoing',
      dueOn: null,
      checkHow: 'Ask Alex',
      appealable: null,
    },
  ],
  issues: [{ issue: 'Noise', outcome: 'agreed' }],
  signers: [{ kind: 'party', name: 'Sam', partyId: '11111111-1111-4111-8111-111111111111', userId: null }],
};

describe('the canonical form', () => {
  it('is RFC 8785 JSON with sorted keys and no whitespace, and its hash is the SHA-256 of it', () => {
    const { canonical, hash } = canonicalForm(base);
    expect(canonical.startsWith('{"case":{"reference":"COM-2026-0001","type":"community"},"format":"parley-agreement/1","issues":')).toBe(true);
    expect(canonical).not.toMatch(/\n|": /);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(canonicalForm(structuredClone(base)).hash).toBe(hash);
  });

  it('does not change with line endings, outer spaces or Unicode normalisation', () => {
    const same = structuredClone(base);
    same.terms[0]!.what = '  Music down after 10pm\r\n';
    same.statements.notBinding = 'Not binding.'.normalize('NFD');
    expect(canonicalForm(same).hash).toBe(canonicalForm(base).hash);
  });

  it('changes with any word a signer reads, any term, issue outcome, signer or version', () => {
    const h = canonicalForm(base).hash;
    const changes: ((c: CanonicalInput) => void)[] = [
      (c) => (c.terms[0]!.what = 'Music down after 11pm'),
      (c) => (c.terms[0]!.dueKind = 'next_review'),
      (c) => (c.terms[0]!.appealable = false),
      (c) => (c.issues[0]!.outcome = 'partly_agreed'),
      (c) => (c.statements.monitoring = 'We will write.'),
      (c) => c.signers.push({ kind: 'mediator', name: 'Vera', partyId: null, userId: null }),
      (c) => (c.version = 2),
      (c) => c.terms.reverse().push({ ...c.terms[0]!, what: 'Another' }),
    ];
    for (const change of changes) {
      const c = structuredClone(base);
      change(c);
      expect(canonicalForm(c).hash).not.toBe(h);
    }
  });
});
