import { franc } from 'franc-min';
import type { Locale } from '../../src/db/database.js';

// The simple language check of issue #18: long enough text is identified with franc-min (trigram
// statistics, limited to the four languages Lantern is written in); shorter text can only be
// compared with its English original.

/** franc-min's codes (ISO 639-3) of the four languages. */
const FRANC: Record<Locale, string> = { en: 'eng', fr: 'fra', es: 'spa', ar: 'arb' };
const ONLY = Object.values(FRANC);

/** Shorter text is too short for trigram statistics to be reliable. */
export const MIN_LENGTH = 60;

/** The language franc-min sees in the text, as a locale; undefined when it cannot tell. */
export function detectLocale(text: string): Locale | undefined {
  const code = franc(text, { only: ONLY, minLength: 10 });
  return (Object.keys(FRANC) as Locale[]).find((locale) => FRANC[locale] === code);
}

/**
 * Why this text is still English where it should be in `locale`, or undefined when it is not (or
 * cannot be told): long text must not be detected as English, short text must differ from its
 * English original unless it has no words (a year, a number). English, the source, is not checked.
 * Only English is looked for: franc-min tells French from Spanish less reliably on short text.
 */
export function notIn(locale: Locale, text: string, english?: string): string | undefined {
  if (locale === 'en') return undefined;
  const plain = withoutPlaceholders(text);
  if (english !== undefined && text.trim() === english.trim() && /\p{L}/u.test(plain))
    return 'same as the English';
  if (plain.length < MIN_LENGTH) return undefined;
  return detectLocale(plain) === 'en' ? 'reads as English' : undefined;
}

/** "{count|one:# lesson|other:# lessons} of {total}" → "lesson lessons of": the words only. */
export function withoutPlaceholders(text: string): string {
  return text
    .replace(/\{\w+\|([^{}]*)\}/g, (_, forms: string) =>
      forms
        .split('|')
        .map((form) => form.replace(/^\w+:/, ''))
        .join(' '),
    )
    .replace(/\{\w+\}|#/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  '#39': "'",
  '#x27': "'",
  nbsp: '\u00a0',
};

/** Markup to text: tags removed, entities decoded, spaces collapsed. */
export function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(#?\w+);/g, (entity, name: string) => ENTITIES[name] ?? entity)
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The readable blocks of a lesson's sanitised HTML: headings, paragraphs, list items, table
 * cells, scenario summaries, image text alternatives. Code and link text are left out: they hold
 * names (of lessons, of documents) that a translation may keep.
 */
export function blocksOf(html: string): string[] {
  const alts = [...html.matchAll(/<img [^>]*alt="([^"]*)"/g)].map((match) => match[1]!);
  const blocks = html
    .replace(/<code>[\s\S]*?<\/code>/g, ' ')
    .replace(/<a [^>]*>[\s\S]*?<\/a>/g, ' ')
    .split(
      /<\/?(?:h[1-6]|p|li|ul|ol|td|th|tr|summary|details|blockquote|figcaption|aside|dt|dd)\b[^>]*>/,
    )
    .map(textOf);
  return [...blocks, ...alts.map(textOf)].filter(Boolean);
}
