/**
 * How a package upload reaches the import: the zip streams to a temporary file while the form is
 * parsed, so the CSRF check (which needs the form's fields) runs before the handler as for every
 * other form; the file is removed once the response is sent, whatever happened.
 */
import multipart from '@fastify/multipart';
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { UPLOAD_LIMIT } from './admin-page.js';
import { scormRoot } from './package-places.js';

/** What the form's file field becomes in the body (`attachFieldsToBody: 'keyValues'`). */
export type UploadedFile = { path: string; filename: string; truncated: boolean };

export async function acceptUploads(admin: FastifyInstance): Promise<void> {
  const uploads = join(scormRoot(admin.config.dataDir), '.uploads');
  const uploaded = new WeakMap<FastifyRequest, string>();
  await admin.register(multipart, {
    attachFieldsToBody: 'keyValues',
    limits: { fileSize: UPLOAD_LIMIT, files: 1, fields: 10, fieldSize: 1000 },
    async onFile(this: FastifyRequest, part) {
      await mkdir(uploads, { recursive: true });
      const path = join(uploads, `${randomBytes(8).toString('hex')}.zip`);
      uploaded.set(this, path);
      // At the limit the stream ends as truncated; nothing past it is written.
      await pipeline(part.file, createWriteStream(path));
      (part as unknown as { value: UploadedFile }).value = {
        path,
        filename: part.filename,
        truncated: part.file.truncated,
      };
    },
  });
  admin.addHook('onResponse', async (request) => {
    const path = uploaded.get(request);
    if (path) await rm(path, { force: true });
  });
}

/** The uploaded file of a form, if one was chosen (an empty file field has no name). */
export function uploadedFile(value: unknown): UploadedFile | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const file = value as Partial<UploadedFile>;
  return file.filename ? (file as UploadedFile) : undefined;
}
