/**
 * Importing a SCORM package: inspect the zip (src/scorm/package), store its files by hash under
 * DATA_DIR/scorm, and record it as a version of a course whose items are the package's SCOs.
 * All or nothing: a refused or failed import leaves no rows and no new files.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import {
  ImportRefused,
  recordPackage,
  type ImportOptions,
  type ImportResult,
} from './import-records.js';
import { inspectPackage } from './package/index.js';

export { ImportRefused, type ImportOptions, type ImportResult } from './import-records.js';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const scormRoot = (dataDir: string) => join(dataDir, 'scorm');
export const packageDir = (dataDir: string, hash: string) => join(scormRoot(dataDir), hash);

export async function importPackage(
  db: Kysely<Database>,
  zipPath: string,
  options: ImportOptions,
): Promise<ImportResult> {
  if (options.slug !== undefined && !SLUG.test(options.slug))
    throw new ImportRefused('invalid_slug', options.slug);
  const staging = join(scormRoot(options.dataDir), '.staging', randomBytes(8).toString('hex'));
  await mkdir(join(scormRoot(options.dataDir), '.staging'), { recursive: true });
  const inspected = await inspectPackage(zipPath, staging, options.limits, options.onEntry);

  // Same zip, same folder: a second import of identical bytes reuses the stored files.
  const target = packageDir(options.dataDir, inspected.hash);
  const alreadyStored = await stat(target).then(
    () => true,
    () => false,
  );
  if (alreadyStored) await rm(staging, { recursive: true, force: true });
  else {
    await rename(staging, target).catch(async (error: unknown) => {
      // Another import of the same zip won the race: its copy is identical.
      await rm(staging, { recursive: true, force: true });
      if (
        !(await stat(target).then(
          () => true,
          () => false,
        ))
      )
        throw error;
    });
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
    if (!alreadyStored) await removeIfUnreferenced(db, options.dataDir, inspected.hash);
    throw error;
  }
}

async function removeIfUnreferenced(
  db: Kysely<Database>,
  dataDir: string,
  hash: string,
): Promise<void> {
  const used = await db
    .selectFrom('scorm_packages')
    .select('id')
    .where('hash', '=', hash)
    .executeTakeFirst()
    .catch(() => ({ id: -1 }));
  if (!used) await rm(packageDir(dataDir, hash), { recursive: true, force: true });
}
