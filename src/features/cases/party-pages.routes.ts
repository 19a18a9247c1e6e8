// The People tab's own pages for who is on a case: add a person, correct one (role, name, contact details,
// safe-contact instructions, needs) and remove someone entered in error, with a reason. A refused form is shown again
// with what was typed and the problems in a GOV.UK error summary.
import { languageItems } from '#src/i18n/languages.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '#src/deps.ts';
import { fieldErrorsOf, keepValues, parseForm } from '#src/http/forms.ts';
import { msg } from '#src/i18n/i18n.ts';
import type { FieldErrors } from '#src/lib/app-error.ts';
import { AppError } from '#src/lib/app-error.ts';
import type { CasePagesService } from './case-pages.service.ts';
import { caseHeader } from './case-pages.present.ts';
import { caseIdParam } from './case-page.routes.ts';
import { PARTY_ROLE_LABELS, type PartyRole, rolesFor } from '#src/domain/case-words.ts';
import { ZAddParty, ZPartyFields, ZRemoveParty } from './cases.schemas.ts';
import { asBody, type FormBody, optionalText, textOf } from '#src/http/page-form.ts';

const ORDER = [
  'role',
  'name',
  'email',
  'phone',
  'address',
  'postcode',
  'safeContact',
  'canLeaveMessages',
  'canSendLetters',
  'needs',
  'preferredLanguage',
  'reason',
];
type Extra = { values?: Record<string, string>; fields?: FieldErrors };

const errorList = (fields: FieldErrors) =>
  [...ORDER.filter((k) => fields[k]), ...Object.keys(fields).filter((k) => !ORDER.includes(k))].map((k) => ({
    text: fields[k]!,
    href: `#${k === '_' ? 'role' : k}`,
  }));

/** The form's answers as the party schema reads them (blank answers clear a detail when correcting). */
function partyInput(b: FormBody) {
  const messages = textOf(b, 'canLeaveMessages');
  const letters = textOf(b, 'canSendLetters');
  return {
    name: textOf(b, 'name'),
    role: optionalText(b, 'role'),
    email: textOf(b, 'email'),
    phone: textOf(b, 'phone'),
    address: textOf(b, 'address'),
    postcode: textOf(b, 'postcode'),
    safeContact: textOf(b, 'safeContact'),
    canLeaveMessages: messages === 'yes' ? true : messages === 'no' ? false : undefined,
    canSendLetters: letters === 'yes' ? true : letters === 'no' ? false : undefined,
    needs: textOf(b, 'needs'),
    preferredLanguage: optionalText(b, 'preferredLanguage'),
    reason: optionalText(b, 'reason'),
  };
}

export function registerPartyPages(app: FastifyInstance, deps: Pick<Deps, 'parties'>, pages: CasePagesService) {
  async function render(req: FastifyRequest, reply: FastifyReply, mode: 'add' | 'edit' | 'remove', extra: Extra = {}) {
    const caseId = caseIdParam(req);
    const view = await pages.casePage(req.actor!, caseId);
    if (!view.canManage) throw new AppError('FORBIDDEN', msg('Only case coordinators and admins change who is on a case'), { reason: 'ROLE_NOT_ALLOWED' });
    const header = caseHeader(req.t, view, 'people');
    const party = mode === 'add' ? undefined : view.parties.find((p) => p.id === caseIdParam(req, 'partyId'));
    if (mode !== 'add' && !party) throw new AppError('NOT_FOUND', msg('That person was not found on this case'));
    const fromParty: Record<string, string> = party
      ? {
          role: party.role,
          name: party.name,
          email: party.email ?? '',
          phone: party.phone ?? '',
          address: party.address ?? '',
          postcode: party.postcode ?? '',
          safeContact: party.safeContact ?? '',
          canLeaveMessages: party.canLeaveMessages === true ? 'yes' : party.canLeaveMessages === false ? 'no' : '',
          canSendLetters: party.canSendLetters === true ? 'yes' : party.canSendLetters === false ? 'no' : '',
          needs: party.needs ?? '',
          preferredLanguage: party.preferredLanguage,
        }
      : {};
    const values = extra.values ?? fromParty;
    const offered = [...rolesFor(view.case.caseKind)];
    if (party && !offered.includes(party.role as PartyRole)) offered.push(party.role as PartyRole);
    const fields = extra.fields ?? {};
    const title =
      mode === 'add'
        ? req.t('Add a person')
        : mode === 'edit'
          ? req.t('Change {name}’s details', { name: party!.name })
          : req.t('Remove {name}', { name: party!.name });
    return reply.page(mode === 'remove' ? 'cases/views/case-party-remove.njk' : 'cases/views/case-party.njk', {
      pageTitle: `${header.reference} – ${title}`,
      title,
      header,
      mode,
      party,
      action: mode === 'add' ? `/cases/${caseId}/people/new` : `/cases/${caseId}/people/${party!.id}/${mode}`,
      roleItems: offered.map((r) => ({ value: r, text: req.t(PARTY_ROLE_LABELS[r] ?? r), checked: values.role === r })),
      messageItems: [
        { value: 'yes', text: req.t('Yes'), checked: values.canLeaveMessages === 'yes' },
        { value: 'no', text: req.t('No'), checked: values.canLeaveMessages === 'no' },
      ],
      letterItems: [
        { value: 'yes', text: req.t('Yes'), checked: values.canSendLetters === 'yes' },
        { value: 'no', text: req.t('No: never post anything to them'), checked: values.canSendLetters === 'no' },
      ],
      languageItems: languageItems(values.preferredLanguage || 'en'),
      values,
      fields,
      errors: Object.keys(fields).length ? errorList(fields) : undefined,
    });
  }

  async function submit(req: FastifyRequest, reply: FastifyReply, mode: 'add' | 'edit' | 'remove') {
    const caseId = caseIdParam(req);
    const body = asBody(req.body);
    const typed = keepValues(body);
    const parsed =
      mode === 'remove' ? parseForm(ZRemoveParty, { reason: textOf(body, 'reason') }) : parseForm(mode === 'add' ? ZAddParty : ZPartyFields, partyInput(body));
    let fields: FieldErrors | undefined = parsed.ok ? undefined : parsed.fields;
    if (parsed.ok) {
      try {
        if (mode === 'add') await deps.parties.add(req.actor!, caseId, parsed.data as never);
        else if (mode === 'edit') {
          const { lettersWithdrawn } = await deps.parties.edit(req.actor!, caseId, caseIdParam(req, 'partyId'), parsed.data as never);
          return reply.redirect(`/cases/${caseId}/people?done=${lettersWithdrawn ? 'lettersWithdrawn' : 'partyChanged'}`, 303);
        } else await deps.parties.remove(req.actor!, caseId, caseIdParam(req, 'partyId'), parsed.data as { reason: string });
        return reply.redirect(`/cases/${caseId}/people?done=${mode === 'add' ? 'partyAdded' : 'partyRemoved'}`, 303);
      } catch (err) {
        fields = fieldErrorsOf(err);
        if (!fields) throw err;
        reply.status((err as { status?: number }).status ?? 422);
      }
    } else reply.status(422);
    return render(req, reply, mode, { values: typed, fields });
  }

  app.get('/cases/:id/people/new', (req, reply) => render(req, reply, 'add'));
  app.post('/cases/:id/people/new', (req, reply) => submit(req, reply, 'add'));
  app.get('/cases/:id/people/:partyId/edit', (req, reply) => render(req, reply, 'edit'));
  app.post('/cases/:id/people/:partyId/edit', (req, reply) => submit(req, reply, 'edit'));
  app.get('/cases/:id/people/:partyId/remove', (req, reply) => render(req, reply, 'remove'));
  app.post('/cases/:id/people/:partyId/remove', (req, reply) => submit(req, reply, 'remove'));
}
