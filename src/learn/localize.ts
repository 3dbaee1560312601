import type { Locale, LocalizedText } from '../db/database.js';

/** The text in the wanted language, else English; says which language it is, for lang/dir. */
export function pick(
  text: LocalizedText | null | undefined,
  locale: Locale,
): { text: string; locale: Locale; fallback: boolean } {
  const wanted = text?.[locale];
  if (wanted) return { text: wanted, locale, fallback: false };
  return { text: text?.en ?? '', locale: 'en', fallback: locale !== 'en' };
}

/** Just the string, for titles shown inside interface text. */
export function label(text: LocalizedText | null | undefined, locale: Locale): string {
  return text?.[locale] ?? text?.en ?? '';
}
