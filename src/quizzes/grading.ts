import { randomInt } from 'node:crypto';
import type { QuestionResult, QuizAnswers, QuizQuestion, QuizSettings } from '../db/database.js';

export type Grade = { score: number; passed: boolean; results: QuestionResult[] };

/** Fisher–Yates on a copy. */
export function shuffled<T>(items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = randomInt(i + 1);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/** The questions (and option order) of a new attempt: drawn from the pool and shuffled as configured. */
export function drawAttempt(quiz: QuizSettings): {
  questionIds: string[];
  optionOrder: Record<string, string[]>;
} {
  let questions = quiz.shuffleQuestions || quiz.draw ? shuffled(quiz.questions) : quiz.questions;
  if (quiz.draw) questions = questions.slice(0, quiz.draw);
  // A drawn subset keeps the authored order unless shuffling was asked for.
  if (!quiz.shuffleQuestions)
    questions = quiz.questions.filter((question) => questions.includes(question));
  const optionOrder: Record<string, string[]> = {};
  if (quiz.shuffleOptions)
    for (const question of questions)
      if (question.type !== 'true_false')
        optionOrder[question.id] = shuffled(question.options.map((option) => option.id));
  return { questionIds: questions.map((question) => question.id), optionOrder };
}

/** Keeps only answers that name real options of the attempt's questions (single: at most one). */
export function cleanAnswers(questions: QuizQuestion[], raw: Record<string, unknown>): QuizAnswers {
  const answers: QuizAnswers = {};
  for (const question of questions) {
    const value = raw[`q-${question.id}`];
    const chosen = (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter(
      (v): v is string => typeof v === 'string',
    );
    const valid = [...new Set(chosen)].filter((id) =>
      question.options.some((option) => option.id === id),
    );
    if (valid.length > 0)
      answers[question.id] = question.type === 'multiple' ? valid : valid.slice(0, 1);
  }
  return answers;
}

/** Right when exactly the correct options are chosen; the score is the percentage of right answers. */
export function grade(questions: QuizQuestion[], answers: QuizAnswers, passMark: number): Grade {
  const results = questions.map((question): QuestionResult => {
    const chosen = answers[question.id] ?? [];
    const correctIds = question.options
      .filter((option) => option.correct)
      .map((option) => option.id);
    const correct =
      chosen.length === correctIds.length && correctIds.every((id) => chosen.includes(id));
    return { questionId: question.id, correct, chosen };
  });
  const right = results.filter((result) => result.correct).length;
  const score = questions.length === 0 ? 0 : Math.round((100 * right) / questions.length);
  return { score, passed: score >= passMark, results };
}
