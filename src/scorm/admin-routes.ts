/** The admins' routes: the SCORM page, a package import and a course's attempt settings. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { recordAudit, requireRole, signedIn } from '../accounts/index.js';
import type { Locale } from '../db/database.js';
import { packageStorage } from '../storage/index.js';
import { isLocale } from '../web/i18n/index.js';
import { Csrf, FormText, Id } from '../web/schemas.js';
import { POLICIES, renderAdmin, UPLOAD_LIMIT } from './admin-page.js';
import { acceptUploads, uploadedFile } from './admin-upload.js';
import { isPackageError } from './package/errors.js';
import { setAttemptSettings } from './queries.js';

// Bounded as multipart bounds a field (fieldSize), so the schema refuses nothing the parser kept.
const UploadBody = Type.Object({
  _csrf: Csrf,
  package: Type.Optional(Type.Unknown()),
  slug: FormText(1000),
  locale: FormText(1000),
});
const SettingsParams = Type.Object({ id: Id });
const SettingsBody = Type.Object({
  _csrf: Csrf,
  policy: FormText(100),
  maxAttempts: FormText(100),
});

export async function adminRoutes(instance: FastifyInstance): Promise<void> {
  const admin = instance.withTypeProvider<TypeBoxTypeProvider>();
  // Checked as soon as the session is known, before a byte of an upload is written to disk.
  admin.addHook('onRequest', requireRole('admin'));
  // An upload announced as too large is refused before its body is read.
  admin.addHook('onRequest', async (request, reply) => {
    const length = Number(request.headers['content-length']);
    if (request.method === 'POST' && Number.isFinite(length) && length > UPLOAD_LIMIT + 64 * 1024) {
      reply.header('connection', 'close');
      return renderAdmin(
        admin,
        reply,
        { problems: [{ code: 'limit_total_size', file: '', params: { limit: UPLOAD_LIMIT } }] },
        413,
      );
    }
  });
  await acceptUploads(admin);

  admin.get('/admin/scorm', async (_request, reply) => renderAdmin(admin, reply, {}));

  admin.post(
    '/admin/scorm',
    { schema: { body: UploadBody }, attachValidation: true },
    async (request, reply) => {
      const user = signedIn(request, 'admin');
      const body = request.body ?? {};
      const values = {
        slug: typeof body.slug === 'string' ? body.slug.trim() : '',
        locale: isLocale(body.locale) ? body.locale : ('en' as Locale),
      };
      const file = uploadedFile(body.package);
      if (!file) return renderAdmin(admin, reply, { values, error: 'scorm.import.noFile' }, 400);
      const fileName = file.filename;
      if (file.truncated)
        return renderAdmin(
          admin,
          reply,
          {
            values,
            fileName,
            problems: [
              { code: 'limit_total_size', file: fileName, params: { limit: UPLOAD_LIMIT } },
            ],
          },
          413,
        );
      // Only a slug or locale past the multipart field bound gets here, and only a slug matters.
      if (request.validationError)
        return renderAdmin(
          admin,
          reply,
          { values, fileName, error: 'scorm.import.invalidSlug' },
          422,
        );
      // The package reader (zip, XML, sequencing) loads with the first import, not at start-up.
      const { importPackage, ImportRefused } = await import('./import.js');
      try {
        const result = await importPackage(admin.db, file.path, {
          dataDir: admin.config.dataDir,
          storage: packageStorage(admin.config),
          slug: values.slug || undefined,
          locale: values.locale,
          actorId: user.id,
        });
        await recordAudit(admin.db, {
          actorId: user.id,
          action: 'scorm.import',
          detail: {
            course: result.slug,
            version: result.versionNumber,
            outcome: result.outcome,
            file: fileName,
          },
        });
        return renderAdmin(admin, reply, { result, fileName });
      } catch (error) {
        if (isPackageError(error))
          return renderAdmin(admin, reply, { values, fileName, problems: error.problems }, 422);
        if (error instanceof ImportRefused)
          return renderAdmin(
            admin,
            reply,
            {
              values,
              fileName,
              error:
                error.reason === 'invalid_slug'
                  ? 'scorm.import.invalidSlug'
                  : 'scorm.import.slugTaken',
            },
            422,
          );
        throw error;
      }
    },
  );

  admin.post(
    '/admin/scorm/:id/settings',
    { schema: { params: SettingsParams, body: SettingsBody }, attachValidation: true },
    async (request, reply) => {
      // A refused schema leaves the params and body as they came: checked again below.
      const courseId = Number(request.params.id);
      const typedPolicy = request.body?.policy ?? '';
      const policy = POLICIES.find((entry) => entry === typedPolicy);
      const maxText = (request.body?.maxAttempts ?? '').trim();
      const maxAttempts = maxText === '' ? null : Number(maxText);
      if (
        request.validationError ||
        !Number.isInteger(courseId) ||
        !policy ||
        (maxAttempts !== null &&
          (!Number.isInteger(maxAttempts) || maxAttempts < 1 || maxAttempts > 1000))
      ) {
        return renderAdmin(
          admin,
          reply,
          {
            error: 'scorm.settings.invalid',
            typedSettings: { courseId, policy: typedPolicy, maxAttempts: maxText },
          },
          400,
        );
      }
      await setAttemptSettings(admin.db, courseId, { policy, maxAttempts });
      reply.flash('scorm.settings.saved');
      return reply.redirect('/admin/scorm', 303);
    },
  );
}
