// Static assets: GOV.UK and MOJ Frontend CSS/JS and images, and Parley's own files.
// The GOV.UK typeface is for GOV.UK only, so its @font-face rules are removed and text falls back to Arial.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { paramsOf } from '#src/http/page-input.ts';
import { z } from 'zod';

const require = createRequire(import.meta.url);
export const GOVUK_DIR = join(dirname(require.resolve('govuk-frontend/package.json')), 'dist');
export const MOJ_DIR = dirname(require.resolve('@ministryofjustice/frontend/package.json'));
const OWN_DIR = fileURLToPath(new URL('./public', import.meta.url));

export function withoutGovukTypeface(css: string): string {
  return css.replace(/@font-face\{font-family:GDS Transport;[^}]*\}/g, '').replace(/GDS Transport,?/g, '');
}

type Asset = { body: string; type: string };

function loadAssets(): Record<string, Asset> {
  const css = (file: string) => ({ body: withoutGovukTypeface(readFileSync(file, 'utf8')), type: 'text/css; charset=utf-8' });
  const js = (file: string) => ({ body: readFileSync(file, 'utf8'), type: 'text/javascript; charset=utf-8' });
  return {
    'css/govuk-frontend.css': css(join(GOVUK_DIR, 'govuk/govuk-frontend.min.css')),
    'css/moj-frontend.css': css(join(MOJ_DIR, 'moj/moj-frontend.min.css')),
    'css/parley.css': css(join(OWN_DIR, 'parley.css')),
    'js/govuk-frontend.js': js(join(GOVUK_DIR, 'govuk/govuk-frontend.min.js')),
    'js/parley.js': js(join(OWN_DIR, 'parley.js')),
    'js/signature-pad.js': js(join(OWN_DIR, 'signature-pad.js')),
  };
}

const ZAssetParams = z.object({ kind: z.string(), file: z.string() });

export async function registerAssets(app: FastifyInstance) {
  const assets = loadAssets();
  app.get('/assets/:kind/:file', { config: { access: 'public' } }, async (req, reply) => {
    const { kind, file } = paramsOf(req, ZAssetParams);
    const asset = assets[`${kind}/${file}`];
    if (!asset) return reply.callNotFound();
    return reply.header('cache-control', 'public, max-age=3600').type(asset.type).send(asset.body);
  });
  await app.register(fastifyStatic, {
    root: join(GOVUK_DIR, 'govuk/assets/images'),
    prefix: '/assets/images/',
    decorateReply: false,
    maxAge: '1d',
  });
  await app.register(fastifyStatic, {
    root: join(GOVUK_DIR, 'govuk/assets'),
    prefix: '/assets/manifest/',
    decorateReply: false,
    allowedPath: (path) => path === '/manifest.json',
  });
}
