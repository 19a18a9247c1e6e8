import { msg, type Translate } from '#src/i18n/i18n.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Deps } from '#src/deps.ts';
import { AppError } from '#src/lib/app-error.ts';
import { isUuid } from '#src/lib/ids.ts';
import { errorList } from '#src/http/views.ts';
import { keepValues, parseForm } from '#src/http/forms.ts';
import { ROLES } from '#src/access/actor.ts';
import { ROLE_LABELS } from '#src/access/permissions.ts';
import { textParam } from '#src/http/page-input.ts';
import { ROLE_NAMES } from '#src/access/role-words.ts';

export const ZNewApiKey = z.object({
  name: z.string().trim().min(1, 'Enter a name that says what the key is for').max(80, 'Name must be 80 characters or fewer'),
  role: z.enum(ROLES, { error: 'Select a role' }),
});

const roleItems = (t: Translate) => ROLES.map((r) => ({ value: r, text: t(ROLE_NAMES[r]) }));
const roleLabels = (t: Translate) => Object.fromEntries(ROLES.map((r) => [r, t(ROLE_LABELS[r])]));

export function registerApiKeyRoutes(app: FastifyInstance, deps: Pick<Deps, 'apiKeys'>) {
  async function listPage(req: FastifyRequest, reply: FastifyReply, extra: Record<string, unknown> = {}) {
    const keys = await deps.apiKeys.list(req.actor!);
    return reply.page('apikeys/views/api-keys.njk', {
      pageTitle: req.t('API keys'),
      keys,
      roles: roleItems(req.t),
      roleLabels: roleLabels(req.t),
      values: {},
      ...extra,
    });
  }

  app.get('/api-keys', (req, reply) => listPage(req, reply));

  app.post('/api-keys', { config: { permission: 'apikeys.manage' } }, async (req, reply) => {
    const form = parseForm(ZNewApiKey, req.body);
    if (!form.ok)
      return listPage(req, reply.status(422), { values: keepValues(req.body), fields: form.fields, errors: errorList(form.fields, ['name', 'role']) });
    const created = await deps.apiKeys.create(req.actor!, form.data);
    return listPage(req, reply, { created: { key: created.key, name: form.data.name } });
  });

  app.post('/api-keys/:keyId/revoke', { config: { permission: 'apikeys.manage' } }, async (req, reply) => {
    const keyId = textParam(req, 'keyId');
    if (!isUuid(keyId)) throw new AppError('NOT_FOUND', msg('That API key was not found'));
    await deps.apiKeys.revoke(req.actor!, keyId);
    return listPage(req, reply, { flash: msg('API key revoked. Requests using it are now refused.') });
  });
}
