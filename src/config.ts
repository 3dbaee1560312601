import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { coursesDir } from './paths.js';
import { parseStorageUrl } from './storage/url.js';
import type { StorageSettings } from './storage/types.js';

export type Config = {
  env: 'production' | 'development' | 'test';
  port: number;
  host: string;
  dataDir: string;
  /** Unset: embedded PGlite in `dataDir/db`. `memory://`: PGlite in memory (tests). */
  databaseUrl: string | undefined;
  databasePoolSize: number;
  /** A streaming replica for trainer reports and CSV exports (read-only); the primary when unset. */
  reportsDatabaseUrl: string | undefined;
  /** App processes (node:cluster) sharing the ports; above 1 needs PostgreSQL. */
  workers: number;
  sessionSecret: string;
  contentOrigin: URL;
  /** The origin learners open the app at; the content origin's bridge talks only to it. */
  appOrigin: string;
  /** 'cross-origin' (default): package files on contentOrigin; 'same-origin': under /scorm-content on the app. */
  scormServing: 'cross-origin' | 'same-origin';
  /** Port the content server listens on (cross-origin mode). */
  contentPort: number;
  logLevel: string;
  /** Largest accepted form body, in bytes; bigger bodies get 413. */
  bodyLimit: number;
  /** Where native courses are read from at start and by courses:sync. */
  coursesDir: string;
  /** Attempts per minute and client address; SCORM commits per minute per attempt and per address. */
  rateLimits: {
    login: number;
    register: number;
    commitsPerAttempt: number;
    commitsPerAddress: number;
  };
  /**
   * `Secure` cookies in production and whenever the app is served over HTTPS; over HTTPS they also
   * carry the `__Host-` prefix, which no other host or path (a sibling content subdomain, a SCO's
   * script) can set or shadow.
   */
  cookies: { secure: boolean; prefix: '' | '__Host-' };
  /** PostgreSQL: a query unanswered after this many milliseconds fails (the request gets a 503); 0 = never. */
  databaseQueryTimeoutMs: number;
  /**
   * Email: `smtpUrl` (smtp:// or smtps://) sends through that server; unset, each message is
   * written as an .eml file to `dataDir/outbox/`. Links in messages start with `publicUrl`.
   */
  mail: { smtpUrl: string | undefined; from: string; publicUrl: string };
  /** SCORM package files: local disk under `dataDir/scorm` or, with STORAGE_URL, an S3 bucket. */
  storage: StorageSettings;
  /** How often each process looks for a periodic job that is due (JOBS_TICK_MS). */
  jobsTickMs: number;
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n- ${problems.join('\n- ')}`);
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/**
 * Reads the environment into one typed config, reporting every problem at once so an operator
 * fixes them in a single pass. Outside production the session secret is generated once and kept
 * in the data directory, so sessions survive restarts without any set-up.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];
  const nodeEnv =
    env.NODE_ENV === 'production' ? 'production' : env.NODE_ENV === 'test' ? 'test' : 'development';

  const port = integer(env.PORT, 3000, 'PORT', problems);
  const host = env.HOST?.trim() || '127.0.0.1';
  const dataDir = resolve(env.DATA_DIR?.trim() || './data');

  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl) && databaseUrl !== 'memory://') {
    problems.push(
      'DATABASE_URL must start with postgres:// or postgresql:// (or be unset for the embedded database)',
    );
  }
  const databasePoolSize = integer(env.DATABASE_POOL_SIZE, 10, 'DATABASE_POOL_SIZE', problems);
  const reportsDatabaseUrl = env.REPORTS_DATABASE_URL?.trim() || undefined;
  if (reportsDatabaseUrl && !/^postgres(ql)?:\/\//.test(reportsDatabaseUrl))
    problems.push('REPORTS_DATABASE_URL must start with postgres:// or postgresql://');
  else if (reportsDatabaseUrl && !databaseUrl?.startsWith('postgres'))
    problems.push(
      'REPORTS_DATABASE_URL needs DATABASE_URL too: a replica follows a PostgreSQL primary, not the embedded database',
    );
  const workers = integer(env.WORKERS, 1, 'WORKERS', problems);
  if (workers < 1 || workers > 64) problems.push('WORKERS must be between 1 and 64');

  const logLevel = env.LOG_LEVEL?.trim() || (nodeEnv === 'test' ? 'silent' : 'info');
  if (!LOG_LEVELS.includes(logLevel))
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);

  let contentOrigin: URL | undefined;
  const contentOriginText = env.CONTENT_ORIGIN?.trim() || `http://localhost:${port + 1}`;
  try {
    contentOrigin = new URL(contentOriginText);
    if (contentOrigin.pathname !== '/' || contentOrigin.search)
      problems.push('CONTENT_ORIGIN must be an origin only, like http://localhost:3001');
  } catch {
    problems.push(`CONTENT_ORIGIN is not a URL: ${contentOriginText}`);
  }

  const appOriginText = env.APP_ORIGIN?.trim() || `http://localhost:${port}`;
  let appOrigin = appOriginText;
  try {
    appOrigin = new URL(appOriginText).origin;
  } catch {
    problems.push(`APP_ORIGIN is not a URL: ${appOriginText}`);
  }
  const scormServing = env.SCORM_SERVING?.trim() || 'cross-origin';
  if (scormServing !== 'cross-origin' && scormServing !== 'same-origin')
    problems.push('SCORM_SERVING must be cross-origin or same-origin');
  if (scormServing === 'cross-origin' && contentOrigin && contentOrigin.origin === appOrigin)
    problems.push('CONTENT_ORIGIN must differ from APP_ORIGIN (or set SCORM_SERVING=same-origin)');
  const contentPort = integer(
    env.CONTENT_PORT,
    contentOrigin
      ? Number(contentOrigin.port || (contentOrigin.protocol === 'https:' ? 443 : 80))
      : port + 1,
    'CONTENT_PORT',
    problems,
  );

  let sessionSecret = env.SESSION_SECRET?.trim() ?? '';
  if (sessionSecret && sessionSecret.length < 32)
    problems.push('SESSION_SECRET must be at least 32 characters');
  if (!sessionSecret && nodeEnv === 'production')
    problems.push('SESSION_SECRET is required when NODE_ENV=production');

  const rateLimits = {
    login: integer(env.LOGIN_RATE_LIMIT, 10, 'LOGIN_RATE_LIMIT', problems),
    register: integer(env.REGISTER_RATE_LIMIT, 5, 'REGISTER_RATE_LIMIT', problems),
    // Real content commits every few seconds, and some authoring tools after every answer: these
    // leave room for bursts of a chatty SCO and for a training room behind one address.
    commitsPerAttempt: integer(
      env.SCORM_COMMIT_RATE_LIMIT,
      600,
      'SCORM_COMMIT_RATE_LIMIT',
      problems,
      100_000_000,
    ),
    commitsPerAddress: integer(
      env.SCORM_COMMIT_ADDRESS_RATE_LIMIT,
      3000,
      'SCORM_COMMIT_ADDRESS_RATE_LIMIT',
      problems,
      100_000_000,
    ),
  };
  const databaseQueryTimeoutMs = integer(
    env.DATABASE_QUERY_TIMEOUT_MS,
    5000,
    'DATABASE_QUERY_TIMEOUT_MS',
    problems,
    3_600_000,
  );
  const https = appOrigin.startsWith('https:');

  const smtpUrl = env.SMTP_URL?.trim() || undefined;
  if (smtpUrl && !/^smtps?:\/\/[^\s]+$/i.test(smtpUrl))
    problems.push(
      `SMTP_URL must look like smtp://user:pass@host:587 or smtps://…, not "${smtpUrl}"`,
    );
  let publicUrl = (env.PUBLIC_URL?.trim() || appOrigin).replace(/\/+$/, '');
  try {
    publicUrl = new URL(publicUrl).href.replace(/\/+$/, '');
  } catch {
    problems.push(`PUBLIC_URL is not a URL: ${publicUrl}`);
  }
  const mailFrom = env.MAIL_FROM?.trim() || `Lantern <no-reply@${hostOf(publicUrl)}>`;
  const storage = parseStorageUrl(env.STORAGE_URL, problems);
  const jobsTickMs = integer(env.JOBS_TICK_MS, 60_000, 'JOBS_TICK_MS', problems, 3_600_000);
  if (jobsTickMs < 10) problems.push('JOBS_TICK_MS must be at least 10');

  if (problems.length > 0) throw new ConfigError(problems);
  if (!sessionSecret) sessionSecret = persistentSecret(dataDir);

  return {
    env: nodeEnv,
    port,
    host,
    dataDir,
    databaseUrl,
    databasePoolSize,
    reportsDatabaseUrl,
    workers,
    sessionSecret,
    contentOrigin: contentOrigin!,
    appOrigin,
    scormServing: scormServing as Config['scormServing'],
    contentPort,
    logLevel,
    bodyLimit: 256 * 1024,
    rateLimits,
    cookies: { secure: nodeEnv === 'production' || https, prefix: https ? '__Host-' : '' },
    databaseQueryTimeoutMs,
    coursesDir: resolve(env.COURSES_DIR?.trim() || coursesDir),
    mail: { smtpUrl, from: mailFrom, publicUrl },
    storage,
    jobsTickMs,
  };
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname || 'localhost';
  } catch {
    return 'localhost';
  }
}

function integer(
  text: string | undefined,
  fallback: number,
  name: string,
  problems: string[],
  max = 65535,
): number {
  if (text === undefined || text.trim() === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0 || value > max) {
    problems.push(`${name} must be a whole number between 0 and ${max}, not "${text}"`);
    return fallback;
  }
  return value;
}

function persistentSecret(dataDir: string): string {
  const file = join(dataDir, 'session-secret');
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    mkdirSync(dataDir, { recursive: true });
    const secret = randomBytes(32).toString('base64url');
    try {
      writeFileSync(file, secret + '\n', { mode: 0o600, flag: 'wx' });
      return secret;
    } catch {
      // Another process created it first: use theirs, so both sign cookies alike.
      return readFileSync(file, 'utf8').trim();
    }
  }
}
