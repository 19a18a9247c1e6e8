import { describe, expect, it } from 'vitest';
import { safeErrorFields, safeErrorReason, stackFrames } from './safe-error.ts';

/** A driver error as PostgreSQL sends it: the message and detail quote the row, the codes do not. */
function driverError() {
  const cause = Object.assign(new Error('new row for relation "enquiries" violates check constraint\nFailing row contains (Tia Typed, tia@example.org)'), {
    code: '23514',
    severity: 'ERROR',
    routine: 'ExecConstraints',
    constraint: 'enquiries_name_check',
    table: 'enquiries',
    detail: 'Failing row contains (Tia Typed, tia@example.org)',
  });
  return Object.assign(new Error('Failed query: insert into "enquiries" values ($1, $2)\nparams: Tia Typed,tia@example.org'), { cause });
}

describe('errors as log fields', () => {
  it('keeps the kind, SQLSTATE, constraint, routine and file:line frames, and no word of the message or detail', () => {
    const fields = safeErrorFields(driverError());
    expect(fields.cause).toMatchObject({ sqlState: '23514', constraint: 'enquiries_name_check', routine: 'ExecConstraints', table: 'enquiries' });
    expect(fields.frames?.[0]).toMatch(/^src\/lib\/safe-error\.test\.ts:\d+$/);
    expect(JSON.stringify(fields)).not.toMatch(/Tia|tia@|Failing|params/);
  });

  it('gives a short fixed reason to store, from codes only', () => {
    expect(safeErrorReason(driverError())).toBe('Error 23514 enquiries_name_check');
    const smtp = Object.assign(new Error("Can't send mail - all recipients were rejected: 550 <tia@example.org> unknown"), {
      code: 'EENVELOPE',
      responseCode: 550,
    });
    expect(safeErrorReason(smtp)).toBe('SMTP 550 (EENVELOPE)');
  });

  it('drops a message hidden in the stack, even one made to look like a frame', () => {
    const stack =
      'Error: Tia Typed\n    at tia@example.org (x)\n    at run (/app/src/jobs/worker.ts:45:9)\n    at file:///app/node_modules/pg/lib/client.js:526:17';
    expect(stackFrames(stack)).toEqual(['src/jobs/worker.ts:45', 'node_modules/pg/lib/client.js:526']);
  });

  it('keeps only identifier-like codes: a code with spaces or punctuation is dropped', () => {
    expect(safeErrorFields(Object.assign(new Error('x'), { code: 'tia typed this' })).code).toBeUndefined();
  });
});
