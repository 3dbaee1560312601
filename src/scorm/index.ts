/**
 * SCORM in the app: the player page of each SCO, the commit endpoint, the admins' import page and
 * (same-origin mode only) the content routes. See src/scorm/content.ts for the content origin.
 */
import multipart from '@fastify/multipart';
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { sql } from 'kysely';
import { recordAudit, requireRole } from '../accounts/index.js';
import type { Locale, ScormAttemptPolicy } from '../db/database.js';
import { label } from '../learn/localize.js';
import { loadPlayer } from '../learn/player.js';
import { directionOf, isLocale, LOCALES, type MessageKey } from '../web/i18n/index.js';
import { openAttempt, recordCommit } from './attempts.js';
import { CONTENT_TOKEN_SECONDS, contentRoutes, SAME_ORIGIN_PREFIX, sameOrigin, wrapperUrl, type ContentToken } from './content.js';
import { importPackage, ImportRefused, scormRoot, type ImportResult } from './import.js';
import { isPackageError, type PackageNotice, type PackageProblem } from './package/index.js';
import { COMMIT_LIMITS, parseCommit, type ParsedCommit } from './runtime/commit.js';
import { signToken, verifyToken } from '../web/signed-token.js';
import { WindowCounter } from '../web/window-counter.js';

type UploadedFile = { path: string; filename: string; truncated: boolean };
type CommitToken = { a: number; u: number; v: 'scorm12' | 'scorm2004' };
/** Long enough for a whole day's sitting; a launch after that gets a new one. */
const COMMIT_TOKEN_SECONDS = 24 * 3600;
const POLICIES: ScormAttemptPolicy[] = ['when_finished', 'never', 'always'];
const UPLOAD_LIMIT = 1024 ** 3;

/** What the SCORM runtime reads when a commit fails before it is looked at (scorm-again retries on result false). */
function commitErrorBody(status: number): Record<string, unknown> {
  const reasons: Record<number, string> = {
    400: 'The commit could not be read.',
    403: 'This launch has expired or was refused: reopen the activity from its course page.',
    413: 'The commit is too large.',
    429: 'Too many commits at once: the player will retry shortly.',
    503: 'The server cannot save right now: the player will retry shortly.',
  };
  return { result: false, errorCode: 101, errorMessage: reasons[status] ?? 'The commit was not saved.' };
}

async function scormPlugin(app: FastifyInstance): Promise<void> {
  const { config } = app;

  app.get<{ Params: { slug: string; item: string } }>('/courses/:slug/scos/:item', async (request, reply) => {
    const player = await loadPlayer(app.db, request, reply, 'sco');
    if (!player) return reply;
    const user = request.user!;
    const launch = await openAttempt(app.db, { id: user.id, name: user.name }, player.item.course_id, player.item.item_id, request.params.item);
    if (!launch) return reply.errorPage('notFound');
    if (launch.sco.scormType === 'asset') {
      // An asset has no API to report with: opening it is completing it, recorded as any commit is.
      const opened: ParsedCommit = { seq: launch.seqBase + 1, cmi: launch.cmi, completionStatus: 'completed', successStatus: 'unknown', scoreScaled: null, scoreRaw: null, totalTimeSeconds: 0, location: '', suspendData: '', interactions: [], objectives: [] };
      await recordCommit(app.db, launch.attemptId, user.id, opened);
    }
    const content: ContentToken = { h: launch.packageHash, r: launch.contentRoot, v: launch.version, u: launch.sco.launchUrl, t: launch.sco.title };
    const commitToken = signToken(config.sessionSecret, 'scorm-commit', { a: launch.attemptId, u: user.id, v: launch.version } satisfies CommitToken, COMMIT_TOKEN_SECONDS);
    const launchJson = JSON.stringify({
      version: launch.version,
      commitUrl: `/scorm/commit/${commitToken}`,
      contentOrigin: sameOrigin(config) ? config.appOrigin : config.contentOrigin.origin,
      seqBase: launch.seqBase,
      attempt: launch.attemptNumber,
      cmi: launch.cmi,
    }).replace(/</g, '\\u003c');
    const contentLocale = player.item.course_locales[0] ?? 'en';
    return reply.render('scorm/player', {
      ...player,
      launchJson,
      wrapperUrl: wrapperUrl(config, signToken(config.sessionSecret, 'scorm-content', content, CONTENT_TOKEN_SECONDS)),
      contentLocale,
      contentDir: directionOf(contentLocale),
      scripts: [`vendor/scorm-again/${launch.version}.js`, 'vendor/scorm-again/cross-frame-lms.js', 'scorm-player.js'],
      title: `${label(player.item.title, request.locale)} · ${label(player.item.course_title, request.locale)}`,
    });
  });

  // Generous for real content (autocommit, a Commit after every answer, a room behind one address);
  // a flood is answered 429 and the player retries with the latest state, so nothing is lost. One
  // limit per address (the rate-limit plugin) and one per attempt (a counter of its own: the plugin
  // runs one limiter per request).
  const perAttempt = new WindowCounter(config.rateLimits.commitsPerAttempt, 60_000);
  const limitAttempt = async (request: FastifyRequest<{ Params: { token: string } }>, reply: FastifyReply) => {
    const attempt = verifyToken<CommitToken>(config.sessionSecret, 'scorm-commit', request.params.token)?.a;
    if (attempt === undefined) return;
    const retryAfter = perAttempt.hit(String(attempt));
    if (retryAfter === 0) return;
    reply.header('retry-after', String(retryAfter));
    throw Object.assign(new Error('Too many commits for this attempt'), { statusCode: 429 });
  };

  // Authenticated by the signed token in the URL, not the session: the last commit is a sendBeacon
  // as the page closes (text/plain, no custom header possible) and must land even if the session
  // ended meanwhile. The token is unguessable, so it also does the work of a CSRF token (and the
  // security layer refuses any Origin but the app's).
  app.post<{ Params: { token: string } }>(
    '/scorm/commit/:token',
    {
      config: { csrf: false, skipSession: true, jsonErrors: commitErrorBody, rateLimit: { max: config.rateLimits.commitsPerAddress, timeWindow: 60_000 } },
      bodyLimit: COMMIT_LIMITS.maxBodyBytes,
      onRequest: limitAttempt,
    },
    async (request, reply) => {
      const token = verifyToken<CommitToken>(config.sessionSecret, 'scorm-commit', request.params.token);
      if (!token) return reply.code(403).send(commitErrorBody(403));
      let body: unknown = request.body;
      if (typeof body === 'string') {
        try {
          body = JSON.parse(body);
        } catch {
          return reply.code(400).send({ result: false, errorCode: 101, errorMessage: 'The commit is not JSON.' });
        }
      }
      const parsed = parseCommit(token.v, body);
      if (!parsed.ok) {
        request.log.warn({ attempt: token.a, problems: parsed.problems }, 'SCORM commit refused');
        return reply.code(422).send({ result: false, errorCode: 101, errorMessage: parsed.problems.join('; ') });
      }
      const outcome = await recordCommit(app.db, token.a, token.u, parsed.commit);
      if (outcome === 'missing') return reply.code(404).send({ result: false, errorCode: 101, errorMessage: 'No such attempt.' });
      // A stale commit is acknowledged: what it carried is older than what is stored.
      return reply.send({ result: true, errorCode: 0, seq: parsed.commit.seq, stored: outcome === 'stored' });
    },
  );

  await app.register(async (admin) => {
    // Checked as soon as the session is known, before a byte of an upload is written to disk.
    admin.addHook('onRequest', requireRole('admin'));
    // An upload announced as too large is refused before its body is read.
    admin.addHook('onRequest', async (request, reply) => {
      const length = Number(request.headers['content-length']);
      if (request.method === 'POST' && Number.isFinite(length) && length > UPLOAD_LIMIT + 64 * 1024) {
        reply.header('connection', 'close');
        return renderAdmin(request, reply, { problems: [{ code: 'limit_total_size', file: '', params: { limit: UPLOAD_LIMIT } }] }, 413);
      }
    });
    // The zip streams to a temporary file while the form is parsed, so the CSRF check (which
    // needs the form's fields) runs before the handler as for every other form; the file is
    // removed once the response is sent, whatever happened.
    const uploads = join(scormRoot(config.dataDir), '.uploads');
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
        (part as unknown as { value: UploadedFile }).value = { path, filename: part.filename, truncated: part.file.truncated };
      },
    });
    admin.addHook('onResponse', async (request) => {
      const path = uploaded.get(request);
      if (path) await rm(path, { force: true });
    });

    admin.get('/admin/scorm', async (request, reply) => renderAdmin(request, reply, {}));

    admin.post<{ Body: { package?: UploadedFile | string; slug?: string; locale?: string } }>('/admin/scorm', async (request, reply) => {
      const body = request.body ?? {};
      const values = { slug: String(body.slug ?? '').trim(), locale: isLocale(body.locale) ? body.locale : ('en' as Locale) };
      const file = typeof body.package === 'object' && body.package?.filename ? body.package : undefined;
      if (!file) return renderAdmin(request, reply, { values, error: 'scorm.import.noFile' }, 400);
      if (file.truncated) return renderAdmin(request, reply, { values, fileName: file.filename, problems: [{ code: 'limit_total_size', file: file.filename, params: { limit: UPLOAD_LIMIT } }] }, 413);
      try {
        const result = await importPackage(app.db, file.path, { dataDir: config.dataDir, slug: values.slug || undefined, locale: values.locale, actorId: request.user!.id });
        await recordAudit(app.db, { actorId: request.user!.id, action: 'scorm.import', detail: { course: result.slug, version: result.versionNumber, outcome: result.outcome, file: file.filename } });
        return renderAdmin(request, reply, { result, fileName: file.filename });
      } catch (error) {
        if (isPackageError(error)) return renderAdmin(request, reply, { values, fileName: file.filename, problems: error.problems }, 422);
        if (error instanceof ImportRefused) return renderAdmin(request, reply, { values, fileName: file.filename, error: error.reason === 'invalid_slug' ? 'scorm.import.invalidSlug' : 'scorm.import.slugTaken' }, 422);
        throw error;
      }
    });

    admin.post<{ Params: { id: string }; Body: { policy?: string; maxAttempts?: string } }>('/admin/scorm/:id/settings', async (request, reply) => {
      const courseId = Number(request.params.id);
      const policy = POLICIES.find((entry) => entry === request.body?.policy);
      const maxText = (request.body?.maxAttempts ?? '').trim();
      const maxAttempts = maxText === '' ? null : Number(maxText);
      if (!Number.isInteger(courseId) || !policy || (maxAttempts !== null && (!Number.isInteger(maxAttempts) || maxAttempts < 1 || maxAttempts > 1000))) {
        // The refused form shows what the admin typed, next to the message.
        return renderAdmin(request, reply, { error: 'scorm.settings.invalid', typedSettings: { courseId, policy: request.body?.policy ?? '', maxAttempts: maxText } }, 400);
      }
      await app.db.updateTable('scorm_courses').set({ attempt_policy: policy, max_attempts: maxAttempts }).where('course_id', '=', courseId).execute();
      reply.flash('scorm.settings.saved');
      return reply.redirect('/admin/scorm', 303);
    });
  });

  async function renderAdmin(
    request: FastifyRequest,
    reply: FastifyReply,
    state: {
      values?: { slug: string; locale: Locale };
      fileName?: string;
      problems?: PackageProblem[];
      error?: MessageKey;
      result?: ImportResult;
      typedSettings?: { courseId: number; policy: string; maxAttempts: string };
    },
    status = 200,
  ) {
    const courses = await app.db
      .selectFrom('scorm_courses as s')
      .innerJoin('courses as c', 'c.id', 's.course_id')
      .innerJoin('scorm_packages as p', 'p.id', 's.package_id')
      .select([
        'c.id', 'c.slug', 'c.title', 's.attempt_policy', 's.max_attempts', 'p.version_number', 'p.scorm_version', 'p.edition', 'p.imported_at', 'p.file_count',
        sql<number>`(select count(*) from scorm_attempts a where a.course_id = c.id)::int`.as('attempts'),
      ])
      .orderBy('c.slug')
      .execute();
    return reply.render(
      'scorm/admin',
      { ...state, courses, locales: LOCALES, policies: POLICIES, notices: (state.result?.notices ?? []) as PackageNotice[], uploadLimit: UPLOAD_LIMIT, titleKey: 'scorm.admin.title', scripts: ['scorm-upload.js'] },
      { status },
    );
  }

  if (sameOrigin(config)) await app.register(contentRoutes, { config, base: SAME_ORIGIN_PREFIX });
}

export default fp(scormPlugin, { name: 'lantern-scorm', dependencies: ['lantern-view', 'lantern-accounts'] });
