// `node bench/scorm-import.mjs [--megabytes 100] [--database URL]`: imports a SCORM package of that
// size (media files that do not compress, as real video and audio) on PostgreSQL
// (BENCH_DATABASE_URL) and reports the import's time and the peak RSS of the importing process
// (budget: under 300 MB).
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeScormZip } from './scorm-zip.mjs';

const { values } = parseArgs({
  options: {
    megabytes: { type: 'string', default: '100' },
    database: {
      type: 'string',
      default: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/lantern_bench',
    },
  },
});
const megabytes = Number(values.megabytes);
const dir = mkdtempSync(join(tmpdir(), 'lantern-import-bench-'));
const zipPath = join(dir, 'big.zip');
const media = Array.from({ length: megabytes / 2 }, (_, n) => ({
  name: `media/clip-${n}.mp4`,
  data: randomBytes(2 * 1024 ** 2),
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
  const database = await openDatabase({ databaseUrl: ${JSON.stringify(values.database)}, dataDir: ${JSON.stringify(dir)}, databasePoolSize: 1 });
  await migrateToLatest(database.db);
  const before = process.resourceUsage().maxRSS;
  const started = performance.now();
  const result = await importPackage(database.db, ${JSON.stringify(zipPath)}, { dataDir: ${JSON.stringify(dir)} });
  console.log(JSON.stringify({ seconds: (performance.now() - started) / 1000, peakKb: process.resourceUsage().maxRSS, beforeKb: before, outcome: result.outcome }));
  // Leave the benchmark database as it was.
  await database.db.deleteFrom('courses').where('id', '=', result.courseId).execute();
  await database.close();`;
const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
  encoding: 'utf8',
});
if (run.status !== 0) {
  console.error(run.stderr);
  process.exit(1);
}
const figures = JSON.parse(run.stdout.trim().split('\n').at(-1));
const peakMb = figures.peakKb / 1024;
console.log(
  `SCORM import of a ${(statSync(zipPath).size / 1024 ** 2).toFixed(0)} MB package: ${figures.seconds.toFixed(1)} s, peak RSS ${peakMb.toFixed(0)} MB (${(figures.beforeKb / 1024).toFixed(0)} MB before the import); budget 300 MB: ${peakMb < 300 ? 'OK' : 'NOT MET'}`,
);
rmSync(dir, { recursive: true, force: true });
