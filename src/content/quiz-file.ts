import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locale, QuizOption, QuizQuestion } from '../db/database.js';
import type { QuizSource } from './course-source.js';
import type { ContentProblem } from './content-error.js';
import { YamlFile, type YamlPath } from './problems.js';
import { checker, localized } from './yaml-checks.js';

/** Reads a quiz's YAML file: questions, options with feedback, and the explanation, per language. */
export function loadQuiz(
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
