import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCourses } from '../../src/content/load.js';
import { coursesDir } from '../../src/paths.js';

// The courses Lantern ships, checked as a reviewer would: they load without a problem, course 1
// covers all 28 standards by number and name, every module ends with a quiz, every option has
// feedback and every question an explanation in all four languages.
const courses = loadCourses(coursesDir);
const byslug = new Map(courses.map((course) => [course.slug, course]));
const LOCALES = ['en', 'fr', 'es', 'ar'] as const;

const STANDARDS: Array<[number, string]> = [
  [1, 'Coordination'],
  [2, 'Human resources'],
  [3, 'Communication and advocacy'],
  [4, 'Programme cycle management'],
  [5, 'Information management'],
  [6, 'Child protection monitoring'],
  [7, 'Dangers and injuries'],
  [8, 'Physical and emotional maltreatment'],
  [9, 'Sexual and gender-based violence'],
  [10, 'Mental health and psychosocial distress'],
  [11, 'Children associated with armed forces and armed groups'],
  [12, 'Child labour'],
  [13, 'Unaccompanied and separated children'],
  [14, 'Applying a socio-ecological approach'],
  [15, 'Group activities for child well-being'],
  [16, 'Strengthening family and caregiving environments'],
  [17, 'Community-level approaches'],
  [18, 'Case management'],
  [19, 'Alternative care'],
  [20, 'Justice for children'],
  [21, 'Food security and child protection'],
  [22, 'Livelihoods and child protection'],
  [23, 'Education and child protection'],
  [24, 'Health and child protection'],
  [25, 'Nutrition and child protection'],
  [26, 'WASH and child protection'],
  [27, 'Shelter and settlement and child protection'],
  [28, 'Camp management and child protection'],
];

describe('the shipped courses', () => {
  it('include both courses, valid: Introduction to the CPMS and Safeguarding Matters', () => {
    expect([...byslug.keys()]).toEqual(
      expect.arrayContaining(['cpms-introduction', 'safeguarding-matters']),
    );
  });

  it('course 1 covers all 28 standards by number and name', () => {
    const folder = join(coursesDir, 'cpms-introduction', 'lessons');
    const english = readdirSync(folder)
      .filter((file) => file.endsWith('.en.md'))
      .map((file) => readFileSync(join(folder, file), 'utf8'))
      .join('\n');
    for (const [number, name] of STANDARDS) {
      expect(english, `Standard ${number}: ${name}`).toMatch(
        new RegExp(`^#{2,3} Standard ${number}: ${name.replace(/[()]/g, '\\$&')}\\s*$`, 'm'),
      );
    }
  });

  for (const slug of ['cpms-introduction', 'safeguarding-matters']) {
    it(`${slug}: every module has a quiz; the last module is a final assessment with a 70% pass mark`, () => {
      const course = byslug.get(slug)!;
      for (const module of course.modules)
        expect(
          module.items.some((item) => item.kind === 'quiz'),
          module.slug,
        ).toBe(true);
      const final = course.modules
        .at(-1)!
        .items.find((item) => item.kind === 'quiz' && item.slug === 'final-assessment');
      expect(final?.kind).toBe('quiz');
      if (final?.kind === 'quiz') {
        expect(final.quiz.passMark).toBe(70);
        expect(final.quiz.questions.length).toBeGreaterThanOrEqual(
          slug === 'cpms-introduction' ? 20 : 15,
        );
      }
      expect(course.certificate).toBe(true);
    });

    it(`${slug}: every option has feedback and every question an explanation, in four languages`, () => {
      const course = byslug.get(slug)!;
      for (const item of course.modules.flatMap((module) => module.items)) {
        if (item.kind !== 'quiz') continue;
        for (const question of item.quiz.questions) {
          for (const locale of LOCALES)
            expect(
              question.explanation[locale],
              `${item.slug}/${question.id} explanation ${locale}`,
            ).toBeTruthy();
          for (const option of question.options)
            for (const locale of LOCALES)
              expect(
                option.feedback[locale],
                `${item.slug}/${question.id}/${option.id} feedback ${locale}`,
              ).toBeTruthy();
        }
      }
    });
  }

  it('the translated lessons required exist in French, Spanish and Arabic', () => {
    // Course 1's introduction and principles modules, and Safeguarding Matters module 1.
    const translated = [
      ...byslug.get('cpms-introduction')!.modules.slice(0, 2),
      ...byslug.get('safeguarding-matters')!.modules.slice(0, 1),
    ];
    expect(
      translated.flatMap((module) => module.items).filter((item) => item.kind === 'lesson').length,
    ).toBeGreaterThanOrEqual(6);
    for (const module of translated) {
      for (const item of module.items) {
        if (item.kind !== 'lesson') continue;
        for (const locale of ['fr', 'es', 'ar'] as const)
          expect(item.html[locale], `${item.slug} in ${locale}`).toBeTruthy();
      }
    }
  });

  it('each language has a glossary', () => {
    for (const locale of ['fr', 'es', 'ar'])
      expect(existsSync(join(coursesDir, 'glossary', `${locale}.md`)), locale).toBe(true);
  });
});
