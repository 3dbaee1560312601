/**
 * "Available in" says what exists: a language counts when every lesson and quiz of the course is
 * in it, otherwise the course is "partly" in it with counts; the language filter follows the same
 * rule. The fixture course declares four languages but has only one of its three lessons in
 * French and Arabic, and none in Spanish.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncCourses } from '../../src/content/sync.js';
import { createTestApp, type TestContext } from '../helpers/app.js';
import { copyFixtureCourses } from '../helpers/courses.js';

let ctx: TestContext;
const courses = copyFixtureCourses();
beforeAll(async () => {
  ctx = await createTestApp({ coursesDir: courses.dir });
});
afterAll(async () => ctx.close());

const page = async (url: string, language = 'en') =>
  (await ctx.app.inject({ url, headers: { 'accept-language': language } })).body;
/** The languages line of the catalogue card or course page: its text, tags and spacing removed. */
const languagesOf = (body: string) =>
  (/<p class="meta">([\s\S]*?)<\/p>/.exec(body)?.[1] ?? '')
    .replace(/<span class="badge">[^<]*<\/span>/, '')
    .replace(/<[^>]+>/g, '|')
    .split('|')
    .map((part) => part.trim())
    .filter((part) => part && !/minute|heure|minuto|دقيقة/i.test(part));
const listed = async (query: string) =>
  (await page(`/?${query}`)).includes('href="/courses/example-course"');

describe('the languages a course is said to be in', () => {
  it('are those it exists in, and the others "partly", with counts, in every interface language', async () => {
    for (const url of ['/', '/courses/example-course']) {
      expect(languagesOf(await page(url))).toEqual([
        'Available in: English',
        'Partly in French and Arabic (1 of 3 lessons)',
      ]);
      expect(languagesOf(await page(url, 'fr'))).toEqual([
        'Disponible en\u00a0: anglais',
        'En partie en français et arabe (1 leçon sur 3)',
      ]);
      expect(languagesOf(await page(url, 'es'))).toEqual([
        'Disponible en: inglés',
        'Parcialmente en francés y árabe (1 de 3 lecciones)',
      ]);
      const three = new Intl.NumberFormat('ar').format(3);
      expect(languagesOf(await page(url, 'ar'))).toEqual([
        'متاحة باللغات: الإنجليزية',
        `ترجمة جزئية إلى الفرنسية والعربية (درس واحد من أصل ${three})`,
      ]);
    }
    // Nothing at all in Spanish: a Spanish reader is told so; a French one sees the partial line.
    expect(await page('/', 'es')).toContain('<span class="badge">Aún no está en su idioma</span>');
    expect(await page('/', 'fr')).not.toContain('class="badge"');
  });

  it('drive the language filter by the same rule', async () => {
    expect(await listed('lang=en')).toBe(true);
    expect(await listed('lang=fr')).toBe(false);
    expect(await listed('lang=ar')).toBe(false);
    expect(await listed('lang=es')).toBe(false);
    expect(await listed('')).toBe(true);
  });

  it('follow the translations as they are written, lessons and quizzes alike', async () => {
    for (const lesson of ['english-only', 'optional-reading'])
      courses.write(
        `example-course/lessons/${lesson}.fr.md`,
        `---\ntitle: Leçon ${lesson}\n---\nTexte en français.\n`,
      );
    await syncCourses(ctx.database.db, courses.dir);
    expect(languagesOf(await page('/'))).toEqual([
      'Available in: English and French',
      'Partly in Arabic (1 of 3 lessons)',
    ]);
    expect(await listed('lang=fr')).toBe(true);

    // A quiz whose questions are not all in French takes French back to "partly".
    await sql`update course_items
                 set quiz = jsonb_set(quiz, '{questions,0,prompt}', (quiz #> '{questions,0,prompt}') - 'fr')
               where slug = 'final-check'`.execute(ctx.database.db);
    expect(languagesOf(await page('/courses/example-course'))).toEqual([
      'Available in: English',
      'Partly in French (1 of 2 quizzes)',
      'Partly in Arabic (1 of 3 lessons)',
    ]);
    expect(await listed('lang=fr')).toBe(false);
  });

  it('count only the items of the current version of the course', async () => {
    courses.edit('example-course/course.yaml', (text) =>
      text.replace('      - lesson: optional-reading\n', ''),
    );
    await syncCourses(ctx.database.db, courses.dir);
    expect(languagesOf(await page('/'))).toEqual([
      'Available in: English and French',
      'Partly in Arabic (1 of 2 lessons)',
    ]);
  });
});
