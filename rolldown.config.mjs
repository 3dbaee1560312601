// `npm run build` bundles the server after tsc: at a restart Node then resolves and compiles a few
// modules instead of about a thousand (Kysely and TypeBox alone are 600 files), which was most of
// the time to the first page. What the app loads on first use (the package reader, mail, PDF…)
// stays in chunks of its own, loaded as before only when needed. Packages that find files beside
// themselves at run time (WebAssembly, native addons, fonts) and the object-store SDK stay outside
// and load from node_modules as usual. Tests run the TypeScript sources, not this bundle.
import { rmSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { build } from 'rolldown';

const config = {
  input: { 'start.bundle': 'dist/src/start.js' },
  platform: 'node',
  external: [
    /^@electric-sql\/pglite/,
    /^@node-rs\//,
    /^pdfkit/,
    /^dejavu-fonts-ttf/,
    /^@aws-sdk\//,
    /^@smithy\//,
    /^pg-native$/,
  ],
  output: {
    // Beside the compiled sources, so that import.meta.url finds node_modules and the project
    // root from the same place.
    dir: 'dist/src',
    format: 'esm',
    entryFileNames: '[name].js',
    chunkFileNames: 'bundle/[name]-[hash].js',
    // Non-ASCII text (the translations) written as escapes: Node reads a pure-ASCII file faster.
    charset: 'ascii',
  },
  logLevel: 'warn',
};

export default config;

// `node rolldown.config.mjs` builds quietly (the rolldown command prints a size table every time).
// The chunks' names carry their hash: the previous build's are removed first.
if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  rmSync('dist/src/bundle', { recursive: true, force: true });
  await build(config);
}
