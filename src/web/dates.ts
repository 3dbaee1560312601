/**
 * Every date a person reads, formatted in one place. Intl formatters hold native ICU memory that
 * the garbage collector does not see (made per row of a table, they grew the process by over a
 * megabyte a request), so each (language tag, style) gets one, kept for the life of the process.
 */
import type { Locale } from '../db/database.js';

const formatters = new Map<string, Intl.DateTimeFormat>();
/** Tags come from Accept-Language too: a bound, so odd headers cannot grow the cache forever. */
const MAX_FORMATTERS = 200;

function formatter(tag: string, name: string, options: Intl.DateTimeFormatOptions) {
  const key = `${tag}|${name}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(tag, options);
    if (formatters.size < MAX_FORMATTERS) formatters.set(key, found);
  }
  return found;
}

/** `long` and `medium`: the day; `dateTime`: the day and the minute; `stamp`: a short day with seconds. */
export type DateStyle = 'long' | 'medium' | 'dateTime' | 'stamp';
const DATE_STYLES: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  long: { dateStyle: 'long' },
  medium: { dateStyle: 'medium' },
  dateTime: { dateStyle: 'medium', timeStyle: 'short' },
  stamp: { dateStyle: 'short', timeStyle: 'medium' },
};

/** A date in the page's language (what templates call `date(value, style)`). */
export function formatDate(
  locale: Locale,
  value: Date | string | number,
  style: DateStyle = 'medium',
): string {
  return formatter(locale, style, DATE_STYLES[style]).format(new Date(value));
}

/** A YYYY-MM-DD day in the reader's language (UTC: the day is a calendar day, not an instant). */
export function formatDay(locale: Locale, day: string): string {
  return formatter(locale, 'day-utc', { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

/**
 * Dates as an admin reads them (the audit log, the SCORM list): in the page's language, with the regional conventions the browser
 * asks for when it names a region of that language (`en-GB` gives 3 March 2025, 14:05; `en-US`
 * March 3, 2025, 2:05 PM; plain `en` the language's default). Month names are spelt out, so a
 * date never reads two ways, and a moment carries its time zone.
 */
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
  return formatter(tag, `admin-${style}`, STYLES[style]).format(new Date(value));
}

/** What a page gives its template: `adminDate(value, style)` in the admin's language and format. */
export function adminDateFormatter(
  locale: Locale,
  acceptLanguage: string | undefined,
): (value: Date | string | number, style?: AdminDateStyle) => string {
  const tag = dateLocale(locale, acceptLanguage);
  return (value, style) => formatAdminDate(tag, value, style);
}
