// The forms that change a volunteer record: status (with date and note), supervisor, declared connections,
// inviting them to sign in or linking their existing sign-in, and creating a record from an application.
// Each checks the form with the service's schema, calls one service function, then redirects back (or shows the
// page again with the problems and what was typed).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '#src/deps.ts';
import { asBody, dateOf, optionalText, textOf } from '#src/http/page-form.ts';
import { fieldErrorsOf, keepValues, parseForm } from '#src/http/forms.ts';
import { translator } from '#src/i18n/i18n.ts';
import { AppError, type FieldErrors } from '#src/lib/app-error.ts';
import { idParam, type PageExtra, renderConnections, renderRecord, renderStatus } from './volunteer-record.pages.ts';
import { ZConnection, ZStatusChange, ZSupervisor } from './volunteers.schemas.ts';

const t = translator('en');
type Render = (deps: Pick<Deps, 'clock' | 'config' | 'volunteers'>, req: FastifyRequest, reply: FastifyReply, extra: PageExtra) => Promise<FastifyReply>;

/** Field ids to the error summary's links: a date input links to its day box. */
const hrefOf = (id: string) => (id === 'on' ? '#on-day' : id === 'kind' ? '#kind' : `#${id}`);

function errorsOf(fields: FieldErrors, order: string[]) {
  const keys = [...order.filter((k) => fields[k]), ...Object.keys(fields).filter((k) => !order.includes(k))];
  return keys.map((k) => ({ text: fields[k]!, href: hrefOf(k) }));
}

export function registerVolunteerFormRoutes(app: FastifyInstance, deps: Pick<Deps, 'clock' | 'config' | 'volunteers'>) {
  /** Parse → run → redirect; or the page again (422/409) with the problems, under the form's field ids. */
  async function handle(
    req: FastifyRequest,
    reply: FastifyReply,
    opts: { input: unknown; schema: Parameters<typeof parseForm>[0]; dateErrors?: FieldErrors; order: string[]; rename?: Record<string, string> },
    run: (data: never) => Promise<string>,
    render: Render,
  ) {
    const form = parseForm(opts.schema, opts.input);
    let fields: FieldErrors = { ...(form.ok ? {} : form.fields), ...opts.dateErrors };
    if (form.ok && !Object.keys(fields).length) {
      try {
        return reply.redirect(await run(form.data as never), 303);
      } catch (err) {
        const problems = fieldErrorsOf(err);
        if (!problems) throw err;
        fields = problems;
        reply.status((err as AppError).status ?? 422);
      }
    } else reply.status(422);
    const shown: FieldErrors = {};
    for (const [k, v] of Object.entries(fields)) shown[opts.rename?.[k] ?? (k === '_' ? opts.order[0]! : k)] ??= v;
    return render(deps, req, reply, { values: keepValues(req.body), fields: shown, errors: errorsOf(shown, opts.order) });
  }

  app.get('/volunteers/:volunteerId/status', (req, reply) => renderStatus(deps, req, reply));

  app.post('/volunteers/:volunteerId/status', (req, reply) => {
    const volunteerId = idParam(req);
    const b = asBody(req.body);
    const on = dateOf(b, 'on', 'Date of the change', { required: true });
    return handle(
      req,
      reply,
      {
        input: { status: optionalText(b, 'status'), on: on.value ?? '', note: optionalText(b, 'note'), supervisorUserId: optionalText(b, 'supervisorUserId') },
        schema: ZStatusChange,
        dateErrors: on.error ? { on: on.error } : undefined,
        order: ['status', 'on', 'supervisorUserId', 'note'],
      },
      async (data: Parameters<Deps['volunteers']['changeStatus']>[2]) => {
        await deps.volunteers.changeStatus(req.actor!, volunteerId, data);
        return `/volunteers/${volunteerId}/status?done=status`;
      },
      renderStatus,
    );
  });

  app.post('/volunteers/:volunteerId/supervisor', (req, reply) => {
    const volunteerId = idParam(req);
    const b = asBody(req.body);
    return handle(
      req,
      reply,
      {
        input: { supervisorUserId: optionalText(b, 'supervisor') ?? null },
        schema: ZSupervisor,
        order: ['supervisor'],
        rename: { supervisorUserId: 'supervisor' },
      },
      async (data: { supervisorUserId: string | null }) => {
        await deps.volunteers.setSupervisor(req.actor!, volunteerId, data.supervisorUserId);
        return `/volunteers/${volunteerId}/status?done=supervisor`;
      },
      renderStatus,
    );
  });

  app.get('/volunteers/:volunteerId/connections', (req, reply) => renderConnections(deps, req, reply));

  app.post('/volunteers/:volunteerId/connections', (req, reply) => {
    const volunteerId = idParam(req);
    const b = asBody(req.body);
    return handle(
      req,
      reply,
      { input: { kind: optionalText(b, 'kind'), text: textOf(b, 'text') }, schema: ZConnection, order: ['kind', 'text'] },
      async (data: Parameters<Deps['volunteers']['addConnection']>[2]) => {
        await deps.volunteers.addConnection(req.actor!, volunteerId, data);
        return `/volunteers/${volunteerId}/connections?done=connection`;
      },
      renderConnections,
    );
  });

  app.post('/volunteers/:volunteerId/connections/:connectionId/remove', async (req, reply) => {
    const volunteerId = idParam(req);
    await deps.volunteers.removeConnection(req.actor!, volunteerId, idParam(req, 'connectionId'));
    return reply.redirect(`/volunteers/${volunteerId}/connections?done=connectionRemoved`, 303);
  });

  /** Invite or link: done, or the record again with the reason it could not be done. */
  async function signInAction(req: FastifyRequest, reply: FastifyReply, run: () => Promise<FastifyReply>) {
    try {
      return await run();
    } catch (err) {
      if (!(err instanceof AppError) || !['CONFLICT', 'UNPROCESSABLE'].includes(err.code)) throw err;
      return renderRecord(deps, req, reply.status(err.status), { errors: [{ text: err.message, href: '#sign-in' }] });
    }
  }

  app.post('/volunteers/:volunteerId/invite', (req, reply) =>
    signInAction(req, reply, async () => {
      const volunteerId = idParam(req);
      const invitation = await deps.volunteers.inviteToSignIn(req.actor!, volunteerId);
      return reply.page('volunteers/records/views/volunteer-invited.njk', {
        pageTitle: t('Invitation created'),
        volunteerId,
        link: `${deps.config.baseUrl}/invitations/${invitation.token}`,
        name: invitation.name,
        email: invitation.email,
        expiresAt: invitation.expiresAt,
      });
    }),
  );

  app.post('/volunteers/:volunteerId/link', (req, reply) =>
    signInAction(req, reply, async () => {
      const volunteerId = idParam(req);
      await deps.volunteers.linkToAccount(req.actor!, volunteerId);
      return reply.redirect(`/volunteers/${volunteerId}?done=linked`, 303);
    }),
  );

  app.post('/volunteer-applications/:applicationId/volunteer', async (req, reply) => {
    const { id } = await deps.volunteers.createFromApplication(req.actor!, idParam(req, 'applicationId'));
    return reply.redirect(`/volunteers/${id}?done=fromApplication`, 303);
  });
}
