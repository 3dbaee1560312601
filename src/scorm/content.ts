/**
 * The content origin: package files and the wrapper page that holds the SCORM API bridge. In the
 * default mode it is its own Fastify server on CONTENT_ORIGIN (another port, same site), so
 * package scripts never run where the session cookie lives; in same-origin mode the same routes
 * sit under /scorm-content on the app.
 *
 * The wrapper is opened with a signed launch token in its path; it sets a cookie of the content
 * origin, scoped to the package's folder, which authorises the package files. File URLs hold
 * only the package hash, so the browser caches them across launches, and nothing is added to
 * the SCO's own URL.
 */
import cookie from '@fastify/cookie';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Eta } from 'eta';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Config } from '../config.js';
import { viewsDir } from '../paths.js';
import assets from '../web/assets.js';
import { lazySchemaCompilers } from '../web/lazy-schema-compilers.js';
import { directionOf, negotiateLocale, translator, type MessageKey } from '../web/i18n/index.js';
import { packageStorage, sendStored } from '../storage/index.js';
import { contentOfflineRoutes } from './content-offline.js';
import { packagePrefix } from './package-places.js';
import { verifyToken } from '../web/signed-token.js';

export const CONTENT_COOKIE = 'lantern_content';
export const SAME_ORIGIN_PREFIX = '/scorm-content';
/** Launch tokens live long enough for a long sitting; files already loaded stay cached after. */
export const CONTENT_TOKEN_SECONDS = 4 * 3600;

export type ContentToken = {
  h: string;
  r: string;
  v: 'scorm12' | 'scorm2004';
  u: string;
  t: string;
};

/** `base`: '' on the content server, '/scorm-content' on the app (not Fastify's own `prefix` option, which would apply twice). */
export type ContentRouteOptions = { config: Config; base: string };

const HASH = /^[0-9a-f]{64}$/;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A sentence for the learner inside the activity's frame, in their browser's language (the content
 * origin has no session): what happened and what to do next, never a server's technical message.
 */
export function contentMessage(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  key: MessageKey,
): FastifyReply {
  const locale = negotiateLocale(request.headers['accept-language']) ?? 'en';
  const text = escapeHtml(translator(locale)(key));
  reply.raw.removeHeader('x-frame-options');
  return reply
    .code(status)
    .header('content-security-policy', "default-src 'none'; base-uri 'none'")
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(
      `<!doctype html><html lang="${locale}" dir="${directionOf(locale)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${text}</title></head><body><p>${text}</p></body></html>`,
    );
}
// Token and hash are checked by the handlers, which answer a bad one 403 with a sentence, not 400.
const WrapperParams = Type.Object({ token: Type.String() });
const FileParams = Type.Object({ hash: Type.String(), '*': Type.String() });

/** The routes, for either a standalone content server or the app (same-origin mode). */
export async function contentRoutes(
  instance: FastifyInstance,
  { config, base: prefix }: ContentRouteOptions,
): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const appOrigin = sameOrigin(config) ? "'self'" : config.appOrigin;
  // A file the package lacks, or a failure, reads as a sentence inside the frame, not as JSON.
  app.setErrorHandler(async (error, request, reply) => {
    request.log.error({ err: error }, 'content request failed');
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    return contentMessage(
      request,
      reply,
      status === 404 ? 404 : status >= 500 ? status : 400,
      status === 404 ? 'scorm.content.missing' : 'scorm.content.failed',
    );
  });
  const eta = new Eta({
    views: viewsDir,
    cache: true,
    autoEscape: true,
    autoTrim: false,
    defaultExtension: '.eta',
  });
  const storage = packageStorage(config);

  const contentHeaders = (reply: FastifyReply) => {
    // Helmet (same-origin mode) said "never framed": the content is framed by the app and the wrapper.
    reply.raw.removeHeader('x-frame-options');
    reply.raw.removeHeader('cross-origin-opener-policy');
    return reply
      .header('content-security-policy', `frame-ancestors 'self' ${appOrigin}`)
      .header('x-content-type-options', 'nosniff')
      .header('referrer-policy', 'same-origin')
      .header('cross-origin-resource-policy', 'same-site');
  };

  contentOfflineRoutes(app, { config, base: prefix, appOrigin });

  app.get(
    `${prefix}/w/:token`,
    { schema: { params: WrapperParams }, config: { skipSession: true } },
    async (request, reply) => {
      const launch = verifyToken<ContentToken>(
        config.sessionSecret,
        'scorm-content',
        request.params.token,
      );
      if (!launch || !HASH.test(launch.h))
        return contentMessage(request, reply, 403, 'scorm.content.expired');
      const folder = `${prefix}/p/${launch.h}/`;
      reply.setCookie(CONTENT_COOKIE, request.params.token, {
        path: folder,
        httpOnly: true,
        sameSite: 'lax',
        secure: config.env === 'production',
        maxAge: CONTENT_TOKEN_SECONDS,
      });
      const root = launch.r
        ? `${folder}${launch.r.split('/').map(encodeURIComponent).join('/')}/`
        : folder;
      // Absolute launch URLs (an external resource) are used as they are, and only their origin may be framed besides ours.
      const external = /^https?:/i.test(launch.u) ? safeOrigin(launch.u) : undefined;
      const html = eta.render('scorm/wrapper', {
        title: launch.t,
        api: launch.v === 'scorm12' ? 'API' : 'API_1484_11',
        appOrigin: sameOrigin(config) ? '' : config.appOrigin,
        scoSrc: external ? launch.u : root + launch.u,
        bridgeScript: app.asset('vendor/scorm-again/cross-frame-api.js'),
        // The same runtime as the app page, run as a shadow that answers the SCO at once (see the script).
        apiScript: app.asset(
          `vendor/scorm-again/${launch.v === 'scorm12' ? 'scorm12' : 'scorm2004'}.js`,
        ),
        wrapperScript: app.asset('scorm-wrapper.js'),
        loadFailed: translator(negotiateLocale(request.headers['accept-language']) ?? 'en')(
          'scorm.content.progressUnavailable',
        ),
        wrapperStyle: app.asset('scorm-wrapper.css'),
      });
      contentHeaders(reply)
        .header(
          'content-security-policy',
          `default-src 'none'; script-src 'self'; style-src 'self'; frame-src 'self'${external ? ` ${external}` : ''}; frame-ancestors ${appOrigin}; base-uri 'none'`,
        )
        .header('cache-control', 'no-store');
      return reply.type('text/html; charset=utf-8').send(html);
    },
  );

  app.get(
    `${prefix}/p/:hash/*`,
    { schema: { params: FileParams }, config: { skipSession: true } },
    async (request, reply) => {
      const { hash } = request.params;
      const token = request.cookies[CONTENT_COOKIE];
      const launch = token
        ? verifyToken<ContentToken>(config.sessionSecret, 'scorm-content', token)
        : undefined;
      if (!launch || launch.h !== hash || !HASH.test(hash)) {
        return contentMessage(request, reply, 403, 'scorm.content.openFromCourse');
      }
      const path = packagePath(request.params['*']);
      if (path === undefined) return contentMessage(request, reply, 404, 'scorm.content.missing');
      // Stored by hash, so a file at this URL never changes. Private: only a launch's cookie may
      // read it, which a shared cache would not check.
      contentHeaders(reply).header('cache-control', 'private, max-age=31536000, immutable');
      const sent = await sendStored(request, reply, storage, packagePrefix(hash) + path);
      return sent ?? contentMessage(request, reply, 404, 'scorm.content.missing');
    },
  );
}

/**
 * A file's path inside its package, as the zip names it, or undefined for one that could leave
 * the package's folder (`..`, `.`, empty segments, backslashes, NUL).
 */
function packagePath(path: string): string | undefined {
  const segments = path.split('/');
  const unsafe = segments.some(
    (segment) => segment === '' || segment === '.' || segment === '..' || /[\\\0]/.test(segment),
  );
  return unsafe ? undefined : path;
}

/** The standalone content server of the default (cross-origin) mode. */
export async function buildContentApp(config: Config): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: config.logLevel },
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 2048 },
    return503OnClosing: true,
    // As on the app: schemas compiled when first used, not at start-up (a third of a second).
    schemaController: { compilersFactory: lazySchemaCompilers() },
  });
  app.decorate('config', config);
  await app.register(cookie);
  await app.register(assets);
  await app.register(contentRoutes, { config, base: '' });
  app.setNotFoundHandler((request, reply) =>
    contentMessage(request, reply, 404, 'scorm.content.missing'),
  );
  app.get('/healthz', { config: { skipSession: true } }, async () => ({ ok: true }));
  return app;
}

export const sameOrigin = (config: Config) => config.scormServing === 'same-origin';

function safeOrigin(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/** Where the wrapper page for a launch token lives, seen from the app page. */
export function wrapperUrl(config: Config, token: string): string {
  return sameOrigin(config)
    ? `${SAME_ORIGIN_PREFIX}/w/${token}`
    : `${config.contentOrigin.origin}/w/${token}`;
}
