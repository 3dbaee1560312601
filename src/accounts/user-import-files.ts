/**
 * Where uploaded import files wait between the preview and the confirmation: DATA_DIR/imports,
 * each named by its SHA-256, removed a day after its last upload.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** 5 MB: a file of 10,000 people is about 600 KB. */
export const IMPORT_FILE_LIMIT = 5 * 1024 * 1024;

/** The folder of uploaded files. */
export const importsDir = (dataDir: string) => join(dataDir, 'imports');
const HASH = /^[0-9a-f]{64}$/;
export const isImportHash = (value: string) => HASH.test(value);
/** A file not confirmed within a day is removed (it holds names and addresses). */
const KEEP_MS = 24 * 3600 * 1000;

/** Stores an uploaded file under its hash (once, however often it is uploaded); returns the hash. */
export async function storeImportFile(dataDir: string, bytes: Uint8Array): Promise<string> {
  const dir = importsDir(dataDir);
  await mkdir(dir, { recursive: true });
  const hash = createHash('sha256').update(bytes).digest('hex');
  await writeFile(join(dir, `${hash}.csv`), bytes);
  await pruneImportFiles(dir, hash);
  return hash;
}

export async function readImportFile(dataDir: string, hash: string): Promise<Buffer | undefined> {
  if (!isImportHash(hash)) return undefined;
  try {
    return await readFile(join(importsDir(dataDir), `${hash}.csv`));
  } catch {
    return undefined;
  }
}

async function pruneImportFiles(dir: string, keep: string): Promise<void> {
  const now = Date.now();
  for (const name of await readdir(dir)) {
    if (name === `${keep}.csv`) continue;
    const path = join(dir, name);
    const info = await stat(path).catch(() => undefined);
    if (info && now - info.mtimeMs > KEEP_MS) await rm(path, { force: true });
  }
}
