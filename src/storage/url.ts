/**
 * STORAGE_URL: unset for local disk, or `s3://BUCKET?endpoint=http://host:port&region=R&forcePathStyle=true`
 * for an S3-compatible store (every parameter optional; credentials come from the standard
 * AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, or whatever else the AWS SDK finds).
 */
import type { StorageSettings } from './types.js';

const PARAMETERS = ['endpoint', 'region', 'forcePathStyle'];
// S3's rules for bucket names: 3 to 63 lowercase letters, digits, dots and hyphens.
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const EXAMPLE = 's3://BUCKET?endpoint=http://host:port&region=REGION&forcePathStyle=true';

/** Adds every problem to `problems` (as the rest of the configuration does) and returns the settings. */
export function parseStorageUrl(text: string | undefined, problems: string[]): StorageSettings {
  const value = text?.trim();
  if (!value) return { kind: 'local' };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    problems.push(
      `STORAGE_URL must look like ${EXAMPLE} (or be unset for local disk), not "${value}"`,
    );
    return { kind: 'local' };
  }
  const found = problems.length;
  if (url.protocol !== 's3:')
    problems.push(`STORAGE_URL must start with s3:// (or be unset for local disk), not "${value}"`);
  else if (!BUCKET.test(url.hostname))
    problems.push(
      `STORAGE_URL must name a bucket (3 to 63 lowercase letters, digits, dots or hyphens) after s3://, not "${url.hostname}"`,
    );
  if (url.username || url.password)
    problems.push(
      'STORAGE_URL must not hold credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY instead',
    );
  if (url.pathname && url.pathname !== '/')
    problems.push(`STORAGE_URL must be a bucket only, without a path ("${url.pathname}")`);
  for (const name of url.searchParams.keys())
    if (!PARAMETERS.includes(name))
      problems.push(
        `STORAGE_URL has an unknown parameter "${name}" (known: ${PARAMETERS.join(', ')})`,
      );
  const endpoint = url.searchParams.get('endpoint') ?? undefined;
  if (endpoint !== undefined && !/^https?:\/\/[^/\s]+\/?$/i.test(endpoint))
    problems.push(`STORAGE_URL's endpoint must be like http://host:port, not "${endpoint}"`);
  const pathStyle = url.searchParams.get('forcePathStyle') ?? 'false';
  if (pathStyle !== 'true' && pathStyle !== 'false')
    problems.push(`STORAGE_URL's forcePathStyle must be true or false, not "${pathStyle}"`);
  if (problems.length > found) return { kind: 'local' };
  return {
    kind: 's3',
    bucket: url.hostname,
    endpoint,
    region: url.searchParams.get('region') || undefined,
    forcePathStyle: pathStyle === 'true',
  };
}
