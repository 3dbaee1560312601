import type { Locale, LocalizedText } from '../db/database.js';
import { LOCALES } from '../web/i18n/index.js';
import type { ContentProblem } from './content-error.js';
import type { YamlFile, YamlPath } from './problems.js';

/** A course, module, lesson or quiz id: lowercase letters, digits and single dashes. */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export type Checker = ReturnType<typeof checker>;

/** Records problems against a YAML file, each with the line of the value at fault. */
export function checker(file: YamlFile, problems: ContentProblem[]) {
  const fail = (path: YamlPath, message: string) =>
    problems.push({ file: file.file, line: file.lineOf(path), message });
  return {
    fail,
    slug(value: unknown, path: YamlPath): string | undefined {
      if (typeof value === 'string' && SLUG.test(value)) return value;
      fail(
        path,
        `"${String(value ?? '')}" is not a valid id (lowercase letters, digits and dashes)`,
      );
      return undefined;
    },
    integer(value: unknown, path: YamlPath, min: number, max: number): number {
      if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max)
        return value;
      fail(path, `must be a whole number from ${min} to ${max}`);
      return min;
    },
  };
}

/** A { en, fr, es, ar } map that must hold every language the course declares. */
export function localized(
  value: unknown,
  path: YamlPath,
  locales: Locale[],
  check: Checker,
): LocalizedText {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    check.fail(path, `expected texts per language (${locales.join(', ')})`);
    return {};
  }
  const result: LocalizedText = {};
  // Catches YAML slips such as an unquoted comma inside { en: ..., fr: ... }, which makes a new key.
  for (const key of Object.keys(value)) {
    if (!(LOCALES as readonly string[]).includes(key))
      check.fail(
        path,
        `unknown language "${key}" (a comma inside unquoted text? put the text in quotes)`,
      );
  }
  for (const locale of locales) {
    const text = (value as Record<string, unknown>)[locale];
    if (typeof text === 'string' && text.trim()) result[locale] = text.trim();
    else check.fail(path, `missing translation: "${locale}"`);
  }
  return result;
}
