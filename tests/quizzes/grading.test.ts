import { describe, expect, it } from 'vitest';
import type { QuizQuestion, QuizSettings } from '../../src/db/database.js';
import { cleanAnswers, drawAttempt, grade } from '../../src/quizzes/grading.js';

const option = (id: string, correct = false) => ({ id, correct, text: { en: id }, feedback: {} });
const questions: QuizQuestion[] = [
  {
    id: 'one',
    type: 'single',
    prompt: { en: '1' },
    explanation: {},
    options: [option('a', true), option('b')],
  },
  {
    id: 'many',
    type: 'multiple',
    prompt: { en: '2' },
    explanation: {},
    options: [option('a', true), option('b', true), option('c')],
  },
  {
    id: 'tf',
    type: 'true_false',
    prompt: { en: '3' },
    explanation: {},
    options: [option('true'), option('false', true)],
  },
  {
    id: 'four',
    type: 'single',
    prompt: { en: '4' },
    explanation: {},
    options: [option('a'), option('b', true)],
  },
];
const quiz = (extra: Partial<QuizSettings> = {}): QuizSettings => ({
  passMark: 70,
  maxAttempts: 0,
  shuffleQuestions: false,
  shuffleOptions: false,
  draw: null,
  questions,
  ...extra,
});

describe('grading', () => {
  it('needs exactly the correct options for a multiple-choice question', () => {
    expect(
      grade(questions, { one: ['a'], many: ['a'], tf: ['false'], four: ['b'] }, 70),
    ).toMatchObject({ score: 75, passed: true });
    expect(
      grade(questions, { one: ['a'], many: ['a', 'b', 'c'], tf: ['false'] }, 70),
    ).toMatchObject({ score: 50, passed: false });
    expect(
      grade(questions, { one: ['a'], many: ['b', 'a'], tf: ['false'], four: ['b'] }, 100),
    ).toMatchObject({ score: 100, passed: true });
  });

  it('ignores answers that name no real option and keeps one answer for single choice', () => {
    expect(
      cleanAnswers(questions, {
        'q-one': ['b', 'a'],
        'q-many': ['a', 'zzz', 'a'],
        'q-tf': 'maybe',
        'q-unknown': 'a',
      }),
    ).toEqual({ one: ['b'], many: ['a'] });
  });
});

describe('drawing an attempt', () => {
  it('keeps the authored order by default', () => {
    expect(drawAttempt(quiz()).questionIds).toEqual(['one', 'many', 'tf', 'four']);
  });

  it('draws the configured number of distinct questions from the pool, in authored order unless shuffled', () => {
    for (let run = 0; run < 20; run += 1) {
      const { questionIds } = drawAttempt(quiz({ draw: 2 }));
      expect(new Set(questionIds).size).toBe(2);
      const positions = questionIds.map((id) =>
        questions.findIndex((question) => question.id === id),
      );
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
    }
  });

  it('shuffles questions and options when asked, over many draws', () => {
    const orders = new Set<string>();
    const optionOrders = new Set<string>();
    for (let run = 0; run < 50; run += 1) {
      const attempt = drawAttempt(quiz({ shuffleQuestions: true, shuffleOptions: true }));
      orders.add(attempt.questionIds.join());
      optionOrders.add(attempt.optionOrder.many!.join());
      expect(attempt.optionOrder.tf).toBeUndefined();
    }
    expect(orders.size).toBeGreaterThan(1);
    expect(optionOrders.size).toBeGreaterThan(1);
  });
});
