import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { LoginRequired, PageRefusal } from './http-errors.js';
import { translator, type MessageKey } from './i18n/index.js';
import { htmxTarget } from './view.js';

type ErrorPage = { status: number; title: MessageKey; text: MessageKey };

const PAGES = {
  badRequest: { status: 400, title: 'error.badRequest.title', text: 'error.badRequest.text' },
  forbidden: { status: 403, title: 'error.forbidden.title', text: 'error.forbidden.text' },
  csrf: { status: 403, title: 'error.csrf.title', text: 'error.csrf.text' },
  notFound: { status: 404, title: 'error.notFound.title', text: 'error.notFound.text' },
  tooLarge: { status: 413, title: 'error.tooLarge.title', text: 'error.tooLarge.text' },
  rateLimited: { status: 429, title: 'error.rateLimited.title', text: 'error.rateLimited.text' },
  server: { status: 500, title: 'error.server.title', text: 'error.server.text' },
  unavailable: { status: 503, title: 'error.unavailable.title', text: 'error.unavailable.text' },
} satisfies Record<string, ErrorPage>;

/** Errors from the database driver that mean "cannot reach the database", as opposed to a bad query. */
const CONNECTION_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
  '57014',
  '08000',
  '08001',
  '08003',
  '08006',
  'LANTERN_DB_UNAVAILABLE',
]);

export function isDatabaseUnavailable(error: unknown): boolean {
  for (
    let current = error as { code?: string; message?: string; cause?: unknown } | undefined;
    current;
    current = current.cause as typeof current
  ) {
    if (current.code && CONNECTION_ERROR_CODES.has(current.code)) return true;
    if (
      /timeout exceeded when trying to connect|Connection terminated|connect ECONNREFUSED|Query read timeout/i.test(
        current.message ?? '',
      )
    )
      return true;
  }
  return false;
}

function pageFor(error: FastifyError): ErrorPage {
  if (isDatabaseUnavailable(error)) return PAGES.unavailable;
  if (error.code?.startsWith('FST_CSRF')) return PAGES.csrf;
  switch (error.statusCode) {
    // A state change without a session (LoginRequired on a POST) is answered as it always was: 403.
    case 401:
    case 403:
      return PAGES.forbidden;
    case 404:
      return PAGES.notFound;
    case 413:
      return PAGES.tooLarge;
    case 429:
      return PAGES.rateLimited;
    default:
      return error.statusCode && error.statusCode >= 400 && error.statusCode < 500
        ? { ...PAGES.badRequest, status: error.statusCode }
        : PAGES.server;
  }
}

declare module 'fastify' {
  interface FastifyReply {
    /** Answers with the error page for a status, in the person's language. */
    errorPage(kind: keyof typeof PAGES): Promise<FastifyReply>;
  }
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route answers machines (the SCORM runtime): its errors are JSON in its own shape, never a page. */
    jsonErrors?: (status: number) => Record<string, unknown>;
  }
}

/** A database that does not answer now may in a moment: clients and proxies may retry after this. */
const RETRY_AFTER_SECONDS = 5;

/**
 * What went wrong, for an admin's eyes only (in a disclosure on the page): a learner reads the
 * sentence and what to do next, never a driver's message or an element name.
 */
type TechnicalDetail = { status: number; code?: string; message?: string; request: string };

function technicalDetail(reply: FastifyReply, status: number, error?: FastifyError) {
  if (reply.request.user?.role !== 'admin') return undefined;
  const detail: TechnicalDetail = {
    status,
    request: `${reply.request.method} ${reply.request.url}`.slice(0, 500),
  };
  if (error?.code) detail.code = String(error.code).slice(0, 200);
  if (error?.message) detail.message = error.message.slice(0, 2000);
  return detail;
}

async function renderErrorPage(
  reply: FastifyReply,
  page: ErrorPage,
  error?: FastifyError,
): Promise<FastifyReply> {
  if (page.status === 503) reply.header('retry-after', String(RETRY_AFTER_SECONDS));
  // A body too large is not read to its end: the connection closes after this answer.
  if (page.status === 413) reply.header('connection', 'close');
  const json = reply.request.routeOptions.config?.jsonErrors;
  if (json) return reply.code(page.status).send(json(page.status));
  const accept = String(reply.request.headers.accept ?? '');
  if (accept.includes('application/json') && !accept.includes('text/html')) {
    // A program gets a stable key, and a sentence it can show a person as it is.
    return reply.code(page.status).send({
      error: page.title,
      message: translator(reply.request.locale)(page.text),
      status: page.status,
    });
  }
  const data = {
    page,
    // A reference the person can quote, which the log line of this request carries (reqId).
    reference: page.status >= 500 ? reply.request.id : undefined,
    technical: technicalDetail(reply, page.status, error),
  };
  // htmx aimed at a part of a page (a row, a list) gets the message alone, in that part, never a
  // second page inside the first.
  const target = htmxTarget(reply.request);
  if (target && target !== 'main')
    return reply.render('errors/error', data, {
      status: page.status,
      fragments: { [target]: 'errors/fragment' },
    });
  return reply.render('errors/error', data, { status: page.status });
}

/** The page's sentences as plain text in English, when not even the page could be made. */
function plainText(page: ErrorPage): string {
  const t = translator('en');
  return `${t(page.title)}. ${t(page.text)}`;
}

/** Every failure becomes a page in the person's language; no stack trace ever reaches a browser. */
async function errorsPlugin(app: FastifyInstance): Promise<void> {
  app.decorateReply('errorPage', function errorPage(this: FastifyReply, kind: keyof typeof PAGES) {
    return renderErrorPage(this, PAGES[kind]);
  });

  app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) =>
    renderErrorPage(reply, PAGES.notFound),
  );

  app.setErrorHandler(async (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (
      error instanceof LoginRequired &&
      request.method === 'GET' &&
      !reply.request.routeOptions.config?.jsonErrors
    ) {
      const login = `/login?next=${encodeURIComponent(request.url)}`;
      // htmx would follow a redirect and swap the whole login page into a part of this one: it
      // is told to leave for the login page instead.
      if (request.headers['hx-request'] === 'true')
        return reply.header('HX-Redirect', login).code(401).send();
      return reply.redirect(login, 303);
    }
    if (error instanceof PageRefusal) {
      const target = htmxTarget(request);
      return reply.render(error.template, error.data, {
        status: error.statusCode,
        ...(target && target !== 'main' ? { fragments: { [target]: error.template } } : {}),
      });
    }
    const page = pageFor(error);
    if (page.status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: error.code, status: page.status }, error.message);
    try {
      return await renderErrorPage(reply, page, error);
    } catch (renderError) {
      // The error page itself needs the session and CSRF cookie; if even that fails, answer plainly.
      request.log.error({ err: renderError }, 'error page failed');
      if (page.status === 503) reply.header('retry-after', String(RETRY_AFTER_SECONDS));
      return reply.code(page.status).type('text/plain; charset=utf-8').send(plainText(page));
    }
  });
}

export default fp(errorsPlugin, { name: 'lantern-errors', dependencies: ['lantern-view'] });
