import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locale, LocalizedText, QuizSettings } from '../../src/db/database.js';
import { coursesDir } from '../../src/paths.js';
import { createTestApp, signIn, type TestContext } from '../helpers/app.js';
import { blocksOf, detectLocale, notIn, textOf } from './language-check.js';

// The shipped courses, rendered in each language they declare, read as a learner of that language
// reads them: every lesson page (not the English fallback), every quiz's questions, options,
// feedback and explanations, the module titles, the course's title and description (also the
// certificate's course line). A paragraph, list item or other block of 60 characters or more
// must be detected in the page's language (franc-min); a shorter text must differ from its English.
// LANGUAGE_CHECK_COURSES=<dir> runs it on another courses folder (e.g. a copy being translated).

const dir = process.env.LANGUAGE_CHECK_COURSES || coursesDir;
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp({ coursesDir: dir });
}, 120_000);
afterAll(async () => ctx?.close());

type Item = {
  kind: string;
  slug: string;
  title: LocalizedText;
  quiz: QuizSettings | null;
};

const clip = (text: string) => (text.length > 140 ? `${text.slice(0, 137)}…` : text);

/** Problems found in one course in one language, one line each: where, why, and the text. */
async function problemsIn(slug: string, locale: Locale): Promise<string[]> {
  const problems: string[] = [];
  const report = (where: string, why: string, text: string) =>
    problems.push(`${slug} ${locale} ${where} (${why}): ${clip(text)}`);
  const check = (where: string, text: string | undefined, english?: string) => {
    if (!text?.trim()) return void report(where, 'missing', english ?? '');
    const why = notIn(locale, text, english);
    if (why) report(where, why, text);
  };

  const course = await ctx.database.db
    .selectFrom('courses')
    .select(['id', 'title', 'description'])
    .where('slug', '=', slug)
    .executeTakeFirstOrThrow();
  const modules = await ctx.database.db
    .selectFrom('modules')
    .select(['slug', 'title'])
    .where('course_id', '=', course.id)
    .where('removed_at', 'is', null)
    .orderBy('position')
    .execute();
  const items: Item[] = await ctx.database.db
    .selectFrom('course_items')
    .select(['kind', 'slug', 'title', 'quiz'])
    .where('course_id', '=', course.id)
    .where('removed_at', 'is', null)
    .orderBy('position')
    .execute();

  const { browser } = await signIn(ctx, 'learner', { locale });
  const page = await browser.get(`/courses/${slug}`);
  const pageText = textOf(page.body);
  check('course title', course.title[locale], course.title.en);
  check('course description', course.description[locale], course.description.en);
  for (const module of modules)
    check(`module ${module.slug}`, module.title[locale], module.title.en);
  const shown: Array<[string, string | undefined]> = [
    ['course title', course.title[locale]],
    ['course description', course.description[locale]],
    ...modules.map((module): [string, string | undefined] => [
      `module ${module.slug}`,
      module.title[locale],
    ]),
  ];
  for (const [what, text] of shown)
    if (text && !pageText.includes(textOf(text))) report(what, 'not on the course page', text);
  await browser.post(`/courses/${slug}/enrol`);

  for (const item of items) {
    check(`${item.kind} ${item.slug} title`, item.title[locale], item.title.en);
    if (item.kind === 'lesson') {
      const lesson = await browser.get(`/courses/${slug}/lessons/${item.slug}`);
      const where = `lessons/${item.slug}.${locale}.md`;
      if (lesson.body.includes('class="notice" role="note"'))
        report(where, 'missing: shown in English', item.title.en ?? item.slug);
      const content = /<div class="content" lang="(\w+)"[^>]*>([\s\S]*?)<\/div>/.exec(lesson.body);
      if (!content) {
        report(where, 'no lesson content on the page', String(lesson.statusCode));
        continue;
      }
      if (content[1] !== locale) continue;
      for (const block of blocksOf(content[2]!)) {
        const why = notIn(locale, block);
        if (why) report(where, why, block);
      }
    }
    if (item.kind === 'quiz' && item.quiz) {
      const where = `quizzes/${item.slug}.yaml`;
      const quiz = await browser.get(`/courses/${slug}/quizzes/${item.slug}`);
      const shown = textOf(quiz.body);
      for (const question of item.quiz.questions) {
        const at = `${where} ${question.id}`;
        check(`${at} prompt`, question.prompt[locale], question.prompt.en);
        check(`${at} explanation`, question.explanation[locale], question.explanation.en);
        if (
          locale !== 'en' &&
          question.prompt.en &&
          question.prompt.en !== question.prompt[locale] &&
          shown.includes(textOf(question.prompt.en))
        )
          report(`${at} prompt`, 'shown in English on the quiz page', question.prompt.en);
        for (const option of question.options) {
          if (option.text.en !== undefined)
            check(`${at} option ${option.id}`, option.text[locale], option.text.en);
          if (option.feedback.en !== undefined)
            check(
              `${at} option ${option.id} feedback`,
              option.feedback[locale],
              option.feedback.en,
            );
        }
      }
    }
  }
  return problems;
}

describe('the shipped courses in each language they declare', () => {
  it('detects the four languages reliably (a check of the check)', () => {
    expect(
      detectLocale('Children are quickly exposed to new dangers when a flood or a war happens.'),
    ).toBe('en');
    expect(
      detectLocale(
        'Les enfants sont très vite exposés à de nouveaux dangers lors d’une inondation.',
      ),
    ).toBe('fr');
    expect(
      detectLocale(
        'Los niños y las niñas quedan expuestos a nuevos peligros cuando hay una guerra.',
      ),
    ).toBe('es');
    expect(
      detectLocale('يتعرض الأطفال بسرعة لمخاطر جديدة عندما تقع فيضانات أو حرب في منطقتهم.'),
    ).toBe('ar');
    expect(notIn('fr', 'Short', 'Short')).toBe('same as the English');
  });

  it('have every lesson, quiz, module and title in the language, not in English', async () => {
    const courses = await ctx.database.db
      .selectFrom('courses')
      .select(['slug', 'locales'])
      .where('kind', '=', 'native')
      .orderBy('slug')
      .execute();
    expect(courses.map((course) => course.slug)).toEqual(
      expect.arrayContaining(['cpms-introduction', 'safeguarding-matters']),
    );
    const problems: string[] = [];
    for (const course of courses)
      for (const locale of course.locales)
        problems.push(...(await problemsIn(course.slug, locale)));
    expect(problems).toEqual([]);
  }, 300_000);
});
