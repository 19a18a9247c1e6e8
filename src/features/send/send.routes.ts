// The SEND pages: the SEND tab of a case (details, MIAS decision, dates after it, certificates and the clocks), the
// deadlines queue for coordinators and the register of certificates. Registered once from app.ts with the API twins.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '#src/deps.ts';
import { createCasePagesService } from '#src/features/cases/case-pages.service.ts';
import { caseHeader } from '#src/features/cases/case-pages.present.ts';
import { caseIdParam } from '#src/features/cases/case-page.routes.ts';
import { attempt } from '#src/http/forms.ts';
import { asBody, type FormBody } from '#src/http/page-form.ts';
import { doneOf } from '#src/http/page-input.ts';
import { errorList } from '#src/http/views.ts';
import { msg } from '#src/i18n/i18n.ts';
import type { FieldErrors } from '#src/lib/app-error.ts';
import { registerSendApi } from './send.api.ts';
import { attendeeFields, attendeeForm, certificateForm, detailsForm, dutyForm, miasForm, progressForm } from './send-forms.ts';
import { sendPageModel } from './send.present.ts';
import { registerSendQueuePages } from './send-queue.routes.ts';
import { registerCertificatePdf } from './certificate-pdf.routes.ts';
import { registerSendReport } from './send-report.routes.ts';

type Form = 'details' | 'mias' | 'progress' | 'certificate' | 'attendee' | 'duty';
type State = { form: Form; values: FormBody; fields: FieldErrors };
const DONE: Record<string, string> = {
  details: msg('SEND details saved.'),
  mias: msg('Information and advice call recorded.'),
  progress: msg('Dates saved.'),
  certificate: msg('Certificate issued.'),
  attendee: msg('Attendance saved.'),
  duty: msg('Duty saved.'),
};
const ORDER = [
  'decisionType',
  'issues',
  'decisionLetterOn',
  'requestedBy',
  'miasOn',
  'decision',
  'everyPartyAgreed',
  'attendeeName',
  'attendeeKind',
  'agreed',
  'metOn',
  'kind',
  'adviserName',
  'issueOutcomes',
];

export function registerSend(app: FastifyInstance, deps: Deps) {
  const pages = createCasePagesService({ db: deps.db, cases: deps.cases, clock: deps.clock });
  const { send } = deps;

  async function sendPage(req: FastifyRequest, reply: FastifyReply, state?: State) {
    const caseId = caseIdParam(req);
    const view = await pages.casePage(req.actor!, caseId);
    const header = caseHeader(req.t, view, 'send');
    const data = await send.get(req.actor!, caseId);
    const done = doneOf(req);
    return reply.page('send/views/case-send.njk', {
      pageTitle: `${header.reference} – ${req.t('SEND')}`,
      header,
      // i18n-dynamic: the msg() literals of DONE above
      done: !state && done && DONE[done] ? req.t(DONE[done] as string) : undefined,
      ...sendPageModel(req.t, data, view.canWork, state),
      errors: state ? errorList(state.fields, ORDER) : undefined,
    });
  }

  app.get('/cases/:id/send', (req, reply) => sendPage(req, reply));

  const post = (
    path: string,
    form: Form,
    run: (req: FastifyRequest, caseId: string, b: FormBody) => Promise<{ ok: true } | { ok: false; fields: FieldErrors }>,
  ) =>
    app.post(`/cases/:id/send${path}`, async (req, reply) => {
      const caseId = caseIdParam(req);
      const b = asBody(req.body);
      const result = await run(req, caseId, b);
      if (!result.ok) return sendPage(req, reply.status(422), { form, values: b, fields: result.fields });
      return reply.redirect(`/cases/${caseId}/send?done=${form}`, 303);
    });

  const noStatus = { status: () => undefined };
  const through = async <T>(_req: FastifyRequest, parsed: { ok: true; data: T } | { ok: false; fields: FieldErrors }, work: (data: T) => Promise<unknown>) => {
    if (!parsed.ok) return parsed;
    const r = await attempt(noStatus, () => work(parsed.data));
    return r.ok ? { ok: true as const } : r;
  };

  post('', 'details', (req, caseId, b) => through(req, detailsForm(req.t, b), (d) => send.saveDetails(req.actor!, caseId, d)));
  post('/mias', 'mias', (req, caseId, b) => through(req, miasForm(req.t, b), (d) => send.recordMias(req.actor!, caseId, d)));
  post('/progress', 'progress', (req, caseId, b) => through(req, progressForm(req.t, b), (d) => send.saveProgress(req.actor!, caseId, d)));
  post('/attendees', 'attendee', async (req, caseId, b) => {
    const r = await through(req, attendeeForm(req.t, b), (d) => send.addAttendee(req.actor!, caseId, d));
    return r.ok ? r : { ok: false, fields: attendeeFields(r.fields) };
  });
  app.post('/cases/:id/send/attendees/:index/remove', async (req, reply) => {
    const caseId = caseIdParam(req);
    const index = Number((req.params as { index?: string }).index);
    await send.removeAttendee(req.actor!, caseId, index); // checks who may work on the case first, then the index
    return reply.redirect(`/cases/${caseId}/send?done=attendee`, 303);
  });
  app.post('/cases/:id/send/duties/:termId', async (req, reply) => {
    const caseId = caseIdParam(req);
    const termId = String((req.params as { termId?: string }).termId ?? '');
    const b = asBody(req.body);
    const parsed = /^[0-9a-f-]{36}$/i.test(termId) ? dutyForm(req.t, b) : { ok: false as const, fields: { metOn: req.t('That duty was not found') } };
    const result = await through(req, parsed, (d) => send.recordDutyMet(req.actor!, caseId, termId, d.metOn ?? null));
    if (!result.ok) return sendPage(req, reply.status(422), { form: 'duty', values: { ...b, termId }, fields: result.fields });
    return reply.redirect(`/cases/${caseId}/send?done=duty`, 303);
  });
  post('/certificates', 'certificate', async (req, caseId, b) => {
    const { details } = await send.get(req.actor!, caseId);
    return through(req, certificateForm(req.t, b, details.issues.length), (d) => send.issueCertificate(req.actor!, caseId, d));
  });

  registerSendQueuePages(app, deps);
  registerCertificatePdf(app, deps);
  registerSendReport(app, deps);
  registerSendApi(app, deps);
}
