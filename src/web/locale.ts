import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Locale } from '../db/database.js';
import { DEFAULT_LOCALE, isLocale, negotiateLocale } from './i18n/index.js';

const resolved = Symbol('locale');
export const LOCALE_COOKIE_SECONDS = 365 * 24 * 3600;

declare module 'fastify' {
  interface FastifyRequest {
    /** The interface language: the account's preference, else the switcher's cookie, else Accept-Language. */
    readonly locale: Locale;
    [resolved]?: Locale;
  }
}

function resolveLocale(request: FastifyRequest): Locale {
  if (request.user) return request.user.locale;
  const chosen = request.appCookie('locale');
  if (isLocale(chosen)) return chosen;
  return negotiateLocale(request.headers['accept-language']) ?? DEFAULT_LOCALE;
}

const BASE = 'http://lantern.invalid';

/**
 * A path on this site to go to next (after login, after switching language), never another host.
 * Parsed as a browser would resolve it in a Location header, which ignores tabs and newlines and
 * reads backslashes as slashes: `/\t/evil.example` is a link to evil.example.
 */
export function safeNextPath(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.length > 2000) return fallback;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return fallback;
  }
  return url.origin === BASE ? url.pathname + url.search + url.hash : fallback;
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
    reply.setAppCookie('locale', locale, { maxAge: LOCALE_COOKIE_SECONDS });
    if (request.user) {
      await app.accounts.setLocale(request.user.id, locale);
      // The signed session snapshot still says the old language: have the next page read it afresh.
      reply.clearAppCookie('seen');
    }
    return reply.redirect(next, 303);
  });
}

export default fp(localePlugin, { name: 'lantern-locale' });
