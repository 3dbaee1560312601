import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { coursesDir } from '../../src/paths.js';

// The illustrations of the shipped courses, read as files: every image a lesson shows exists in
// every language its course declares (`media/<name>.<locale>.svg`), and every SVG is small, has an
// accessible name and description in its own language, and cannot run or fetch anything when
// opened on its own (it is served from our origin).

const MAX_GZIP_BYTES = 15 * 1024;

const courses = readdirSync(coursesDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(coursesDir, entry.name, 'course.yaml')))
  .map((entry) => entry.name);

const localesOf = (course: string): string[] =>
  parse(readFileSync(join(coursesDir, course, 'course.yaml'), 'utf8')).locales;

/** Every `![alt](media/…)` of every lesson file of a course, with where it is. */
function imagesOf(course: string) {
  const dir = join(coursesDir, course, 'lessons');
  return readdirSync(dir)
    .filter((file) => file.endsWith('.md'))
    .flatMap((file) =>
      readFileSync(join(dir, file), 'utf8')
        .split('\n')
        .flatMap((line, index) =>
          [...line.matchAll(/!\[([^\]]*)\]\((media\/[^)\s]+)\)/g)].map(([, alt, src]) => ({
            where: `${course}/lessons/${file}:${index + 1}`,
            alt: alt ?? '',
            src: src ?? '',
          })),
        ),
    );
}

const svgFiles = courses.flatMap((course) => {
  const dir = join(coursesDir, course, 'media');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => file.endsWith('.svg'))
    .map((file) => ({
      name: `${course}/media/${file}`,
      text: readFileSync(join(dir, file), 'utf8'),
    }));
});

describe('lesson illustrations', () => {
  it('exist for every language of their course, with a description for screen readers', () => {
    const problems: string[] = [];
    for (const course of courses) {
      const locales = localesOf(course);
      for (const { where, alt, src } of imagesOf(course)) {
        if (!alt.trim()) problems.push(`${where}: ${src} has no alt text`);
        const base = src.replace(/\.svg$/, '');
        for (const locale of locales) {
          const variant = `${base}.${locale}.svg`;
          if (!existsSync(join(coursesDir, course, variant)))
            problems.push(`${where}: ${src} is missing its ${locale} version ${course}/${variant}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('are shipped', () => {
    expect(svgFiles.length).toBeGreaterThanOrEqual(20);
  });
});

describe.each(svgFiles)('$name', ({ name, text }) => {
  const locale = /\.([a-z]{2})\.svg$/.exec(name)?.[1];

  it(`stays under ${MAX_GZIP_BYTES / 1024} KB gzipped`, () => {
    expect(gzipSync(text, { level: 9 }).length).toBeLessThan(MAX_GZIP_BYTES);
  });

  it('is an image with a title and a description in its language, and scales', () => {
    const root = /<svg\b[^>]*>/.exec(text)?.[0] ?? '';
    expect(root).toContain('role="img"');
    expect(root).toMatch(/\sviewBox="[^"]+"/);
    expect(/<title\b[^>]*>([^<]*)<\/title>/.exec(text)?.[1]?.trim()).toBeTruthy();
    expect(/<desc\b[^>]*>([^<]*)<\/desc>/.exec(text)?.[1]?.trim()).toBeTruthy();
    if (locale) {
      expect(root).toContain(` lang="${locale}"`);
      expect(root).toContain(` xml:lang="${locale}"`);
    }
    if (locale === 'ar') {
      expect(text).toMatch(/direction[=:]"?rtl/);
      // The Arabic interface shows Western digits; so do its illustrations.
      expect(text).not.toMatch(/[\u0660-\u0669\u06f0-\u06f9]/);
    }
  });

  it('runs nothing and loads nothing', () => {
    expect(text).not.toMatch(/<script\b/i);
    expect(text).not.toMatch(/<foreignObject\b/i);
    expect(text).not.toMatch(/\son[a-z]+\s*=/i); // event attributes: onload=, onclick=…
    expect(text).not.toMatch(/\s(?:xlink:)?href\s*=\s*["'](?!#)/i); // only in-file #references
    expect(text).not.toMatch(/url\(\s*["']?(?!#)/i);
    expect(text).not.toMatch(/@import|@font-face|["'(]\s*data:|<image\b|<!DOCTYPE|<!ENTITY/i);
  });
});
