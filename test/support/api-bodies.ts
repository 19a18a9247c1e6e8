// Request bodies for every API write route, made from the app's own OpenAPI document, so a route added later is
// covered without listing it here. Each free-text string is `text(path)`; dates, times, ids, emails and enums get
// a value of their shape, so the body gets past validation and reaches the service and the database.
import type { ParleyApp } from '#src/app.ts';

export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  minItems?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  additionalProperties?: JsonSchema | boolean;
};

export type WriteRoute = { method: string; url: string; body: JsonSchema | undefined };

/** Every API route that writes, with its request body's schema from the OpenAPI document. */
export async function apiWriteRoutes(app: ParleyApp): Promise<WriteRoute[]> {
  const doc = (await app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as {
    paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>>;
  };
  return app.routeList
    .filter((r) => r.url.startsWith('/api/') && ['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method))
    .map((r) => {
      const op = doc.paths[r.url.replace(/:(\w+)/g, '{$1}')]?.[r.method.toLowerCase()];
      return { method: r.method, url: r.url, body: op?.requestBody?.content?.['application/json']?.schema };
    });
}

const SHAPED = ['2026-03-27', '09:00', 'CT1 2AB', 'ABC', '2026-12-15T10:00:00Z', 'a.person@example.org'];

/** Fields whose checks no free text passes, by the last part of their name. */
const BY_NAME: [RegExp, (typed: string) => string][] = [
  [/phone$/i, () => '01632 960001'],
  [/postcode$/i, () => 'CT1 2AB'],
  [/email$/i, (typed) => `${typed.toLowerCase().replace(/[^a-z0-9-]/g, '')}@example.org`],
  [/(^on|On|Date|dates|Dates)$/, () => '2026-03-27'],
  [/link$/i, () => 'https://meet.example.org/abc'],
  [/certificateNumber$/, () => '001234567890'],
  [/^to$/i, () => '17:00'],
  [/^from$/i, () => '09:00'],
];

function stringFor(s: JsonSchema, path: string, text: (path: string) => string, ids: (path: string) => string): string {
  if (s.enum) return String(s.enum[0]);
  const last = path.split('.').pop() ?? '';
  const named = BY_NAME.find(([re]) => re.test(last));
  if (named && !s.format?.startsWith('date')) {
    const value = named[1](text(path));
    if (!s.pattern || new RegExp(s.pattern).test(value)) return value;
  }
  if (s.format === 'uuid') return ids(path);
  if (s.format === 'email')
    return `${text(path)
      .toLowerCase()
      .replace(/[^a-z0-9-]/g, '')}@example.org`;
  if (s.format === 'date-time') return '2026-12-15T10:00:00Z';
  if (s.format === 'date') return '2026-03-27';
  if (s.pattern) {
    const re = new RegExp(s.pattern);
    const typed = text(path);
    if (re.test(typed)) return typed;
    return SHAPED.find((x) => re.test(x)) ?? typed;
  }
  const typed = text(path);
  return s.maxLength !== undefined && typed.length > s.maxLength ? typed.slice(0, s.maxLength) : typed;
}

/** A body of the schema's shape: required fields and optional ones too, so every field carries a value. */
export function exampleOf(s: JsonSchema | undefined, text: (path: string) => string, ids: (path: string) => string, path = ''): unknown {
  if (!s) return undefined;
  if (s.const !== undefined) return s.const;
  const choice = s.anyOf ?? s.oneOf;
  if (choice) return exampleOf(choice.find((c) => c.type !== 'null') ?? choice[0], text, ids, path);
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  const at = (k: string | number) => (path ? `${path}.${k}` : String(k));
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, inner] of Object.entries(s.properties ?? {})) out[k] = exampleOf(inner, text, ids, at(k));
      return out;
    }
    case 'array':
      if (s.prefixItems) return s.prefixItems.map((inner, i) => exampleOf(inner, text, ids, at(i)));
      return Array.from({ length: Math.max(1, s.minItems ?? 1) }, (_, i) => exampleOf(s.items, text, ids, at(i)));
    case 'string':
      return stringFor(s, path, text, ids);
    case 'integer':
    case 'number':
      return Math.max(s.minimum ?? 1, s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : 1);
    case 'boolean':
      return true;
    default:
      return s.enum ? s.enum[0] : undefined;
  }
}

/** The paths of every leaf value in a body (a.b.0.c), for putting a bad value in one field at a time. */
export function leafPaths(value: unknown, path: string[] = []): string[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leafPaths(v, [...path, String(i)]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leafPaths(v, [...path, k]));
  return path.length ? [path] : [];
}

/** A copy of `value` with the leaf at `path` replaced. */
export function withLeaf(value: unknown, path: string[], leaf: unknown): unknown {
  if (path.length === 0) return leaf;
  const [head, ...rest] = path as [string, ...string[]];
  if (Array.isArray(value)) return value.map((v, i) => (String(i) === head ? withLeaf(v, rest, leaf) : v));
  const obj = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  return { ...obj, [head]: withLeaf(obj[head], rest, leaf) };
}

/** The names of a page's form fields (inputs, text areas, selects), as a browser would send them. */
export function formFieldNames(html: string): string[] {
  const names = new Set<string>();
  for (const m of html.matchAll(/<(?:input|textarea|select)\b[^>]*\bname="([^"]+)"[^>]*>/g)) {
    const tag = m[0];
    if (/type="(?:hidden|submit|file)"/.test(tag) && !/name="[^"]*(?:-day|-month|-year)"/.test(tag)) continue;
    names.add(m[1]!.replace(/&#39;/g, "'"));
  }
  names.delete('_csrf');
  return [...names];
}
