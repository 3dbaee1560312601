// `node bench/scorm-import.mjs [--megabytes 100] [--file-megabytes 2] [--database URL]
// [--storage-url s3://… | --s3rver]`: imports a SCORM package of that size, made of media files of
// that size that do not compress (as real video and audio), on PostgreSQL (BENCH_DATABASE_URL),
// and reports the import's time and the peak RSS of the importing process (budget: under 150 MB,
// DESIGN §7). The files go to local disk, or to the object store of `--storage-url` (default:
// STORAGE_URL; credentials from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY), or `--s3rver` starts
// an S3-compatible server (s3rver) on a free port in this process, outside the measured one.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeScormZip } from './scorm-zip.mjs';

const { values } = parseArgs({
  options: {
    megabytes: { type: 'string', default: '100' },
    'file-megabytes': { type: 'string', default: '2' },
    database: {
      type: 'string',
      default: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/lantern_bench',
    },
    'storage-url': { type: 'string', default: process.env.STORAGE_URL ?? '' },
    s3rver: { type: 'boolean', default: false },
  },
});
const megabytes = Number(values.megabytes);
const dir = mkdtempSync(join(tmpdir(), 'lantern-import-bench-'));
let storageUrl = values['storage-url'];
let s3rver;
if (values.s3rver) {
  const { default: S3rver } = await import('s3rver');
  mkdirSync(join(dir, 's3'));
  s3rver = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: join(dir, 's3'),
    configureBuckets: [{ name: 'lantern-bench' }],
  });
  const { port } = await s3rver.run();
  storageUrl = `s3://lantern-bench?endpoint=http://127.0.0.1:${port}&forcePathStyle=true`;
  // s3rver's own fixed credentials.
  process.env.AWS_ACCESS_KEY_ID = 'S3RVER';
  process.env.AWS_SECRET_ACCESS_KEY = 'S3RVER';
}
const zipPath = join(dir, 'big.zip');
const fileMegabytes = Number(values['file-megabytes']);
const media = Array.from({ length: Math.ceil(megabytes / fileMegabytes) }, (_, n) => ({
  name: `media/clip-${n}.mp4`,
  data: randomBytes(fileMegabytes * 1024 ** 2),
}));
await writeScormZip(zipPath, {
  identifier: 'lantern.bench.big',
  title: 'Video lesson',
  page: '<!doctype html><title>Video lesson</title><video src="media/clip-0.mp4" controls></video>',
  files: media,
});

// The import runs in a process of its own, which reports its own peak RSS when it is done.
const script = `
  const { openDatabase } = await import('./dist/src/db/connect.js');
  const { migrateToLatest } = await import('./dist/src/db/migrate.js');
  const { importPackage } = await import('./dist/src/scorm/import.js');
  const { packageStorage, parseStorageUrl } = await import('./dist/src/storage/index.js');
  const problems = [];
  const settings = parseStorageUrl(${JSON.stringify(storageUrl)}, problems);
  if (problems.length) throw new Error(problems.join('; '));
  const storage = packageStorage({ dataDir: ${JSON.stringify(dir)}, storage: settings });
  const database = await openDatabase({ databaseUrl: ${JSON.stringify(values.database)}, dataDir: ${JSON.stringify(dir)}, databasePoolSize: 1 });
  await migrateToLatest(database.db);
  const before = process.resourceUsage().maxRSS;
  const started = performance.now();
  const result = await importPackage(database.db, ${JSON.stringify(zipPath)}, { dataDir: ${JSON.stringify(dir)}, storage });
  console.log(JSON.stringify({ seconds: (performance.now() - started) / 1000, peakKb: process.resourceUsage().maxRSS, beforeKb: before, outcome: result.outcome }));
  // Leave the benchmark database and the store as they were.
  const { hash } = await database.db.selectFrom('scorm_packages').select('hash').where('id', '=', result.packageId).executeTakeFirstOrThrow();
  await database.db.deleteFrom('courses').where('id', '=', result.courseId).execute();
  await storage.deletePrefix(hash + '/');
  storage.close();
  await database.close();`;
// Asynchronous, so that an s3rver in this process goes on answering while the import runs.
const run = await new Promise((resolve) => {
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  child.on('close', (status) => resolve({ status, stdout, stderr }));
});
await s3rver?.close();
if (run.status !== 0) {
  console.error(run.stderr);
  process.exit(1);
}
const figures = JSON.parse(run.stdout.trim().split('\n').at(-1));
const peakMb = figures.peakKb / 1024;
console.log(
  `SCORM import of a ${(statSync(zipPath).size / 1024 ** 2).toFixed(0)} MB package to ${storageUrl ? `an object store (${storageUrl.split('?')[0]})` : 'local disk'}: ${figures.seconds.toFixed(1)} s, peak RSS ${peakMb.toFixed(0)} MB (${(figures.beforeKb / 1024).toFixed(0)} MB before the import); budget 150 MB: ${peakMb < 150 ? 'OK' : 'NOT MET'}`,
);
rmSync(dir, { recursive: true, force: true });
