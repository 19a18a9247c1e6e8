// The shuttle log pages: the log of a shuttle session (record a statement with the party's permission; pass a
// permitted statement on), and "What may be passed to {party}", a printable summary for a letter. Both read the log
// through shuttleViewFor, so a statement not to be passed on never reaches the letter.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '#src/deps.ts';
import { caseIdParam } from '#src/features/cases/case-page.routes.ts';
import type { CasePagesService } from '#src/features/cases/case-pages.service.ts';
import { asBody, optionalText } from '#src/http/page-form.ts';
import { keepValues, parseForm } from '#src/http/forms.ts';
import { translator, msg } from '#src/i18n/i18n.ts';
import { AppError, type FieldErrors } from '#src/lib/app-error.ts';
import { isUuid } from '#src/lib/ids.ts';
import { attempt, errorItems, formFields } from '../records/meeting-forms.ts';
import { clockTime, dayInWords } from '#src/domain/meeting-times.ts';
import { SHARE_PERMISSION_LABELS, SHARE_PERMISSIONS } from '#src/domain/meeting-words.ts';
import { meetingIdParam, meetingsHeader } from '../records/meetings.routes.ts';
import { meetingRow } from '../records/meetings.present.ts';
import { ZConvey, ZStatement } from './shuttle.schemas.ts';
import { mayConvey } from './shuttle-rules.ts';
import { doneOf, textParam } from '#src/http/page-input.ts';

const t = translator('en');
const at = (d: Date) => `${dayInWords(d)}, ${clockTime(d)}`;

const DONE: Record<string, string> = { statement: msg('Statement recorded.'), conveyed: msg('Recorded what was passed on.') };

type State = { values: Record<string, string>; fields: FieldErrors; form: string };

async function renderLog(deps: Pick<Deps, 'meetings'>, pages: CasePagesService, req: FastifyRequest, reply: FastifyReply, state?: State) {
  const caseId = caseIdParam(req);
  const { header } = await meetingsHeader(pages, req, caseId);
  const { meeting: m, parties, view } = await deps.meetings.shuttle.log(req.actor!, caseId, meetingIdParam(req));
  const name = (id: string) => parties.find((p) => p.id === id)?.name ?? t('A former party');
  const values = state?.values ?? {};
  const fields = state?.fields ?? {};
  const open = m.status === 'booked' || m.status === 'held';
  return reply.page('meetings/shuttle/views/shuttle-log.njk', {
    pageTitle: `${header.reference} – ${t('Shuttle log')}`,
    header,
    meeting: meetingRow(m),
    open,
    statements: view.statements.map((s) => ({
      id: s.id,
      from: name(s.fromPartyId),
      at: at(s.recordedAt),
      statement: s.statement,
      permission: t(SHARE_PERMISSION_LABELS[s.permission as keyof typeof SHARE_PERMISSION_LABELS] ?? s.permission),
      shareable: s.shareableText,
      conveyed: view.conveyances.filter((c) => c.statementId === s.id).map((c) => ({ to: name(c.toPartyId), at: at(c.conveyedAt), text: c.conveyed })),
      toItems: [
        { value: '', text: t('Choose who it was passed to') },
        ...parties
          .filter((p) => mayConvey(s, p.id).allowed)
          .map((p) => ({ value: p.id, text: p.name, selected: state?.form === s.id && values.toPartyId === p.id })),
      ],
      error: state?.form === s.id ? fields.toPartyId || fields._ : undefined,
    })),
    letters: parties.map((p) => ({ name: p.name, href: `/cases/${caseId}/meetings/${m.id}/shuttle/for/${p.id}` })),
    partyItems: [{ value: '', text: t('Choose who said it') }, ...parties.map((p) => ({ value: p.id, text: p.name, selected: values.partyId === p.id }))],
    permissionItems: SHARE_PERMISSIONS.map((p) => ({ value: p, text: t(SHARE_PERMISSION_LABELS[p]), checked: values.permission === p })),
    values: state?.form === 'statement' ? values : {},
    fields: state?.form === 'statement' ? fields : {},
    errors: Object.keys(fields).length
      ? state?.form === 'statement'
        ? errorItems(fields, ['partyId', 'statement', 'permission', 'words'])
        : [{ text: fields.toPartyId ?? fields._ ?? '', href: `#toPartyId-${state?.form}` }]
      : undefined,
    flash: DONE[doneOf(req)],
  });
}

export function registerShuttlePages(app: FastifyInstance, deps: Pick<Deps, 'meetings'>, pages: CasePagesService) {
  const logUrl = (caseId: string, meetingId: string) => `/cases/${caseId}/meetings/${meetingId}/shuttle`;

  app.get('/cases/:id/meetings/:meetingId/shuttle', (req, reply) => renderLog(deps, pages, req, reply));

  app.post('/cases/:id/meetings/:meetingId/shuttle/statements', async (req, reply) => {
    const caseId = caseIdParam(req);
    const meetingId = meetingIdParam(req);
    const body = asBody(req.body);
    const parsed = parseForm(ZStatement, {
      partyId: optionalText(body, 'partyId'),
      statement: optionalText(body, 'statement') ?? '',
      permission: optionalText(body, 'permission'),
      words: optionalText(body, 'words'),
    });
    if (!parsed.ok) reply.status(422);
    const done = parsed.ok ? await attempt(reply, () => deps.meetings.shuttle.recordStatement(req.actor!, caseId, meetingId, parsed.data)) : parsed;
    if (done.ok) return reply.redirect(`${logUrl(caseId, meetingId)}?done=statement`, 303);
    return renderLog(deps, pages, req, reply, { values: keepValues(body), fields: formFields(done.fields), form: 'statement' });
  });

  app.post('/cases/:id/meetings/:meetingId/shuttle/:statementId/convey', async (req, reply) => {
    const caseId = caseIdParam(req);
    const meetingId = meetingIdParam(req);
    const statementId = textParam(req, 'statementId');
    if (!isUuid(statementId)) throw new AppError('NOT_FOUND', msg('That statement was not found'));
    const body = asBody(req.body);
    const parsed = parseForm(ZConvey, { toPartyId: optionalText(body, 'toPartyId') });
    if (!parsed.ok) reply.status(422);
    const done = parsed.ok ? await attempt(reply, () => deps.meetings.shuttle.convey(req.actor!, caseId, meetingId, statementId, parsed.data)) : parsed;
    if (done.ok) return reply.redirect(`${logUrl(caseId, meetingId)}?done=conveyed`, 303);
    return renderLog(deps, pages, req, reply, { values: keepValues(body), fields: formFields(done.fields), form: statementId });
  });

  app.get('/cases/:id/meetings/:meetingId/shuttle/for/:partyId', async (req, reply) => {
    const caseId = caseIdParam(req);
    const partyId = caseIdParam(req, 'partyId');
    const { header } = await meetingsHeader(pages, req, caseId);
    const { meeting: m, parties, forParty, view } = await deps.meetings.shuttle.log(req.actor!, caseId, meetingIdParam(req), partyId);
    const name = (id: string) => parties.find((p) => p.id === id)?.name ?? t('A former party');
    return reply.page('meetings/shuttle/views/shuttle-letter.njk', {
      pageTitle: `${header.reference} – ${t('What may be passed to {name}', { name: forParty!.name })}`,
      header,
      party: { name: forParty!.name },
      meeting: meetingRow(m),
      logHref: `/cases/${caseId}/meetings/${m.id}/shuttle`,
      mayPass: view.mayPass.map((p) => ({ from: name(p.fromPartyId), text: p.text, at: at(p.recordedAt), passedOn: p.passedOn })),
      passedOn: view.conveyances.map((c) => ({ from: name(c.fromPartyId), text: c.conveyed, at: at(c.conveyedAt) })),
    });
  });
}
