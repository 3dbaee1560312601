/**
 * A real S3-compatible server for tests: s3rver (pure JavaScript, files in a temporary folder),
 * started in this process on a free port with one empty bucket. It checks request signatures
 * with its own fixed credentials, which it sets as the standard AWS variables.
 */
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import type { StorageSettings } from '../../src/storage/index.js';

export type TestS3 = {
  /** STORAGE_URL for this server and bucket. */
  url: string;
  settings: Extract<StorageSettings, { kind: 's3' }>;
  /** Every key in the bucket, sorted. */
  keys(): Promise<string[]>;
  close(): Promise<void>;
};

export async function startS3(bucket = 'lantern-test'): Promise<TestS3> {
  process.env.AWS_ACCESS_KEY_ID = 'S3RVER';
  process.env.AWS_SECRET_ACCESS_KEY = 'S3RVER';
  const directory = await mkdtemp(join(tmpdir(), 'lantern-s3-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new S3Client({ region: 'us-east-1', endpoint, forcePathStyle: true });
  return {
    url: `s3://${bucket}?endpoint=${endpoint}&forcePathStyle=true`,
    settings: { kind: 's3', bucket, endpoint, region: undefined, forcePathStyle: true },
    async keys() {
      const listed = await client.send(new ListObjectsV2Command({ Bucket: bucket }));
      return (listed.Contents ?? []).map((object) => object.Key ?? '').sort();
    },
    async close() {
      client.destroy();
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
