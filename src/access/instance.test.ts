import { describe, expect, it } from 'vitest';
import { operatorDecision } from './instance.ts';

describe('acting for the whole instance', () => {
  it('is allowed to a signed-in instance operator only', () => {
    expect(operatorDecision({ type: 'user', operator: true })).toEqual({ allowed: true });
    expect(operatorDecision({ type: 'user', operator: false })).toMatchObject({
      allowed: false,
      reason: 'NOT_OPERATOR',
      message: expect.stringContaining('Only an instance operator'),
    });
    expect(operatorDecision({ type: 'user' })).toMatchObject({ allowed: false, reason: 'NOT_OPERATOR' });
    expect(operatorDecision(undefined)).toMatchObject({ allowed: false, reason: 'NOT_OPERATOR' });
  });

  it('is never allowed to an API key, which belongs to one service, whatever it claims', () => {
    expect(operatorDecision({ type: 'api_key', operator: true })).toMatchObject({
      allowed: false,
      reason: 'NOT_OPERATOR',
      message: expect.stringContaining('An API key belongs to one service'),
    });
  });
});
