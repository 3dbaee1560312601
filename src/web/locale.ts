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
}

export default fp(localePlugin, { name: 'lantern-locale' });
