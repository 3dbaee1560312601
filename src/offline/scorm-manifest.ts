import type { Kysely } from 'kysely';
import type { Config } from '../config.js';
import type { Database, Locale } from '../db/database.js';
import { itemUrl, type Outline } from '../learn/outline.js';
import { SAME_ORIGIN_PREFIX, sameOrigin } from '../scorm/content.js';
import { packagePrefix } from '../scorm/package-places.js';
import { packageStorage } from '../storage/index.js';
import { offlineVersion, SHELL_ASSETS, type OfflineManifest } from './manifest.js';

/** The content origin's part of a SCORM course's offline copy, saved by a page of that origin. */
export type ContentManifest = {
  /** The content origin's page that saves `urls` into its own cache (see scorm-content-save.js). */
  savePage: string;
  /** Package files and the wrapper's scripts, as paths of the content origin. */
  urls: string[];
  bytes: number;
};

export type ScormOfflineManifest = OfflineManifest & { content: ContentManifest };

/**
 * What to save for a SCORM course: on the app, the course page, every SCO's player page and the
 * player's scripts; on the content origin, every file of the packages the learner's attempts use
 * (the current one, and older versions their attempts stay on) and the wrapper's scripts. The
 * wrapper page of each launch is saved by the device from the player pages it saved.
 */
export async function scormOfflineManifest(
  db: Kysely<Database>,
  options: {
    config: Config;
    course: { id: number; slug: string; content_hash: string };
    userId: number;
    outline: Outline;
    locale: Locale;
    assetsVersion: string;
    asset: (name: string) => { url: string; bytes: number };
  },
): Promise<ScormOfflineManifest> {
  const { course, config } = options;
  const packages = await db
    .selectFrom('scorm_packages as p')
    .select(['p.hash', 'p.scorm_version'])
    .where((eb) =>
      eb.or([
        eb(
          'p.id',
          'in',
          eb.selectFrom('scorm_courses').select('package_id').where('course_id', '=', course.id),
        ),
        eb(
          'p.id',
          'in',
          eb
            .selectFrom('scorm_attempts')
            .select('package_id')
            .where('course_id', '=', course.id)
            .where('user_id', '=', options.userId),
        ),
      ]),
    )
    .execute();
  const prefix = sameOrigin(config) ? SAME_ORIGIN_PREFIX : '';
  const versions = new Set(packages.map((row) => row.scorm_version));
  const appAssets = [
    ...SHELL_ASSETS,
    ...[...versions].map((version) => `vendor/scorm-again/${version}.js`),
    'vendor/scorm-again/cross-frame-lms.js',
    'scorm-offline.js',
    'scorm-player.js',
  ].map((name) => options.asset(name));
  const contentAssets = [
    ...[...versions].map((version) => `vendor/scorm-again/${version}.js`),
    'vendor/scorm-again/cross-frame-api.js',
    'scorm-wrapper.js',
    'scorm-wrapper.css',
  ].map((name) => options.asset(name));
  const content: ContentManifest = {
    savePage: `${sameOrigin(config) ? config.appOrigin : config.contentOrigin.origin}${prefix}/offline-save`,
    urls: contentAssets.map((file) => file.url),
    bytes: contentAssets.reduce((sum, file) => sum + file.bytes, 0),
  };
  for (const { hash } of packages) {
    // From wherever the package is kept (DATA_DIR or the STORAGE_URL bucket).
    for (const file of await packageStorage(config).list(packagePrefix(hash))) {
      content.urls.push(
        `${prefix}/p/${hash}/${file.path.split('/').map(encodeURIComponent).join('/')}`,
      );
      content.bytes += file.size;
    }
  }
  const pages = options.outline.items
    .filter((item) => item.kind === 'sco')
    .map((item) => itemUrl(course.slug, item));
  const bytes =
    content.bytes +
    appAssets.reduce((sum, file) => sum + file.bytes, 0) +
    (pages.length + 4) * 12_000;
  return {
    version: offlineVersion(course.content_hash, options.locale, options.assetsVersion),
    bytes,
    pages: pages.length,
    urls: [
      `/courses/${course.slug}`,
      ...pages,
      '/',
      '/my-learning',
      '/offline',
      ...appAssets.map((file) => file.url),
    ],
    content,
  };
}
