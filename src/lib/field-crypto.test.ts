import { describe, expect, it } from 'vitest';
import { decryptField, encryptField, FieldDecryptError, isEncrypted, keyringFrom, reencryptField } from './field-crypto.ts';

const OLD = 'old-instance-secret-0123456789abcdef';
const NEW = 'new-instance-secret-fedcba9876543210';
const DISCLOSED = 'Child said an adult at home hits them (fictional test text)';

describe('field encryption at rest', () => {
  it('round-trips, and the stored value shows nothing of the text', () => {
    const ring = keyringFrom(OLD);
    const stored = encryptField(ring, 'safeguarding_records.disclosed', DISCLOSED);
    expect(isEncrypted(stored)).toBe(true);
    expect(stored).not.toContain('adult');
    expect(decryptField(ring, 'safeguarding_records.disclosed', stored)).toBe(DISCLOSED);
    // A fresh IV each time: the same text never stores the same twice.
    expect(encryptField(ring, 'safeguarding_records.disclosed', DISCLOSED)).not.toBe(stored);
  });

  it('refuses a changed value, a value moved to another column and a value from an unknown key', () => {
    const ring = keyringFrom(OLD);
    const stored = encryptField(ring, 'safeguarding_records.disclosed', DISCLOSED);
    // The last character but one always changes (it holds whole bits of the text's last bytes).
    const flipped = stored.slice(0, -2) + (stored.at(-2) === 'A' ? 'B' : 'A') + stored.slice(-1);
    expect(() => decryptField(ring, 'safeguarding_records.disclosed', flipped)).toThrow(FieldDecryptError);
    expect(() => decryptField(ring, 'case_events.body', stored)).toThrow(expect.objectContaining({ code: 'TAMPERED' }));
    expect(() => decryptField(keyringFrom(NEW), 'safeguarding_records.disclosed', stored)).toThrow(expect.objectContaining({ code: 'UNKNOWN_KEY' }));
  });

  it('rotates: old values open with the previous secret, and re-encrypting moves them to the new one', () => {
    const before = encryptField(keyringFrom(OLD), 'case_events.body', DISCLOSED);
    const ring = keyringFrom(NEW, [OLD]);
    expect(decryptField(ring, 'case_events.body', before)).toBe(DISCLOSED);
    const after = reencryptField(ring, 'case_events.body', before)!;
    expect(after.split(':')[2]).toBe(ring.current.id);
    expect(reencryptField(ring, 'case_events.body', after)).toBeUndefined();
    // Once every value is moved, the old secret can go.
    expect(decryptField(keyringFrom(NEW), 'case_events.body', after)).toBe(DISCLOSED);
  });

  it('reads a value stored before encryption as it is, and encrypts it on rotation', () => {
    const ring = keyringFrom(NEW);
    expect(decryptField(ring, 'case_events.body', 'plain old note')).toBe('plain old note');
    expect(isEncrypted(reencryptField(ring, 'case_events.body', 'plain old note')!)).toBe(true);
  });
});
