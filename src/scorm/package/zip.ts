/**
 * Streaming extraction of an uploaded package into an empty staging folder.
 *
 * Nothing in the zip is trusted: names are checked as text before touching the disk, and the
 * size limits count the bytes actually inflated, so a zip whose headers lie is stopped while
 * it streams rather than after it has filled the disk.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { checkEntryName, NameRegistry } from './entry-names.js';
import { PackageError, type PackageProblem } from './errors.js';
import { makeFolders, writeEntry, type Totals, type ZipLimits } from './zip-write.js';

export type { ZipLimits };

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxTotalBytes: 1024 ** 3,
  maxFiles: 20_000,
  maxRatio: 100,
  ratioFloorBytes: 1024 ** 2,
};

export interface ExtractedFile {
  /** Path relative to the staging folder, with `/` separators. */
  path: string;
  size: number;
}

export interface ExtractedZip {
  /** sha256 (hex) of the zip file itself: the package's content address. */
  hash: string;
  /** Regular files written, in zip order (folders are implied). */
  files: ExtractedFile[];
  totalBytes: number;
  zipBytes: number;
}

export interface EntryProgress {
  path: string;
  size: number;
  /** 1-based position of the entry and the number of entries in the zip. */
  index: number;
  count: number;
  totalBytes: number;
}

const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
const S_IFLNK = 0o120000;

/**
 * Extracts `zipPath` into `stagingDir` (created when missing, refused when not empty).
 * Package faults throw PackageError; in every failure the staging folder is emptied
 * (and removed when this call created it).
 */
export async function readPackageZip(
  zipPath: string,
  stagingDir: string,
  limits: Partial<ZipLimits> = {},
  onEntry?: (progress: EntryProgress) => void,
): Promise<ExtractedZip> {
  const fullLimits: ZipLimits = { ...DEFAULT_ZIP_LIMITS, ...limits };
  const root = resolve(stagingDir);
  const createdRoot = await prepareStaging(root);
  // Hashing reads the file a second time, in parallel; the OS cache makes that cheap.
  const hashing = hashFile(zipPath);
  hashing.catch(() => undefined); // observed below; avoids an unhandled rejection if extraction fails first
  try {
    const zipBytes = (await stat(zipPath)).size;
    const extracted = await extract(zipPath, root, zipBytes, fullLimits, onEntry);
    return { hash: await hashing, zipBytes, ...extracted };
  } catch (error) {
    await cleanStaging(root, createdRoot);
    throw error;
  }
}

async function prepareStaging(root: string): Promise<boolean> {
  const created = (await mkdir(root, { recursive: true })) !== undefined;
  if (!created && (await readdir(root)).length > 0) {
    // A programming error, not a package fault: we would not know what to clean up.
    throw new Error(`Staging directory is not empty: ${root}`);
  }
  return created;
}

/** Empties the staging folder, which was empty before us, so everything in it is ours. */
export async function cleanStaging(root: string, removeRoot = false): Promise<void> {
  if (removeRoot) {
    await rm(root, { recursive: true, force: true });
    return;
  }
  const names = await readdir(root).catch(() => [] as string[]);
  await Promise.all(names.map((name) => rm(join(root, name), { recursive: true, force: true })));
}

async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function openZip(zipPath: string): Promise<ZipFile> {
  return new Promise((resolvePromise, reject) => {
    // decodeStrings off: yauzl would reject unsafe names with an untyped error (and turn
    // backslashes into slashes); we decode and judge names ourselves.
    yauzl.open(
      zipPath,
      { lazyEntries: true, validateEntrySizes: true, decodeStrings: false, autoClose: true },
      (error, zip) => {
        if (error || !zip)
          return reject(
            new PackageError({ code: 'not_zip', params: { reason: error?.message ?? 'unknown' } }),
          );
        // Errors while reading entries are also reported to whoever awaits them (nextEntry,
        // the entry streams); this listener only keeps a late one, emitted after we stopped
        // listening (say, while closing), from crashing the process.
        zip.on('error', () => undefined);
        resolvePromise(zip);
      },
    );
  });
}

function nextEntry(zip: ZipFile): Promise<Entry | undefined> {
  return new Promise((resolvePromise, reject) => {
    const done = () => {
      zip.off('entry', onEntry).off('end', onEnd).off('error', onError);
    };
    const onEntry = (entry: Entry) => (done(), resolvePromise(entry));
    const onEnd = () => (done(), resolvePromise(undefined));
    const onError = (error: Error) => (done(), reject(error));
    zip.on('entry', onEntry).on('end', onEnd).on('error', onError);
    zip.readEntry();
  });
}

async function extract(
  zipPath: string,
  root: string,
  zipBytes: number,
  limits: ZipLimits,
  onEntry: ((progress: EntryProgress) => void) | undefined,
): Promise<Omit<ExtractedZip, 'hash' | 'zipBytes'>> {
  const zip = await openZip(zipPath);
  const files: ExtractedFile[] = [];
  const totals: Totals = { bytes: 0 };
  const names = new NameRegistry();
  const folders = new Set<string>();
  let declaredBytes = 0;
  let index = 0;
  try {
    // The central directory says how many entries follow: refuse a flood before reading any.
    if (zip.entryCount > limits.maxFiles) {
      throw new PackageError({
        code: 'limit_file_count',
        params: { limit: limits.maxFiles, count: zip.entryCount },
      });
    }
    for (;;) {
      const entry = await nextEntry(zip).catch((error: Error) => {
        throw new PackageError({ code: 'corrupt_zip', params: { reason: error.message } });
      });
      if (!entry) break;
      index += 1;
      if (index > limits.maxFiles)
        throw new PackageError({ code: 'limit_file_count', params: { limit: limits.maxFiles } });
      const checked = checkEntry(entry, names);
      if (checked.isDirectory) {
        await makeFolders(root, checked.segments, folders);
        continue;
      }
      // Headers may only make us refuse early; what we accept is judged on real bytes below.
      declaredBytes += entry.uncompressedSize;
      if (declaredBytes > limits.maxTotalBytes) {
        throw new PackageError({
          code: 'limit_total_size',
          file: checked.path,
          params: { limit: limits.maxTotalBytes },
        });
      }
      await makeFolders(root, checked.segments.slice(0, -1), folders);
      const size = await writeEntry(zip, entry, root, checked.path, totals, zipBytes, limits);
      files.push({ path: checked.path, size });
      onEntry?.({
        path: checked.path,
        size,
        index,
        count: zip.entryCount,
        totalBytes: totals.bytes,
      });
    }
  } finally {
    zip.close();
  }
  return { files, totalBytes: totals.bytes };
}

function decodeName(entry: Entry): string {
  // strictFileNames=true keeps backslashes so that checkEntryName can refuse them.
  return yauzl.getFileNameLowLevel(
    entry.generalPurposeBitFlag,
    entry.fileNameRaw,
    entry.extraFields,
    true,
  );
}

function checkEntry(
  entry: Entry,
  names: NameRegistry,
): { path: string; segments: string[]; isDirectory: boolean } {
  const name = decodeName(entry);
  const fail = (problem: Omit<PackageProblem, 'file'>): never => {
    throw new PackageError({ ...problem, file: name });
  };
  const checked = checkEntryName(name);
  if (!checked.ok) return fail({ code: 'unsafe_path', params: { reason: checked.reason } });
  // Unix permissions live in the high 16 bits of the external attributes.
  const type = ((entry.externalFileAttributes >>> 16) & S_IFMT) >>> 0;
  if (type === S_IFLNK) fail({ code: 'symlink' });
  if (type !== 0 && type !== S_IFREG && type !== S_IFDIR)
    fail({ code: 'special_file', params: { mode: type.toString(8) } });
  const isDirectory = checked.isDirectory || type === S_IFDIR;
  if (entry.isEncrypted()) fail({ code: 'encrypted_entry' });
  if (!isDirectory && entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
    fail({ code: 'unsupported_compression', params: { method: entry.compressionMethod } });
  }
  const clash = names.add(checked.segments, isDirectory);
  if (clash !== undefined) fail({ code: 'duplicate_name', params: { other: clash } });
  return { path: checked.path, segments: checked.segments, isDirectory };
}
