/**
 * Where package files live: one small interface over local disk and an S3-compatible object store,
 * so the import and the content origin do not care which one a deployment uses.
 */
import type { Readable } from 'node:stream';

/** What a stored object is, without its bytes. */
export type ObjectInfo = {
  size: number;
  /** A strong validator, quoted as HTTP sends it. */
  etag: string;
  contentType: string;
};

/** Inclusive byte positions, as in an HTTP `Range`. */
export type ByteRange = { start: number; end: number };

export type StoredObject = ObjectInfo & {
  stream: Readable;
  /** `bytes start-end/size` when a range was asked for. */
  contentRange?: string;
};

export interface ObjectStorage {
  readonly kind: 'local' | 's3';
  /** Streams `body` to `key`; the object appears whole or not at all. */
  put(key: string, body: Readable, options: { contentType: string; size?: number }): Promise<void>;
  /** The object, or only `range` of it (already checked against its size); undefined when missing. */
  get(key: string, options?: { range?: ByteRange }): Promise<StoredObject | undefined>;
  head(key: string): Promise<ObjectInfo | undefined>;
  /**
   * Stores every file of a local folder under `prefix` (ending in `/`), then marks the folder
   * complete; the local folder is moved or left to the caller to remove.
   */
  storeFolder(prefix: string, dir: string, files: string[]): Promise<void>;
  /** Every file under `prefix` (ending in `/`): paths relative to it, `/`-separated, sorted. */
  list(prefix: string): Promise<Array<{ path: string; size: number }>>;
  /** Whether a folder was stored completely by storeFolder. */
  exists(prefix: string): Promise<boolean>;
  /** Removes a folder and everything under it (its completion mark first). */
  deletePrefix(prefix: string): Promise<void>;
  /** Ends the storage's connections, if it has any. */
  close(): void;
}

/** From STORAGE_URL (see src/storage/url.ts). */
export type StorageSettings =
  | { kind: 'local' }
  | {
      kind: 's3';
      bucket: string;
      endpoint: string | undefined;
      region: string | undefined;
      forcePathStyle: boolean;
    };
