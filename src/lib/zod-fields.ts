import { z } from 'zod';
import { fieldMessage, msg, worded, wordedLower } from '#src/i18n/i18n.ts';
import type { FieldErrors } from './app-error.ts';

/** Zod issues as field errors: the first message for each field path (a.b.0.c). */
export function zodFields(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    fields[key] ??= issue.message;
  }
  return fields;
}

/** A calendar date that exists, in the years PostgreSQL's date type holds and people use (1 to 9999). */
export function isRealIsoDate(year: number, month: number, day: number): boolean {
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/**
 * Field messages with a label (a msg() value) and limits, worded in the reader's language where shown: made once,
 * where a schema is built (fieldMessage), never with what someone typed.
 */
export const tooLong = (label: string, max: string) => fieldMessage(msg('{label} must be {max} characters or fewer'), { label: worded(label), max });
export const notARealDate = (label: string) => fieldMessage(msg('{label} must be a real date, like 2026-03-27'), { label: worded(label) });
export const enterThe = (label: string) => fieldMessage(msg('Enter the {label}'), { label: wordedLower(label) });

/** The one ISO date field (2026-03-27) of the API's schemas: its shape, and a day that exists. `label` is a msg() value. */
export const isoDate = (label: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, notARealDate(label))
    .refine((v) => isRealIsoDate(Number(v.slice(0, 4)), Number(v.slice(5, 7)), Number(v.slice(8, 10))), msg('Enter a real date'));
