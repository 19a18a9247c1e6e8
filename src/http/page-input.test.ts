// A page route's path, query and body read with zod: a bad path parameter is a 404 in the schema's words, a bad query
// a 400 naming the field, and the optional text fields never fail a page.
import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '#src/lib/app-error.ts';
import { bodyOf, doneOf, paramsOf, queryField, queryOf, queryText, textParam, uuidParam } from './page-input.ts';

const req = (parts: { params?: unknown; query?: unknown; body?: unknown }) => parts as unknown as FastifyRequest;
const ID = '0b9a2c1e-5f0d-4a7e-9c3b-2d1e0f9a8b7c';
const refusal = (run: () => unknown) => {
  try {
    run();
    return undefined;
  } catch (e) {
    return e instanceof AppError ? [e.status, e.message, e.fields] : e;
  }
};

describe('page input', () => {
  it('reads a uuid parameter, or answers 404 in the words given', () => {
    expect(uuidParam(req({ params: { id: ID } }), 'id', 'That case was not found')).toBe(ID);
    expect(refusal(() => uuidParam(req({ params: { id: 'nope' } }), 'id', 'That case was not found'))).toEqual([404, 'That case was not found', undefined]);
    expect(refusal(() => uuidParam(req({ params: {} }), 'id', 'That case was not found'))).toEqual([404, 'That case was not found', undefined]);
  });
  it('reads a text parameter, or answers 404 for an empty or overlong one', () => {
    expect(textParam(req({ params: { token: 'abc' } }), 'token')).toBe('abc');
    expect(refusal(() => textParam(req({ params: { token: '' } }), 'token'))).toEqual([404, 'Page not found', undefined]);
    expect(refusal(() => textParam(req({ params: { token: 'x'.repeat(201) } }), 'token'))).toEqual([404, 'Page not found', undefined]);
  });
  it('reads parameters by schema', () => {
    expect(paramsOf(req({ params: { kind: 'css', file: 'a.css' } }), z.object({ kind: z.string(), file: z.string() }))).toEqual({ kind: 'css', file: 'a.css' });
  });
  it('answers 400 naming the query field it cannot read', () => {
    expect(queryOf(req({ query: { page: '2' } }), z.object({ page: z.coerce.number().int() }))).toEqual({ page: 2 });
    const [status, , fields] = refusal(() => queryOf(req({ query: { page: 'two' } }), z.object({ page: z.coerce.number().int() }))) as [number, string, object];
    expect(status).toBe(400);
    expect(Object.keys(fields)).toEqual(['page']);
  });
  it('reads optional text as absent when it is repeated or too long, and never fails', () => {
    const Z = z.object({ next: queryText });
    expect(queryOf(req({ query: { next: ['/a', '/b'] } }), Z)).toEqual({ next: undefined });
    expect(bodyOf(req({ body: undefined }), Z)).toEqual({ next: undefined });
    expect(bodyOf(req({ body: { next: '/cases' } }), Z)).toEqual({ next: '/cases' });
    expect(doneOf(req({ query: { done: 'saved' } }))).toBe('saved');
    expect(doneOf(req({ query: { done: ['a', 'b'] } }))).toBe('');
    expect(doneOf(req({ query: {} }))).toBe('');
  });
  it('reads one query field by its name', () => {
    expect(queryField(req({ query: { archived: 'show' } }), 'archived')).toBe('show');
    expect(queryField(req({ query: { archived: 'x'.repeat(2001) } }), 'archived')).toBeUndefined();
    expect(queryField(req({ query: { status: 'open' } }), 'archived')).toBeUndefined();
  });
  it('keeps each route’s own words for the same parameter name', () => {
    expect(refusal(() => uuidParam(req({ params: { id: 'nope' } }), 'id', 'That case was not found'))).toEqual([404, 'That case was not found', undefined]);
    expect(refusal(() => uuidParam(req({ params: { id: 'nope' } }), 'id', 'That meeting was not found'))).toEqual([
      404,
      'That meeting was not found',
      undefined,
    ]);
  });
  it('makes each schema once, not on every request', () => {
    // zod compiles an object schema into a function on its first parse (tens of microseconds); a schema made afresh
    // for each request compiled again every time.
    const Original = globalThis.Function;
    let compiled = 0;
    const counting = (r: ReturnType<typeof req>) => {
      uuidParam(r, 'caseId', 'That case was not found');
      doneOf(r);
      queryField(r, 'status');
      textParam(r, 'token');
    };
    const r = req({ params: { caseId: ID, token: 'abc' }, query: { done: 'saved', status: 'open' } });
    counting(r);
    globalThis.Function = new Proxy(Original, {
      construct(target, args) {
        compiled++;
        return Reflect.construct(target, args);
      },
      apply(target, self, args) {
        compiled++;
        return Reflect.apply(target, self, args);
      },
    });
    try {
      for (let i = 0; i < 100; i++) counting(r);
    } finally {
      globalThis.Function = Original;
    }
    expect(compiled).toBe(0);
  });
});
