import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContentError } from '../../src/content/content-error.js';
import { loadCourses } from '../../src/content/load.js';
import { syncCourses } from '../../src/content/sync.js';
import { openTestDatabase } from '../helpers/database.js';
import { copyFixtureCourses, fixtureCoursesDir } from '../helpers/courses.js';
import type { DatabaseHandle } from '../../src/db/connect.js';

function problemsOf(dir: string) {
  try {
    loadCourses(dir);
  } catch (error) {
    if (error instanceof ContentError) return error.problems;
    throw error;
  }
  return [];
}

describe('course validation names the file and line of each problem', () => {
  it('accepts the fixture course', () => {
    expect(problemsOf(fixtureCoursesDir)).toEqual([]);
  });

  it('missing translation', () => {
    const courses = copyFixtureCourses();
    courses.edit('example-course/course.yaml', (text) =>
      text.replace('  es: Un curso corto que utiliza cada función del motor de aprendizaje.\n', ''),
    );
    const problems = problemsOf(courses.dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 12, message: 'missing translation: "es"' });
    expect(problems[0]!.file).toMatch(/example-course\/course\.yaml$/);
  });

  it('duplicate id', () => {
    const courses = copyFixtureCourses();
    courses.edit('example-course/course.yaml', (text) =>
      text.replace(
        '      - lesson: english-only\n',
        '      - lesson: english-only\n      - lesson: welcome\n',
      ),
    );
    const [problem] = problemsOf(courses.dir);
    expect(problem).toMatchObject({ line: 23, message: 'duplicate lesson id "welcome"' });
    expect(problem!.file).toMatch(/example-course\/course\.yaml$/);
  });

  it('quiz without a correct answer', () => {
    const courses = copyFixtureCourses();
    courses.edit('example-course/quizzes/basics-check.yaml', (text) =>
      text.replace('      - id: hello\n        correct: true\n', '      - id: hello\n'),
    );
    const [problem] = problemsOf(courses.dir);
    expect(problem).toMatchObject({
      line: 7,
      message: 'a single question needs exactly one correct option (has 0)',
    });
    expect(problem!.file).toMatch(/quizzes\/basics-check\.yaml$/);
  });

  it('broken internal link', () => {
    const courses = copyFixtureCourses();
    courses.edit('example-course/lessons/welcome.en.md', (text) =>
      text.replace('lesson:english-only', 'lesson:no-such-lesson'),
    );
    const [problem] = problemsOf(courses.dir);
    expect(problem).toMatchObject({
      line: 5,
      message: 'link to an unknown lesson "lesson:no-such-lesson"',
    });
    expect(problem!.file).toMatch(/lessons\/welcome\.en\.md$/);
  });

  it('a lesson that announces another lesson or module than the one that comes next', () => {
    const courses = copyFixtureCourses();
    courses.edit('example-course/lessons/welcome.en.md', (text) =>
      text.replace('Next, read', 'In the next lesson, read'),
    );
    expect(problemsOf(courses.dir)).toEqual([]);
    // The course reordered: the lesson still promises the English-only lesson next.
    courses.edit('example-course/course.yaml', (text) =>
      text
        .replace(
          '      - lesson: welcome\n      - lesson: english-only\n',
          '      - lesson: welcome\n      - lesson: optional-reading\n      - lesson: english-only\n',
        )
        .replace(/\n      - lesson: optional-reading\n(?=      - quiz: final-check)/, '\n'),
    );
    courses.edit(
      'example-course/lessons/english-only.en.md',
      (text) => `${text}\nThe next lesson closes the course.\n`,
    );
    courses.edit(
      'example-course/lessons/welcome.fr.md',
      (text) => `${text}\nModule suivant : [la suite](lesson:welcome).\n`,
    );
    const problems = problemsOf(courses.dir);
    expect(problems.map((problem) => problem.message)).toEqual([
      'it links "lesson:english-only" as the next lesson, but "optional-reading" comes next',
      'it links "lesson:welcome" as the next module, which starts with "final-check"',
      'it speaks of the next lesson, but the quiz "basics-check" comes next',
    ]);
    expect(problems[0]).toMatchObject({ line: 5 });
    expect(problems[0]!.file).toMatch(/lessons\/welcome\.en\.md$/);
    expect(problems[1]!.file).toMatch(/lessons\/welcome\.fr\.md$/);
  });

  it('missing image', () => {
    const courses = copyFixtureCourses();
    courses.remove('example-course/media/lantern.svg');
    const [problem] = problemsOf(courses.dir);
    expect(problem).toMatchObject({
      line: 7,
      message:
        'image "media/lantern.svg" is not in the course\'s media/ folder (looked for lantern.en.svg, lantern.svg)',
    });
  });

  it('missing English lesson file', () => {
    const courses = copyFixtureCourses();
    courses.remove('example-course/lessons/english-only.en.md');
    const [problem] = problemsOf(courses.dir);
    expect(problem).toMatchObject({ message: 'lesson "english-only" has no English file' });
    expect(problem!.file).toMatch(/lessons\/english-only\.en\.md$/);
  });

  it('malformed YAML', () => {
    const courses = copyFixtureCourses();
    courses.edit('example-course/quizzes/final-check.yaml', (text) =>
      text.replace('pass_mark: 100', 'pass_mark: [100'),
    );
    const [problem] = problemsOf(courses.dir);
    expect(problem!.message).toMatch(/^YAML error/);
    expect(problem!.file).toMatch(/final-check\.yaml$/);
  });

  it('an unquoted comma that splits a translation', () => {
    const courses = copyFixtureCourses();
    courses.edit('example-course/quizzes/final-check.yaml', (text) =>
      text.replace('feedback: { en: Yes., fr: Oui.', 'feedback: { en: Yes, indeed., fr: Oui.'),
    );
    const [problem] = problemsOf(courses.dir);
    expect(problem!.message).toMatch(/^unknown language "indeed\."/);
  });

  it('reports every problem at once', () => {
    const courses = copyFixtureCourses();
    courses.remove('example-course/media/lantern.svg');
    courses.edit('example-course/quizzes/basics-check.yaml', (text) =>
      text.replace('      - id: hello\n        correct: true\n', '      - id: hello\n'),
    );
    expect(problemsOf(courses.dir)).toHaveLength(2);
  });
});

describe('syncing into the database', () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => database.close());

  it('renders and sanitises lessons once, and is idempotent', async () => {
    const courses = copyFixtureCourses();
    expect(await syncCourses(database.db, courses.dir)).toEqual({
      added: ['example-course'],
      updated: [],
      unchanged: [],
    });
    expect(await syncCourses(database.db, courses.dir)).toEqual({
      added: [],
      updated: [],
      unchanged: ['example-course'],
    });
    const welcome = await database.db
      .selectFrom('course_items')
      .select(['html'])
      .where('slug', '=', 'welcome')
      .executeTakeFirstOrThrow();
    expect(welcome.html!.en).toContain('<strong>hello</strong>');
    expect(welcome.html!.en).toContain('href="/courses/example-course/lessons/english-only"');
    expect(welcome.html!.en).toMatch(
      /<img src="\/course-media\/example-course\/[0-9a-f]{12}\/lantern\.svg" alt="A lantern drawn with simple shapes"/,
    );
    expect(welcome.html!.en).not.toContain('<script');
    expect(welcome.html!.fr).toContain('Bonjour'.toLowerCase().slice(0, 3));
  });

  it('refuses a broken course without touching the database', async () => {
    const courses = copyFixtureCourses();
    courses.edit('example-course/course.yaml', (text) =>
      text.replace('title:\n  en: Example course for tests', 'title:\n  en: Changed title'),
    );
    courses.remove('example-course/lessons/english-only.en.md');
    await expect(syncCourses(database.db, courses.dir)).rejects.toBeInstanceOf(ContentError);
    const course = await database.db
      .selectFrom('courses')
      .select('title')
      .where('slug', '=', 'example-course')
      .executeTakeFirstOrThrow();
    expect(course.title.en).toBe('Example course for tests');
  });

  it('keeps a removed lesson as history and brings it back when it returns', async () => {
    const courses = copyFixtureCourses();
    courses.edit('example-course/course.yaml', (text) =>
      text.replace('      - lesson: optional-reading\n', ''),
    );
    await syncCourses(database.db, courses.dir);
    const removed = await database.db
      .selectFrom('course_items')
      .select(['id', 'removed_at'])
      .where('slug', '=', 'optional-reading')
      .executeTakeFirstOrThrow();
    expect(removed.removed_at).not.toBeNull();
    await syncCourses(database.db, copyFixtureCourses().dir);
    const back = await database.db
      .selectFrom('course_items')
      .select(['id', 'removed_at'])
      .where('slug', '=', 'optional-reading')
      .executeTakeFirstOrThrow();
    expect(back).toEqual({ id: removed.id, removed_at: null });
  });
});
