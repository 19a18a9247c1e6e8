// The training pages: a volunteer's training record (courses, CPD, supervision, observed practice,
// accreditations, supervised cases and accrediting), the service's courses, and a volunteer's own /my/training.
// Each form is read into the service's schema, runs one service call and redirects back; a problem shows the page
// again with what was typed and the message next to its field.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Deps } from '#src/deps.ts';
import { asBody, dateOf, type FormBody, optionalText, textOf } from '#src/http/page-form.ts';
import { fieldErrorsOf, keepValues, parseForm } from '#src/http/forms.ts';
import { msg, translator } from '#src/i18n/i18n.ts';
import type { FieldErrors } from '#src/lib/app-error.ts';
import { NOT_LINKED_MESSAGE } from '../records/my-volunteer.ts';
import { checkRows, standingModel, trainingModel } from './training-pages.present.ts';
import { ZAccredit, ZAccreditation, ZCourseRecord, ZCpdRecord, ZRevoke, ZSessionRecord } from './training.schemas.ts';
import { doneOf, uuidParam } from '#src/http/page-input.ts';

const t = translator('en');

export const DONE: Record<string, string> = {
  course: msg('Course recorded.'),
  cpd: msg('CPD recorded.'),
  supervision: msg('Case supervision recorded.'),
  observed_practice: msg('Observed practice recorded.'),
  deleted: msg('Training record deleted.'),
  accreditation: msg('Accreditation added.'),
  revoked: msg('Accreditation revoked.'),
  accredited: msg('Accredited. Their status is now accredited and they hold the community mediation accreditation.'),
  dbs: msg('DBS check recorded.'),
  statusCheck: msg('Update Service status check recorded.'),
};
export const doneMessageOf = (req: FastifyRequest) => DONE[doneOf(req)];

const NOT_FOUND: Record<string, string> = {
  volunteerId: 'That volunteer was not found',
  trainingRecordId: 'That training record was not found',
  accreditationId: 'That accreditation was not found',
  courseId: 'That course was not found',
  checkId: 'That DBS check was not found',
};
/** A uuid route parameter, or 404. */
export function param(req: FastifyRequest, name: keyof typeof NOT_FOUND = 'volunteerId') {
  return uuidParam(req, name, NOT_FOUND[name]!);
}

/** Decimal hours typed in a form: undefined when blank, NaN when not a number (the schema says what is wrong). */
export const hoursOf = (b: FormBody, key: string) => {
  const text = textOf(b, key).trim();
  return text === '' ? undefined : /^\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
};

export type PageExtra = { values: Record<string, string>; fields: FieldErrors; errors?: { text: string; href: string }[] };
export type Render = (req: FastifyRequest, reply: FastifyReply, extra: PageExtra) => Promise<FastifyReply>;

export type PageForm<S extends z.ZodType> = {
  path: string;
  /** Field ids are `${prefix}-${key}`: a page has several forms. */
  prefix: (req: FastifyRequest) => string;
  order: string[];
  dates?: string[];
  schema: S;
  shape: (b: FormBody, pre: string) => { input: Record<string, unknown>; dateErrors?: FieldErrors };
  /** Runs the service call; returns where to go next. */
  run: (req: FastifyRequest, data: z.infer<S>) => Promise<string>;
  render: Render;
};

export function registerPageForm<S extends z.ZodType>(app: FastifyInstance, form: PageForm<S>) {
  app.post(form.path, async (req, reply) => {
    const body = asBody(req.body);
    const pre = form.prefix(req);
    const { input, dateErrors } = form.shape(body, pre);
    const parsed = parseForm(form.schema, input);
    let fields: FieldErrors | undefined = parsed.ok ? undefined : parsed.fields;
    if (dateErrors && Object.keys(dateErrors).length) fields = { ...fields, ...dateErrors };
    if (!fields && parsed.ok) {
      try {
        return reply.redirect(await form.run(req, parsed.data), 303);
      } catch (err) {
        fields = fieldErrorsOf(err);
        if (!fields) throw err;
        reply.status((err as { status?: number }).status ?? 422);
      }
    } else reply.status(422);
    const shown: FieldErrors = {};
    for (const [k, v] of Object.entries(fields ?? {})) {
      const key = k === '_' || !form.order.includes(k.split('.')[0]!) ? form.order[0]! : k.split('.')[0]!;
      shown[`${pre}-${key}`] ??= v;
    }
    const errors = form.order
      .filter((k) => shown[`${pre}-${k}`])
      .map((k) => ({ text: shown[`${pre}-${k}`]!, href: form.dates?.includes(k) ? `#${pre}-${k}-day` : `#${pre}-${k}` }));
    return form.render(req, reply, { values: keepValues(body), fields: shown, errors });
  });
}

export function registerTrainingPages(app: FastifyInstance, deps: Pick<Deps, 'myTraining' | 'training'>) {
  const render: Render = async (req, reply, extra) => {
    const summary = await deps.training.get(req.actor!, param(req));
    const model = trainingModel(summary, extra.values);
    return reply.page('volunteers/training/views/volunteer-training.njk', {
      pageTitle: t('Training – {name}', { name: model.heading.name }),
      volunteerId: summary.volunteer.id,
      ...model,
      values: extra.values,
      fields: extra.fields,
      errors: extra.errors?.length ? extra.errors : undefined,
      flash: extra.errors?.length ? undefined : doneMessageOf(req),
    });
  };
  const back = (req: FastifyRequest, done: string) => `/volunteers/${param(req)}/training?done=${done}`;
  app.get('/volunteers/:volunteerId/training', (req, reply) => render(req, reply, { values: {}, fields: {} }));

  const dated = (b: FormBody, pre: string, key: string, label: string) => {
    const d = dateOf(b, `${pre}-${key}`, label, { required: true });
    return { value: d.value, errors: d.error ? { [key]: d.error } : undefined };
  };

  registerPageForm(app, {
    path: '/volunteers/:volunteerId/training/courses',
    prefix: () => 'course',
    order: ['courseId', 'on'],
    dates: ['on'],
    schema: ZCourseRecord,
    shape: (b, pre) => {
      const on = dated(b, pre, 'on', 'Date completed');
      return { input: { kind: 'course', courseId: textOf(b, `${pre}-courseId`) || undefined, on: on.value ?? '' }, dateErrors: on.errors };
    },
    run: async (req, data) => {
      await deps.training.addRecord(req.actor!, param(req), data);
      return back(req, 'course');
    },
    render,
  });

  registerPageForm(app, {
    path: '/volunteers/:volunteerId/training/cpd',
    prefix: () => 'cpd',
    order: ['title', 'hours', 'on', 'notes'],
    dates: ['on'],
    schema: ZCpdRecord,
    shape: (b, pre) => {
      const on = dated(b, pre, 'on', 'Date');
      return {
        input: { kind: 'cpd', title: textOf(b, `${pre}-title`), hours: hoursOf(b, `${pre}-hours`), on: on.value ?? '', notes: optionalText(b, `${pre}-notes`) },
        dateErrors: on.errors,
      };
    },
    run: async (req, data) => {
      await deps.training.addRecord(req.actor!, param(req), data);
      return back(req, 'cpd');
    },
    render,
  });

  registerPageForm(app, {
    path: '/volunteers/:volunteerId/training/sessions',
    prefix: () => 'session',
    order: ['kind', 'on', 'notes'],
    dates: ['on'],
    schema: ZSessionRecord,
    shape: (b, pre) => {
      const on = dated(b, pre, 'on', 'Date');
      return { input: { kind: optionalText(b, `${pre}-kind`), on: on.value ?? '', notes: optionalText(b, `${pre}-notes`) }, dateErrors: on.errors };
    },
    run: async (req, data) => {
      await deps.training.addRecord(req.actor!, param(req), data);
      return back(req, data.kind);
    },
    render,
  });

  app.post('/volunteers/:volunteerId/training/:trainingRecordId/delete', async (req, reply) => {
    await deps.training.deleteRecord(req.actor!, param(req), param(req, 'trainingRecordId'));
    return reply.redirect(back(req, 'deleted'), 303);
  });

  registerPageForm(app, {
    path: '/volunteers/:volunteerId/accreditations',
    prefix: () => 'accreditation',
    order: ['area', 'accreditedOn', 'expiresOn'],
    dates: ['accreditedOn', 'expiresOn'],
    schema: ZAccreditation,
    shape: (b, pre) => {
      const on = dated(b, pre, 'accreditedOn', 'Date accredited');
      const expires = dateOf(b, `${pre}-expiresOn`, 'Expiry date');
      return {
        input: { area: optionalText(b, `${pre}-area`), accreditedOn: on.value ?? '', expiresOn: expires.value },
        dateErrors: { ...on.errors, ...(expires.error ? { expiresOn: expires.error } : {}) },
      };
    },
    run: async (req, data) => {
      await deps.training.addAccreditation(req.actor!, param(req), data);
      return back(req, 'accreditation');
    },
    render,
  });

  registerPageForm(app, {
    path: '/volunteers/:volunteerId/accreditations/:accreditationId/revoke',
    prefix: (req) => `revoke-${param(req, 'accreditationId')}`,
    order: ['reason'],
    schema: ZRevoke,
    shape: (b, pre) => ({ input: { reason: textOf(b, `${pre}-reason`) } }),
    run: async (req, data) => {
      await deps.training.revokeAccreditation(req.actor!, param(req), param(req, 'accreditationId'), data);
      return back(req, 'revoked');
    },
    render,
  });

  registerPageForm(app, {
    path: '/volunteers/:volunteerId/accredit',
    prefix: () => 'accredit',
    order: ['accredit', 'note'],
    schema: ZAccredit,
    shape: (b, pre) => ({ input: { note: optionalText(b, `${pre}-note`) } }),
    run: async (req, data) => {
      await deps.training.accredit(req.actor!, param(req), data);
      return back(req, 'accredited');
    },
    render,
  });

  app.get('/my/training', async (req, reply) => {
    const mine = await deps.myTraining.get(req.actor!);
    if (!mine)
      return reply.page('volunteers/training/views/my-training.njk', {
        pageTitle: t('My training and DBS'),
        unlinked: true,
        notLinkedMessage: NOT_LINKED_MESSAGE,
      });
    return reply.page('volunteers/training/views/my-training.njk', {
      pageTitle: t('My training and DBS'),
      ...trainingModel(mine.training),
      standing: standingModel(mine.dbs.standing),
      checks: checkRows(mine.dbs.checks, mine.dbs.latestId).filter((c) => c.isLatest),
      due: mine.due,
    });
  });
}
