// Instance → Postcode lookup (/instance/postcodes), for instance operators: what is loaded, the upload form, and the
// progress of a load (the page refreshes itself while one is under way; no JavaScript). The API twin is
// /api/v1/instance/postcodes, for an operator's session only: an API key belongs to one service (docs/decisions/010).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '#src/deps.ts';
import { errorResponses, ZApiError } from '#src/http/api-schemas.ts';
import { fieldErrorsOf } from '#src/http/forms.ts';
import { instanceActorOf } from '#src/http/request-actor.ts';
import { errorList } from '#src/http/views.ts';
import { localeOr } from '#src/i18n/i18n.ts';
import { AppError, type FieldErrors } from '#src/lib/app-error.ts';
import { keepUpload, registerPostcodeUploads, uploadIn } from './postcode-upload.ts';
import { loadJson, NO_FILE, statusPage, TOO_LARGE } from './postcodes.present.ts';

const ORDER = ['file', 'names'];
/** How often the page asks again while a file loads, in seconds. */
const REFRESH_SECONDS = 5;

async function render(deps: Pick<Deps, 'postcodeLoads'>, req: FastifyRequest, reply: FastifyReply, fields?: FieldErrors) {
  const status = await deps.postcodeLoads.status(instanceActorOf(req));
  const model = statusPage(status, req.t, localeOr(req.locale));
  return reply.page('postcodes/views/instance-postcodes.njk', {
    pageTitle: req.t('Postcode lookup'),
    ...model,
    refreshSeconds: model.loading ? REFRESH_SECONDS : undefined,
    fields: fields ?? {},
    errors: fields ? errorList(fields, ORDER) : undefined,
  });
}

/** The form's files, or what is wrong with them before they are looked at. */
function filesOf(body: unknown) {
  const file = uploadIn(body, 'file');
  const names = uploadIn(body, 'names');
  const fields: FieldErrors = {};
  if (!file) fields.file = NO_FILE;
  else if (file.truncated) fields.file = TOO_LARGE;
  if (names?.truncated) fields.names = TOO_LARGE;
  return { file, names, fields };
}

const ZLoad = z
  .object({
    id: z.string(),
    status: z.enum(['queued', 'running', 'loaded', 'failed']),
    source: z.enum(['upload', 'cli']),
    filename: z.string(),
    namesFilename: z.string().nullable(),
    release: z.string().nullable().describe('The ONS release the file’s name gives, as YYYY-MM'),
    rowsRead: z.number().describe('Lines of the file read so far'),
    rowsLoaded: z.number().nullable().describe('Postcodes in the lookup once loaded'),
    rowsRejected: z.number().nullable().describe('Lines without a postcode or a local authority code'),
    withoutName: z.number().nullable(),
    problem: z.string().nullable().describe('Why it failed: zip, not_text, empty, missing_columns, file_missing or failed'),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .nullable();

export function registerPostcodePages(app: FastifyInstance, deps: Pick<Deps, 'postcodeLoads'>) {
  app.get('/instance/postcodes', (req, reply) => render(deps, req, reply));

  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['instance'];
  api.get(
    '/api/v1/instance/postcodes',
    {
      schema: {
        summary:
          'The postcode → local authority lookup every service shares: how many postcodes it holds, the load it came from, and the newest load (its progress while under way). Instance operators only, signed in: an API key is refused.',
        tags,
        response: {
          200: z.object({ postcodes: z.number(), lastLoaded: ZLoad, latest: ZLoad }),
          ...errorResponses,
        },
      },
    },
    async (req) => {
      const status = await deps.postcodeLoads.status(instanceActorOf(req));
      return { postcodes: status.postcodes, lastLoaded: loadJson(status.lastLoaded), latest: loadJson(status.latest) };
    },
  );

  // The multipart parser lives in its own scope, with these two routes.
  app.register(async (scope) => {
    await registerPostcodeUploads(scope, () => deps.postcodeLoads.uploadPath());

    scope.post('/instance/postcodes', async (req, reply) => {
      const { file, names, fields } = filesOf(req.body);
      if (!file || Object.keys(fields).length) return render(deps, req, reply.status(422), fields);
      try {
        await deps.postcodeLoads.start(instanceActorOf(req), file, names);
      } catch (err) {
        const found = fieldErrorsOf(err, localeOr(req.locale));
        if (!found) throw err;
        return render(deps, req, reply.status((err as AppError).status ?? 422), found);
      }
      keepUpload(req, file);
      if (names) keepUpload(req, names);
      return reply.redirect('/instance/postcodes', 303);
    });

    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/v1/instance/postcodes',
      {
        schema: {
          summary:
            'Upload the ONS postcode file (ONSPD or NSPL, CSV) as multipart/form-data: "file", and optionally "names" (the local authority names and codes file). The file is checked, then loaded by a job; the lookup in use is replaced only when the whole file is in. Instance operators only, signed in (send the CSRF token as the csrf-token header).',
          tags,
          consumes: ['multipart/form-data'],
          body: z.object({
            file: z.unknown().meta({ type: 'string', format: 'binary', description: 'The ONSPD or NSPL CSV file' }),
            names: z.unknown().optional().meta({ type: 'string', format: 'binary', description: 'The local authority names and codes CSV file' }),
          }),
          response: { 202: z.object({ load: ZLoad }), 409: ZApiError, ...errorResponses },
        },
      },
      async (req, reply) => {
        const { file, names, fields } = filesOf(req.body);
        if (!file || Object.keys(fields).length)
          throw new AppError('UNPROCESSABLE', fields.file ?? fields.names ?? NO_FILE, { reason: 'BAD_POSTCODE_FILE', fields });
        const load = await deps.postcodeLoads.start(instanceActorOf(req), file, names);
        keepUpload(req, file);
        if (names) keepUpload(req, names);
        return reply.status(202).send({ load: loadJson(load) });
      },
    );
  });
}
