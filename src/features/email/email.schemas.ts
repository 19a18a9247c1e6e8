// The outbox's query strings: a status, a template, words to look for, a page. Anything else is ignored.
import { z } from 'zod';
import { OUTBOX_STATUSES } from './outbox-words.ts';
import { TEMPLATE_NAMES } from './templates.ts';

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

export const ZOutboxQuery = z.object({
  status: z.preprocess(blankToUndefined, z.enum(OUTBOX_STATUSES).optional()),
  template: z.preprocess(blankToUndefined, z.enum(TEMPLATE_NAMES).optional()),
  q: z.preprocess(blankToUndefined, z.string().trim().max(200).optional()),
  page: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(100_000).default(1)),
});
export type OutboxQuery = z.infer<typeof ZOutboxQuery>;

export const ZOutboxParams = z.object({ id: z.uuid('Message ids are UUIDs') });
