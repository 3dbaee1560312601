import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import formbody from '@fastify/formbody';
import helmet from 'helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Set to false on a route authenticated by other means (e.g. a signed SCORM launch token). */
    csrf?: boolean;
    /** Routes that never need the session (static assets, health checks) skip its lookup. */
    skipSession?: boolean;
  }
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Cookies, security headers with a strict CSP (no inline script or style), CSRF on every state
 * change, and the rate limiter that login and registration opt into.
 */
async function securityPlugin(app: FastifyInstance): Promise<void> {
  const production = app.config.env === 'production';
  await app.register(cookie, { secret: app.config.sessionSecret });
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
    referrerPolicy: { policy: 'same-origin' },
  });
  app.addHook('onRequest', (request, reply, done) => securityHeaders(request.raw, reply.raw, (error?: unknown) => done(error as Error | undefined)));

  await app.register(csrf, {
    cookieKey: 'lantern_csrf',
    cookieOpts: { path: '/', httpOnly: true, sameSite: 'lax', secure: production, signed: true },
  });

  app.addHook('preHandler', (request: FastifyRequest, reply: FastifyReply, done) => {
    if (!UNSAFE_METHODS.has(request.method) || request.routeOptions.config?.csrf === false) return done();
    app.csrfProtection(request, reply, done);
  });

  await app.register(rateLimit, { global: false });
}

export default fp(securityPlugin, { name: 'lantern-security', dependencies: ['lantern-config'] });
