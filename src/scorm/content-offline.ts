/**
 * SCORM offline on the content origin. A service worker sees only the fetches of pages in its
 * own origin, and the SCO runs in frames of the content origin: so the content origin has its
 * own small worker (`/sw-content.js`), which answers package files, the wrapper's scripts and the
 * wrapper pages from its cache when the network fails, and a page the app frames while a course
 * is made available offline (`/offline-save`), which registers that worker and saves the files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.js';
import { publicDir } from '../paths.js';

const escapeAttribute = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function contentOfflineRoutes(
  app: FastifyInstance,
  options: { config: Config; base: string; appOrigin: string },
): void {
  const { base } = options;
  const source = readFileSync(join(publicDir, 'scorm-content-sw.js'), 'utf8');
  const worker = `const BASE = ${JSON.stringify(base)};\n${source}`;
  app.get(`${base}/sw-content.js`, { config: { skipSession: true } }, async (_request, reply) =>
    reply
      .header('cache-control', 'no-cache')
      .header('service-worker-allowed', `${base}/`)
      .type('text/javascript; charset=utf-8')
      .send(worker),
  );

  // No data of anyone's: the app page hands it the list to save by postMessage, checked against
  // the app's origin, and only the app may frame it.
  app.get(`${base}/offline-save`, { config: { skipSession: true } }, async (_request, reply) => {
    reply.raw.removeHeader('x-frame-options');
    const appOrigin = options.appOrigin === "'self'" ? '' : options.appOrigin;
    return reply
      .header(
        'content-security-policy',
        `default-src 'none'; script-src 'self'; connect-src 'self'; frame-ancestors ${options.appOrigin}; base-uri 'none'`,
      )
      .header('cache-control', 'no-store')
      .header('x-content-type-options', 'nosniff')
      .type('text/html; charset=utf-8')
      .send(
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Lantern</title><script src="${escapeAttribute(app.asset('scorm-content-save.js'))}" defer></script></head><body data-app-origin="${escapeAttribute(appOrigin)}" data-worker="${escapeAttribute(`${base}/sw-content.js`)}" data-scope="${escapeAttribute(`${base}/`)}"></body></html>`,
      );
  });
}
