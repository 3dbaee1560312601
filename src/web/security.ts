import csrf from '@fastify/csrf-protection';
import formbody from '@fastify/formbody';
import helmet from 'helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import cookies from './cookies.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Set to false on a route authenticated by other means (e.g. a signed SCORM launch token). */
    csrf?: boolean;
    /** Routes that never need the session (static assets, health checks) skip its lookup. */
    skipSession?: boolean;
  }
  interface FastifyReply {
    /** A CSRF token bound to this browser's secret and to the session (or to "anonymous"). */
    csrfToken(): string;
  }
}

/** The session a CSRF token belongs to: a token made before login (or for another session) is refused after it. */
const csrfBinding = (request: FastifyRequest) =>
  request.user ? `session:${request.user.sessionId}` : 'anonymous';

/**
 * Whether a state-changing request comes from the app's own pages. Browsers send Origin (and
 * Sec-Fetch-Site) with every POST; requests without either are not from a browser page, so no
 * other page can have made them for a signed-in person, and the CSRF token still applies.
 */
export function fromOwnOrigin(request: FastifyRequest, appOrigin: string): boolean {
  const origin = request.headers.origin;
  if (origin !== undefined)
    return origin === appOrigin || origin === `${request.protocol}://${request.host}`;
  const site = request.headers['sec-fetch-site'];
  return site === undefined || site === 'same-origin';
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Cookies, security headers with a strict CSP (no inline script or style), CSRF on every state
 * change, and the rate limiter that login and registration opt into.
 */
async function securityPlugin(app: FastifyInstance): Promise<void> {
  const production = app.config.env === 'production';
  await app.register(cookies);
  await app.register(formbody, { bodyLimit: app.config.bodyLimit });

  // The helmet middleware is built once; @fastify/helmet rebuilt it (parsing the CSP) on every request.
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        frameSrc: ["'self'", app.config.contentOrigin.origin],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
        ...(production ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: production ? { maxAge: 31536000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
    // Agrees with frame-ancestors 'none' (older browsers read only this header).
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
  });
  app.addHook('onRequest', (request, reply, done) =>
    securityHeaders(request.raw, reply.raw, (error?: unknown) => done(error as Error | undefined)),
  );

  // Before any body is read: a page of another origin (the SCORM content origin included) never
  // changes state here, whatever cookies it managed to plant.
  app.addHook('onRequest', async (request) => {
    if (!UNSAFE_METHODS.has(request.method) || fromOwnOrigin(request, app.config.appOrigin)) return;
    request.log.warn(
      { origin: request.headers.origin, site: request.headers['sec-fetch-site'], url: request.url },
      'cross-origin state change refused',
    );
    throw Object.assign(new Error('Cross-origin request refused'), {
      statusCode: 403,
      code: 'LANTERN_CROSS_ORIGIN',
    });
  });

  await app.register(csrf, {
    cookieKey: app.cookieName('csrf'),
    cookieOpts: {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: app.config.cookies.secure,
      signed: true,
    },
    getUserInfo: csrfBinding,
    csrfOpts: { hmacKey: app.config.sessionSecret },
  });
  app.decorateReply('csrfToken', function csrfToken(this: FastifyReply) {
    return this.generateCsrf({ userInfo: csrfBinding(this.request) });
  });

  app.addHook('preHandler', (request: FastifyRequest, reply: FastifyReply, done) => {
    if (!UNSAFE_METHODS.has(request.method) || request.routeOptions.config?.csrf === false)
      return done();
    app.csrfProtection(request, reply, done);
  });

  await app.register(rateLimit, { global: false });
}

export default fp(securityPlugin, { name: 'lantern-security', dependencies: ['lantern-config'] });
