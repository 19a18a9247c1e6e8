// Reading the postcode upload form (multipart/form-data, with the page's CSRF token as a field): each file part is
// streamed to a new file in the data directory as it arrives, so a 1 GB file never sits in memory, and the form's
// fields are on req.body before the CSRF check runs. An upload no load took (a refused form, a wrong file, a request
// cut short) is deleted before the answer is sent.
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import fastifyMultipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { StoredUpload } from './postcode-loads.service.ts';

/** The ONS Postcode Directory is about 1.3 GB as CSV; a little room above the largest release. */
export const POSTCODE_FILE_MAX_BYTES = 4 * 1024 ** 3;

/** A file part as read: where it was written, its size and whether it was cut off at the limit. */
export type UploadedPart = StoredUpload & { size: number; truncated: boolean };

const uploadsOf = new WeakMap<FastifyRequest, { paths: string[]; kept: Set<string> }>();

const isUpload = (v: unknown): v is UploadedPart => Boolean(v && typeof v === 'object' && typeof (v as UploadedPart).path === 'string');

/** The file chosen for a field, if one was (a file input left empty sends a part with no name and no bytes). */
export function uploadIn(body: unknown, field: string): UploadedPart | undefined {
  const v = body && typeof body === 'object' ? (body as Record<string, unknown>)[field] : undefined;
  return isUpload(v) && (v.filename !== '' || v.size > 0) ? v : undefined;
}

/** Keeps an upload after the response: a load has taken it, and its job deletes it when done. */
export function keepUpload(req: FastifyRequest, upload: StoredUpload) {
  uploadsOf.get(req)?.kept.add(upload.path);
}

/** Registers the multipart parser in `scope` only, writing the files it reads where `pathFor` says. */
export async function registerPostcodeUploads(scope: FastifyInstance, pathFor: () => Promise<string>) {
  async function onFile(this: FastifyRequest, part: MultipartFile) {
    const path = await pathFor();
    const mine = uploadsOf.get(this) ?? { paths: [], kept: new Set<string>() };
    uploadsOf.set(this, mine);
    mine.paths.push(path);
    let size = 0;
    part.file.on('data', (chunk: Buffer) => {
      size += chunk.length;
    });
    await pipeline(part.file, createWriteStream(path));
    const upload: UploadedPart = { filename: part.filename.split(/[\\/]/).pop() ?? '', path, size, truncated: part.file.truncated };
    part.value = upload;
  }
  await scope.register(fastifyMultipart, {
    attachFieldsToBody: 'keyValues',
    onFile,
    throwFileSizeLimit: false,
    limits: { fileSize: POSTCODE_FILE_MAX_BYTES, files: 2, fields: 5, fieldSize: 1000, parts: 8, headerPairs: 100 },
  });
  const cleanUp = async (req: FastifyRequest) => {
    const mine = uploadsOf.get(req);
    if (mine) await Promise.all(mine.paths.filter((p) => !mine.kept.has(p)).map((p) => rm(p, { force: true })));
  };
  // Before the answer goes (so the next request never finds a refused upload still there), and if the request is cut short.
  scope.addHook('onSend', async (req, _reply, payload) => {
    await cleanUp(req);
    return payload;
  });
  scope.addHook('onRequestAbort', cleanUp);
}
