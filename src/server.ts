import { ConfigError, loadConfig } from './config.js';
import { ContentError } from './content/problems.js';
import { openDatabase } from './db/connect.js';
import { migrateToLatest } from './db/migrate.js';
import { syncCourses } from './content/sync.js';

/** Starts Lantern: migrate, load courses, create the first admin on an empty database, listen; close cleanly on signals. */
async function main(): Promise<void> {
  const startedAt = performance.now();
  const config = loadConfig();
  // The embedded database's WebAssembly starts while the app's modules load.
  const [database, { buildApp }, { ensureFirstAdmin }] = await Promise.all([openDatabase(config), import('./app.js'), import('./accounts/index.js')]);
  await migrateToLatest(database.db);
  const synced = await syncCourses(database.db, config.coursesDir);
  const firstAdmin = await ensureFirstAdmin(database.db);
  const app = await buildApp({ config, database });
  // Package files are served from their own origin unless an operator chose same-origin mode.
  const contentApp = config.scormServing === 'cross-origin' ? await (await import('./scorm/content.js')).buildContentApp(config) : undefined;

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing requests in flight');
    // A request that hangs must not keep the process alive forever.
    setTimeout(() => {
      app.log.error('forced exit after 10 s');
      process.exit(1);
    }, 10_000).unref();
    await Promise.all([app.close(), contentApp?.close()]);
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  await contentApp?.listen({ port: config.contentPort, host: config.host });
  const where = `http://${config.host === '0.0.0.0' || config.host === '127.0.0.1' ? 'localhost' : config.host}:${config.port}`;
  console.log(`Lantern is ready at ${where} (${database.kind === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL'}), started in ${Math.round(performance.now() - startedAt)} ms`);
  if (contentApp) console.log(`SCORM content is served from ${config.contentOrigin.origin} (listening on port ${config.contentPort})`);
  if (synced.added.length + synced.updated.length > 0) console.log(`Courses loaded: ${[...synced.added, ...synced.updated].join(', ')}`);
  if (firstAdmin) {
    console.log(
      [
        '',
        '  First start: an administrator account was created.',
        `    email:              ${firstAdmin.email}`,
        `    one-time password:  ${firstAdmin.password}`,
        '  It is shown only this once. Log in and choose your own password.',
        '',
      ].join('\n'),
    );
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof ContentError) console.error(error.message);
  else console.error('Lantern could not start:', error);
  process.exit(1);
});
