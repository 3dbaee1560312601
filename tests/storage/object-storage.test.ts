/**
 * Both package stores behave alike: local disk and an S3-compatible server (s3rver, real HTTP,
 * real signatures). Objects stream in and out, ranges are exact, a stored folder counts only once
 * complete, and deleting a folder removes all of it and nothing beside it.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localStorage, s3Storage, type ObjectStorage } from '../../src/storage/index.js';
import { startS3, type TestS3 } from './s3-server.js';

let s3: TestS3;
let dir: string;
beforeAll(async () => {
  s3 = await startS3();
  dir = await mkdtemp(join(tmpdir(), 'lantern-storage-'));
});
afterAll(async () => {
  await s3?.close();
  await rm(dir, { recursive: true, force: true });
});

/** A staging folder as an import leaves it. */
async function stagingFolder(files: Record<string, string>): Promise<string> {
  const folder = await mkdtemp(join(dir, 'staging-'));
  for (const [path, content] of Object.entries(files)) {
    await mkdir(join(folder, path, '..'), { recursive: true });
    await writeFile(join(folder, path), content);
  }
  return folder;
}

const kinds: Array<[string, () => ObjectStorage]> = [
  ['local disk', () => localStorage(join(dir, 'local-root'))],
  ['an S3-compatible server', () => s3Storage(s3.settings, 'scorm/')],
];

describe.each(kinds)('package storage on %s', (_kind, open) => {
  let storage: ObjectStorage;
  beforeAll(() => {
    storage = open();
  });
  afterAll(() => storage?.close());

  it('streams an object in and out, with its size, type and a stable ETag', async () => {
    const body = 'Bonjour, ça va ? '.repeat(1000);
    await storage.put('h1/page.html', Readable.from([Buffer.from(body)]), {
      contentType: 'text/html; charset=utf-8',
    });
    const info = await storage.head('h1/page.html');
    expect(info).toMatchObject({
      size: Buffer.byteLength(body),
      contentType: 'text/html; charset=utf-8',
    });
    expect(info!.etag).toMatch(/^"[^"]+"$/);
    const object = await storage.get('h1/page.html');
    expect(await text(object!.stream)).toBe(body);
    expect(object!.etag).toBe(info!.etag);
    expect((await storage.head('h1/page.html'))!.etag).toBe(info!.etag);
  });

  it('reads exactly the bytes of a range, and says which', async () => {
    await storage.put('h1/digits.txt', Readable.from([Buffer.from('0123456789')]), {
      contentType: 'text/plain; charset=utf-8',
      size: 10,
    });
    const middle = await storage.get('h1/digits.txt', { range: { start: 3, end: 6 } });
    expect(await text(middle!.stream)).toBe('3456');
    expect(middle!.contentRange).toBe('bytes 3-6/10');
    expect(middle!.size).toBe(10);
    const last = await storage.get('h1/digits.txt', { range: { start: 9, end: 9 } });
    expect(await text(last!.stream)).toBe('9');
  });

  it('answers undefined for what does not exist', async () => {
    expect(await storage.head('h1/nothing.js')).toBeUndefined();
    expect(await storage.get('h1/nothing.js')).toBeUndefined();
    expect(await storage.exists('nothing/')).toBe(false);
  });

  it('stores a folder, counts it complete only afterwards, and deletes it whole', async () => {
    const files = {
      'imsmanifest.xml': '<manifest/>',
      'shared/launch page.html': '<p>launch</p>',
      'shared/media/clip.mp4': 'x'.repeat(300_000),
      '.hidden': 'dot file',
    };
    expect(await storage.exists('h2/')).toBe(false);
    await storage.storeFolder('h2/', await stagingFolder(files), Object.keys(files));
    expect(await storage.exists('h2/')).toBe(true);
    for (const [path, content] of Object.entries(files)) {
      const object = await storage.get(`h2/${path}`);
      expect(await text(object!.stream), path).toBe(content);
    }
    // What an offline copy of the package lists: every file, relative to the folder, with its size.
    expect(await storage.list('h2/')).toEqual(
      Object.entries(files)
        .map(([path, content]) => ({ path, size: Buffer.byteLength(content) }))
        .sort((a, b) => a.path.localeCompare(b.path)),
    );
    expect((await storage.head('h2/shared/media/clip.mp4'))!.contentType).toBe('video/mp4');
    expect((await storage.head('h2/shared/launch page.html'))!.contentType).toBe(
      'text/html; charset=utf-8',
    );

    // A neighbour whose name starts the same is not part of the folder.
    await storage.storeFolder('h22/', await stagingFolder({ 'a.txt': 'a' }), ['a.txt']);
    await storage.deletePrefix('h2/');
    expect(await storage.exists('h2/')).toBe(false);
    for (const path of Object.keys(files)) expect(await storage.head(`h2/${path}`)).toBeUndefined();
    expect(await storage.exists('h22/')).toBe(true);
    expect(await text((await storage.get('h22/a.txt'))!.stream)).toBe('a');
  });
});

describe('the S3 store', () => {
  it('keeps package files under scorm/ in the bucket, with the folder mark beside the folder', async () => {
    const storage = s3Storage(s3.settings, 'scorm/');
    await storage.storeFolder('h3/', await stagingFolder({ 'index.html': 'i' }), ['index.html']);
    const keys = await s3.keys();
    expect(keys).toContain('scorm/h3/index.html');
    expect(keys).toContain('scorm/h3.complete');
    await storage.deletePrefix('h3/');
    expect((await s3.keys()).filter((key) => key.startsWith('scorm/h3'))).toEqual([]);
    storage.close();
  });

  it('uploads a body of unknown size in parts, without holding it whole', async () => {
    const storage = s3Storage(s3.settings, 'scorm/');
    // 20 MB in 1 MB chunks: more than two parts of 8 MB.
    const chunk = Buffer.alloc(1024 ** 2, 'a');
    await storage.put('h4/big.bin', Readable.from(Array.from({ length: 20 }, () => chunk)), {
      contentType: 'application/octet-stream',
    });
    expect((await storage.head('h4/big.bin'))!.size).toBe(20 * 1024 ** 2);
    const tail = await storage.get('h4/big.bin', {
      range: { start: 20 * 1024 ** 2 - 3, end: 20 * 1024 ** 2 - 1 },
    });
    expect(await text(tail!.stream)).toBe('aaa');
    storage.close();
  });

  it('fails loudly, not as "missing", when the bucket does not exist', async () => {
    const storage = s3Storage({ ...s3.settings, bucket: 'no-such-bucket' }, 'scorm/');
    try {
      await expect(storage.get('h1/page.html')).rejects.toThrow(/bucket/i);
      await expect(
        storage.storeFolder('h5/', await stagingFolder({ 'a.txt': 'a' }), ['a.txt']),
      ).rejects.toThrow(/bucket/i);
    } finally {
      storage.close();
    }
  });
});
