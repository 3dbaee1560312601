import module from 'node:module';

// Node 22.1 and later keep the compiled code of Lantern and its libraries between starts, which
// halves module loading on a restart. Enabled before anything else is imported; Node 20 has no cache.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

// `npm run build` bundles start.js and what it imports into one file (rolldown.config.mjs): one
// module to load instead of thousands is what makes a restart quick. A variable, because the
// bundle exists only in dist/.
const bundle = './start.bundle.js';
await import(bundle);
