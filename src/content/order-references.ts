import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locale } from '../db/database.js';
import type { ModuleSource } from './course-source.js';
import type { ContentProblem } from './content-error.js';

// Words that point the reader at what comes after this lesson, in the four languages the
// courses are written in ("next modules" in the plural speaks of the course in general).
const NEXT_LESSON =
  /\bnext lesson\b|\ble[çc]on suivante\b|\bprochaine le[çc]on\b|\b(?:siguiente|pr[óo]xima) lecci[óo]n\b|الدرس التالي|الدرس القادم/i;
const NEXT_MODULE =
  /\bnext module\b(?!s)|\bmodule suivant\b|\bprochain module\b|\b(?:siguiente|pr[óo]ximo) m[óo]dulo\b|الوحدة التالية|الوحدة القادمة/i;
const LESSON_LINK = /\]\(lesson:([^)\s]+)\)/;

/**
 * A lesson that says what comes next ("In the next lesson…", "Next module: …") must agree with
 * the course's real order, and a `lesson:` link on that line must lead there. Reordering a
 * course in course.yaml then fails the sync instead of misleading learners.
 */
export function checkOrderReferences(
  root: string,
  rel: (path: string) => string,
  modules: ModuleSource[],
  locales: Locale[],
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const flat = modules.flatMap((module, m) => module.items.map((item) => ({ item, m })));
  flat.forEach(({ item, m }, index) => {
    if (item.kind !== 'lesson') return;
    const following = flat[index + 1]?.item;
    const nextModule = modules[m + 1];
    const firstOfNextModule = nextModule?.items[0];
    for (const locale of locales) {
      const path = join(root, 'lessons', `${item.slug}.${locale}.md`);
      if (!existsSync(path)) continue;
      readFileSync(path, 'utf8')
        .split('\n')
        .forEach((line, l) => {
          const linked = LESSON_LINK.exec(line)?.[1];
          const report = (message: string) =>
            problems.push({ file: rel(path), line: l + 1, message });
          if (NEXT_MODULE.test(line)) {
            if (!nextModule) report('it speaks of the next module, but this is the last module');
            else if (linked && linked !== firstOfNextModule?.slug)
              report(
                `it links "lesson:${linked}" as the next module, which starts with "${firstOfNextModule?.slug}"`,
              );
          } else if (NEXT_LESSON.test(line)) {
            if (following?.kind !== 'lesson')
              report(
                following
                  ? `it speaks of the next lesson, but the quiz "${following.slug}" comes next`
                  : 'it speaks of the next lesson, but this is the last item of the course',
              );
            else if (linked && linked !== following.slug)
              report(
                `it links "lesson:${linked}" as the next lesson, but "${following.slug}" comes next`,
              );
          }
        });
    }
  });
  return problems;
}
