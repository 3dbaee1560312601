import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import type { Locale } from '../db/database.js';
import type { CourseSource, ItemSource, MediaSource, ModuleSource } from './course-source.js';
import { LOCALES } from '../web/i18n/index.js';
import { loadLesson } from './lesson-file.js';
import { loadQuiz } from './quiz-file.js';
import { checkOrderReferences } from './order-references.js';
import { type Glossary, loadGlossary } from './glossary.js';
import { checkTranslations } from './translations.js';
import { checker, localized } from './yaml-checks.js';
import { courseFolders, courseHash, listFiles } from './hash.js';
import { ContentError, type ContentProblem } from './content-error.js';
import { YamlFile, type YamlPath } from './problems.js';

const MEDIA_TYPES: Record<string, string> = {
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
};

/** URL of a lesson inside the player; used for `lesson:` links. */
export const lessonUrl = (course: string, lesson: string) => `/courses/${course}/lessons/${lesson}`;
export const mediaUrl = (course: string, name: string, hash: string) =>
  `/course-media/${course}/${hash.slice(0, 12)}/${name}`;

/**
 * The files a lesson in `locale` may show for `media/<name>`, best first: `x.svg` is looked for as
 * `x.<locale>.svg`, then `x.en.svg`, then `x.svg` itself (an image without text needs one file).
 */
export function mediaVariants(name: string, locale: Locale): string[] {
  const ext = extname(name);
  const stem = name.slice(0, name.length - ext.length);
  return [...new Set([`${stem}.${locale}${ext}`, `${stem}.en${ext}`, name])];
}

/**
 * Reads and validates every course under `dir`. Throws a ContentError listing every problem (file
 * and line) when anything is wrong, so that nothing half-valid ever reaches the database.
 */
export function loadCourses(dir: string, only?: string[]): CourseSource[] {
  const problems: ContentProblem[] = [];
  const courses: CourseSource[] = [];
  const glossaries = new Map<Locale, Glossary>();
  for (const locale of LOCALES) {
    if (locale === 'en') continue;
    const glossary = loadGlossary(dir, locale, (path) => relative(join(dir, '..'), path), problems);
    if (glossary) glossaries.set(locale, glossary);
  }
  for (const folder of only ?? courseFolders(dir)) {
    const course = loadCourse(dir, folder, glossaries, problems);
    if (course) courses.push(course);
  }
  if (problems.length > 0) throw new ContentError(problems);
  return courses;
}

/** Every problem of every course under `dir`, without touching a database (`courses:check`). */
export function checkCourses(dir: string): { courses: string[]; problems: ContentProblem[] } {
  try {
    return { courses: loadCourses(dir).map((course) => course.slug), problems: [] };
  } catch (error) {
    if (error instanceof ContentError)
      return { courses: courseFolders(dir), problems: error.problems };
    throw error;
  }
}

function loadCourse(
  coursesDir: string,
  folder: string,
  glossaries: Map<Locale, Glossary>,
  problems: ContentProblem[],
): CourseSource | undefined {
  const root = join(coursesDir, folder);
  const rel = (path: string) => relative(join(coursesDir, '..'), path);
  const manifestPath = join(root, 'course.yaml');
  if (!existsSync(manifestPath)) {
    problems.push({ file: rel(root), message: 'course folder without course.yaml' });
    return undefined;
  }
  const before = problems.length;
  const manifest = new YamlFile(rel(manifestPath), readFileSync(manifestPath, 'utf8'), 0, problems);
  if (problems.length > before) return undefined;
  const check = checker(manifest, problems);
  const data = manifest.data as Record<string, unknown>;
  if (!data || typeof data !== 'object')
    return void problems.push({ file: manifest.file, message: 'course.yaml must be a mapping' });

  const slug = check.slug(data.slug, ['slug']);
  if (slug && slug !== folder)
    check.fail(['slug'], `slug "${slug}" must equal the folder name "${folder}"`);
  const locales = Array.isArray(data.locales)
    ? (data.locales.filter((l) => (LOCALES as readonly unknown[]).includes(l)) as Locale[])
    : [];
  if (!locales.includes('en'))
    check.fail(['locales'], 'locales must be a list of en, fr, es, ar that includes en');
  // Languages being translated: their lessons may be missing (learners read those in English).
  const partialLocales = Array.isArray(data.partial_locales)
    ? data.partial_locales.filter((locale): locale is Locale => {
        const ok = locale !== 'en' && locales.includes(locale as Locale);
        if (!ok)
          check.fail(
            ['partial_locales'],
            `partial_locales: "${String(locale)}" must be one of the course's locales other than en`,
          );
        return ok;
      })
    : [];
  if (data.partial_locales !== undefined && !Array.isArray(data.partial_locales))
    check.fail(['partial_locales'], 'partial_locales must be a list, e.g. [es, ar]');
  const text = (value: unknown, path: YamlPath, file = manifest) =>
    localized(value, path, locales, checker(file, problems));

  // Media first, so lessons can check that the images they use exist.
  const media = listFiles(join(root, 'media')).flatMap((path): MediaSource[] => {
    const contentType = MEDIA_TYPES[extname(path).toLowerCase()];
    if (!contentType)
      return (
        problems.push({
          file: rel(path),
          message: `unsupported media type (use ${Object.keys(MEDIA_TYPES).join(', ')})`,
        }),
        []
      );
    const bytes = readFileSync(path);
    return [
      {
        name: relative(join(root, 'media'), path).replaceAll('\\', '/'),
        contentType,
        bytes,
        hash: createHash('sha256').update(bytes).digest('hex'),
      },
    ];
  });
  const mediaByName = new Map(media.map((file) => [file.name, file]));

  // All lesson ids of the course, so `lesson:` links can be checked before lessons are rendered.
  const modulesData = Array.isArray(data.modules)
    ? (data.modules as Array<Record<string, unknown>>)
    : [];
  if (modulesData.length === 0) check.fail(['modules'], 'a course needs at least one module');
  const lessonSlugs = new Set<string>();
  modulesData.forEach((module) =>
    (Array.isArray(module?.items) ? module.items : []).forEach(
      (item: Record<string, unknown>) =>
        typeof item?.lesson === 'string' && lessonSlugs.add(item.lesson),
    ),
  );

  const seen = { modules: new Set<string>(), items: new Set<string>() };
  const modules: ModuleSource[] = modulesData.map((moduleData, m) => {
    const moduleSlug =
      check.slug(moduleData?.slug ?? moduleData?.id, ['modules', m, 'id']) ?? `module-${m}`;
    if (seen.modules.has(moduleSlug))
      check.fail(['modules', m, 'id'], `duplicate module id "${moduleSlug}"`);
    seen.modules.add(moduleSlug);
    const itemsData = Array.isArray(moduleData?.items)
      ? (moduleData.items as Array<Record<string, unknown>>)
      : [];
    if (itemsData.length === 0)
      check.fail(['modules', m, 'items'], `module "${moduleSlug}" has no items`);
    const items = itemsData.flatMap((itemData, i): ItemSource[] => {
      const path: YamlPath = ['modules', m, 'items', i];
      const kind =
        typeof itemData?.lesson === 'string'
          ? 'lesson'
          : typeof itemData?.quiz === 'string'
            ? 'quiz'
            : undefined;
      if (!kind) return (check.fail(path, 'an item must be "lesson: <id>" or "quiz: <id>"'), []);
      const itemSlug = check.slug(itemData[kind], [...path, kind]);
      if (!itemSlug) return [];
      if (seen.items.has(`${kind}:${itemSlug}`))
        return (check.fail(path, `duplicate ${kind} id "${itemSlug}"`), []);
      seen.items.add(`${kind}:${itemSlug}`);
      const links = {
        lesson: (target: string) =>
          lessonSlugs.has(target) ? lessonUrl(folder, target) : undefined,
        media: (name: string, locale: Locale) => {
          const tried = mediaVariants(name, locale);
          const found = tried.find((variant) => mediaByName.has(variant));
          const file = found ? mediaByName.get(found) : undefined;
          return { url: found && file ? mediaUrl(folder, found, file.hash) : undefined, tried };
        },
      };
      const item =
        kind === 'lesson'
          ? loadLesson(root, rel, itemSlug, locales, links, problems)
          : loadQuiz(root, rel, itemSlug, locales, Number(data.pass_mark ?? 70), problems);
      if (!item && !existsSync(join(root, kind === 'lesson' ? 'lessons' : 'quizzes')))
        check.fail(path, `no ${kind === 'lesson' ? 'lessons' : 'quizzes'} folder`);
      return item ? [item] : [];
    });
    return { slug: moduleSlug, title: text(moduleData?.title, ['modules', m, 'title']), items };
  });
  problems.push(...checkOrderReferences(root, rel, modules, locales));
  problems.push(
    ...checkTranslations(
      root,
      rel,
      modules,
      { declared: locales, partial: partialLocales },
      glossaries,
    ),
  );

  const passMark = check.integer(data.pass_mark ?? 70, ['pass_mark'], 0, 100);
  const estimatedMinutes = check.integer(
    data.estimated_minutes ?? 0,
    ['estimated_minutes'],
    0,
    100_000,
  );
  const topics = Array.isArray(data.topics)
    ? data.topics.map((topic, t) => check.slug(topic, ['topics', t]) ?? '')
    : [];
  if (data.certificate !== undefined && typeof data.certificate !== 'boolean')
    check.fail(['certificate'], 'certificate must be true or false');

  return {
    slug: slug ?? folder,
    locales,
    title: text(data.title, ['title']),
    description: text(data.description, ['description']),
    topics,
    estimatedMinutes,
    passMark,
    certificate: data.certificate !== false,
    modules,
    media,
    contentHash: courseHash(root),
  };
}
