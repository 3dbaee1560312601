/**
 * Plumbing for the SCORM integration tests (import, admin, runtime, content): importing a fixture
 * into a test app, a logged-in learner, the launch a player page hands the browser, commits as the
 * player sends them, and multipart uploads as a browser builds them.
 */
import { randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { signIn, type TestContext } from '../helpers/app.js';
import { TestBrowser } from '../helpers/client.js';
import type { Role, User } from '../../src/db/database.js';
import { importPackage, type ImportOptions, type ImportResult } from '../../src/scorm/import.js';
import { scormRoot } from '../../src/scorm/package-places.js';

export type Build = (dir: string, fileName?: string) => Promise<string>;

/** Builds a fixture zip in `dir` and imports it into the test app's database and data folder. */
export async function importFixture(
  ctx: TestContext,
  dir: string,
  build: Build,
  options: Partial<ImportOptions> & { fileName?: string } = {},
): Promise<ImportResult> {
  const { fileName, ...rest } = options;
  const zip = await build(dir, fileName);
  return importPackage(ctx.database.db, zip, { dataDir: ctx.config.dataDir, ...rest });
}

/** A user of the given role, logged in. */
export async function signedIn(
  ctx: TestContext,
  role: Role = 'learner',
  name?: string,
): Promise<{ user: User; browser: TestBrowser }> {
  return signIn(ctx, role, { name });
}

/** A learner logged in and enrolled in the course (through the course page's form). */
export async function enrolledLearner(
  ctx: TestContext,
  slug: string,
  name?: string,
): Promise<{ user: User; browser: TestBrowser }> {
  // A confirmed address, as certificates are issued to confirmed addresses only.
  const learner = await signIn(ctx, 'learner', { name, verified: true });
  await learner.browser.get(`/courses/${slug}`);
  const enrolled = await learner.browser.post(`/courses/${slug}/enrol`);
  if (enrolled.statusCode !== 303)
    throw new Error(`enrolling in ${slug} answered ${enrolled.statusCode}`);
  return learner;
}

export type LaunchJson = {
  version: 'scorm12' | 'scorm2004';
  commitUrl: string;
  contentOrigin: string;
  seqBase: number;
  attempt: number;
  cmi: { cmi: Record<string, any> };
};

/** What the player page hands scorm-again: the JSON in `<script type="application/json" id="scorm-launch">`. */
export function launchOf(page: LightMyRequestResponse): LaunchJson {
  const json = /<script type="application\/json" id="scorm-launch">([\s\S]*?)<\/script>/.exec(
    page.body,
  )?.[1];
  if (!json) throw new Error(`no launch JSON in the page (status ${page.statusCode})`);
  return JSON.parse(json) as LaunchJson;
}

/** The wrapper page the player frames (the iframe's data-src). */
export function wrapperUrlOf(page: LightMyRequestResponse): string {
  const url = /<iframe id="sco-frame"[^>]*\sdata-src="([^"]+)"/.exec(page.body)?.[1];
  if (!url) throw new Error('no SCO frame in the page');
  return url.replace(/&amp;/g, '&');
}

/** Opens a SCO's player page and returns the page with its launch. */
export async function launch(
  browser: TestBrowser,
  slug: string,
  identifier: string,
): Promise<{ page: LightMyRequestResponse; launch: LaunchJson }> {
  const url = `/courses/${slug}/scos/${encodeURIComponent(identifier)}`;
  let page = await browser.get(url);
  // A sequenced SCORM 2004 course opens only what its engine delivered: report that it did.
  if (page.statusCode === 303 && String(page.headers.location).includes('/sequence?')) {
    await deliver(browser, slug, identifier);
    page = await browser.get(url);
  }
  if (page.statusCode !== 200)
    throw new Error(`the player of ${slug}/${identifier} answered ${page.statusCode}`);
  return { page, launch: launchOf(page) };
}

/**
 * What the browser's sequencing engine reports after it delivered an activity (the tests here
 * run no engine; tests/e2e drive the real one).
 */
export async function deliver(browser: TestBrowser, slug: string, identifier: string) {
  const page = await browser.get(
    `/courses/${slug}/sequence?request=choice&target=${encodeURIComponent(identifier)}`,
  );
  const json = /<script type="application\/json" id="sequence-launch">([\s\S]*?)<\/script>/.exec(
    page.body,
  )?.[1];
  if (!json) throw new Error(`no sequencing page for ${slug} (status ${page.statusCode})`);
  const { stateUrl } = JSON.parse(json) as { stateUrl: string };
  const reported = await browser.postJson(stateUrl, {
    seq: Date.now(),
    state: '{}',
    delivered: identifier,
    ended: null,
    suspended: false,
    root: { completion: 'unknown', success: 'unknown', score: null },
  });
  if (reported.statusCode !== 200) throw new Error(`sequencing report refused: ${reported.body}`);
}

export type CommitBody = { seq: number; cmi: Record<string, unknown>; final?: boolean };

/**
 * A SCORM 1.2 commit of a scored attempt, as the mastery quiz (buildMastery12) sends it: its
 * status, raw score out of 100 and total time, and its interactions numbered as the CMI does.
 */
export function scoredCommit12(
  seq: number,
  attempt: { status: string; raw: string; time: string; location?: string },
  interactions: Array<Record<string, unknown>>,
): CommitBody {
  return {
    seq,
    cmi: {
      suspend_data: '',
      launch_data: '',
      core: {
        lesson_status: attempt.status,
        lesson_location: attempt.location ?? '',
        score: { raw: attempt.raw, min: '0', max: '100' },
        total_time: attempt.time,
        exit: '',
      },
      interactions: Object.fromEntries(
        interactions.map((interaction, index) => [String(index), interaction]),
      ),
    },
  };
}

/**
 * Posts a commit the way the player does: fetch with JSON, or (`beacon`) navigator.sendBeacon's
 * text/plain on page close. No session cookie: the token in the URL is the credential.
 */
export async function postCommit(
  ctx: TestContext,
  url: string,
  body: CommitBody | string,
  options: { beacon?: boolean; origin?: string } = {},
): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = {
    'content-type': options.beacon ? 'text/plain;charset=UTF-8' : 'application/json',
  };
  if (options.origin) headers.origin = options.origin;
  return ctx.app.inject({
    method: 'POST',
    url,
    headers,
    payload: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** A form part: a text field, or a file. */
export type FormPart =
  { name: string; value: string } | { name: string; filename: string; data: Buffer; type?: string };

/** A multipart/form-data body, parts in the order given (a browser sends them in form order). */
export function multipartBody(parts: FormPart[]): { payload: Buffer; contentType: string } {
  const boundary = `----LanternTestBoundary${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    if ('value' in part) {
      chunks.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"\r\n\r\n${part.value}\r\n`,
        ),
      );
    } else {
      chunks.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"; filename="${part.filename}"\r\nContent-Type: ${part.type ?? 'application/zip'}\r\n\r\n`,
        ),
      );
      chunks.push(part.data, Buffer.from('\r\n'));
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

/**
 * Submits the admin import form as a browser would: `_csrf` (the token of the last page the browser
 * saw, unless `csrf: null`), the zip, the course address and the language.
 */
export async function uploadPackage(
  ctx: TestContext,
  browser: TestBrowser,
  zipPath: string,
  fields: { slug?: string; locale?: string; csrf?: string | null } = {},
): Promise<LightMyRequestResponse> {
  const parts: FormPart[] = [];
  const csrf = fields.csrf === undefined ? browser.csrfToken : fields.csrf;
  if (csrf !== null) parts.push({ name: '_csrf', value: csrf });
  parts.push({
    name: 'package',
    filename: zipPath.split('/').at(-1)!,
    data: await readFile(zipPath),
  });
  parts.push(
    { name: 'slug', value: fields.slug ?? '' },
    { name: 'locale', value: fields.locale ?? 'en' },
  );
  const { payload, contentType } = multipartBody(parts);
  const cookie = [...browser.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  return ctx.app.inject({
    method: 'POST',
    url: '/admin/scorm',
    payload,
    headers: { accept: 'text/html', 'content-type': contentType, ...(cookie ? { cookie } : {}) },
  });
}

/** The folders directly under DATA_DIR/scorm, sorted (package folders are named by hash). */
export async function storedFolders(dataDir: string): Promise<string[]> {
  const entries = await readdir(scormRoot(dataDir), { withFileTypes: true }).catch(() => []);
  return entries.map((entry) => entry.name).sort();
}

/** Everything under a folder, relative, sorted; [] when it does not exist. */
export async function treeOf(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true }).catch(() => [] as string[]);
  return entries.map(String).sort();
}

export const stagingDir = (dataDir: string) => join(scormRoot(dataDir), '.staging');
export const uploadsDir = (dataDir: string) => join(scormRoot(dataDir), '.uploads');

/** The content cookie a wrapper response set, as `name=value` for a Cookie header, with its attributes. */
export function contentCookieOf(response: LightMyRequestResponse): {
  header: string;
  path: string | undefined;
  httpOnly: boolean | undefined;
  sameSite: string | undefined;
} {
  const cookies = response.cookies as Array<{
    name: string;
    value: string;
    path?: string;
    httpOnly?: boolean;
    sameSite?: string;
  }>;
  const cookie = cookies.find((entry) => entry.name === 'lantern_content');
  if (!cookie) throw new Error(`no content cookie (status ${response.statusCode})`);
  return {
    header: `${cookie.name}=${cookie.value}`,
    path: cookie.path,
    httpOnly: cookie.httpOnly,
    sameSite: cookie.sameSite,
  };
}

/** The files (not folders) under a folder, relative, sorted. */
export async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}
