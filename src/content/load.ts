import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import type {
  Locale,
  LocalizedText,
  QuizOption,
  QuizQuestion,
  QuizSettings,
} from '../db/database.js';
import { LOCALES } from '../web/i18n/index.js';
import { renderLesson } from './markdown.js';
import { courseFolders, courseHash, listFiles } from './hash.js';
import { ContentError, type ContentProblem, YamlFile, type YamlPath } from './problems.js';

export type LessonSource = {
  kind: 'lesson';
  slug: string;
  required: boolean;
  minutes: number;
  title: LocalizedText;
  html: LocalizedText;
};
export type QuizSource = {
  kind: 'quiz';
  slug: string;
  required: boolean;
  minutes: number;
  title: LocalizedText;
  quiz: QuizSettings;
};
export type ItemSource = LessonSource | QuizSource;
export type ModuleSource = { slug: string; title: LocalizedText; items: ItemSource[] };
export type MediaSource = { name: string; hash: string; contentType: string; bytes: Buffer };
export type CourseSource = {
  slug: string;
  locales: Locale[];
  title: LocalizedText;
  description: LocalizedText;
  topics: string[];
  estimatedMinutes: number;
  passMark: number;
  certificate: boolean;
  modules: ModuleSource[];
  media: MediaSource[];
  contentHash: string;
};

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
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

function loadLesson(
  root: string,
  rel: (path: string) => string,
  slug: string,
  locales: Locale[],
  links: Parameters<typeof renderLesson>[1],
  problems: ContentProblem[],
): LessonSource | undefined {
  const title: LocalizedText = {};
  const html: LocalizedText = {};
  let minutes = 0;
  let required = true;
  for (const locale of locales) {
    const path = join(root, 'lessons', `${slug}.${locale}.md`);
    if (!existsSync(path)) {
      if (locale === 'en')
        problems.push({
          file: rel(join(root, 'lessons', `${slug}.en.md`)),
          message: `lesson "${slug}" has no English file`,
        });
      continue;
    }
    const source = readFileSync(path, 'utf8');
    const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(source);
    if (!match) {
      problems.push({
        file: rel(path),
        line: 1,
        message: 'front matter missing: start the file with ---, title: ..., ---',
      });
      continue;
    }
    const front = new YamlFile(rel(path), match[1]!, 1, problems);
    const meta = (front.data ?? {}) as Record<string, unknown>;
    const check = checker(front, problems);
    if (typeof meta.title !== 'string' || !meta.title.trim())
      check.fail(['title'], 'front matter needs a title');
    else title[locale] = meta.title.trim();
    if (locale === 'en') {
      minutes = check.integer(meta.minutes ?? 5, ['minutes'], 0, 600);
      if (meta.required !== undefined && typeof meta.required !== 'boolean')
        check.fail(['required'], 'required must be true or false');
      required = meta.required !== false;
    }
    const body = source.slice(match[0].length);
    const bodyLine = match[0].split('\n').length;
    const lessonProblems: string[] = [];
    html[locale] = renderLesson(body, links, lessonProblems);
    for (const message of lessonProblems) {
      const needle = /"([^"]+)"/.exec(message)?.[1]?.replace(/^lesson:/, '') ?? '';
      const lineIndex = needle ? body.split('\n').findIndex((line) => line.includes(needle)) : -1;
      problems.push({
        file: rel(path),
        line: lineIndex >= 0 ? bodyLine + lineIndex : undefined,
        message,
      });
    }
  }
  if (!html.en) return undefined;
  return { kind: 'lesson', slug, required, minutes, title, html };
}

function loadQuiz(
  root: string,
  rel: (path: string) => string,
  slug: string,
  locales: Locale[],
  coursePassMark: number,
  problems: ContentProblem[],
): QuizSource | undefined {
  const path = join(root, 'quizzes', `${slug}.yaml`);
  if (!existsSync(path))
    return void problems.push({ file: rel(path), message: `quiz "${slug}" has no file` });
  const before = problems.length;
  const file = new YamlFile(rel(path), readFileSync(path, 'utf8'), 0, problems);
  if (problems.length > before) return undefined;
  const check = checker(file, problems);
  const data = (file.data ?? {}) as Record<string, unknown>;
  if (data.id !== undefined && data.id !== slug)
    check.fail(['id'], `id "${String(data.id)}" must equal the file name "${slug}"`);
  const text = (value: unknown, at: YamlPath) => localized(value, at, locales, check);
  const questionsData = Array.isArray(data.questions)
    ? (data.questions as Array<Record<string, unknown>>)
    : [];
  if (questionsData.length === 0) check.fail(['questions'], 'a quiz needs at least one question');
  const questionIds = new Set<string>();
  const questions = questionsData.map((q, n): QuizQuestion => {
    const at: YamlPath = ['questions', n];
    const id = check.slug(q?.id, [...at, 'id']) ?? `q${n}`;
    if (questionIds.has(id)) check.fail([...at, 'id'], `duplicate question id "${id}"`);
    questionIds.add(id);
    const type = q?.type;
    if (type !== 'single' && type !== 'multiple' && type !== 'true_false')
      check.fail([...at, 'type'], 'type must be single, multiple or true_false');
    const optionsData = Array.isArray(q?.options)
      ? (q.options as Array<Record<string, unknown>>)
      : [];
    const optionIds = new Set<string>();
    const options = optionsData.map((o, k): QuizOption => {
      const oat: YamlPath = [...at, 'options', k];
      const optionId = check.slug(o?.id, [...oat, 'id']) ?? `o${k}`;
      if (optionIds.has(optionId)) check.fail([...oat, 'id'], `duplicate option id "${optionId}"`);
      optionIds.add(optionId);
      const optionText =
        type === 'true_false' && o?.text === undefined ? {} : text(o?.text, [...oat, 'text']);
      return {
        id: optionId,
        correct: o?.correct === true,
        text: optionText,
        feedback: o?.feedback === undefined ? {} : text(o.feedback, [...oat, 'feedback']),
      };
    });
    const correct = options.filter((option) => option.correct).length;
    if (
      type === 'true_false' &&
      (options.length !== 2 || !optionIds.has('true') || !optionIds.has('false'))
    )
      check.fail(
        [...at, 'options'],
        'a true_false question has exactly two options, with ids true and false',
      );
    if ((type === 'single' || type === 'true_false') && correct !== 1)
      check.fail(
        [...at, 'options'],
        `a ${type} question needs exactly one correct option (has ${correct})`,
      );
    if (type === 'multiple' && correct === 0)
      check.fail([...at, 'options'], 'a multiple question needs at least one correct option');
    if (options.length < 2) check.fail([...at, 'options'], 'a question needs at least two options');
    return {
      id,
      type: type as QuizQuestion['type'],
      prompt: text(q?.prompt, [...at, 'prompt']),
      options,
      explanation: text(q?.explanation, [...at, 'explanation']),
    };
  });
  const draw =
    data.draw === undefined ? null : check.integer(data.draw, ['draw'], 1, questions.length);
  return {
    kind: 'quiz',
    slug,
    required: data.required !== false,
    minutes: Math.max(1, Math.round(questions.length * 0.75)),
    title: text(data.title, ['title']),
    quiz: {
      passMark: check.integer(data.pass_mark ?? coursePassMark, ['pass_mark'], 0, 100),
      maxAttempts: check.integer(data.max_attempts ?? 0, ['max_attempts'], 0, 1000),
      shuffleQuestions: data.shuffle_questions === true,
      shuffleOptions: data.shuffle_options === true,
      draw,
      questions,
    },
  };
}

type Checker = ReturnType<typeof checker>;

function checker(file: YamlFile, problems: ContentProblem[]) {
  const fail = (path: YamlPath, message: string) =>
    problems.push({ file: file.file, line: file.lineOf(path), message });
  return {
    fail,
    slug(value: unknown, path: YamlPath): string | undefined {
      if (typeof value === 'string' && SLUG.test(value)) return value;
      fail(
        path,
        `"${String(value ?? '')}" is not a valid id (lowercase letters, digits and dashes)`,
      );
      return undefined;
    },
    integer(value: unknown, path: YamlPath, min: number, max: number): number {
      if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max)
        return value;
      fail(path, `must be a whole number from ${min} to ${max}`);
      return min;
    },
  };
}

/** A { en, fr, es, ar } map that must hold every language the course declares. */
function localized(
  value: unknown,
  path: YamlPath,
  locales: Locale[],
  check: Checker,
): LocalizedText {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    check.fail(path, `expected texts per language (${locales.join(', ')})`);
    return {};
  }
  const result: LocalizedText = {};
  // Catches YAML slips such as an unquoted comma inside { en: ..., fr: ... }, which makes a new key.
  for (const key of Object.keys(value)) {
    if (!(LOCALES as readonly string[]).includes(key))
      check.fail(
        path,
        `unknown language "${key}" (a comma inside unquoted text? put the text in quotes)`,
      );
  }
  for (const locale of locales) {
    const text = (value as Record<string, unknown>)[locale];
    if (typeof text === 'string' && text.trim()) result[locale] = text.trim();
    else check.fail(path, `missing translation: "${locale}"`);
  }
  return result;
}
