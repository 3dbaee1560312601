/**
 * Package storage: local disk under DATA_DIR (the default) or an S3-compatible object store when
 * STORAGE_URL is set. One storage per configuration, shared by the import and the content origin
 * of a process (one S3 client, one connection pool).
 */
import { join } from 'node:path';
import type { Config } from '../config.js';
import { localStorage } from './local.js';
import { s3Storage } from './s3.js';
import type { ObjectStorage } from './types.js';

export type {
  ByteRange,
  ObjectInfo,
  ObjectStorage,
  StorageSettings,
  StoredObject,
} from './types.js';
export { parseStorageUrl } from './url.js';
export { contentTypeOf } from './content-type.js';
export { localStorage } from './local.js';
export { s3Storage } from './s3.js';
export { sendStored } from './http.js';

const opened = new WeakMap<Config, ObjectStorage>();

/**
 * Where SCORM packages are kept: DATA_DIR/scorm/<hash>/… on disk, or scorm/<hash>/… in the
 * bucket. Keys are relative to that (`<hash>/<path>`), so no key reaches the rest of DATA_DIR.
 */
export function packageStorage(config: Pick<Config, 'dataDir' | 'storage'>): ObjectStorage {
  const known = opened.get(config as Config);
  if (known) return known;
  const storage =
    config.storage.kind === 's3'
      ? s3Storage(config.storage, 'scorm/')
      : localStorage(join(config.dataDir, 'scorm'));
  opened.set(config as Config, storage);
  return storage;
}
