import { sql, type Expression, type Kysely, type RawBuilder } from 'kysely';
import type { Database, Locale } from '../db/database.js';
import type { Translate } from '../web/i18n/index.js';

/**
 * Which languages a course really exists in, computed from what is stored (never from what the
 * manifest declares): a language is available when every live lesson and quiz of the course's
 * current version exists in it; otherwise the course is partly in it, with counts.
 */

/** How much of a course exists in one of its declared languages. */
export type LanguageCoverage = {
  locale: Locale;
  lessons: number;
  lessonsTotal: number;
  quizzes: number;
  quizzesTotal: number;
};

/**
 * The course item `i` exists in this language: a lesson has its text in it; a quiz its title and
 * every question's prompt. A SCO is in the package's language, which the course declares.
 */
const itemIn = (locale: Expression<string> | RawBuilder<string>) => sql<boolean>`case i.kind
  when 'lesson' then (i.html ->> ${locale}::text) is not null
  when 'quiz' then (i.title ->> ${locale}::text) is not null and not exists (
    select 1 from jsonb_array_elements(i.quiz -> 'questions') q
     where (q -> 'prompt' ->> ${locale}::text) is null)
  else true end`;

/** The course `c` is available in this language: declared, and no live item is missing in it. */
export function availableIn(locale: Locale): RawBuilder<boolean> {
  const value = sql.val<string>(locale);
  return sql<boolean>`(${value} = any(c.locales) and not exists (
    select 1 from course_items i
     where i.course_id = c.id and i.removed_at is null and not (${itemIn(value)})))`;
}

/** Per declared language of the course `c`, in declared order: what exists of its lessons and quizzes. */
export const languageCoverage = sql<LanguageCoverage[]>`(
  select coalesce(json_agg(json_build_object(
           'locale', l.locale, 'lessons', n.lessons, 'lessonsTotal', n.lessons_total,
           'quizzes', n.quizzes, 'quizzesTotal', n.quizzes_total) order by l.ord), '[]'::json)
    from unnest(c.locales) with ordinality as l(locale, ord)
    cross join lateral (
      select count(*) filter (where i.kind = 'lesson') as lessons_total,
             count(*) filter (where i.kind = 'lesson' and ${itemIn(sql.ref('l.locale'))}) as lessons,
             count(*) filter (where i.kind = 'quiz') as quizzes_total,
             count(*) filter (where i.kind = 'quiz' and ${itemIn(sql.ref('l.locale'))}) as quizzes
        from course_items i
       where i.course_id = c.id and i.removed_at is null) n)`;

/** The coverage of one course, for its page. */
export async function courseLanguages(
  db: Kysely<Database>,
  courseId: number,
): Promise<LanguageCoverage[]> {
  const row = await db
    .selectFrom('courses as c')
    .select(languageCoverage.as('languages'))
    .where('c.id', '=', courseId)
    .executeTakeFirst();
  return row?.languages ?? [];
}

const complete = (coverage: LanguageCoverage) =>
  coverage.lessons === coverage.lessonsTotal && coverage.quizzes === coverage.quizzesTotal;

/**
 * The languages the course is complete in, and those it is partly in: some of its lessons exist
 * in them (quizzes alone do not make a course readable; a course of quizzes only counts them).
 */
export function splitLanguages(coverage: LanguageCoverage[]): {
  available: Locale[];
  partial: LanguageCoverage[];
} {
  const started = (entry: LanguageCoverage) =>
    entry.lessonsTotal > 0 ? entry.lessons > 0 : entry.quizzes > 0;
  return {
    available: coverage.filter(complete).map((entry) => entry.locale),
    partial: coverage.filter((entry) => !complete(entry) && started(entry)),
  };
}

// Intl objects hold native memory the collector does not see: made once per interface language.
const intl = new Map<
  Locale,
  { names: Intl.DisplayNames; list: Intl.ListFormat; units: Intl.ListFormat }
>();
function intlFor(locale: Locale) {
  let entry = intl.get(locale);
  if (!entry) {
    entry = {
      names: new Intl.DisplayNames([locale], { type: 'language' }),
      list: new Intl.ListFormat(locale, { type: 'conjunction' }),
      units: new Intl.ListFormat(locale, { type: 'unit', style: 'short' }),
    };
    intl.set(locale, entry);
  }
  return entry;
}

/** What a card or a course page says about languages, in the reader's language. */
export type LanguageSummary = {
  /** "Available in: English, French", or null when no language is complete. */
  available: string | null;
  /** "Partly in French, Spanish and Arabic (4 of 17 lessons)": one line per distinct extent. */
  partial: string[];
  /** Whether the reader's own language is complete, partial, or absent. */
  inReaderLanguage: 'available' | 'partial' | 'none';
};

export function describeLanguages(
  coverage: LanguageCoverage[],
  locale: Locale,
  t: Translate,
): LanguageSummary {
  const { names, list, units } = intlFor(locale);
  const name = (code: Locale) => names.of(code) ?? code;
  const { available, partial } = splitLanguages(coverage);
  // Languages translated to the same extent share one line.
  const groups = new Map<string, LanguageCoverage[]>();
  for (const entry of partial) {
    const key = `${entry.lessons}/${entry.lessonsTotal}/${entry.quizzes}/${entry.quizzesTotal}`;
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }
  return {
    available:
      available.length > 0
        ? t('catalogue.languages', { languages: list.format(available.map(name)) })
        : null,
    partial: [...groups.values()].map((entries) => {
      const extent = entries[0]!;
      // Only what is missing is counted: "4 of 17 lessons", "2 of 3 quizzes", or both.
      const details: string[] = [];
      if (extent.lessons < extent.lessonsTotal)
        details.push(
          t('catalogue.lessonsOf', { done: extent.lessons, total: extent.lessonsTotal }),
        );
      if (extent.quizzes < extent.quizzesTotal)
        details.push(
          t('catalogue.quizzesOf', { done: extent.quizzes, total: extent.quizzesTotal }),
        );
      return t('catalogue.partly', {
        language: list.format(entries.map((entry) => name(entry.locale))),
        detail: units.format(details),
      });
    }),
    inReaderLanguage: available.includes(locale)
      ? 'available'
      : partial.some((entry) => entry.locale === locale)
        ? 'partial'
        : 'none',
  };
}
