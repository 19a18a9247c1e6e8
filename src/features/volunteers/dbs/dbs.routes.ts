// The DBS page of a volunteer record: where they stand, the history of checks (certificate numbers masked),
// recording a check, logging Update Service status checks, and "Show number" — a POST by a coordinator or admin
// that shows one full number on this response only (never cached), and is audited.
import type { FastifyInstance } from 'fastify';
import type { Deps } from '#src/deps.ts';
import { dateOf, optionalText, textOf } from '#src/http/page-form.ts';
import { translator } from '#src/i18n/i18n.ts';
import { volunteerHeading } from '../records/volunteer-pages.present.ts';
import { checkRows, standingModel } from '../training/training-pages.present.ts';
import { doneMessageOf, type PageExtra, param, registerPageForm, type Render } from '../training/training.routes.ts';
import { ZDbsCheck, ZStatusCheck } from '../training/training.schemas.ts';
import { DBS_LEVEL_LABELS, DBS_LEVELS, DBS_WORKFORCE_LABELS, DBS_WORKFORCES } from '../volunteer-words.ts';

const t = translator('en');

export function registerDbsPages(app: FastifyInstance, deps: Pick<Deps, 'dbs'>) {
  const renderWith =
    (revealed?: { checkId: string; certificateNumber: string }, numberCleared = false): Render =>
    async (req, reply, extra: PageExtra) => {
      const view = await deps.dbs.get(req.actor!, param(req));
      const v = extra.values;
      if (revealed) reply.header('cache-control', 'no-store');
      return reply.page('volunteers/dbs/views/volunteer-dbs.njk', {
        pageTitle: t('DBS – {name}', { name: view.volunteer.name }),
        volunteerId: view.volunteer.id,
        heading: volunteerHeading(view.volunteer),
        standing: standingModel(view.standing),
        checks: checkRows(view.checks, view.latestId),
        canManage: view.canManage,
        revealed,
        numberCleared,
        levelItems: DBS_LEVELS.map((l) => ({ value: l, text: t(DBS_LEVEL_LABELS[l]), checked: v['dbs-level'] === l })),
        workforceItems: DBS_WORKFORCES.map((w) => ({ value: w, text: t(DBS_WORKFORCE_LABELS[w]), checked: v['dbs-workforce'] === w })),
        values: v,
        fields: extra.fields,
        errors: extra.errors?.length ? extra.errors : undefined,
        flash: extra.errors?.length ? undefined : doneMessageOf(req),
      });
    };
  const render = renderWith();

  app.get('/volunteers/:volunteerId/dbs', (req, reply) => render(req, reply, { values: {}, fields: {} }));

  registerPageForm(app, {
    path: '/volunteers/:volunteerId/dbs',
    prefix: () => 'dbs',
    order: ['level', 'workforce', 'certificateNumber', 'issuedOn', 'updateService'],
    dates: ['issuedOn'],
    schema: ZDbsCheck,
    shape: (b, pre) => {
      const issued = dateOf(b, `${pre}-issuedOn`, 'Issue date', { required: true });
      const update = textOf(b, `${pre}-updateService`);
      return {
        input: {
          level: optionalText(b, `${pre}-level`),
          workforce: optionalText(b, `${pre}-workforce`),
          certificateNumber: textOf(b, `${pre}-certificateNumber`),
          issuedOn: issued.value ?? '',
          updateService: update === 'yes' ? true : update === 'no' ? false : undefined,
        },
        dateErrors: issued.error ? { issuedOn: issued.error } : undefined,
      };
    },
    run: async (req, data) => {
      await deps.dbs.record(req.actor!, param(req), data);
      return `/volunteers/${param(req)}/dbs?done=dbs`;
    },
    render: async (req, reply, extra) => {
      // A valid certificate number is never written back into the page (only "Show number" shows one, audited):
      // when another answer has a problem, it is typed again. A number with a problem is shown so it can be fixed.
      if (extra.fields['dbs-certificateNumber']) return render(req, reply, extra);
      return renderWith(undefined, true)(req, reply, { ...extra, values: { ...extra.values, 'dbs-certificateNumber': '' } });
    },
  });

  registerPageForm(app, {
    path: '/volunteers/:volunteerId/dbs/:checkId/status-checks',
    prefix: (req) => `status-${param(req, 'checkId')}`,
    order: ['on', 'result'],
    dates: ['on'],
    schema: ZStatusCheck,
    shape: (b, pre) => {
      const on = dateOf(b, `${pre}-on`, 'Date of the status check', { required: true });
      return { input: { on: on.value ?? '', result: optionalText(b, `${pre}-result`) }, dateErrors: on.error ? { on: on.error } : undefined };
    },
    run: async (req, data) => {
      await deps.dbs.addStatusCheck(req.actor!, param(req), param(req, 'checkId'), data);
      return `/volunteers/${param(req)}/dbs?done=statusCheck`;
    },
    render,
  });

  app.post('/volunteers/:volunteerId/dbs/:checkId/reveal', async (req, reply) => {
    const revealed = await deps.dbs.reveal(req.actor!, param(req), param(req, 'checkId'));
    return renderWith(revealed)(req, reply, { values: {}, fields: {} });
  });
}
