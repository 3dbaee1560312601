import { describe, expect, it } from 'vitest';
import type { Locale } from '../../src/db/database.js';
import { catalogues } from '../../src/web/i18n/index.js';
import { notIn } from './language-check.js';

// Every interface string (pages, emails, certificates) exists in the four catalogues, and the
// French, Spanish and Arabic ones are not English left behind.

const english = catalogues.en as Record<string, string>;
const TRANSLATED: Locale[] = ['fr', 'es', 'ar'];

/**
 * Values that are rightly the same as the English: proper names, each language's own name, formats
 * without words, and words that are the same in French.
 */
const SAME_AS_ENGLISH: Record<string, Locale[]> = {
  'app.name': ['fr', 'es', 'ar'],
  'lang.en': ['fr', 'es', 'ar'],
  'lang.fr': ['fr', 'es', 'ar'],
  'lang.es': ['fr', 'es', 'ar'],
  'lang.ar': ['fr', 'es', 'ar'],
  'scorm.courses.versionValue': ['fr', 'es'],
  'admin.users.page': ['fr'],
  'audit.field.action': ['fr'],
  'error.detail.code': ['fr'],
  'error.detail.message': ['fr'],
  'invitation.title': ['fr'],
  'nav.menu': ['fr'],
  'people.list.actions': ['fr'],
  'player.quiz': ['fr'],
  'reports.question': ['fr'],
  'reports.quiz': ['fr'],
  'scorm.courses.version': ['fr'],
};

describe('the interface strings', () => {
  it('have every key in every catalogue, and no other', () => {
    for (const locale of TRANSLATED) {
      const catalogue = catalogues[locale] as Record<string, string>;
      expect(
        Object.keys(english).filter((key) => !catalogue[key]?.trim()),
        `keys missing in ${locale}`,
      ).toEqual([]);
      expect(
        Object.keys(catalogue).filter((key) => !(key in english)),
        `keys only in ${locale}`,
      ).toEqual([]);
    }
  });

  it('are not English in French, Spanish or Arabic', () => {
    const offenders: string[] = [];
    for (const locale of TRANSLATED) {
      const catalogue = catalogues[locale] as Record<string, string>;
      for (const [key, value] of Object.entries(catalogue)) {
        if (SAME_AS_ENGLISH[key]?.includes(locale)) continue;
        const why = notIn(locale, value, english[key]);
        if (why) offenders.push(`${locale} ${key} (${why}): ${value}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('keep the allow-list honest: each entry is still the same as the English', () => {
    for (const [key, locales] of Object.entries(SAME_AS_ENGLISH))
      for (const locale of locales)
        expect((catalogues[locale] as Record<string, string>)[key], `${locale} ${key}`).toBe(
          english[key],
        );
  });
});
