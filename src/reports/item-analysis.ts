import { sql, type Kysely } from 'kysely';
import type { Database, LocalizedText, QuizOption, QuizSettings } from '../db/database.js';
import type { Translate } from '../web/i18n/index.js';

/**
 * An answer as a trainer reads it: the words "True" or "False" (in the trainer's language) for a
 * true/false answer, else the option's text; a SCORM response is the learner's raw response.
 */
export type Answer = { truth: boolean } | { text: LocalizedText };

export type ItemStat = {
  itemId: number;
  itemTitle: LocalizedText;
  questionId: string;
  prompt: LocalizedText;
  /** The right answer(s), in the quiz's order. */
  correctAnswers: Answer[];
  answered: number;
  correct: number;
  mostChosenWrong: { optionId: string; answer: Answer; count: number } | null;
};

/** The words for an answer: `text` picks the trainer's language from a localized text. */
export function answerWords(
  answer: Answer,
  t: Translate,
  text: (map: LocalizedText) => string,
): string {
  return 'truth' in answer ? t(answer.truth ? 'quiz.true' : 'quiz.false') : text(answer.text);
}

function optionAnswer(type: string, option: QuizOption): Answer {
  return type === 'true_false' && !Object.values(option.text ?? {}).some(Boolean)
    ? { truth: option.id === 'true' }
    : { text: option.text };
}

/** SCORM true-false responses are `true`/`false` (2004) or `t`/`f`, `1`/`0` (1.2). */
function scormAnswer(type: string, response: string): Answer {
  if (type === 'true-false') {
    if (/^(true|t|1)$/i.test(response)) return { truth: true };
    if (/^(false|f|0)$/i.test(response)) return { truth: false };
  }
  return { text: { en: response } };
}

/**
 * Per quiz question of a course: how many cohort members answered it, the share who got it right,
 * and the wrong option chosen most often. Each learner's first attempt counts: it shows what they
 * understood before the feedback taught them the answer.
 */
export async function itemAnalysis(
  db: Kysely<Database>,
  options: { cohortId: number; courseId: number },
): Promise<ItemStat[]> {
  const [quizzes, counted] = await Promise.all([
    db
      .selectFrom('course_items')
      .select(['id', 'title', 'quiz'])
      .where('course_id', '=', options.courseId)
      .where('kind', '=', 'quiz')
      .where('removed_at', 'is', null)
      .orderBy('position')
      .execute(),
    // One pass over the first attempts: per question (option_id null) and per wrong option chosen.
    sql<{
      item_id: number;
      question_id: string;
      option_id: string | null;
      answered: number;
      correct: number;
    }>`
      with firsts as materialized (
        -- Sort only narrow columns to pick first attempts; their answers are read afterwards.
        select distinct on (a.user_id, a.item_id) a.id
          from quiz_attempts a
          join cohort_members m on m.user_id = a.user_id and m.cohort_id = ${options.cohortId}
          join course_items i on i.id = a.item_id and i.course_id = ${options.courseId}
         where a.submitted_at is not null
         order by a.user_id, a.item_id, a.submitted_at
      ),
      answers as materialized (
        select a.item_id, r->>'questionId' as question_id, (r->>'correct')::boolean as correct, case when (r->>'correct')::boolean then null else r->'chosen' end as chosen
          from firsts f join quiz_attempts a on a.id = f.id, jsonb_array_elements(a.results) r
      )
      select item_id, question_id, null as option_id, count(*) as answered, count(*) filter (where correct) as correct
        from answers group by 1, 2
      union all
      select item_id, question_id, c, count(*), 0
        from answers, jsonb_array_elements_text(chosen) c
       where not correct
       group by 1, 2, 3`.execute(db),
  ]);
  const scorm = await scormInteractionAnalysis(db, options);
  const stats = counted.rows.filter((row) => row.option_id === null);
  const chosen = {
    rows: counted.rows
      .filter((row) => row.option_id !== null)
      .map((row) => ({ ...row, n: row.answered })),
  };
  const statsByKey = new Map(stats.map((row) => [`${row.item_id}:${row.question_id}`, row]));
  const result: ItemStat[] = [];
  for (const quiz of quizzes) {
    const settings = quiz.quiz as QuizSettings;
    for (const question of settings.questions) {
      const stat = statsByKey.get(`${quiz.id}:${question.id}`);
      const wrongOptions = chosen.rows
        .filter((row) => row.item_id === quiz.id && row.question_id === question.id)
        .map((row) => ({
          option: question.options.find((option) => option.id === row.option_id),
          count: Number(row.n),
        }))
        .filter((entry) => entry.option && !entry.option.correct)
        .sort((a, b) => b.count - a.count);
      const top = wrongOptions[0];
      result.push({
        itemId: quiz.id,
        itemTitle: quiz.title,
        questionId: question.id,
        prompt: question.prompt,
        correctAnswers: question.options
          .filter((option) => option.correct)
          .map((option) => optionAnswer(question.type, option)),
        answered: Number(stat?.answered ?? 0),
        correct: Number(stat?.correct ?? 0),
        mostChosenWrong: top
          ? {
              optionId: top.option!.id,
              answer: optionAnswer(question.type, top.option!),
              count: top.count,
            }
          : null,
      });
    }
  }
  return [...result, ...scorm];
}

/**
 * The same figures per SCORM interaction (a question inside a package): each learner's first
 * attempt at the SCO counts; the wrong answer shown is the learner response most often judged
 * wrong. One grouped query over the interaction rows, by course and question (indexed).
 */
async function scormInteractionAnalysis(
  db: Kysely<Database>,
  options: { cohortId: number; courseId: number },
): Promise<ItemStat[]> {
  const rows = await sql<{
    item_id: number;
    item_title: LocalizedText;
    interaction_id: string;
    type: string;
    description: string;
    correct_response: string;
    answered: number;
    correct: number;
    top_wrong: string | null;
    top_wrong_count: number | null;
  }>`
    with firsts as materialized (
      select distinct on (a.user_id, x.item_id, x.interaction_id) x.item_id, x.interaction_id, x.type, x.description, x.correct_response, x.result, x.learner_response
        from scorm_interactions x
        join scorm_attempts a on a.id = x.attempt_id
        join cohort_members m on m.user_id = a.user_id and m.cohort_id = ${options.cohortId}
       where x.course_id = ${options.courseId}
       order by a.user_id, x.item_id, x.interaction_id, a.number, x.position
    ),
    wrong as (
      select distinct on (item_id, interaction_id) item_id, interaction_id, learner_response, count(*) as n
        from firsts where result in ('incorrect', 'wrong')
       group by item_id, interaction_id, learner_response
       order by item_id, interaction_id, count(*) desc, learner_response
    )
    select f.item_id, i.title as item_title, f.interaction_id, max(f.type) as type, max(f.description) as description,
           max(f.correct_response) as correct_response,
           count(*)::int as answered, count(*) filter (where f.result = 'correct')::int as correct,
           w.learner_response as top_wrong, w.n::int as top_wrong_count
      from firsts f
      join course_items i on i.id = f.item_id
      left join wrong w on w.item_id = f.item_id and w.interaction_id = f.interaction_id
     group by f.item_id, i.title, i.position, f.interaction_id, w.learner_response, w.n
     order by i.position, f.interaction_id`.execute(db);
  return rows.rows.map((row) => ({
    itemId: row.item_id,
    itemTitle: row.item_title,
    questionId: row.interaction_id,
    prompt: { en: row.description || row.interaction_id },
    correctAnswers: row.correct_response ? [scormAnswer(row.type, row.correct_response)] : [],
    answered: row.answered,
    correct: row.correct,
    mostChosenWrong:
      row.top_wrong === null
        ? null
        : {
            optionId: row.top_wrong,
            answer: scormAnswer(row.type, row.top_wrong),
            count: Number(row.top_wrong_count),
          },
  }));
}
