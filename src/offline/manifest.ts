import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database, Locale } from '../db/database.js';
import { itemUrl, lessonHtml, type Outline } from '../learn/outline.js';
import { offlineMarking } from './marking.js';

/** Files of the page shell every saved page needs (names in public/, see web/assets.ts). */
export const SHELL_ASSETS = [
  'app.css',
  'app.js',
  'offline-boot.js',
  'offline.js',
  'vendor/htmx.js',
  'favicon.svg',
];

/**
 * The version of a course's offline copy for one language: it changes when the course's content
 * or the site's assets change (a new release), and the course page then offers "Update".
 */
export function offlineVersion(contentHash: string, locale: Locale, assetsVersion: string): string {
  return createHash('sha256')
    .update(`${contentHash}\n${locale}\n${assetsVersion}`)
    .digest('base64url')
    .slice(0, 16);
}

export type OfflineManifest = {
  version: string;
  /** About how many bytes the copy takes (uncompressed): for the storage check before download. */
  bytes: number;
  /** Lessons and quizzes: the progress bar counts these. */
  pages: number;
  urls: string[];
};

/**
 * What to save for a course on a device, for one learner's language: the start page, My learning,
 * the course page, every lesson and quiz page (htmx fragments are cut from these by the service
 * worker), the answer keys of quizzes that may be marked offline, the images the lessons show
 * (the English fallback's, where a lesson has no translation), the offline page and the shell.
 */
export async function offlineManifest(
  db: Kysely<Database>,
  options: {
    course: { id: number; slug: string; content_hash: string };
    outline: Outline;
    locale: Locale;
    assetsVersion: string;
    asset: (name: string) => { url: string; bytes: number };
  },
): Promise<OfflineManifest> {
  const { course, outline, locale } = options;
  const pages: string[] = [];
  const keys: string[] = [];
  const media = new Set<string>();
  let bytes = 0;
  const quizzes = await quizItems(db, course.id);
  for (const item of outline.items) {
    if (item.kind === 'sco') continue;
    const url = itemUrl(course.slug, item);
    pages.push(url);
    bytes += 8_000;
    if (item.kind === 'lesson') {
      const html = await lessonHtml(db, item.id, course.content_hash);
      const text = html[locale] ?? html.en ?? '';
      bytes += text.length;
      for (const match of text.matchAll(/\s(?:src|href)="(\/course-media\/[^"?#]+)"/g))
        media.add(match[1]!);
    } else if (offlineMarking({ item: quizzes.get(item.id)!, outline })) {
      keys.push(`${url}/offline-key`);
      bytes += 4_000;
    }
  }
  if (media.size > 0) {
    const names = [...media].map((url) => decodeURIComponent(url.split('/').slice(4).join('/')));
    const row = await db
      .selectFrom('course_media')
      .select(sql<number>`coalesce(sum(octet_length(bytes)), 0)`.as('total'))
      .where('course_id', '=', course.id)
      .where('name', 'in', names)
      .executeTakeFirst();
    bytes += Number(row?.total ?? 0);
  }
  const shell = SHELL_ASSETS.map((name) => options.asset(name));
  bytes += shell.reduce((sum, file) => sum + file.bytes, 0) + 4 * 8_000;
  return {
    version: offlineVersion(course.content_hash, locale, options.assetsVersion),
    bytes,
    pages: pages.length,
    urls: [
      `/courses/${course.slug}`,
      ...pages,
      ...keys,
      ...media,
      '/',
      '/my-learning',
      '/offline',
      ...shell.map((file) => file.url),
    ],
  };
}

/** The course's quizzes with their settings, in one query (not one per quiz). */
async function quizItems(db: Kysely<Database>, courseId: number) {
  const rows = await db
    .selectFrom('course_items')
    .select(['id', 'quiz'])
    .where('course_id', '=', courseId)
    .where('kind', '=', 'quiz')
    .execute();
  type Item = Parameters<typeof offlineMarking>[0]['item'];
  return new Map(rows.map((row) => [row.id, { item_id: row.id, quiz: row.quiz } as Item]));
}
