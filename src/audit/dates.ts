/**
 * Dates as an admin reads them: in the page's language, with the regional conventions the browser
 * asks for when it names a region of that language (`en-GB` gives 3 March 2025, 14:05; `en-US`
 * March 3, 2025, 2:05 PM; plain `en` the language's default). Month names are spelt out, so a
 * date never reads two ways, and a moment carries its time zone.
 */
import type { Locale } from '../db/database.js';

export type AdminDateStyle = 'day' | 'moment';

const STYLES: Record<AdminDateStyle, Intl.DateTimeFormatOptions> = {
  day: { year: 'numeric', month: 'long', day: 'numeric' },
  moment: {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  },
};

// Intl formatters hold native memory: one per (tag, style), and only for tags this process supports.
const formatters = new Map<string, Intl.DateTimeFormat>();
const MAX_FORMATTERS = 200;
const REGIONAL_TAG = /^[a-z]{2,3}(?:-[A-Z][a-z]{3})?-(?:[A-Z]{2}|\d{3})$/;

/**
 * The tag to format dates with: the first regional variant of `locale` in Accept-Language
 * (`fr-CA` for a French page), else the locale itself.
 */
export function dateLocale(locale: Locale, acceptLanguage: string | undefined): string {
  for (const part of (acceptLanguage ?? '').split(',').slice(0, 20)) {
    const [range = '', ...params] = part.trim().split(';');
    if (params.some((param) => /^\s*q=0(?:\.0*)?\s*$/.test(param))) continue;
    const [language = '', ...rest] = range.trim().split('-');
    if (language.toLowerCase() !== locale || rest.length === 0) continue;
    const tag = [
      language.toLowerCase(),
      ...rest.map((sub) =>
        sub.length === 4 ? sub[0]!.toUpperCase() + sub.slice(1).toLowerCase() : sub.toUpperCase(),
      ),
    ].join('-');
    if (REGIONAL_TAG.test(tag) && Intl.DateTimeFormat.supportedLocalesOf(tag).length === 1)
      return tag;
  }
  return locale;
}

/** Formats a date or moment with `dateLocale`'s tag. */
export function formatAdminDate(
  tag: string,
  value: Date | string | number,
  style: AdminDateStyle = 'moment',
): string {
  const key = `${tag}|${style}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(tag, STYLES[style]);
    if (formatters.size < MAX_FORMATTERS) formatters.set(key, formatter);
  }
  return formatter.format(new Date(value));
}

/** What a page gives its template: `adminDate(value, style)` in the admin's language and format. */
export function adminDateFormatter(
  locale: Locale,
  acceptLanguage: string | undefined,
): (value: Date | string | number, style?: AdminDateStyle) => string {
  const tag = dateLocale(locale, acceptLanguage);
  return (value, style) => formatAdminDate(tag, value, style);
}
