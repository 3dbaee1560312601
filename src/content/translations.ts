import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locale } from '../db/database.js';
import type { ModuleSource } from './course-source.js';
import { checkGlossaryTerms, type Glossary } from './glossary.js';
import type { ContentProblem } from './content-error.js';

const LANGUAGE_NAMES: Record<Locale, string> = {
  en: 'English',
  fr: 'French',
  es: 'Spanish',
  ar: 'Arabic',
};

/**
 * Every lesson exists in every language the course declares (except those it lists under
 * `partial_locales` while they are being translated), and every translated lesson uses the
 * glossary's term for each glossary term of its English text.
 */
export function checkTranslations(
  root: string,
  rel: (path: string) => string,
  modules: ModuleSource[],
  locales: { declared: Locale[]; partial: Locale[] },
  glossaries: Map<Locale, Glossary>,
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const lessons = modules.flatMap((module) =>
    module.items.filter((item) => item.kind === 'lesson'),
  );
  for (const lesson of lessons) {
    const englishPath = join(root, 'lessons', `${lesson.slug}.en.md`);
    let english: string | undefined;
    for (const locale of locales.declared) {
      if (locale === 'en') continue;
      const path = join(root, 'lessons', `${lesson.slug}.${locale}.md`);
      if (!existsSync(path)) {
        if (!locales.partial.includes(locale))
          problems.push({
            file: rel(path),
            message: `missing: lesson "${lesson.slug}" has no ${LANGUAGE_NAMES[locale]} file, and course.yaml declares "${locale}" in locales (write the file, or list "${locale}" under partial_locales while it is being translated)`,
          });
        continue;
      }
      const glossary = glossaries.get(locale);
      if (!glossary) continue;
      english ??= readFileSync(englishPath, 'utf8');
      problems.push(
        ...checkGlossaryTerms(
          glossary,
          { file: rel(englishPath), text: english },
          { file: rel(path), text: readFileSync(path, 'utf8') },
        ),
      );
    }
  }
  return problems;
}
