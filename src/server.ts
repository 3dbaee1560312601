import module from 'node:module';

// Node 22.1 and later keep the compiled code of Lantern and its libraries between starts, which
// halves module loading on a restart. Enabled before anything else is imported; Node 20 has no cache.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

// `npm run build` bundles start.js and what it loads at start-up into a few files
// (rolldown.config.mjs): resolving and compiling a thousand modules was most of a restart. A
// variable, because the bundle exists only in dist/.
const bundle = './start.bundle.js';
await import(bundle);
