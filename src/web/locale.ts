import { SNAPSHOT_COOKIE } from '../accounts/sessions.js';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Locale } from '../db/database.js';
import { DEFAULT_LOCALE, isLocale, negotiateLocale } from './i18n/index.js';

export const LOCALE_COOKIE = 'lantern_locale';
const resolved = Symbol('locale');

declare module 'fastify' {
  interface FastifyRequest {
    /** The interface language: the account's preference, else the switcher's cookie, else Accept-Language. */
    readonly locale: Locale;
    [resolved]?: Locale;
  }
}

function resolveLocale(request: FastifyRequest): Locale {
  if (request.user) return request.user.locale;
  const chosen = request.cookies?.[LOCALE_COOKIE];
  if (isLocale(chosen)) return chosen;
  return negotiateLocale(request.headers['accept-language']) ?? DEFAULT_LOCALE;
}

/** Only same-site paths are followed after switching language, never another host. */
export function safeNextPath(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  return value;
}

async function localePlugin(app: FastifyInstance): Promise<void> {
  app.decorateRequest('locale', {
    getter(this: FastifyRequest) {
      return (this[resolved] ??= resolveLocale(this));
    },
  });

  // The switcher is a plain form (works without JavaScript and without an account).
  app.post<{ Body: { locale?: string; next?: string } }>('/locale', async (request, reply) => {
    const locale = request.body?.locale;
    const next = safeNextPath(request.body?.next);
    if (!isLocale(locale)) return reply.redirect(next, 303);
    reply.setCookie(LOCALE_COOKIE, locale, { path: '/', httpOnly: true, sameSite: 'lax', secure: app.config.env === 'production', maxAge: 365 * 24 * 3600 });
    if (request.user) {
      await app.accounts.setLocale(request.user.id, locale);
      // The signed session snapshot still says the old language: have the next page read it afresh.
      reply.clearCookie(SNAPSHOT_COOKIE, { path: '/' });
    }
    return reply.redirect(next, 303);
  });
}

export default fp(localePlugin, { name: 'lantern-locale' });
