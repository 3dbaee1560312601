import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locale } from '../db/database.js';
import type { ContentProblem } from './content-error.js';

/**
 * The shared terms of all course translations, `courses/glossary/<locale>.md`: Markdown tables whose
 * first column is the English term and second its translation, and an optional third column where
 * `no` turns the check off for a term too generic to check reliably. See courses/README.md.
 */
export type GlossaryTerm = {
  /** As written in the table's first cell, for messages. */
  english: string;
  /** As written in the second cell, for messages. */
  translation: string;
  /** Line of the row in the glossary file. */
  line: number;
  check: boolean;
  /** Finds the English term (any of its forms) in a line of an English lesson. */
  pattern: RegExp;
  /** Any one of these found in the translated lesson is the glossary's term. */
  accepted: RegExp[];
};
export type Glossary = { file: string; locale: Locale; terms: GlossaryTerm[] };

/** Reads `glossary/<locale>.md` under the courses folder, when it exists; problems name the row. */
export function loadGlossary(
  coursesDir: string,
  locale: Locale,
  rel: (path: string) => string,
  problems: ContentProblem[],
): Glossary | undefined {
  const path = join(coursesDir, 'glossary', `${locale}.md`);
  if (!existsSync(path)) return undefined;
  const file = rel(path);
  const terms: GlossaryTerm[] = [];
  const seen = new Map<string, number>();
  const lines = readFileSync(path, 'utf8').split('\n');
  lines.forEach((text, index) => {
    const line = index + 1;
    if (!text.trim().startsWith('|')) return;
    const cells = splitRow(text);
    // A table's header row (the row above its |---| line) and the |---| line itself.
    if (cells.every((cell) => /^:?-+:?$/.test(cell))) return;
    if (/^\s*\|(?:\s*:?-+:?\s*\|)+\s*$/.test(lines[index + 1] ?? '')) return;
    const [english = '', translation = '', check = ''] = cells;
    if (!english || !translation)
      return void problems.push({
        file,
        line,
        message: 'a glossary row needs the English term and its translation',
      });
    const key = normalize(stripNotes(english), 'en');
    const earlier = seen.get(key);
    if (earlier !== undefined)
      return void problems.push({
        file,
        line,
        message: `"${english}" is already in the glossary at line ${earlier}: give each term one translation (alternatives separated by " / ")`,
      });
    seen.set(key, line);
    if (check && !/^(?:no|yes|check:\s*(?:no|yes))$/i.test(check))
      problems.push({
        file,
        line,
        message: `third column "${check}": write "no" to leave this term unchecked, or leave it empty`,
      });
    terms.push({
      english,
      translation,
      line,
      check: !/^(?:check:\s*)?no$/i.test(check),
      pattern: englishPattern(english),
      accepted: translationForms(translation).map((form) => translationPattern(form, locale)),
    });
  });
  return { file, locale, terms };
}

/**
 * The glossary terms of an English lesson that its translation does not use: one problem per term,
 * at the translated file, naming the English file and line where the term first occurs.
 */
export function checkGlossaryTerms(
  glossary: Glossary,
  english: { file: string; text: string },
  translated: { file: string; text: string },
): ContentProblem[] {
  const found = termsIn(glossary.terms, english.text);
  const target = normalize(prepare(translated.text), glossary.locale);
  const problems: ContentProblem[] = [];
  for (const [term, line] of found) {
    if (!term.check || term.accepted.some((pattern) => pattern.test(target))) continue;
    problems.push({
      file: translated.file,
      message: `glossary: "${term.english}" (${english.file}:${line}) is not translated as the glossary says: "${term.translation}" (${glossary.file}:${term.line})`,
    });
  }
  return problems;
}

/**
 * Each term of the glossary found in the English text, with the line of its first occurrence. The
 * longest term wins where terms overlap: "risk assessment" is not also an "assessment".
 */
function termsIn(terms: GlossaryTerm[], text: string): Map<GlossaryTerm, number> {
  const found = new Map<GlossaryTerm, number>();
  prepare(text)
    .split('\n')
    .forEach((raw, index) => {
      const line = normalize(raw, 'en');
      const matches: Array<{ term: GlossaryTerm; start: number; end: number }> = [];
      for (const term of terms)
        for (const match of line.matchAll(term.pattern))
          matches.push({ term, start: match.index, end: match.index + match[0].length });
      matches.sort((a, b) => b.end - b.start - (a.end - a.start));
      const taken: Array<[number, number]> = [];
      for (const { term, start, end } of matches) {
        if (taken.some(([from, to]) => start < to && end > from)) continue;
        taken.push([start, end]);
        if (!found.has(term)) found.set(term, index + 1);
      }
    });
  return found;
}

/** The text a reader sees, line for line: no link targets, no HTML tags. */
function prepare(markdown: string): string {
  return markdown.replace(/\]\([^)\n]*\)/g, ']').replace(/<[^>\n]+>/g, ' ');
}

const APOSTROPHES = /[\u2019\u2018\u02bc\u2032`´]/g;
const QUOTES = /[\u201c\u201d\u201e\u00ab\u00bb\u2039\u203a]/g;
// Arabic short vowels and other marks (tashkeel), the superscript alef, and the tatweel.
const TASHKEEL = /[\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g;
const ALEF = /[\u0622\u0623\u0625\u0671]/g;

/** Case, apostrophes, quotes and spaces made uniform; for Arabic, marks removed and alef unified. */
export function normalize(text: string, locale: Locale): string {
  let result = text
    .normalize('NFC')
    .replace(APOSTROPHES, "'")
    .replace(QUOTES, '"')
    .replace(/[\u00a0\u202f\u2009]/g, ' ')
    .replace(/[\u2010\u2011]/g, '-')
    .toLowerCase();
  if (locale === 'ar') result = result.replace(TASHKEEL, '').replace(ALEF, '\u0627');
  return result;
}

function splitRow(row: string): string[] {
  return row
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((cell) => cell.trim());
}

/** "assessment (needs assessment)" → "assessment": a note after a space is not part of the term. */
function stripNotes(text: string): string {
  return text.replace(/\s+\([^)]*\)/g, '').trim();
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The English term and its simple plurals; an acronym in parentheses, "(PSEA)", is a form too. */
function englishPattern(cell: string): RegExp {
  const forms = cell.split(' / ').flatMap((form) => {
    const acronyms = [...form.matchAll(/\s\(([A-Z][A-Z0-9&-]+)\)/g)].map((match) => match[1]!);
    return [stripNotes(form), ...acronyms];
  });
  const alternatives = forms
    .map((form) => normalize(form, 'en').split(/\s+/).filter(Boolean))
    .filter((words) => words.length > 0)
    .map((words) =>
      words
        .map((word, index) => {
          if (word === 'child') return 'child(?:ren)?';
          if (index < words.length - 1 || /[^a-z]$/.test(word)) return escape(word);
          if (/[^aeiou]y$/.test(word)) return `${escape(word.slice(0, -1))}(?:y|ies)`;
          return `${escape(word)}(?:s|es)?`;
        })
        .join('\\s+'),
    );
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
}

/**
 * The forms a translation cell accepts: each alternative (" / "), without its note in parentheses,
 * and the note itself ("SMSPS", "référencement"); "gestor/a" and "référent(e)" give both genders.
 */
export function translationForms(cell: string): string[] {
  const forms = cell.split(' / ').flatMap((alternative) => {
    const notes = [...alternative.matchAll(/\s\(([^)]+)\)/g)].map((match) => match[1]!.trim());
    return [stripNotes(alternative), ...notes];
  });
  return [...new Set(forms.flatMap(genders).filter(Boolean))];
}

/**
 * "gestor/a de casos" → itself, gestor de casos, gestora de casos; "niño/a" → niño, niña;
 * "référent(e)" → référent, référente; "مدير/ة" → مدير، مديرة.
 */
function genders(form: string): string[] {
  const inflection = /(\p{L}+)(?:\/(\p{L}{1,3})|\((\p{L}{1,3})\))(?!\p{L})/u.exec(form);
  if (!inflection) return [form];
  const [whole, stem = '', slash, paren] = inflection;
  const ending = slash ?? paren ?? '';
  const before = form.slice(0, inflection.index);
  const after = form.slice(inflection.index + whole.length);
  // Spanish swaps the ending (niño/a, todos/as); the others add it (gestor/a, référent(e)).
  const other =
    stem.endsWith('o') && ending === 'a'
      ? `${stem.slice(0, -1)}a`
      : stem.endsWith('os') && ending === 'as'
        ? `${stem.slice(0, -2)}as`
        : `${stem}${ending}`;
  return [form, ...[stem, other].flatMap((word) => genders(`${before}${word}${after}`))];
}

/** A French or Spanish word with its plural and feminine endings. */
function inflected(word: string): string {
  const forms = [`${escape(word)}(?:e|s|es|x|a|as)?`];
  if (word.endsWith('al')) forms.push(`${escape(word.slice(0, -2))}aux`); // social → sociaux
  if (word.endsWith('ión')) forms.push(`${escape(word.slice(0, -3))}iones`); // evaluación → evaluaciones
  return forms.join('|');
}

/**
 * How a translation form is looked for. French and Spanish: word by word, with the endings of
 * plural and feminine (see inflected). Arabic: as a substring, so that attached prefixes
 * (و، ب، ل، ال) and suffixes still match; "ال…" after the preposition ل is written "لل…", which
 * matches too.
 */
function translationPattern(form: string, locale: Locale): RegExp {
  const text = normalize(form, locale);
  if (locale === 'ar') {
    const words = text.split(/\s+/).map(escape);
    const first = words[0]!.startsWith('\u0627\u0644')
      ? `(?:${words[0]}|\u0644\u0644${words[0]!.slice(2)})`
      : words[0];
    return new RegExp([first, ...words.slice(1)].join('\\s+'), 'u');
  }
  const words = text
    .split(/\s+/)
    .map((word) => (/\p{L}$/u.test(word) ? inflected(word) : escape(word)))
    .map((word) => `(?:${word})`);
  return new RegExp(`(?<![\\p{L}\\p{N}])${words.join('\\s+')}(?![\\p{L}\\p{N}])`, 'u');
}
