import type { Locale, QuizSettings } from '../db/database.js';
import type { PlayerContext } from '../learn/player.js';
import type { Translate } from '../web/i18n/index.js';

/**
 * Whether a quiz may be marked on the device while offline, which means its answer key is saved
 * there: only a quiz that can be retaken as often as wanted and is not the course's final
 * assessment (the last required quiz, which gives the final score). Elsewhere the answers wait
 * for the server to mark them.
 */
export function offlineMarking(player: Pick<PlayerContext, 'item' | 'outline'>): boolean {
  const quiz = player.item.quiz as QuizSettings | null;
  if (!quiz || quiz.maxAttempts > 0) return false;
  const lastRequiredQuiz = player.outline.items
    .filter((item) => item.kind === 'quiz' && item.required)
    .at(-1);
  return lastRequiredQuiz?.id !== player.item.item_id;
}

/**
 * What a device needs to mark a quiz offline, in the learner's language: the correct options,
 * each option's text and feedback, the explanations, and the sentences of the result page.
 */
export function answerKey(quiz: QuizSettings, locale: Locale, t: Translate, version: string) {
  const text = (map: Partial<Record<Locale, string>>) => map[locale] || map.en || '';
  return {
    version,
    passMark: quiz.passMark,
    questions: Object.fromEntries(
      quiz.questions.map((question) => [
        question.id,
        {
          type: question.type,
          prompt: text(question.prompt),
          explanation: text(question.explanation),
          options: question.options.map((option) => ({
            id: option.id,
            correct: option.correct,
            text:
              text(option.text) ||
              (question.type === 'true_false'
                ? t(option.id === 'true' ? 'quiz.true' : 'quiz.false')
                : ''),
            feedback: text(option.feedback),
          })),
        },
      ]),
    ),
    strings: {
      score: t('quiz.score', { score: '{score}' }),
      passed: t('quiz.passed', { passMark: quiz.passMark }),
      failed: t('quiz.failed', { passMark: quiz.passMark }),
      correct: t('quiz.correct'),
      incorrect: t('quiz.incorrect'),
      yourAnswer: t('quiz.yourAnswer'),
      rightAnswer: t('quiz.rightAnswer'),
      explanation: t('quiz.explanation'),
      noAnswer: t('quiz.noAnswer'),
      provisional: t('offline.quizProvisional'),
    },
  };
}
