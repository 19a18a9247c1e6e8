// The settings page (admins): reference prefixes, case types offered, areas covered, notices and the public
// texts. Works without JavaScript: notices are removed with a tick and added one at a time in a blank row.
// A problem shows the page again with every answer as typed and the message next to its field.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '#src/deps.ts';
import { caseTypeName } from '#src/domain/case-words.ts';
import { asBody, dateOf, dateParts, type FormBody, isTicked, linesOf, listOf, textOf } from '#src/http/page-form.ts';
import { fieldErrorsOf, parseForm } from '#src/http/forms.ts';
import { msg, translator } from '#src/i18n/i18n.ts';
import type { FieldErrors } from '#src/lib/app-error.ts';
import { newId } from '#src/lib/ids.ts';
import { type ServiceSettings, type SettingsPatch, ZSettingsPatch } from './settings.schemas.ts';
import { doneOf } from '#src/http/page-input.ts';

const t = translator('en');
const TEXTS = ['privacyNotice', 'signposting', 'emergencyContacts', 'welcome'] as const;
const MAX_NOTICE_ROWS = 50;

type DateFields = { day: string; month: string; year: string };
type NoticeRow = { id: string; text: string; from: DateFields; to: DateFields; homeVisitsSuspended: boolean; officeClosed: boolean; remove: boolean };
type FormState = {
  referencePrefix: string;
  caseTypes: string[];
  postcodePrefixes: string;
  localAuthorities: string;
  notices: NoticeRow[];
  texts: Record<(typeof TEXTS)[number], string>;
};

const blankNotice = (): NoticeRow => ({
  id: '',
  text: '',
  from: dateParts(null),
  to: dateParts(null),
  homeVisitsSuspended: false,
  officeClosed: false,
  remove: false,
});

function stateFromSettings(s: ServiceSettings): FormState {
  return {
    referencePrefix: s.referencePrefix,
    caseTypes: [...s.caseTypes],
    postcodePrefixes: s.areas.postcodePrefixes.join('\n'),
    localAuthorities: s.areas.localAuthorities.join('\n'),
    notices: [...s.notices.map((n) => ({ ...n, from: dateParts(n.from), to: dateParts(n.to), remove: false })), blankNotice()],
    texts: { privacyNotice: s.privacyNotice, signposting: s.signposting, emergencyContacts: s.emergencyContacts, welcome: s.welcome },
  };
}

const dateFieldsOf = (b: FormBody, prefix: string): DateFields => ({
  day: textOf(b, `${prefix}-day`),
  month: textOf(b, `${prefix}-month`),
  year: textOf(b, `${prefix}-year`),
});

function stateFromBody(b: FormBody): FormState {
  const rows = Math.min(Number.parseInt(textOf(b, 'noticeRows'), 10) || 0, MAX_NOTICE_ROWS);
  return {
    referencePrefix: textOf(b, 'referencePrefix'),
    caseTypes: listOf(b, 'caseTypes'),
    postcodePrefixes: textOf(b, 'postcodePrefixes'),
    localAuthorities: textOf(b, 'localAuthorities'),
    notices: Array.from({ length: rows }, (_, i) => ({
      id: textOf(b, `notice-${i}-id`),
      text: textOf(b, `notice-${i}-text`),
      from: dateFieldsOf(b, `notice-${i}-from`),
      to: dateFieldsOf(b, `notice-${i}-to`),
      homeVisitsSuspended: listOf(b, `notice-${i}-flags`).includes('homeVisitsSuspended'),
      officeClosed: listOf(b, `notice-${i}-flags`).includes('officeClosed'),
      remove: isTicked(b, `notice-${i}-remove`),
    })),
    texts: Object.fromEntries(TEXTS.map((k) => [k, textOf(b, k)])) as FormState['texts'],
  };
}

/** The change to save, and the date problems found on the way (keyed by field id). */
function patchFrom(b: FormBody, state: FormState): { patch: Record<string, unknown>; dateErrors: FieldErrors; noticeRowOf: number[] } {
  const dateErrors: FieldErrors = {};
  const noticeRowOf: number[] = [];
  const notices = state.notices.flatMap((n, i) => {
    const isBlank = !n.id && !n.text.trim() && !Object.values(n.from).join('') && !Object.values(n.to).join('');
    if (n.remove || isBlank) return [];
    const from = dateOf(b, `notice-${i}-from`, msg('From'));
    const to = dateOf(b, `notice-${i}-to`, msg('To'));
    if (from.error) dateErrors[`notice-${i}-from`] = from.error;
    if (to.error) dateErrors[`notice-${i}-to`] = to.error;
    noticeRowOf.push(i);
    return [{ id: n.id || newId(), text: n.text, from: from.value, to: to.value, homeVisitsSuspended: n.homeVisitsSuspended, officeClosed: n.officeClosed }];
  });
  return {
    patch: {
      referencePrefix: state.referencePrefix,
      caseTypes: state.caseTypes,
      areas: { postcodePrefixes: linesOf(b, 'postcodePrefixes'), localAuthorities: linesOf(b, 'localAuthorities') },
      notices,
      ...state.texts,
    },
    dateErrors,
    noticeRowOf,
  };
}

/** A field error from the schema's path (areas.postcodePrefixes.2) to the form's field id and words. */
function fieldIdOf(path: string, patch: Record<string, unknown>, noticeRowOf: number[]): [string, (message: string) => string] {
  const [head, second, third] = path.split('.');
  const areas = patch.areas as { postcodePrefixes: string[]; localAuthorities: string[] };
  if (head === 'areas' && (second === 'postcodePrefixes' || second === 'localAuthorities')) {
    const line = third === undefined ? undefined : areas[second][Number(third)];
    return [second, (m) => (line === undefined ? m : `“${line}”: ${m}`)];
  }
  if (head === 'notices' && second !== undefined) {
    const row = noticeRowOf[Number(second)] ?? 0;
    return [`notice-${row}-${third === 'from' || third === 'to' ? third : 'text'}`, (m) => m];
  }
  if (head === 'caseTypes') return ['caseTypes', () => t('Choose the case types the service offers')];
  return [head ?? 'referencePrefix', (m) => m];
}

const ORDER = ['referencePrefix', 'caseTypes', 'postcodePrefixes', 'localAuthorities'];
const hrefOf = (id: string) => (/^notice-\d+-(from|to)$/.test(id) ? `#${id}-day` : id === 'caseTypes' ? '#caseTypes' : `#${id}`);

export function registerSettingsPages(app: FastifyInstance, deps: Pick<Deps, 'settings'>) {
  async function render(req: FastifyRequest, reply: FastifyReply, state: FormState, extra: { fields?: FieldErrors; flash?: string } = {}) {
    const types = await deps.settings.caseTypes(req.actor!.orgId);
    const fields = extra.fields ?? {};
    const ids = Object.keys(fields);
    const errors = [...ORDER.filter((k) => fields[k]), ...ids.filter((k) => !ORDER.includes(k))].map((k) => ({ text: fields[k]!, href: hrefOf(k) }));
    return reply.page('settings/views/settings.njk', {
      pageTitle: t('Settings'),
      s: state,
      caseTypeItems: types.map((c) => ({ value: c.code, text: caseTypeName(t, c, c.code), checked: state.caseTypes.includes(c.code) })),
      fields,
      errors: errors.length ? errors : undefined,
      flash: extra.flash,
    });
  }

  app.get('/settings', async (req, reply) => {
    const settings = await deps.settings.get(req.actor!);
    return render(req, reply, stateFromSettings(settings), { flash: doneOf(req) === 'saved' ? msg('Settings saved.') : undefined });
  });

  app.post('/settings', { config: { permission: 'settings.manage' } }, async (req: FastifyRequest, reply) => {
    const body = asBody(req.body);
    const state = stateFromBody(body);
    const { patch, dateErrors, noticeRowOf } = patchFrom(body, state);
    const form = parseForm(ZSettingsPatch, patch);
    let problems: FieldErrors = form.ok ? {} : form.fields;
    if (form.ok && !Object.keys(dateErrors).length) {
      try {
        await deps.settings.update(req.actor!, form.data as SettingsPatch);
        return reply.redirect('/settings?done=saved', 303);
      } catch (err) {
        const fields = fieldErrorsOf(err);
        if (!fields) throw err;
        problems = fields;
      }
    }
    const fields: FieldErrors = {};
    for (const [path, message] of Object.entries(problems)) {
      const [id, words] = fieldIdOf(path, patch, noticeRowOf);
      fields[id] ??= words(message);
    }
    for (const [id, message] of Object.entries(dateErrors)) fields[id] ??= message;
    // Keep a blank row for a new notice, as the page had.
    const last = state.notices.at(-1);
    if (!last || last.id || last.text) state.notices.push(blankNotice());
    return render(req, reply.status(422), state, { fields });
  });
}
