import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import type { Locale } from '../db/database.js';
import type { CourseSource, ItemSource, MediaSource, ModuleSource } from './course-source.js';
import { LOCALES } from '../web/i18n/index.js';
import { loadLesson } from './lesson-file.js';
import { loadQuiz } from './quiz-file.js';
import { checkOrderReferences } from './order-references.js';
import { checker, localized } from './yaml-checks.js';
import { courseFolders, courseHash, listFiles } from './hash.js';
import { ContentError, type ContentProblem, YamlFile, type YamlPath } from './problems.js';

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
 * Reads and validates every course under `dir`. Throws a ContentError listing every problem (file
 * and line) when anything is wrong, so that nothing half-valid ever reaches the database.
 */
export function loadCourses(dir: string, only?: string[]): CourseSource[] {
  const problems: ContentProblem[] = [];
  const courses: CourseSource[] = [];
  for (const folder of only ?? courseFolders(dir)) {
    const course = loadCourse(dir, folder, problems);
    if (course) courses.push(course);
  }
  if (problems.length > 0) throw new ContentError(problems);
  return courses;
}

function loadCourse(
  coursesDir: string,
  folder: string,
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
        media: (name: string) => {
          const file = mediaByName.get(name);
          return file ? mediaUrl(folder, name, file.hash) : undefined;
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
