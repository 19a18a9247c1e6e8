// The forms on a case: move it, record consent and contact attempts, add notes (restricted, or a disclosure of
// risk of serious harm), save a party's intake record, add tasks and mark them done. Each one checks the form
// with the service's schema, calls one service function, then redirects back to its tab (or shows its page again
// with the problems and what was typed).
import { msg } from '#src/i18n/i18n.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Deps } from '#src/deps.ts';
import type { OrgActor } from '#src/access/actor.ts';
import { fieldErrorsOf, keepValues, parseForm } from '#src/http/forms.ts';
import type { FieldErrors } from '#src/lib/app-error.ts';
import type { CasePagesService } from './case-pages.service.ts';
import type { CaseTab } from './case-pages.present.ts';
import { caseIdParam, renderCaseTab, renderIntake } from './case-page.routes.ts';
import { type RecordPage, renderRecordPage } from './record-pages.routes.ts';
import { ZConsent, ZContact, ZIntake, ZNote, ZPathway, ZTask, ZTransition } from './cases.schemas.ts';
import { windowsFromSlots } from '#src/domain/availability.ts';
import { asBody, dateOf, type FormBody, isTicked, listOf, optionalText, textOf } from '#src/http/page-form.ts';

type Shaped = { input: Record<string, unknown>; dateErrors?: FieldErrors };

type CaseForm<S extends z.ZodType> = {
  path: string;
  /** The tab or page the form is on, shown again when the form has problems (a page under People returns to People). */
  tab: CaseTab | 'intake' | RecordPage;
  /** Field ids on a page with more than one form are prefixed with the form's name. */
  prefix?: string;
  order: string[];
  schema: S;
  shape: (body: FormBody, req: FastifyRequest) => Shaped;
  run: (actor: OrgActor, caseId: string, data: z.infer<S>, req: FastifyRequest) => Promise<unknown>;
  done: (data: z.infer<S>, result: unknown) => string;
};

/** The outcome of each issue, from radios named issueOutcomes-0, issueOutcomes-1, … (a gap where none was chosen). */
function issueOutcomesOf(b: FormBody): (string | undefined)[] {
  const indexes = Object.keys(b)
    .flatMap((k) => /^issueOutcomes-(\d{1,3})$/.exec(k)?.[1] ?? [])
    .map(Number);
  const count = indexes.length ? Math.max(...indexes) + 1 : 0;
  return Array.from({ length: count }, (_, i) => optionalText(b, `issueOutcomes-${i}`));
}

const hrefFor = (key: string) => (/(^|-)(dueOn|metOn|signedOn)$/.test(key) ? `#${key}-day` : `#${key}`);

export function registerCaseFormRoutes(app: FastifyInstance, deps: Pick<Deps, 'caseActivity' | 'cases' | 'clock'>, pages: CasePagesService) {
  function register<S extends z.ZodType>(form: CaseForm<S>) {
    app.post(form.path, async (req: FastifyRequest, reply: FastifyReply) => {
      const caseId = caseIdParam(req);
      const body = asBody(req.body);
      const { input, dateErrors } = form.shape(body, req);
      const parsed = parseForm(form.schema, input);
      let fields: FieldErrors | undefined = parsed.ok ? undefined : parsed.fields;
      if (dateErrors && Object.keys(dateErrors).length) fields = { ...fields, ...dateErrors };
      if (!fields && parsed.ok) {
        try {
          const result = await form.run(req.actor!, caseId, parsed.data, req);
          const tab = form.tab === 'intake' || form.tab === 'consent' || form.tab === 'contact' ? 'people' : form.tab;
          return reply.redirect(`/cases/${caseId}${tab === 'overview' ? '' : `/${tab}`}?done=${form.done(parsed.data, result)}`, 303);
        } catch (err) {
          fields = fieldErrorsOf(err);
          if (!fields) throw err;
          reply.status((err as { status?: number }).status ?? 422);
        }
      } else reply.status(422);
      const pre = form.prefix ? `${form.prefix}-` : '';
      const shown: FieldErrors = Object.fromEntries(Object.entries(fields ?? {}).map(([k, v]) => [`${pre}${k === '_' ? form.order[0] : k}`, v]));
      const order = form.order.map((k) => `${pre}${k}`);
      const errors = [...order.filter((k) => shown[k]), ...Object.keys(shown).filter((k) => !order.includes(k))].map((k) => ({
        text: shown[k]!,
        href: hrefFor(k),
      }));
      const typed = keepValues(body);
      const values = Object.fromEntries(Object.entries(typed).map(([k, v]) => [`${pre}${k}`, v]));
      if (form.tab === 'intake')
        return renderIntake(pages, req, reply, { values: { ...typed, slots: listOf(body, 'slots').join(',') }, fields: shown, errors });
      if (form.tab === 'consent' || form.tab === 'contact') return renderRecordPage(pages, req, reply, form.tab, { values, fields: shown, errors });
      return renderCaseTab(deps, pages, req, reply, form.tab, { values, fields: shown, errors });
    });
  }

  register({
    path: '/cases/:id/move',
    tab: 'overview',
    order: ['to', 'outcome', 'closingReason', 'reason'],
    schema: ZTransition,
    shape: (b) => ({
      input: {
        to: optionalText(b, 'to'),
        reason: optionalText(b, 'reason'),
        outcome: optionalText(b, 'outcome'),
        issueOutcomes: issueOutcomesOf(b),
        closingReason: optionalText(b, 'closingReason'),
      },
    }),
    run: (actor, caseId, data) => deps.cases.transition(actor, caseId, data),
    done: () => 'moved',
  });

  register({
    path: '/cases/:id/pathway',
    tab: 'overview',
    prefix: 'pathway',
    order: ['pathway', 'reason'],
    schema: ZPathway,
    shape: (b) => ({ input: { pathway: optionalText(b, 'pathway'), reason: optionalText(b, 'reason') } }),
    run: (actor, caseId, data) => deps.cases.setPathway(actor, caseId, data),
    done: () => 'pathway',
  });

  register({
    path: '/cases/:id/consents',
    tab: 'consent',
    order: ['partyId', 'status', 'method', 'informationVersion', 'signedOn', 'notes'],
    schema: ZConsent,
    shape: (b) => {
      const signedOn = dateOf(b, 'signedOn', msg('Date signed'));
      return {
        input: {
          partyId: textOf(b, 'partyId'),
          status: optionalText(b, 'status'),
          method: optionalText(b, 'method'),
          notes: optionalText(b, 'notes'),
          informationVersion: optionalText(b, 'informationVersion'),
          signedOn: signedOn.value,
        },
        dateErrors: signedOn.error ? { signedOn: signedOn.error } : undefined,
      };
    },
    run: (actor, caseId, data) => deps.caseActivity.recordConsent(actor, caseId, data),
    // One of three or more parties withdrawing: the case stays, and the page asks whether it goes on with the others.
    done: (_data, result) => ((result as { goOnWith?: string[] | null }).goOnWith ? 'partyWithdrew' : 'consent'),
  });

  register({
    path: '/cases/:id/contacts',
    tab: 'contact',
    order: ['partyId', 'method', 'outcome', 'notes'],
    schema: ZContact,
    shape: (b) => ({
      input: { partyId: textOf(b, 'partyId'), method: optionalText(b, 'method'), outcome: optionalText(b, 'outcome'), notes: optionalText(b, 'notes') },
    }),
    run: (actor, caseId, data) => deps.caseActivity.recordContact(actor, caseId, data),
    done: () => 'contact',
  });

  register({
    path: '/cases/:id/notes',
    tab: 'timeline',
    order: ['body', 'partyId', 'visibility', 'disclosure', 'thirdParty'],
    schema: ZNote,
    shape: (b) => ({
      input: {
        body: textOf(b, 'body'),
        partyId: optionalText(b, 'partyId'),
        restricted: textOf(b, 'visibility') === 'restricted',
        disclosure: isTicked(b, 'disclosure'),
        thirdParty: isTicked(b, 'thirdParty'),
      },
    }),
    run: (actor, caseId, data) => deps.caseActivity.addNote(actor, caseId, data),
    done: (data) => (data.disclosure ? 'disclosure' : 'note'),
  });

  register({
    path: '/cases/:id/people/:partyId/intake',
    tab: 'intake',
    order: ['metOn', 'meetingMode', 'situationNow', 'wantedFuture', 'ideas', 'concerns', 'availability', 'suitability', 'suitabilityNotes', 'disclosure'],
    schema: ZIntake,
    shape: (b, req) => {
      const metOn = dateOf(b, 'metOn', msg('Date met'), { t: req.t });
      return {
        input: {
          partyId: caseIdParam(req, 'partyId'),
          situationNow: optionalText(b, 'situationNow'),
          wantedFuture: optionalText(b, 'wantedFuture'),
          ideas: optionalText(b, 'ideas'),
          concerns: optionalText(b, 'concerns'),
          availability: optionalText(b, 'availability'),
          availabilityWindows: windowsFromSlots(listOf(b, 'slots')),
          suitability: optionalText(b, 'suitability'),
          suitabilityNotes: optionalText(b, 'suitabilityNotes'),
          meetingMode: optionalText(b, 'meetingMode'),
          metOn: metOn.value,
          disclosure: isTicked(b, 'disclosure'),
        },
        dateErrors: metOn.error ? { metOn: metOn.error } : undefined,
      };
    },
    run: (actor, caseId, data) => deps.caseActivity.saveIntake(actor, caseId, data),
    done: (data) => (data.disclosure ? 'disclosure' : 'intake'),
  });

  register({
    path: '/cases/:id/tasks',
    tab: 'tasks',
    order: ['title', 'dueOn'],
    schema: ZTask,
    shape: (b) => {
      const dueOn = dateOf(b, 'dueOn', msg('Due date'), { required: true });
      return { input: { title: textOf(b, 'title'), dueOn: dueOn.value ?? '' }, dateErrors: dueOn.error ? { dueOn: dueOn.error } : undefined };
    },
    run: (actor, caseId, data) => deps.caseActivity.addTask(actor, caseId, data),
    done: () => 'task',
  });

  app.post('/cases/:id/tasks/:taskId/done', async (req, reply) => {
    const caseId = caseIdParam(req);
    await deps.caseActivity.completeTask(req.actor!, caseId, caseIdParam(req, 'taskId'));
    return reply.redirect(`/cases/${caseId}/tasks?done=taskDone`, 303);
  });
}
