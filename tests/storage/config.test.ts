/** STORAGE_URL: unset is local disk; an s3:// address is read into settings; anything else is refused by name. */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

const load = (url: string | undefined) =>
  loadConfig({ NODE_ENV: 'test', SESSION_SECRET: 'x'.repeat(32), STORAGE_URL: url });

function problemsOf(url: string): string[] {
  try {
    load(url);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error(`STORAGE_URL=${url} was accepted`);
}

describe('STORAGE_URL', () => {
  it('is local disk when unset or empty', () => {
    expect(load(undefined).storage).toEqual({ kind: 'local' });
    expect(load('  ').storage).toEqual({ kind: 'local' });
  });

  it('reads a bucket with its endpoint, region and path style', () => {
    expect(
      load(
        's3://lantern-packages?endpoint=http://127.0.0.1:9000&region=eu-west-3&forcePathStyle=true',
      ).storage,
    ).toEqual({
      kind: 's3',
      bucket: 'lantern-packages',
      endpoint: 'http://127.0.0.1:9000',
      region: 'eu-west-3',
      forcePathStyle: true,
    });
    expect(load('s3://my.bucket').storage).toEqual({
      kind: 's3',
      bucket: 'my.bucket',
      endpoint: undefined,
      region: undefined,
      forcePathStyle: false,
    });
  });

  it.each([
    ['http://127.0.0.1:9000/bucket', /STORAGE_URL must start with s3:\/\//],
    ['bucket-only', /STORAGE_URL must look like s3:\/\/BUCKET/],
    ['s3://Bad_Bucket', /STORAGE_URL must name a bucket/],
    ['s3://ab', /STORAGE_URL must name a bucket/],
    ['s3://bucket/some/path', /STORAGE_URL must be a bucket only/],
    [
      's3://bucket?endpoint=127.0.0.1:9000',
      /STORAGE_URL's endpoint must be like http:\/\/host:port/,
    ],
    ['s3://bucket?forcePathStyle=yes', /STORAGE_URL's forcePathStyle must be true or false/],
    ['s3://bucket?endpont=http://x:1', /STORAGE_URL has an unknown parameter "endpont"/],
    ['s3://key:secret@bucket', /STORAGE_URL must not hold credentials: set AWS_ACCESS_KEY_ID/],
  ])('refuses %s with a sentence naming the variable', (url, message) => {
    const problems = problemsOf(url);
    expect(problems.join('\n')).toMatch(message);
  });

  it('is reported with the other problems, as the whole configuration is', () => {
    try {
      loadConfig({ NODE_ENV: 'test', SESSION_SECRET: 'short', STORAGE_URL: 'ftp://x' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toContain('SESSION_SECRET must be at least 32 characters');
      expect((error as Error).message).toContain('STORAGE_URL must start with s3://');
    }
  });
});
