import cookie, { type CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

/** Every cookie the app sets, by purpose. Names and options live here and nowhere else. */
const COOKIES = {
  session: 'lantern_session',
  /** A learner's signed session snapshot (see accounts/sessions.ts). */
  seen: 'lantern_seen',
  csrf: 'lantern_csrf',
  flash: 'lantern_flash',
  locale: 'lantern_locale',
} as const;
export type CookieKind = keyof typeof COOKIES;

/** Cookies an attacker gains from shadowing: a second copy of one of these is refused. */
const GUARDED: readonly CookieKind[] = ['session', 'seen', 'csrf'];

declare module 'fastify' {
  interface FastifyInstance {
    /** The cookie's name in this deployment (`__Host-` prefixed over HTTPS). */
    cookieName(kind: CookieKind): string;
  }
  interface FastifyRequest {
    appCookie(kind: CookieKind): string | undefined;
  }
  interface FastifyReply {
    setAppCookie(
      kind: CookieKind,
      value: string,
      options?: Pick<CookieSerializeOptions, 'maxAge' | 'expires' | 'signed'>,
    ): FastifyReply;
    clearAppCookie(kind: CookieKind): FastifyReply;
  }
}

/**
 * Cookies are not isolated by port: a script on the content origin (another port of the same
 * host) can set a cookie the app receives, e.g. `lantern_session=…; path=/admin`, which the browser
 * then sends before the app's own (longer paths first). The app's cookies are HttpOnly at path /,
 * so a script cannot overwrite them, only shadow them with a longer path. A request carrying two
 * copies of a guarded cookie is therefore under attack: the copies at other paths are cleared,
 * the one at / (sent last) is the app's, and a state-changing request is refused outright.
 */
async function cookiesPlugin(app: FastifyInstance): Promise<void> {
  const { secure, prefix } = app.config.cookies;
  await app.register(cookie, { secret: app.config.sessionSecret });
  const names = Object.fromEntries(
    Object.entries(COOKIES).map(([kind, name]) => [kind, prefix + name]),
  ) as Record<CookieKind, string>;
  const guardedNames = new Set(GUARDED.map((kind) => names[kind]));
  const base: CookieSerializeOptions = { path: '/', httpOnly: true, sameSite: 'lax', secure };

  app.decorate('cookieName', (kind: CookieKind) => names[kind]);
  app.decorateRequest('appCookie', function appCookie(this: FastifyRequest, kind: CookieKind) {
    return this.cookies[names[kind]];
  });
  app.decorateReply(
    'setAppCookie',
    function setAppCookie(this: FastifyReply, kind: CookieKind, value: string, options = {}) {
      return this.setCookie(names[kind], value, { ...base, ...options });
    },
  );
  app.decorateReply(
    'clearAppCookie',
    function clearAppCookie(this: FastifyReply, kind: CookieKind) {
      return this.clearCookie(names[kind], base);
    },
  );

  app.addHook('onRequest', async (request, reply) => {
    const header = request.headers.cookie;
    if (!header) return;
    const duplicated = duplicatedCookies(header, guardedNames);
    if (duplicated.size === 0) return;
    request.log.warn(
      { cookies: [...duplicated.keys()], url: request.url },
      'refused shadowing copies of security cookies',
    );
    for (const [name, values] of duplicated) {
      // The app's own copy, at path /, is the last one the browser sends.
      request.cookies[name] = values.at(-1)!;
      for (const path of shadowingPaths(request.url)) reply.clearCookie(name, { ...base, path });
    }
    if (!['GET', 'HEAD', 'OPTIONS'].includes(request.method)) {
      throw Object.assign(new Error('Duplicated security cookies'), {
        statusCode: 403,
        code: 'LANTERN_SHADOWED_COOKIE',
      });
    }
  });
}

/** Names from `guarded` that occur more than once in a Cookie header, with their values in order. */
export function duplicatedCookies(
  header: string,
  guarded: ReadonlySet<string>,
): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  for (const pair of header.split(';')) {
    const equals = pair.indexOf('=');
    if (equals < 0) continue;
    const name = pair.slice(0, equals).trim();
    if (!guarded.has(name)) continue;
    let value = pair.slice(equals + 1).trim();
    if (value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    try {
      value = decodeURIComponent(value);
    } catch {
      // kept as sent
    }
    seen.set(name, [...(seen.get(name) ?? []), value]);
  }
  for (const [name, values] of seen) if (values.length < 2) seen.delete(name);
  return seen;
}

/** Every path a shadowing cookie sent with this URL can have, except / (the app's own). */
export function shadowingPaths(url: string): string[] {
  const segments = (url.split('?')[0] ?? '/').split('/').filter(Boolean).slice(0, 10);
  const paths: string[] = [];
  for (let n = 1; n <= segments.length; n += 1) {
    const path = `/${segments.slice(0, n).join('/')}`;
    paths.push(path, `${path}/`);
  }
  return paths;
}

export default fp(cookiesPlugin, { name: 'lantern-cookies', dependencies: ['lantern-config'] });
