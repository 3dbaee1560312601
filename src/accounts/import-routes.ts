/**
 * /admin/users/import: upload a CSV of people, read the preview (every row and every problem,
 * nothing written), confirm. The file is kept under DATA_DIR/imports/<sha256>.csv between the two
 * steps, so the preview is a plain page with a plain form: it works without JavaScript, and the
 * confirmation carries only the hash.
 */
import multipart from '@fastify/multipart';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { recordAudit } from '../audit/record.js';
import type { MessageKey } from '../web/i18n/index.js';
import { Csrf, FormText } from '../web/schemas.js';
import { requireRole, signedIn } from './guard.js';
import { inviteAll } from './invitations.js';
import { unusablePasswordHash } from './passwords.js';
import { applyImport, planImport, type ImportPlan, type ImportResult } from './user-import.js';
import {
  IMPORT_COLUMNS,
  IMPORT_ROW_LIMIT,
  parseUserCsv,
  type ParsedImport,
} from './user-import-csv.js';
import {
  IMPORT_FILE_LIMIT,
  isImportHash,
  readImportFile,
  storeImportFile,
} from './user-import-files.js';

type UploadedCsv = { bytes: Buffer; filename: string; truncated: boolean };

const UploadBody = Type.Object({ _csrf: Csrf, file: Type.Optional(Type.Unknown()) });
const HashParams = Type.Object({ hash: Type.String({ maxLength: 64 }) });
const FileQuery = Type.Object({ file: FormText(300) });
const ConfirmBody = Type.Object({ _csrf: Csrf, file: FormText(300) });

/** The original file name, for the page only (the file itself is found by its hash). */
const fileLabel = (value: string | undefined) =>
  (value ?? '').replace(/\p{Cc}/gu, '').slice(0, 200);

export async function importRoutes(instance: FastifyInstance): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  // Checked as soon as the session is known, before a byte of an upload is read.
  app.addHook('onRequest', requireRole('admin'));

  const render = (
    reply: FastifyReply,
    state: {
      error?: MessageKey;
      file?: string;
      hash?: string;
      parsed?: ParsedImport;
      plan?: ImportPlan;
      result?: ImportResult;
    },
    status = 200,
  ) =>
    reply.render(
      'admin/import',
      {
        ...state,
        columns: IMPORT_COLUMNS,
        limitMb: IMPORT_FILE_LIMIT / 1024 / 1024,
        rowLimit: IMPORT_ROW_LIMIT,
        titleKey: 'people.import.title',
      },
      { status },
    );

  // A file announced as too large is refused before its body is read, with the page's own words.
  app.addHook('onRequest', async (request, reply) => {
    const length = Number(request.headers['content-length']);
    if (
      request.method === 'POST' &&
      request.routeOptions.url === '/admin/users/import' &&
      Number.isFinite(length) &&
      length > IMPORT_FILE_LIMIT + 64 * 1024
    ) {
      reply.header('connection', 'close');
      return render(reply, { error: 'people.import.tooLarge' }, 413);
    }
  });
  await app.register(multipart, {
    attachFieldsToBody: 'keyValues',
    throwFileSizeLimit: false,
    limits: { fileSize: IMPORT_FILE_LIMIT, files: 1, fields: 5, fieldSize: 1000 },
    async onFile(part) {
      const chunks: Buffer[] = [];
      // At the limit the stream ends as truncated; nothing past it is kept.
      for await (const chunk of part.file) chunks.push(chunk as Buffer);
      (part as unknown as { value: UploadedCsv }).value = {
        bytes: Buffer.concat(chunks),
        filename: part.filename,
        truncated: part.file.truncated,
      };
    },
  });

  app.get('/admin/users/import', async (_request, reply) => render(reply, {}));

  app.post(
    '/admin/users/import',
    { schema: { body: UploadBody }, attachValidation: true },
    async (request, reply) => {
      const upload = request.body?.file as UploadedCsv | undefined;
      if (!upload?.filename) return render(reply, { error: 'people.import.noFile' }, 422);
      if (upload.truncated)
        return render(reply, { error: 'people.import.tooLarge', file: upload.filename }, 413);
      const hash = await storeImportFile(app.config.dataDir, upload.bytes);
      return reply.redirect(
        `/admin/users/import/${hash}?file=${encodeURIComponent(fileLabel(upload.filename))}`,
        303,
      );
    },
  );

  /** The file of a hash, read and planned; undefined when no such file is waiting. */
  const preview = async (request: FastifyRequest, hash: string) => {
    const bytes = isImportHash(hash) ? await readImportFile(app.config.dataDir, hash) : undefined;
    if (!bytes) return undefined;
    const parsed = parseUserCsv(bytes);
    const plan =
      parsed.fileProblems.length > 0
        ? undefined
        : await planImport(app.db, parsed, {
            actorId: signedIn(request, 'admin').id,
            defaultLocale: request.locale,
          });
    return { parsed, plan };
  };

  app.get(
    '/admin/users/import/:hash',
    { schema: { params: HashParams, querystring: FileQuery } },
    async (request, reply) => {
      const file = fileLabel(request.query.file);
      const found = await preview(request, request.params.hash);
      if (!found) return render(reply, { error: 'people.import.unknown', file }, 404);
      return render(reply, { ...found, file, hash: request.params.hash });
    },
  );

  app.post(
    '/admin/users/import/:hash/confirm',
    { schema: { params: HashParams, body: ConfirmBody } },
    async (request, reply) => {
      const admin = signedIn(request, 'admin');
      const { hash } = request.params;
      const file = fileLabel(request.body?.file);
      const found = await preview(request, hash);
      if (!found) return render(reply, { error: 'people.import.unknown', file }, 404);
      if (!found.plan) return render(reply, { ...found, file, hash }, 422);
      // The people, their links and their queued invitations, all or nothing; sent after.
      const result = await applyImport(
        app.db,
        found.plan,
        await unusablePasswordHash(),
        admin.id,
        (trx, created) => inviteAll(app, trx, created),
      );
      app.mail.deliverSoon();
      await recordAudit(app.db, {
        actorId: admin.id,
        action: 'users.import',
        detail: {
          file,
          hash,
          created: result.created.length,
          updated: result.updated,
          unchanged: result.unchanged,
          skipped: result.skipped,
          joined: result.joined,
        },
      });
      request.log.info(
        { by: admin.id, hash, created: result.created.length, updated: result.updated },
        'people imported',
      );
      return render(reply, { file, hash, result });
    },
  );
}
