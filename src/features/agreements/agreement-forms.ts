// Reading the agreement forms into the services' inputs, and running a form's service call.
import { msg } from '#src/i18n/i18n.ts';
import { asBody, dateOf, type FormBody, listOf, optionalText, textOf } from '#src/http/page-form.ts';
import { parseForm } from '#src/http/forms.ts';
import type { FieldErrors } from '#src/lib/app-error.ts';
import { ZTerm, type TermInput } from './agreements.schemas.ts';

export { asBody, textOf, optionalText };
export { attempt } from '#src/http/forms.ts';

/** The term form (who, what, when, how it is checked; SEND: appealable and the kind of action). */
export function readTermForm(b: FormBody): { ok: true; data: TermInput } | { ok: false; fields: FieldErrors } {
  const due = textOf(b, 'dueKind');
  const date = due === 'date' ? dateOf(b, 'dueOn', msg('The date it is due by')) : {};
  const appealable = textOf(b, 'appealable');
  const parsed = parseForm(ZTerm, {
    who: listOf(b, 'who'),
    what: textOf(b, 'what'),
    dueKind: optionalText(b, 'dueKind'),
    dueOn: date.value,
    checkHow: textOf(b, 'checkHow'),
    appealable: appealable === 'yes' ? true : appealable === 'no' ? false : undefined,
    sendAction: optionalText(b, 'sendAction'),
  });
  const fields: FieldErrors = { ...(parsed.ok ? {} : parsed.fields) };
  if (date.error) fields.dueOn = date.error;
  if (parsed.ok && !Object.keys(fields).length) return parsed;
  return { ok: false, fields };
}

/** The signature form: typed (name + "I agree", works without JavaScript) or drawn (SVG path data from the pad). */
export function readSignatureForm(b: FormBody) {
  const drawing = textOf(b, 'drawing').trim();
  return {
    method: drawing && textOf(b, 'method') !== 'typed' ? 'drawn' : 'typed',
    typedName: textOf(b, 'typedName'),
    drawing,
    confirmName: textOf(b, 'confirmName') === 'yes',
    agree: textOf(b, 'agree') === 'yes',
    seenHash: textOf(b, 'seenHash'),
  };
}

/** A form refused before any service call: 422, and its field errors. */
export function refused<T>(reply: { status(code: number): unknown }, result: T): T {
  reply.status(422);
  return result;
}
