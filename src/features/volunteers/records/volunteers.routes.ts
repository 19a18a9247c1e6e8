// The volunteer pages: the list (filter by status, search by name), adding a volunteer, the record (details,
// sign-in, status history, declared connections) and editing the details. The forms that change a record are
// in volunteer-forms.routes.ts, availability in availability-form.ts.
import { languageItems } from '#src/i18n/languages.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '#src/deps.ts';
import { asBody, type FormBody, optionalText, textOf } from '#src/http/page-form.ts';
import { fieldErrorsOf, keepValues, parseForm } from '#src/http/forms.ts';
import { errorList } from '#src/http/views.ts';
import { translator } from '#src/i18n/i18n.ts';
import type { FieldErrors } from '#src/lib/app-error.ts';
import { registerAvailabilityPages } from '../availability/availability-form.ts';
import { registerVolunteerFormRoutes } from './volunteer-forms.routes.ts';
import { formValues, listModel, NEW_VOLUNTEER_VALUES, sectionLinks } from './volunteer-pages.present.ts';
import { doneMessage, idParam, renderRecord } from './volunteer-record.pages.ts';
import { splitLanguages, ZVolunteerCreate, ZVolunteerQuery } from './volunteers.schemas.ts';

const t = translator('en');

const FORM_ORDER = [
  'name',
  'email',
  'phone',
  'address',
  'postcode',
  'languages',
  'gender',
  'preferredLanguage',
  'travelMiles',
  'maxActiveCases',
  'employer',
  'worksForLocalAuthority',
  'employedByLocalAuthority',
  'notes',
];

/** A whole number typed in a form: undefined when blank, NaN when not a number (the schema says what is wrong). */
const wholeNumber = (b: FormBody, key: string) => {
  const text = textOf(b, key).trim();
  return text === '' ? undefined : /^-?\d+$/.test(text) ? Number(text) : Number.NaN;
};

/** The details form as the schema's input; blanks clear a field. */
export function readDetailsForm(b: FormBody): { input: Record<string, unknown>; extra: FieldErrors } {
  const worksForLa = textOf(b, 'worksForLocalAuthority');
  const la = optionalText(b, 'employedByLocalAuthority');
  const extra: FieldErrors = {};
  if (worksForLa === 'yes' && !la) extra.employedByLocalAuthority = t('Enter which local authority they work for');
  return {
    input: {
      name: textOf(b, 'name'),
      email: textOf(b, 'email'),
      phone: textOf(b, 'phone'),
      address: textOf(b, 'address'),
      postcode: textOf(b, 'postcode'),
      languages: splitLanguages(textOf(b, 'languages')),
      gender: textOf(b, 'gender'),
      preferredLanguage: optionalText(b, 'preferredLanguage'),
      travelMiles: wholeNumber(b, 'travelMiles') ?? 10,
      maxActiveCases: wholeNumber(b, 'maxActiveCases') ?? 3,
      employer: textOf(b, 'employer'),
      employedByLocalAuthority: worksForLa === 'yes' ? (la ?? '') : '',
      notes: textOf(b, 'notes'),
    },
    extra,
  };
}

export function registerVolunteerPages(app: FastifyInstance, deps: Pick<Deps, 'clock' | 'config' | 'volunteers'>) {
  function renderForm(reply: FastifyReply, opts: { volunteerId?: string; name?: string; values: Record<string, string>; fields?: FieldErrors }) {
    const fields = opts.fields ?? {};
    const errors = errorList(fields, FORM_ORDER);
    return reply.page('volunteers/records/views/volunteer-form.njk', {
      pageTitle: opts.volunteerId ? t('Change {name}’s details', { name: opts.name ?? '' }) : t('Add a volunteer'),
      volunteerId: opts.volunteerId,
      values: opts.values,
      languageItems: languageItems(opts.values.preferredLanguage || 'en'),
      fields,
      errors: errors.length ? errors : undefined,
    });
  }

  /** Runs a details form: on a problem, the form again with what was typed and the messages. */
  async function submitDetails(
    req: FastifyRequest,
    reply: FastifyReply,
    run: (data: ReturnType<typeof ZVolunteerCreate.parse>) => Promise<string>,
    volunteerId?: string,
  ) {
    const body = asBody(req.body);
    const { input, extra } = readDetailsForm(body);
    const form = parseForm(ZVolunteerCreate, input);
    let fields: FieldErrors = { ...(form.ok ? {} : form.fields), ...extra };
    if (form.ok && !Object.keys(extra).length) {
      try {
        return reply.redirect(await run(form.data), 303);
      } catch (err) {
        const problems = fieldErrorsOf(err);
        if (!problems) throw err;
        fields = problems;
      }
    }
    const shown = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k.startsWith('languages') ? 'languages' : k === '_' ? 'name' : k, v]));
    return renderForm(reply.status(422), { volunteerId, name: textOf(body, 'name'), values: keepValues(body), fields: shown });
  }

  app.get('/volunteers', async (req, reply) => {
    const query = ZVolunteerQuery.parse(req.query ?? {});
    const rows = await deps.volunteers.list(req.actor!, query);
    return reply.page('volunteers/records/views/volunteers.njk', {
      pageTitle: t('Volunteers'),
      ...listModel(rows, query),
      sectionLinks: sectionLinks(req.actor!.role),
      flash: doneMessage(req),
    });
  });

  app.get('/volunteers/new', async (req, reply) => {
    deps.volunteers.newVolunteerForm(req.actor!);
    return renderForm(reply, { values: NEW_VOLUNTEER_VALUES });
  });

  app.post('/volunteers/new', { config: { permission: 'volunteers.manage' } }, (req, reply) =>
    submitDetails(req, reply, async (data) => `/volunteers/${(await deps.volunteers.create(req.actor!, data)).id}?done=created`),
  );

  app.get('/volunteers/:volunteerId', async (req, reply) => {
    return renderRecord(deps, req, reply);
  });

  app.get('/volunteers/:volunteerId/edit', async (req, reply) => {
    const v = await deps.volunteers.forEdit(req.actor!, idParam(req));
    return renderForm(reply, { volunteerId: v.id, name: v.name, values: formValues(v) });
  });

  app.post('/volunteers/:volunteerId/edit', { config: { permission: 'volunteers.manage' } }, (req, reply) => {
    const volunteerId = idParam(req);
    return submitDetails(req, reply, async (data) => `/volunteers/${(await deps.volunteers.update(req.actor!, volunteerId, data)).id}?done=saved`, volunteerId);
  });

  registerVolunteerFormRoutes(app, deps);
  registerAvailabilityPages(app, deps);
}
