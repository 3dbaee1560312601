import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locale, LocalizedText } from '../db/database.js';
import type { LessonSource } from './course-source.js';
import { type LinkResolver, renderLesson } from './markdown.js';
import type { ContentProblem } from './content-error.js';
import { YamlFile } from './problems.js';
import { checker } from './yaml-checks.js';

/** Reads a lesson's Markdown file in each language (front matter, then the body rendered to safe HTML). */
export function loadLesson(
  root: string,
  rel: (path: string) => string,
  slug: string,
  locales: Locale[],
  links: {
    lesson: LinkResolver['lesson'];
    media(name: string, locale: Locale): ReturnType<LinkResolver['media']>;
  },
  problems: ContentProblem[],
): LessonSource | undefined {
  const title: LocalizedText = {};
  const html: LocalizedText = {};
  let minutes = 0;
  let required = true;
  for (const locale of locales) {
    const path = join(root, 'lessons', `${slug}.${locale}.md`);
    if (!existsSync(path)) {
      if (locale === 'en')
        problems.push({
          file: rel(join(root, 'lessons', `${slug}.en.md`)),
          message: `lesson "${slug}" has no English file`,
        });
      continue;
    }
    const source = readFileSync(path, 'utf8');
    const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(source);
    if (!match) {
      problems.push({
        file: rel(path),
        line: 1,
        message: 'front matter missing: start the file with ---, title: ..., ---',
      });
      continue;
    }
    const front = new YamlFile(rel(path), match[1]!, 1, problems);
    const meta = (front.data ?? {}) as Record<string, unknown>;
    const check = checker(front, problems);
    if (typeof meta.title !== 'string' || !meta.title.trim())
      check.fail(['title'], 'front matter needs a title');
    else title[locale] = meta.title.trim();
    if (locale === 'en') {
      minutes = check.integer(meta.minutes ?? 5, ['minutes'], 0, 600);
      if (meta.required !== undefined && typeof meta.required !== 'boolean')
        check.fail(['required'], 'required must be true or false');
      required = meta.required !== false;
    }
    const body = source.slice(match[0].length);
    const bodyLine = match[0].split('\n').length;
    const lessonProblems: string[] = [];
    const resolver: LinkResolver = {
      lesson: links.lesson,
      media: (name) => links.media(name, locale),
    };
    html[locale] = renderLesson(body, resolver, lessonProblems);
    for (const message of lessonProblems) {
      const needle = /"([^"]+)"/.exec(message)?.[1]?.replace(/^lesson:/, '') ?? '';
      const lineIndex = needle ? body.split('\n').findIndex((line) => line.includes(needle)) : -1;
      problems.push({
        file: rel(path),
        line: lineIndex >= 0 ? bodyLine + lineIndex : undefined,
        message,
      });
    }
  }
  if (!html.en) return undefined;
  return { kind: 'lesson', slug, required, minutes, title, html };
}
