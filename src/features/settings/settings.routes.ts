// The settings (admins): a summary page with a section for each part, each changed on its own short form (the
// reference prefix, areas covered, notices, texts for the public; case types on their own page). Works without
// JavaScript: notices are removed with a tick and added one at a time in a blank row. A problem shows the form
// again with every answer as typed and the message next to its field.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '#src/deps.ts';
import { caseTypeName } from '#src/domain/case-words.ts';
import { paramsOf } from '#src/http/page-input.ts';
import { z } from 'zod';
import { AppError } from '#src/lib/app-error.ts';
import { longDate } from '#src/domain/dates-in-words.ts';
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

/** The sections of the settings, each with its own form: its address, heading and the settings it changes. */
const SECTIONS = {
  references: { title: msg('References'), keys: ['referencePrefix'] },
  areas: { title: msg('Areas covered'), keys: ['areas'] },
  notices: { title: msg('Notices'), keys: ['notices'] },
  texts: { title: msg('Texts for the public'), keys: [...TEXTS] },
} as const;
type Section = keyof typeof SECTIONS;
const ZSectionParams = z.object({ section: z.string().max(40) });

const DONE: Record<string, string> = {
  saved: msg('Settings saved.'),
  references: msg('Reference prefix saved.'),
  areas: msg('Areas covered saved.'),
  notices: msg('Notices saved.'),
  texts: msg('Texts for the public saved.'),
};

export function registerSettingsPages(app: FastifyInstance, deps: Pick<Deps, 'settings'>) {
  const sectionOf = (req: FastifyRequest): Section => {
    const { section } = paramsOf(req, ZSectionParams);
    if (!Object.hasOwn(SECTIONS, section)) throw new AppError('NOT_FOUND', msg('Page not found'));
    return section as Section;
  };

  function renderSection(reply: FastifyReply, section: Section, state: FormState, fields: FieldErrors = {}) {
    const ids = Object.keys(fields);
    const errors = [...ORDER.filter((k) => fields[k]), ...ids.filter((k) => !ORDER.includes(k))].map((k) => ({ text: fields[k]!, href: hrefOf(k) }));
    return reply.page('settings/views/settings-section.njk', {
      pageTitle: t(SECTIONS[section].title),
      backLink: '/settings',
      section,
      s: state,
      fields,
      errors: errors.length ? errors : undefined,
    });
  }

  app.get('/settings', async (req, reply) => {
    const { settings, types } = await deps.settings.overview(req.actor!, req.session?.orgSettings);
    const none = t('None');
    return reply.page('settings/views/settings.njk', {
      pageTitle: t('Settings'),
      flash: DONE[doneOf(req)],
      referencePrefix: settings.referencePrefix,
      offered: types.filter((c) => c.offered).map((c) => caseTypeName(t, c, c.code)),
      postcodePrefixes: settings.areas.postcodePrefixes.join(', ') || none,
      localAuthorities: settings.areas.localAuthorities.join(', ') || none,
      notices: settings.notices.map((n) => ({
        text: n.text,
        when:
          n.from && n.to
            ? t('{from} to {to}', { from: longDate(n.from), to: longDate(n.to) })
            : n.from
              ? t('From {from}', { from: longDate(n.from) })
              : n.to
                ? t('Until {to}', { to: longDate(n.to) })
                : t('Until it is removed'),
      })),
      texts: TEXTS.map((k) => ({ id: k, written: settings[k].trim() !== '' })),
    });
  });

  app.get('/settings/:section', async (req, reply) => {
    const section = sectionOf(req);
    return renderSection(reply, section, stateFromSettings(await deps.settings.get(req.actor!)));
  });

  app.post('/settings/:section', { config: { permission: 'settings.manage' } }, async (req: FastifyRequest, reply) => {
    const section = sectionOf(req);
    const body = asBody(req.body);
    const state = stateFromBody(body);
    const { patch: whole, dateErrors, noticeRowOf } = patchFrom(body, state);
    const keys: readonly string[] = SECTIONS[section].keys;
    const patch = Object.fromEntries(Object.entries(whole).filter(([k]) => keys.includes(k)));
    const form = parseForm(ZSettingsPatch, patch);
    let problems: FieldErrors = form.ok ? {} : form.fields;
    if (form.ok && !Object.keys(dateErrors).length) {
      try {
        // Only this section's settings: the patch schema fills in defaults for the ones it was not given.
        const own = Object.fromEntries(Object.entries(form.data).filter(([k]) => keys.includes(k)));
        await deps.settings.update(req.actor!, own as SettingsPatch);
        return reply.redirect(`/settings?done=${section}`, 303);
      } catch (err) {
        const fields = fieldErrorsOf(err);
        if (!fields) throw err;
        problems = fields;
      }
    }
    const fields: FieldErrors = {};
    for (const [path, message] of Object.entries(problems)) {
      const [id, words] = fieldIdOf(path, whole, noticeRowOf);
      fields[id] ??= words(message);
    }
    for (const [id, message] of Object.entries(dateErrors)) fields[id] ??= message;
    // Keep a blank row for a new notice, as the page had.
    const last = state.notices.at(-1);
    if (!last || last.id || last.text) state.notices.push(blankNotice());
    return renderSection(reply.status(422), section, state, fields);
  });
}
