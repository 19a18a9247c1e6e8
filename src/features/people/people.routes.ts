// The people page: members, invitations, roles, deactivation, two-factor and password resets; invitation acceptance.
import { msg, type Translate } from '#src/i18n/i18n.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '#src/deps.ts';
import { AppError } from '#src/lib/app-error.ts';
import { isUuid } from '#src/lib/ids.ts';
import { errorList } from '#src/http/views.ts';
import { fieldErrorsOf, keepValues, parseForm } from '#src/http/forms.ts';
import { ROLES, STAFF_ROLES } from '#src/access/actor.ts';
import { ROLE_LABELS } from '#src/access/permissions.ts';
import { ZAcceptInvitation, ZChangeRole, ZInvite } from './people.schemas.ts';
import { textParam } from '#src/http/page-input.ts';
import { ROLE_NAMES } from '#src/access/role-words.ts';

const roleItemsIn = (t: Translate) => (selected?: string) => STAFF_ROLES.map((r) => ({ value: r, text: t(ROLE_NAMES[r]), selected: r === selected }));
const roleLabels = (t: Translate) => Object.fromEntries(ROLES.map((r) => [r, t(ROLE_LABELS[r])]));

function userIdParam(req: FastifyRequest) {
  const userId = textParam(req, 'userId');
  if (!isUuid(userId)) throw new AppError('NOT_FOUND', msg('That person was not found'));
  return userId;
}

export function registerPeopleRoutes(app: FastifyInstance, deps: Pick<Deps, 'config' | 'passwords' | 'people' | 'twoFactor'>) {
  async function listPage(req: FastifyRequest, reply: FastifyReply, extra: Record<string, unknown> = {}) {
    const { members, invitations } = await deps.people.list(req.actor!);
    return reply.page('people/views/people.njk', {
      pageTitle: req.t('People'),
      members,
      invitations,
      roleItems: roleItemsIn(req.t),
      roleLabels: roleLabels(req.t),
      me: req.actor!.id,
      ...extra,
    });
  }

  app.get('/people', (req, reply) => listPage(req, reply));

  app.get('/people/invite', async (req, reply) =>
    reply.page('people/views/invite.njk', { pageTitle: req.t('Invite someone'), values: {}, roles: roleItemsIn(req.t)() }),
  );

  app.post('/people/invite', { config: { permission: 'people.manage' } }, async (req, reply) => {
    const values = keepValues(req.body);
    const form = parseForm(ZInvite, req.body);
    try {
      if (!form.ok) throw new AppError('UNPROCESSABLE', msg('Check the form'), { fields: form.fields });
      const { token, expiresAt } = await deps.people.invite(req.actor!, form.data);
      const link = `${deps.config.baseUrl}/invitations/${token}`;
      return reply.page('people/views/invited.njk', { pageTitle: req.t('Invitation created'), link, invitee: form.data, expiresAt });
    } catch (err) {
      const fields = fieldErrorsOf(err);
      if (!fields) throw err;
      return reply.status(422).page('people/views/invite.njk', {
        pageTitle: req.t('Invite someone'),
        values,
        roles: roleItemsIn(req.t)(values.role),
        fields,
        errors: errorList(fields, ['name', 'email', 'role']),
      });
    }
  });

  app.post('/people/:userId/role', { config: { permission: 'people.manage' } }, async (req, reply) => {
    const form = parseForm(ZChangeRole, req.body);
    if (!form.ok) throw new AppError('UNPROCESSABLE', msg('Select a role'), { fields: form.fields });
    try {
      await deps.people.changeRole(req.actor!, userIdParam(req), form.data.role);
    } catch (err) {
      if (err instanceof AppError && err.reason === 'LAST_ADMIN') return listPage(req, reply.status(409), { errors: [{ text: err.message }] });
      throw err;
    }
    return listPage(req, reply, { flash: msg('Role changed.') });
  });

  for (const [path, active] of [
    ['deactivate', false],
    ['reactivate', true],
  ] as const) {
    app.post(`/people/:userId/${path}`, { config: { permission: 'people.manage' } }, async (req, reply) => {
      try {
        await deps.people.setActive(req.actor!, userIdParam(req), active);
      } catch (err) {
        if (err instanceof AppError && (err.reason === 'LAST_ADMIN' || err.reason === 'SELF_DEACTIVATION'))
          return listPage(req, reply.status(409), { errors: [{ text: err.message }] });
        throw err;
      }
      return listPage(req, reply, { flash: active ? msg('Reactivated.') : msg('Deactivated. They have been signed out of this service.') });
    });
  }

  app.post('/people/:userId/reset-two-factor', { config: { permission: 'people.manage' } }, async (req, reply) => {
    await deps.twoFactor.resetForMember(req.actor!, userIdParam(req));
    return listPage(req, reply, { flash: msg('Two-factor sign-in reset. They will set it up again when they next sign in.') });
  });

  app.post('/people/:userId/reset-password', { config: { permission: 'people.manage' } }, async (req, reply) => {
    const member = await deps.passwords.resetForMember(req.actor!, userIdParam(req));
    return listPage(req, reply, {
      flash: { text: msg('We have emailed {name} a link to set a new password. It works once, for 30 minutes.'), params: { name: member.name } },
    });
  });

  app.post('/invitations/:invitationId/revoke', { config: { permission: 'people.manage' } }, async (req, reply) => {
    const invitationId = textParam(req, 'invitationId');
    if (!isUuid(invitationId)) throw new AppError('NOT_FOUND', msg('That invitation was not found'));
    await deps.people.revokeInvitation(req.actor!, invitationId);
    return listPage(req, reply, { flash: msg('Invitation withdrawn.') });
  });

  // Public: the invitee follows the link they were sent.
  app.get('/invitations/:token', async (req, reply) => {
    const token = textParam(req, 'token');
    const info = await deps.people.describeInvitation(token);
    return reply.page('people/views/accept.njk', { pageTitle: req.t('Join the service'), token, info });
  });

  app.post('/invitations/:token', { config: { rateLimit: { max: 20, timeWindow: '1 minute' } } }, async (req, reply) => {
    const token = textParam(req, 'token');
    const form = parseForm(ZAcceptInvitation, req.body);
    try {
      if (!form.ok) throw new AppError('UNPROCESSABLE', msg('Enter a password'), { fields: form.fields });
      const { email } = await deps.people.acceptInvitation(token, form.data.password, { ip: req.ip, requestId: req.id });
      return reply.page('people/views/accepted.njk', { pageTitle: req.t('You have joined'), email });
    } catch (err) {
      const fields = fieldErrorsOf(err);
      if (!fields) throw err;
      const info = await deps.people.describeInvitation(token);
      return reply.status(422).page('people/views/accept.njk', { pageTitle: req.t('Join the service'), token, info, fields, errors: errorList(fields) });
    }
  });
}
