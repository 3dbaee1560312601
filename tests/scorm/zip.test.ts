import { createHash } from 'node:crypto';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPackageZip, type EntryProgress } from '../../src/scorm/package/index.js';
import {
  buildAbsolutePath,
  buildBackslashPath,
  buildDuplicateNames,
  buildDuplicateNamesCase,
  buildEncryptedEntry,
  buildGolf12,
  buildLyingZipBomb,
  buildNotZip,
  buildSymlink,
  buildTooManyFiles,
  buildZipBomb,
  buildZipSlip,
  writeZip,
} from './fixtures.js';
import { listTree, problemsOf, removeDir, tempDir } from './helpers.js';

let dir: string;
let stagingCount = 0;
const staging = () => join(dir, `staging-${++stagingCount}`);

beforeAll(async () => {
  dir = await tempDir();
});
afterAll(() => removeDir(dir));

describe('readPackageZip extracts a package', () => {
  it('writes every file, reports sizes and hashes the zip', async () => {
    const zip = await buildGolf12(dir);
    const target = staging();
    const progress: EntryProgress[] = [];
    const result = await readPackageZip(zip, target, {}, (entry) => progress.push(entry));
    const paths = result.files.map((file) => file.path);
    expect(paths).toContain('imsmanifest.xml');
    expect(paths).toContain('shared/launchpage.html');
    expect(paths).toContain('Playing/Playing.html');
    const launch = result.files.find((file) => file.path === 'shared/launchpage.html')!;
    expect((await stat(join(target, 'shared/launchpage.html'))).size).toBe(launch.size);
    expect(result.totalBytes).toBe(result.files.reduce((sum, file) => sum + file.size, 0));
    expect(result.hash).toBe(
      createHash('sha256')
        .update(await readFile(zip))
        .digest('hex'),
    );
    expect(result.zipBytes).toBe((await stat(zip)).size);
    expect(progress.map((entry) => entry.path)).toEqual(paths);
    expect(progress.at(-1)!.totalBytes).toBe(result.totalBytes);
  });

  it('gives the same hash to the same zip twice (content addressing)', async () => {
    const zip = await buildGolf12(dir, 'again.zip');
    const first = await readPackageZip(zip, staging());
    const second = await readPackageZip(zip, staging());
    expect(second.hash).toBe(first.hash);
  });

  it('creates folders for explicit folder entries', async () => {
    const zip = await writeZip(join(dir, 'folders.zip'), [
      { name: 'empty/', directory: true },
      { name: 'a/b/c.txt', data: 'c' },
    ]);
    const target = staging();
    const result = await readPackageZip(zip, target);
    expect(result.files).toEqual([{ path: 'a/b/c.txt', size: 1 }]);
    expect(await listTree(target)).toEqual(['a', 'a/b', 'a/b/c.txt', 'empty']);
  });

  it('accepts small files that compress very well (the ratio floor)', async () => {
    const zip = await writeZip(join(dir, 'spaces.zip'), [
      { name: 'data.json', data: ' '.repeat(512 * 1024) },
    ]);
    const result = await readPackageZip(zip, staging());
    expect(result.files).toEqual([{ path: 'data.json', size: 512 * 1024 }]);
  });

  it('refuses a staging folder that is not empty', async () => {
    const zip = await buildGolf12(dir, 'golf-busy.zip');
    const target = staging();
    await mkdir(target);
    await writeFile(join(target, 'keep.txt'), 'not ours');
    await expect(readPackageZip(zip, target)).rejects.toThrow(/not empty/);
    expect(await listTree(target)).toEqual(['keep.txt']);
  });
});

describe('readPackageZip refuses hostile zips and cleans up', () => {
  const cases = [
    {
      name: 'zip-slip',
      build: buildZipSlip,
      problem: { code: 'unsafe_path', file: '../evil.js', params: { reason: 'parent_segment' } },
    },
    {
      name: 'absolute path',
      build: buildAbsolutePath,
      problem: { code: 'unsafe_path', file: '/tmp/evil.js', params: { reason: 'absolute' } },
    },
    {
      name: 'backslash',
      build: buildBackslashPath,
      problem: { code: 'unsafe_path', file: '..\\evil.js', params: { reason: 'backslash' } },
    },
    { name: 'symlink', build: buildSymlink, problem: { code: 'symlink', file: 'shared/passwd' } },
    {
      name: 'duplicate',
      build: buildDuplicateNames,
      problem: { code: 'duplicate_name', file: 'index.html', params: { other: 'index.html' } },
    },
    {
      name: 'duplicate in another case',
      build: buildDuplicateNamesCase,
      problem: { code: 'duplicate_name', file: 'Index.html', params: { other: 'index.html' } },
    },
    {
      name: 'encrypted',
      build: buildEncryptedEntry,
      problem: { code: 'encrypted_entry', file: 'secret.html' },
    },
    {
      name: 'zip bomb',
      build: buildZipBomb,
      problem: { code: 'limit_ratio', file: 'assets/video.mp4', params: { limit: 100 } },
    },
  ] as const;

  for (const { name, build, problem } of cases) {
    it(`${name} → ${problem.code}`, async () => {
      const zip = await build(dir);
      const target = staging();
      const problems = await problemsOf(() => readPackageZip(zip, target));
      expect(problems).toEqual([problem]);
      // The folder we created is gone; nothing was written outside it either.
      expect(await listTree(target)).toEqual([]);
      expect(await listTree(dir)).not.toContain('evil.js');
    });
  }

  it('not a zip → not_zip', async () => {
    const zip = await buildNotZip(dir);
    const problems = await problemsOf(() => readPackageZip(zip, staging()));
    expect(problems).toEqual([
      { code: 'not_zip', params: { reason: expect.stringContaining('central directory') } },
    ]);
  });

  it('a bomb whose headers lie about its size is stopped while streaming', async () => {
    const zip = await buildLyingZipBomb(dir);
    const target = staging();
    const problems = await problemsOf(() => readPackageZip(zip, target, { maxRatio: 1_000_000 }));
    expect(problems).toEqual([
      expect.objectContaining({ code: 'corrupt_zip', file: 'assets/video.mp4' }),
    ]);
    expect(await listTree(target)).toEqual([]);
  });

  it('the ratio is judged on inflated bytes for the whole zip too', async () => {
    // Ten 600 KiB files of zeros: each below the per-entry floor, together a bomb.
    const entries = Array.from({ length: 10 }, (_, i) => ({
      name: `part-${i}.bin`,
      data: Buffer.alloc(600 * 1024),
    }));
    const zip = await writeZip(join(dir, 'many-small-bombs.zip'), entries);
    const problems = await problemsOf(() => readPackageZip(zip, staging()));
    expect(problems[0]).toMatchObject({ code: 'limit_ratio' });
  });

  it('too many files → limit_file_count', async () => {
    const zip = await buildTooManyFiles(dir, 30);
    const problems = await problemsOf(() => readPackageZip(zip, staging(), { maxFiles: 10 }));
    expect(problems).toEqual([{ code: 'limit_file_count', params: { limit: 10, count: 32 } }]);
  });

  it('too many bytes → limit_total_size', async () => {
    const zip = await buildGolf12(dir, 'golf-big.zip');
    const target = staging();
    const problems = await problemsOf(() => readPackageZip(zip, target, { maxTotalBytes: 2000 }));
    expect(problems[0]).toMatchObject({ code: 'limit_total_size', params: { limit: 2000 } });
    expect(problems[0]!.file).toBeTruthy();
    expect(await listTree(target)).toEqual([]);
  });

  it('a file where a folder is needed → duplicate_name', async () => {
    const zip = await writeZip(join(dir, 'file-folder.zip'), [
      { name: 'lesson', data: 'a file' },
      { name: 'lesson/index.html', data: 'a page' },
    ]);
    const problems = await problemsOf(() => readPackageZip(zip, staging()));
    expect(problems).toEqual([
      { code: 'duplicate_name', file: 'lesson/index.html', params: { other: 'lesson' } },
    ]);
  });

  it('a fifo or device entry → special_file', async () => {
    const zip = await writeZip(join(dir, 'fifo.zip'), [{ name: 'pipe', data: '', mode: 0o010644 }]);
    const problems = await problemsOf(() => readPackageZip(zip, staging()));
    expect(problems).toEqual([{ code: 'special_file', file: 'pipe', params: { mode: '10000' } }]);
  });
});
