import view from '@fastify/view';
import { Eta } from 'eta';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Locale } from '../db/database.js';
import { viewsDir } from '../paths.js';
import { formatDate, type DateStyle } from './dates.js';
import { directionOf, isolate, translator, type MessageKey, type Translate } from './i18n/index.js';
import { cutPage, fillPage, HoleRecorder, PageCache } from './page-cache.js';

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
    /** Renders a page whose shared parts are cached per key (see CachedRender). */
    renderCached<D extends Record<string, unknown>>(
      template: string,
      page: CachedRender<D>,
      options?: Pick<RenderOptions, 'fragments' | 'fragmentData'>,
    ): Promise<FastifyReply>;
  }
  interface FastifyInstance {
    pageCache: PageCache;
  }
}

/**
 * A page rendered once per key and language (and role, htmx target, address, flash or not), then
 * only filled in per request: pieces that are the same for everyone are kept compressed. The
 * layout's own per-request values (CSRF token, flash, the person's id, name and address) are
 * holes already; `learner` gives the data's.
 */
export type CachedRender<D> = {
  /** What the page's shared parts depend on, e.g. the item and its course's content hash. */
  key: string;
  data: D | (() => Promise<D>);
  /** The data's per-request values, each a placeholder made by `hole` from the real context. */
  learner?: (hole: (value: (context: PageContext & D) => string) => string) => Partial<D>;
};

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

  const pageCache = new PageCache();
  app.decorate('pageCache', pageCache);
  const escape = (text: string) => eta.config.escapeFunction(text);

  /** Everything a template receives besides its data: made once per request (it issues a CSRF token). */
  function pageContext(reply: FastifyReply): PageContext {
    const request = reply.request;
    const locale = request.locale;
    return {
      t: translator(locale),
      locale,
      dir: directionOf(locale),
      user: request.user,
      csrfToken: reply.csrfToken(),
      asset: app.asset,
      path: request.url,
      flash: takeFlash(request, reply),
      date: (value, style) => formatDate(locale, value, style),
      text: (map) => map?.[locale] || map?.en || Object.values(map ?? {})[0] || '',
      isolate,
    };
  }

  function withData(context: PageContext, data: Record<string, unknown>) {
    const full: PageContext & Record<string, unknown> = { ...context, ...data };
    if (typeof data.titleKey === 'string') full.title = context.t(data.titleKey as MessageKey);
    return full;
  }

  async function renderHtml(
    reply: FastifyReply,
    template: string,
    context: Record<string, unknown>,
    options: RenderOptions,
  ): Promise<string> {
    const target = htmxTarget(reply.request);
    const fragment = target ? options.fragments?.[target] : undefined;
    if (fragment) return reply.viewAsync(fragment, { ...context, ...options.fragmentData });
    if (target === 'main') return reply.viewAsync(template, context, { layout: 'layout/fragment' });
    return reply.viewAsync(template, context, { layout: 'layout/page' });
  }

  function send(
    reply: FastifyReply,
    body: string | Buffer,
    status: number,
    vary = 'HX-Request, HX-Target, Cookie, Accept-Language',
  ): FastifyReply {
    // A page that asked for less caching (no-store: a token in its address) keeps it.
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'private, no-cache');
    return (
      reply
        .code(status)
        .header('vary', vary)
        // Who the page is for: the service worker answers offline only from this person's copies.
        .header('x-lantern-user', String(reply.request.user?.id ?? 0))
        .type('text/html; charset=utf-8')
        .send(body)
    );
  }

  app.decorateReply(
    'render',
    async function render(
      this: FastifyReply,
      template: string,
      data: Record<string, unknown> = {},
      options: RenderOptions = {},
    ) {
      const context = withData(pageContext(this), data);
      return send(this, await renderHtml(this, template, context, options), options.status ?? 200);
    },
  );

  app.decorateReply(
    'renderCached',
    async function renderCached(
      this: FastifyReply,
      template: string,
      page: CachedRender<Record<string, unknown>>,
      options: RenderOptions = {},
    ) {
      const request = this.request;
      const base = pageContext(this);
      const load = async () => (typeof page.data === 'function' ? page.data() : page.data);
      const target = htmxTarget(request);
      // Addresses with a query are not cached: anyone could fill the cache with them.
      const cacheable =
        pageCache.enabled &&
        (target === undefined || (target === 'main' && !options.fragments?.main)) &&
        !request.url.includes('?');
      if (!cacheable) {
        const context = withData(base, await load());
        return send(this, await renderHtml(this, template, context, options), 200);
      }
      const key = [
        template,
        page.key,
        base.locale,
        request.user?.role ?? '',
        target ?? '',
        base.flash === undefined ? '' : 'flash',
        request.url,
      ].join('\0');
      let cached = pageCache.get<PageContext & Record<string, unknown>>(key);
      const data = cached && !page.learner ? {} : await load();
      const context = withData(base, data);
      if (!cached) {
        const recorder = new HoleRecorder<typeof context>();
        const placeholders = withData(base, {
          ...data,
          ...page.learner?.(recorder.hole),
          ...layoutHoles(recorder.hole, context.user, base.flash !== undefined),
        });
        cached = cutPage(await renderHtml(this, template, placeholders, options), recorder);
        if (!cached) {
          request.log.warn({ template }, 'page not cacheable: it holds placeholder characters');
          return send(this, await renderHtml(this, template, context, options), 200);
        }
        pageCache.set(key, cached);
      }
      const gzip =
        request.headers['x-no-compression'] === undefined &&
        acceptsGzip(request.headers['accept-encoding']);
      const body = fillPage(cached, context, escape, gzip);
      if (!gzip) return send(this, body, 200);
      // As @fastify/compress would have said it.
      this.header('content-encoding', 'gzip');
      return send(
        this,
        body,
        200,
        'HX-Request, HX-Target, Cookie, Accept-Language, accept-encoding',
      );
    },
  );
}

/**
 * The layout's per-request values as placeholders. The person's are holes however the page got
 * them (a player page passes its own `user`, the same person): a learner's id or name must never
 * stay in a shared piece. Made out here, not in renderCached: the closures stay in the cache as
 * long as the page, and must not hold that function's scope (its request, data and learner).
 */
function layoutHoles(
  hole: (value: (context: PageContext) => string) => string,
  person: PageContext['user'],
  flash: boolean,
): Partial<PageContext> {
  return {
    csrfToken: hole((c) => c.csrfToken),
    flash: flash ? hole((c) => c.flash ?? '') : undefined,
    user: person && {
      ...person,
      id: hole((c) => String(c.user!.id)) as unknown as number,
      name: hole((c) => c.user!.name),
      email: hole((c) => c.user!.email),
      sessionId: hole((c) => c.user!.sessionId),
    },
  };
}

/**
 * Whether gzip is acceptable to the client (as @fastify/compress reads the header: `*` and
 * `x-gzip` stand for gzip). Cached pages are spliced as gzip even for a client that prefers
 * Brotli, because only gzip can be assembled from pieces compressed once.
 */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  // `*` speaks only for codings the header does not name: `gzip;q=0, *` refuses gzip.
  let named: boolean | undefined;
  let any = false;
  for (const part of header.toLowerCase().split(',')) {
    const [name = '', ...params] = part.split(';').map((text) => text.trim());
    const q = params.find((param) => param.startsWith('q='));
    const accepted = !q || Number(q.slice(2)) > 0;
    if (name === 'gzip' || name === 'x-gzip') named = named === true || accepted;
    else if (name === '*') any = accepted;
  }
  return named ?? any;
}

export default fp(viewPlugin, {
  name: 'lantern-view',
  dependencies: ['lantern-assets', 'lantern-locale'],
});
