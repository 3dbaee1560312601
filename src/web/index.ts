import compress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { constants as zlib } from 'node:zlib';
import assets from './assets.js';
import errors from './errors.js';
import locale from './locale.js';
import security from './security.js';
import view from './view.js';

/** The shared web layer, in boot order: security and cookies, compression, assets, language, views, error pages. */
async function webPlugin(app: FastifyInstance): Promise<void> {
  await app.register(security);
  // Brotli at quality 4 and gzip at level 4 compress pages within a few per cent of their best
  // settings for a fraction of the CPU (pages are made per request; static assets are compressed
  // once, at maximum, in assets.ts).
  await app.register(compress, {
    threshold: 1024,
    brotliOptions: { params: { [zlib.BROTLI_PARAM_QUALITY]: 4 } },
    zlibOptions: { level: 4 },
  });
  await app.register(assets);
  await app.register(locale);
  await app.register(view);
  await app.register(errors);
}

export default fp(webPlugin, { name: 'lantern-web' });
