import { describe, expect, it } from 'vitest';
import { catalogues, LOCALES, negotiateLocale, translator } from '../../src/web/i18n/index.js';
import { englishMessages as en } from '../../src/web/i18n/index.js';

const placeholders = (text: string) =>
  [...text.matchAll(/\{(\w+)[}|]/g)]
    .map((match) => match[1] ?? '')
    .sort((a, b) => a.localeCompare(b));

describe('message catalogues', () => {
  for (const locale of LOCALES) {
    it(`${locale} has every key of the English catalogue, no extra key, and the same placeholders`, () => {
      const catalogue = catalogues[locale] as Record<string, string>;
      expect(Object.keys(catalogue).sort()).toEqual(Object.keys(en).sort());
      for (const [key, english] of Object.entries(en)) {
        expect(catalogue[key]?.trim(), `${locale}: ${key} is empty`).toBeTruthy();
        expect(placeholders(catalogue[key]!), `${locale}: ${key} placeholders`).toEqual(
          placeholders(english),
        );
      }
    });
  }

  it('translations are actually translated (most strings differ from English)', () => {
    for (const locale of ['fr', 'es', 'ar'] as const) {
      const catalogue = catalogues[locale] as Record<string, string>;
      const same = Object.keys(en).filter(
        (key) =>
          catalogue[key] === (en as Record<string, string>)[key] &&
          !key.startsWith('lang.') &&
          key !== 'app.name',
      );
      expect(same.length, `${locale} untranslated: ${same.join(', ')}`).toBeLessThan(
        Object.keys(en).length * 0.05,
      );
    }
  });
});

describe('language negotiation', () => {
  it('honours quality values and regional variants', () => {
    expect(negotiateLocale('de-DE,de;q=0.9,fr-CA;q=0.8,en;q=0.5')).toBe('fr');
    expect(negotiateLocale('ar-EG')).toBe('ar');
    expect(negotiateLocale('en;q=0.1, es;q=0.9')).toBe('es');
    expect(negotiateLocale('de, it')).toBeUndefined();
    expect(negotiateLocale(undefined)).toBeUndefined();
  });

  it('fills placeholders', () => {
    expect(translator('en')('home.welcome', { name: 'Mariam' })).toBe('Welcome, Mariam.');
    expect(translator('fr')('quiz.score', { score: 80, other: 1 })).toBe(
      'Votre score\u00a0: 80\u00a0%',
    );
  });
});

describe('counts', () => {
  it('choose the words by each language’s plural rules, Arabic’s six forms included', () => {
    const en = translator('en');
    expect(en('admin.users.count', { count: 1 })).toBe('1 user found');
    expect(en('admin.users.count', { count: 2 })).toBe('2 users found');
    const ar = translator('ar');
    const forms = [0, 1, 2, 3, 11, 100].map((count) => ar('reports.found', { count }));
    expect(new Set(forms).size).toBe(6);
    expect(forms[3]).toContain('3');
  });

  it('give every plural message an "other" form in every language', () => {
    for (const locale of LOCALES) {
      for (const [key, text] of Object.entries(catalogues[locale] as Record<string, string>)) {
        for (const match of text.matchAll(/\{\w+\|([^{}]*)\}/g)) {
          expect(
            match[1]!.split('|').map((form) => form.split(':')[0]!.trim()),
            `${locale}: ${key}`,
          ).toContain('other');
        }
      }
    }
  });
});
