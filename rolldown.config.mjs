// `npm run build` bundles the server into one file after tsc: at a restart Node then resolves and
// compiles one module instead of about two thousand (Kysely alone is hundreds of files), which was
// most of the time to the first page. Packages that find files beside themselves at run time
// (WebAssembly, native addons, fonts, font metrics) and the object-store SDK, loaded only when
// STORAGE_URL is set, stay outside and load from node_modules as usual.
import { pathToFileURL } from 'node:url';
import { build } from 'rolldown';

const config = {
  input: 'dist/src/start.js',
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
    file: 'dist/src/start.bundle.js',
    format: 'esm',
    codeSplitting: false,
    // Non-ASCII text (the translations) written as escapes: Node reads a pure-ASCII file faster.
    charset: 'ascii',
  },
  logLevel: 'warn',
};

export default config;

// `node rolldown.config.mjs` builds quietly (the rolldown command prints a size table every time).
if (import.meta.url === pathToFileURL(process.argv[1]).href) await build(config);
