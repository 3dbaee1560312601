import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { Type } from 'typebox';
import { publicDir } from '../paths.js';

const require = createRequire(import.meta.url);

type Asset = {
  url: string;
  type: string;
  etag: string;
  raw: Buffer;
  compressible: boolean;
  /** Computed on the first request that accepts it, then kept: start-up stays fast. */
  gzip?: Buffer;
  brotli?: Buffer;
};

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};
const COMPRESSIBLE = new Set(['.css', '.js', '.svg']);

/** Files served under /assets: everything in public/ plus the browser libraries we ship from node_modules. */
function assetSources(): Array<{ name: string; path: string }> {
  const sources = readdirSync(publicDir, { recursive: true, withFileTypes: true })
    // sw.js is served at /sw.js by the offline plugin (a service worker's scope is its folder).
    .filter(
      (entry) => entry.isFile() && !(entry.name === 'sw.js' && entry.parentPath === publicDir),
    )
    .map((entry) => {
      const path = join(entry.parentPath, entry.name);
      return { name: path.slice(publicDir.length + 1).replaceAll('\\', '/'), path };
    });
  sources.push({ name: 'vendor/htmx.js', path: require.resolve('htmx.org/dist/htmx.min.js') });
  // The SCORM runtime, one file per version (a player loads only its package's version), and the
  // cross-frame bridge halves for the content origin.
  for (const file of ['scorm12', 'scorm2004', 'cross-frame-lms', 'cross-frame-api']) {
    sources.push({
      name: `vendor/scorm-again/${file}.js`,
      path: require.resolve(`scorm-again/${file}/min`),
    });
  }
  return sources;
}

/**
 * Builds the asset table once at start: content-hashed URLs (so they can be cached for a year and
 * never revalidated). Compressed forms are made once per process, at maximum compression.
 */
function buildAssets(): Map<string, Asset> {
  const byName = new Map<string, Asset>();
  for (const source of assetSources()) {
    const raw = readFileSync(source.path);
    const hash = createHash('sha256').update(raw).digest('base64url').slice(0, 12);
    const ext = extname(source.name);
    const url = `/assets/${source.name.slice(0, -ext.length)}.${hash}${ext}`;
    byName.set(source.name, {
      url,
      type: TYPES[ext] ?? 'application/octet-stream',
      etag: `"${hash}"`,
      raw,
      compressible: COMPRESSIBLE.has(ext),
    });
  }
  return byName;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The immutable URL of a file from public/ (or a vendored library), e.g. asset('app.css'). */
    asset(name: string): string;
    /** The size in bytes of an asset, uncompressed. */
    assetBytes(name: string): number;
    /** A hash of every asset URL: changes with any asset, i.e. with each release that ships one. */
    assetsVersion: string;
  }
}

async function assetsPlugin(app: FastifyInstance): Promise<void> {
  const byName = buildAssets();
  const byUrl = new Map([...byName.values()].map((asset) => [asset.url, asset]));

  app.decorate('asset', (name: string) => {
    const asset = byName.get(name);
    if (!asset) throw new Error(`Unknown asset ${name}: is it in public/?`);
    return asset.url;
  });

  app.decorate('assetBytes', (name: string) => byName.get(name)?.raw.length ?? 0);
  app.decorate(
    'assetsVersion',
    createHash('sha256')
      .update([...byUrl.keys()].sort().join('\n'))
      .digest('base64url')
      .slice(0, 12),
  );

  app.get(
    '/assets/*',
    {
      schema: { params: Type.Object({ '*': Type.String({ maxLength: 300 }) }) },
      config: { skipSession: true },
    },
    async (request: FastifyRequest, reply: FastifyReply) => {
      const asset = byUrl.get(request.url.split('?')[0] ?? '');
      if (!asset) return reply.callNotFound();
      reply
        .header('cache-control', 'public, max-age=31536000, immutable')
        .header('etag', asset.etag)
        .header('vary', 'accept-encoding')
        .type(asset.type);
      if (request.headers['if-none-match'] === asset.etag) return reply.code(304).send();
      const accepted = String(request.headers['accept-encoding'] ?? '');
      if (asset.compressible && /\bbr\b/.test(accepted)) {
        asset.brotli ??= brotliCompressSync(asset.raw, {
          params: { [zlib.BROTLI_PARAM_QUALITY]: 11 },
        });
        return reply.header('content-encoding', 'br').send(asset.brotli);
      }
      if (asset.compressible && /\bgzip\b/.test(accepted)) {
        asset.gzip ??= gzipSync(asset.raw, { level: 9 });
        return reply.header('content-encoding', 'gzip').send(asset.gzip);
      }
      return reply.send(asset.raw);
    },
  );
}

export default fp(assetsPlugin, { name: 'lantern-assets' });
