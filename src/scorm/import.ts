/**
 * Importing a SCORM package: inspect the zip (src/scorm/package) in a staging folder on local
 * disk, store its files by hash (DATA_DIR/scorm or the object store, src/storage), and record it
 * as a version of a course whose items are the package's SCOs. All or nothing: a refused or
 * failed import leaves no rows and no new files.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { localStorage, type ObjectStorage } from '../storage/index.js';
import {
  ImportRefused,
  recordPackage,
  type ImportOptions,
  type ImportResult,
} from './import-records.js';
import { inspectPackage } from './package/index.js';

export { ImportRefused, type ImportOptions, type ImportResult } from './import-records.js';
import { packagePrefix, scormRoot } from './package-places.js';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export async function importPackage(
  db: Kysely<Database>,
  zipPath: string,
  options: ImportOptions,
): Promise<ImportResult> {
  if (options.slug !== undefined && !SLUG.test(options.slug))
    throw new ImportRefused('invalid_slug', options.slug);
  const storage = options.storage ?? localStorage(scormRoot(options.dataDir));
  const staging = join(scormRoot(options.dataDir), '.staging', randomBytes(8).toString('hex'));
  await mkdir(join(scormRoot(options.dataDir), '.staging'), { recursive: true });
  const inspected = await inspectPackage(zipPath, staging, options.limits, options.onEntry);

  // Same zip, same folder: a second import of identical bytes reuses the stored files.
  const prefix = packagePrefix(inspected.hash);
  let alreadyStored = false;
  try {
    alreadyStored = await storage.exists(prefix);
    if (!alreadyStored)
      await storage.storeFolder(
        prefix,
        staging,
        inspected.files.map((file) => file.path),
      );
  } catch (error) {
    await removeIfUnreferenced(db, storage, inspected.hash);
    throw error;
  } finally {
    // Moved away by local storage; copied, then left here, by an object store.
    await rm(staging, { recursive: true, force: true });
  }

  try {
    return await db
      .transaction()
      .execute((trx) =>
        recordPackage(
          trx,
          inspected.manifest,
          inspected.hash,
          inspected.files.length,
          inspected.totalBytes,
          options,
        ),
      );
  } catch (error) {
    if (!alreadyStored) await removeIfUnreferenced(db, storage, inspected.hash);
    throw error;
  }
}

async function removeIfUnreferenced(
  db: Kysely<Database>,
  storage: ObjectStorage,
  hash: string,
): Promise<void> {
  const used = await db
    .selectFrom('scorm_packages')
    .select('id')
    .where('hash', '=', hash)
    .executeTakeFirst()
    .catch(() => ({ id: -1 }));
  if (!used) await storage.deletePrefix(packagePrefix(hash));
}
