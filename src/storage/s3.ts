/**
 * An S3-compatible object store (AWS S3, MinIO, SeaweedFS, Garage, …) through the AWS SDK v3.
 * Files stream from disk to the store and from the store to the browser; nothing holds a whole
 * file in memory. A stored folder is marked complete by an object beside it, written last.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { contentTypeOf } from './content-type.js';
import type { ByteRange, ObjectInfo, ObjectStorage, StorageSettings } from './types.js';

type S3Settings = Extract<StorageSettings, { kind: 's3' }>;

/** Files uploaded at once when a folder is stored: enough to hide each request's latency. */
const PARALLEL_FILES = 4;
/** A file of unknown size goes up in parts of this size, two at a time (16 MB of buffers). */
const PART_BYTES = 8 * 1024 ** 2;
/** The largest object one PUT may create (S3's own limit). */
const SINGLE_PUT_LIMIT = 5 * 1024 ** 3;
const COMPLETE = '.complete';

// The SDK takes a third of a second to load: only a process that uses a bucket pays for it, when
// it first does (a node on local storage, or one that has not served a package yet, starts as fast).
const loadSdk = async () => {
  const [s3, storage] = await Promise.all([
    import('@aws-sdk/client-s3'),
    import('@aws-sdk/lib-storage'),
  ]);
  return { ...s3, Upload: storage.Upload };
};

export function s3Storage(settings: S3Settings, keyPrefix = ''): ObjectStorage {
  let opened: Promise<{ sdk: Awaited<ReturnType<typeof loadSdk>>; client: S3Client }> | undefined;
  let openClient: S3Client | undefined;
  const open = () =>
    (opened ??= loadSdk().then((sdk) => {
      openClient = new sdk.S3Client({
        region: settings.region ?? process.env.AWS_REGION ?? 'us-east-1',
        ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
        forcePathStyle: settings.forcePathStyle,
        // Recent SDKs add CRC checksums (as aws-chunked uploads) to every request unless told
        // not to; many S3-compatible servers refuse those.
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
      });
      return { sdk, client: openClient };
    }));
  const Bucket = settings.bucket;
  const full = (key: string) => keyPrefix + key;
  // The mark sits beside the folder, not in it, so no package file can be mistaken for it.
  const markOf = (prefix: string) => prefix.replace(/\/+$/, '') + COMPLETE;

  async function head(key: string): Promise<ObjectInfo | undefined> {
    const { sdk, client } = await open();
    try {
      const object = await client.send(new sdk.HeadObjectCommand({ Bucket, Key: full(key) }));
      return {
        size: object.ContentLength ?? 0,
        etag: object.ETag ?? '""',
        contentType: object.ContentType ?? (await contentTypeOf(key)),
      };
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  async function put(
    key: string,
    body: Readable,
    options: { contentType: string; size?: number },
  ): Promise<void> {
    const { sdk, client } = await open();
    const params = { Bucket, Key: full(key), Body: body, ContentType: options.contentType };
    if (options.size !== undefined && options.size <= SINGLE_PUT_LIMIT) {
      // Known size: one request streaming straight from the source, no buffer at all.
      await client.send(new sdk.PutObjectCommand({ ...params, ContentLength: options.size }));
      return;
    }
    await new sdk.Upload({ client, params, queueSize: 2, partSize: PART_BYTES }).done();
  }

  /** One file from disk, tried again (with a new stream: a used one cannot be replayed) on a failure. */
  async function putFile(key: string, path: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        const { size } = await stat(path);
        const contentType = await contentTypeOf(key);
        await put(key, createReadStream(path), { contentType, size });
        return;
      } catch (error) {
        if (attempt >= 3) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
      }
    }
  }

  async function objectsUnder(prefix: string): Promise<Array<{ key: string; size: number }>> {
    const { sdk, client } = await open();
    const objects: Array<{ key: string; size: number }> = [];
    let ContinuationToken: string | undefined;
    do {
      const page = await client.send(
        new sdk.ListObjectsV2Command({ Bucket, Prefix: full(prefix), ContinuationToken }),
      );
      for (const object of page.Contents ?? [])
        if (object.Key) objects.push({ key: object.Key, size: object.Size ?? 0 });
      ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (ContinuationToken);
    return objects;
  }

  async function deleteKeys(keys: string[]): Promise<void> {
    const { sdk, client } = await open();
    for (let start = 0; start < keys.length; start += 1000) {
      const batch = keys.slice(start, start + 1000);
      const answer = await client.send(
        new sdk.DeleteObjectsCommand({
          Bucket,
          Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true },
        }),
      );
      if (answer.Errors?.length)
        throw new Error(
          `the object store kept ${answer.Errors.length} objects: ${answer.Errors[0]?.Code ?? ''} ${answer.Errors[0]?.Message ?? ''}`,
        );
    }
  }

  return {
    kind: 's3',
    head,
    put,

    async get(key: string, options: { range?: ByteRange } = {}) {
      const { range } = options;
      const { sdk, client } = await open();
      try {
        const object = await client.send(
          new sdk.GetObjectCommand({
            Bucket,
            Key: full(key),
            ...(range ? { Range: `bytes=${range.start}-${range.end}` } : {}),
          }),
        );
        const stream = object.Body as Readable;
        const size = range
          ? Number(object.ContentRange?.split('/')[1] ?? range.end + 1)
          : (object.ContentLength ?? 0);
        return {
          stream,
          size,
          etag: object.ETag ?? '""',
          contentType: object.ContentType ?? (await contentTypeOf(key)),
          ...(range ? { contentRange: `bytes ${range.start}-${range.end}/${size}` } : {}),
        };
      } catch (error) {
        if (isMissing(error)) return undefined;
        throw error;
      }
    },

    async storeFolder(prefix: string, dir: string, files: string[]) {
      const pending = [...files];
      const worker = async () => {
        for (let file = pending.shift(); file !== undefined; file = pending.shift()) {
          await putFile(prefix + file, join(dir, file)).catch((error: unknown) => {
            // The other workers stop after their current file: the import fails as a whole.
            pending.length = 0;
            throw error;
          });
        }
      };
      // Every worker has stopped before a failure is reported, so a clean-up after it finds all.
      const outcomes = await Promise.allSettled(
        Array.from({ length: Math.min(PARALLEL_FILES, files.length) }, worker),
      );
      for (const outcome of outcomes) if (outcome.status === 'rejected') throw outcome.reason;
      await put(markOf(prefix), Readable.from([]), {
        contentType: 'text/plain',
        size: 0,
      });
    },

    exists: async (prefix: string) => (await head(markOf(prefix))) !== undefined,

    async deletePrefix(prefix: string) {
      // The mark first: a folder half deleted is never taken for a complete one.
      await deleteKeys([full(markOf(prefix))]);
      await deleteKeys((await objectsUnder(prefix)).map((object) => object.key));
    },

    async list(prefix: string) {
      const start = full(prefix).length;
      return (await objectsUnder(prefix))
        .map((object) => ({ path: object.key.slice(start), size: object.size }))
        .sort((a, b) => a.path.localeCompare(b.path));
    },

    close: () => openClient?.destroy(),
  };
}

/** The SDK's answer for a key that is not there (not for a missing bucket or a refusal). */
function isMissing(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  // HEAD answers carry no body, so a missing key is only a bare 404 ("NotFound").
  return name === 'NotFound' || name === 'NoSuchKey';
}
