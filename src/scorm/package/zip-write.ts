/**
 * Writing one zip entry into the staging folder: never outside it, never over or through what is
 * already there, and stopped the moment the inflated bytes cross a limit.
 */
import { constants } from 'node:fs';
import { lstat, mkdir, open } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Entry, ZipFile } from 'yauzl';
import { PackageError } from './errors.js';

/** Inflated bytes so far, across all entries of the zip. */
export interface ZipLimits {
  /** Sum of the unpacked sizes of all files. */
  maxTotalBytes: number;
  /** Number of entries, folders included (each costs an inode and a database row later). */
  maxFiles: number;
  /** Largest unpacked/packed ratio, for each entry and for the whole zip. */
  maxRatio: number;
  /**
   * Ratios are only judged past this many unpacked bytes: small text files legitimately
   * compress a hundredfold, and a bomb is only a danger once it is big.
   */
  ratioFloorBytes: number;
}

export interface Totals {
  bytes: number;
}

/** Creates folders one level at a time, refusing anything on the way that is not a real folder. */
export async function makeFolders(
  root: string,
  segments: string[],
  made: Set<string>,
): Promise<void> {
  for (let i = 1; i <= segments.length; i += 1) {
    const relative = segments.slice(0, i).join('/');
    if (made.has(relative)) continue;
    const path = inside(root, relative);
    try {
      await mkdir(path, { mode: 0o755 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const info = await lstat(path);
      if (!info.isDirectory()) throw new PackageError({ code: 'duplicate_name', file: relative });
    }
    made.add(relative);
  }
}

/** Joins and proves the result is still inside the staging folder (defence in depth). */
function inside(root: string, relative: string): string {
  const path = resolve(root, ...relative.split('/'));
  if (!path.startsWith(root + sep))
    throw new PackageError({ code: 'unsafe_path', file: relative, params: { reason: 'outside' } });
  return path;
}

export async function writeEntry(
  zip: ZipFile,
  entry: Entry,
  root: string,
  relative: string,
  totals: Totals,
  zipBytes: number,
  limits: ZipLimits,
): Promise<number> {
  const source = await zip.openReadStreamPromise(entry).catch((error: Error) => {
    throw new PackageError({
      code: 'corrupt_zip',
      file: relative,
      params: { reason: error.message },
    });
  });
  // yauzl's size check can fire again on a chunk already in flight after the pipeline has
  // failed and let go of the stream; the first error is the one reported, later ones are noise.
  source.on('error', () => undefined);
  const counter = new LimitCounter(relative, entry.compressedSize, totals, zipBytes, limits);
  // O_EXCL + O_NOFOLLOW: never overwrite, never write through a link, whatever is on disk.
  const flags = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW;
  const handle = await open(inside(root, relative), flags, 0o644).catch(
    (error: NodeJS.ErrnoException) => {
      source.destroy();
      if (error.code === 'EEXIST')
        throw new PackageError({ code: 'duplicate_name', file: relative });
      if (error.code === 'ENAMETOOLONG')
        throw new PackageError({
          code: 'unsafe_path',
          file: relative,
          params: { reason: 'too_long' },
        });
      throw error;
    },
  );
  try {
    // The write stream owns the handle from here and closes it on finish or on error.
    await pipeline(source, counter, handle.createWriteStream());
  } catch (error) {
    if (error instanceof PackageError) throw error;
    // Disk trouble (ENOSPC, EIO) is ours, not the package's: keep the original error.
    if ((error as NodeJS.ErrnoException).syscall !== undefined) throw error;
    throw new PackageError({
      code: 'corrupt_zip',
      file: relative,
      params: { reason: (error as Error).message },
    });
  }
  return counter.written;
}

/**
 * Counts inflated bytes as they pass and stops the stream the moment a limit is crossed.
 * The packed sizes it divides by cannot be inflated by a lying header: yauzl refuses an entry
 * whose compressed data would run past the end of the file, and the overall ratio uses the
 * zip's real size (which also catches entries that overlap to reuse the same data).
 */
class LimitCounter extends Transform {
  written = 0;

  constructor(
    private readonly file: string,
    private readonly compressedSize: number,
    private readonly totals: Totals,
    private readonly zipBytes: number,
    private readonly limits: ZipLimits,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.written += chunk.length;
    this.totals.bytes += chunk.length;
    const { maxTotalBytes, maxRatio, ratioFloorBytes } = this.limits;
    if (this.totals.bytes > maxTotalBytes) {
      callback(
        new PackageError({
          code: 'limit_total_size',
          file: this.file,
          params: { limit: maxTotalBytes },
        }),
      );
    } else if (
      (this.written > ratioFloorBytes &&
        this.written > maxRatio * Math.max(this.compressedSize, 1)) ||
      (this.totals.bytes > ratioFloorBytes &&
        this.totals.bytes > maxRatio * Math.max(this.zipBytes, 1))
    ) {
      callback(
        new PackageError({ code: 'limit_ratio', file: this.file, params: { limit: maxRatio } }),
      );
    } else {
      callback(null, chunk);
    }
  }
}
