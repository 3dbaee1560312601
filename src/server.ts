import module from 'node:module';

// Node 22.1 and later keep the compiled code of Lantern and its libraries between starts, which
// halves module loading on a restart. Enabled before anything else is imported; Node 20 has no cache.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

await import('./start.js');
