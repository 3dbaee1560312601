import cluster from 'node:cluster';
import { ConfigError, loadConfig, type Config } from './config.js';
import { ContentError } from './content/content-error.js';
import { openDatabase, type DatabaseHandle } from './db/connect.js';
import { DataDirLockedError } from './db/lock.js';
import { migrateToLatest } from './db/migrate.js';
import { syncCourses } from './content/sync.js';

/**
 * Starts Lantern: migrate, load courses, create the first admin on an empty database, listen;
 * close cleanly on signals. With WORKERS > 1 (PostgreSQL only) the primary process prepares the
 * database once and forks that many workers sharing the ports; each worker is a whole app, as
 * stateless as separate processes behind a proxy.
 */
async function main(): Promise<void> {
  const startedAt = performance.now();
  const config = loadConfig();
  if (config.workers > 1 && !config.databaseUrl)
    throw new ConfigError([
      'WORKERS above 1 needs PostgreSQL (DATABASE_URL): the embedded database belongs to one process',
    ]);
  if (config.workers > 1 && cluster.isPrimary) return startPrimary(config, startedAt);
  // The embedded database's WebAssembly compiles on other threads while the app's modules load:
  // its module is loaded first, so that the compilation starts before they take the main thread.
  if (!config.databaseUrl || config.databaseUrl === 'memory://')
    await import('@electric-sql/pglite');
  const [database, { buildApp }] = await Promise.all([openDatabase(config), import('./app.js')]);
  const prepared = cluster.isWorker ? undefined : await prepareDatabase(config, database);
  const app = await buildApp({ config, database });
  // Package files are served from their own origin unless an operator chose same-origin mode.
  const contentApp =
    config.scormServing === 'cross-origin'
      ? await (await import('./scorm/content.js')).buildContentApp(config)
      : undefined;

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
  if (cluster.isWorker) return;
  announce(config, database, startedAt, contentApp !== undefined);
  if (prepared) report(prepared);
}

type Prepared = { loaded: string[]; firstAdmin: { email: string; password: string } | undefined };

async function prepareDatabase(config: Config, database: DatabaseHandle): Promise<Prepared> {
  const { ensureFirstAdmin } = await import('./accounts/index.js');
  await migrateToLatest(database.db);
  const synced = await syncCourses(database.db, config.coursesDir);
  const firstAdmin = await ensureFirstAdmin(database.db);
  return { loaded: [...synced.added, ...synced.updated], firstAdmin };
}

async function startPrimary(config: Config, startedAt: number): Promise<void> {
  const database = await openDatabase(config);
  const prepared = await prepareDatabase(config, database);
  await database.close();
  let stopping = false;
  let ready = 0;
  for (let n = 0; n < config.workers; n += 1) cluster.fork();
  cluster.on('listening', () => {
    ready += 1;
    if (ready === config.workers * (config.scormServing === 'cross-origin' ? 2 : 1)) {
      announce(config, database, startedAt, config.scormServing === 'cross-origin', config.workers);
      report(prepared);
    }
  });
  // A worker that dies unexpectedly is replaced; on SIGTERM every worker finishes its requests.
  cluster.on('exit', (worker, code) => {
    if (!stopping) {
      console.error(`worker ${worker.process.pid} exited (${code}); starting another`);
      cluster.fork();
    } else if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
  });
  const stop = () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

function announce(
  config: Config,
  database: Pick<DatabaseHandle, 'kind'>,
  startedAt: number,
  content: boolean,
  workers = 1,
): void {
  const where = `http://${config.host === '0.0.0.0' || config.host === '127.0.0.1' ? 'localhost' : config.host}:${config.port}`;
  const store =
    database.kind === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL';
  console.log(
    `Lantern is ready at ${where} (${store}${workers > 1 ? `, ${workers} worker processes` : ''}), started in ${Math.round(performance.now() - startedAt)} ms`,
  );
  if (content)
    console.log(
      `SCORM content is served from ${config.contentOrigin.origin} (listening on port ${config.contentPort})`,
    );
}

function report({ loaded, firstAdmin }: Prepared): void {
  if (loaded.length > 0) console.log(`Courses loaded: ${loaded.join(', ')}`);
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
  if (
    error instanceof ConfigError ||
    error instanceof ContentError ||
    error instanceof DataDirLockedError
  )
    console.error(error.message);
  else console.error('Lantern could not start:', error);
  process.exit(1);
});
