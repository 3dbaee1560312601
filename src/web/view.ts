import view from '@fastify/view';
import { Eta } from 'eta';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Locale } from '../db/database.js';
import { viewsDir } from '../paths.js';
import { formatDate, type DateStyle } from './dates.js';
import { directionOf, isolate, translator, type MessageKey, type Translate } from './i18n/index.js';

/** What every template receives besides its own data. */
export type PageContext = {
  t: Translate;
  locale: Locale;
  dir: 'ltr' | 'rtl';
  user: FastifyRequest['user'];
  csrfToken: string;
  asset: (name: string) => string;
  path: string;
  flash: string | undefined;
  /** A date (or timestamp) in the page's language, with a formatter made once per language and style. */
  date: (value: Date | string | number, style?: DateStyle) => string;
  /** A course's text in the page's language, else English, else whatever language it has. */
  text: (map: Partial<Record<Locale, string>> | null | undefined) => string;
  /** A name or address inside a sentence, kept in its own direction (see i18n isolate). */
  isolate: (text: string) => string;
};

export type RenderOptions = {
  status?: number;
  /**
   * Partial templates that answer an htmx request aimed at one element, keyed by that element's
   * id, e.g. `{ 'user-results': 'admin/users-results' }`. A request targeting `main` gets the page
   * template without the layout; any other request gets the whole page.
   */
  fragments?: Record<string, string>;
  /** Extra data for the fragment only (e.g. the row that just changed). */
  fragmentData?: Record<string, unknown>;
};

declare module 'fastify' {
  interface FastifyReply {
    /** Renders a page, or only the fragment an htmx request asked for (see RenderOptions). */
    render(
      template: string,
      data?: Record<string, unknown>,
      options?: RenderOptions,
    ): Promise<FastifyReply>;
    /** Shows a one-line message on the next page this browser renders (after a redirect). */
    flash(key: MessageKey, params?: Record<string, string>): FastifyReply;
  }
}

/** The element id an htmx request targets (htmx 4 sends `tag#id`), or undefined for plain requests. */
export function htmxTarget(request: FastifyRequest): string | undefined {
  if (
    request.headers['hx-request'] !== 'true' ||
    request.headers['hx-history-restore-request'] === 'true'
  )
    return undefined;
  const target = String(request.headers['hx-target'] ?? '');
  const hash = target.lastIndexOf('#');
  return hash >= 0 ? target.slice(hash + 1) : target || undefined;
}

function takeFlash(request: FastifyRequest, reply: FastifyReply): string | undefined {
  const cookie = request.appCookie('flash');
  if (!cookie) return undefined;
  reply.clearAppCookie('flash');
  const unsigned = request.unsignCookie(cookie);
  if (!unsigned.valid || !unsigned.value) return undefined;
  try {
    const { key, params } = JSON.parse(unsigned.value) as {
      key: MessageKey;
      params?: Record<string, string>;
    };
    return translator(request.locale)(key, params);
  } catch {
    return undefined;
  }
}

async function viewPlugin(app: FastifyInstance): Promise<void> {
  const eta = new Eta({
    views: viewsDir,
    cache: true,
    autoEscape: true,
    autoTrim: false,
    defaultExtension: '.eta',
  });
  await app.register(view, { engine: { eta }, root: viewsDir, production: true, viewExt: 'eta' });

  app.decorateReply(
    'flash',
    function flash(this: FastifyReply, key: MessageKey, params?: Record<string, string>) {
      return this.setAppCookie('flash', JSON.stringify({ key, params }), {
        signed: true,
        maxAge: 60,
      });
    },
  );

  app.decorateReply(
    'render',
    async function render(
      this: FastifyReply,
      template: string,
      data: Record<string, unknown> = {},
      options: RenderOptions = {},
    ) {
      const request = this.request;
      const locale = request.locale;
      const context: PageContext & Record<string, unknown> = {
        t: translator(locale),
        locale,
        dir: directionOf(locale),
        user: request.user,
        csrfToken: this.csrfToken(),
        asset: app.asset,
        path: request.url,
        flash: takeFlash(request, this),
        date: (value, style) => formatDate(locale, value, style),
        text: (map) => map?.[locale] || map?.en || Object.values(map ?? {})[0] || '',
        isolate,
        ...data,
      };
      if (typeof data.titleKey === 'string') context.title = context.t(data.titleKey as MessageKey);
      const target = htmxTarget(request);
      const fragment = target ? options.fragments?.[target] : undefined;
      let html: string;
      if (fragment) html = await this.viewAsync(fragment, { ...context, ...options.fragmentData });
      else if (target === 'main')
        html = await this.viewAsync(template, context, { layout: 'layout/fragment' });
      else html = await this.viewAsync(template, context, { layout: 'layout/page' });
      // A page that asked for less caching (no-store: a token in its address) keeps it.
      if (!this.hasHeader('cache-control')) this.header('cache-control', 'private, no-cache');
      return (
        this.code(options.status ?? 200)
          .header('vary', 'HX-Request, HX-Target, Cookie, Accept-Language')
          // Who the page is for: the service worker answers offline only from this person's copies.
          .header('x-lantern-user', String(request.user?.id ?? 0))
          .type('text/html; charset=utf-8')
          .send(html)
      );
    },
  );
}

export default fp(viewPlugin, {
  name: 'lantern-view',
  dependencies: ['lantern-assets', 'lantern-locale'],
});
