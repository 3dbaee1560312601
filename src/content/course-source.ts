import type { LocalizedText, Locale, QuizSettings } from '../db/database.js';

/** A course as read from its folder and validated, ready to be written to the database. */
export type LessonSource = {
  kind: 'lesson';
  slug: string;
  required: boolean;
  minutes: number;
  title: LocalizedText;
  html: LocalizedText;
};
export type QuizSource = {
  kind: 'quiz';
  slug: string;
  required: boolean;
  minutes: number;
  title: LocalizedText;
  quiz: QuizSettings;
};
export type ItemSource = LessonSource | QuizSource;
export type ModuleSource = { slug: string; title: LocalizedText; items: ItemSource[] };
export type MediaSource = { name: string; hash: string; contentType: string; bytes: Buffer };
export type CourseSource = {
  slug: string;
  locales: Locale[];
  title: LocalizedText;
  description: LocalizedText;
  topics: string[];
  estimatedMinutes: number;
  passMark: number;
  certificate: boolean;
  modules: ModuleSource[];
  media: MediaSource[];
  contentHash: string;
};
