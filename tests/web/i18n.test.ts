import { describe, expect, it } from 'vitest';
import { catalogues, LOCALES, negotiateLocale, translator } from '../../src/web/i18n/index.js';
import { englishMessages as en } from '../../src/web/i18n/index.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('message catalogues', () => {
  for (const locale of LOCALES) {
    it(`${locale} has every key of the English catalogue, no extra key, and the same placeholders`, () => {
      const catalogue = catalogues[locale] as Record<string, string>;
      expect(Object.keys(catalogue).sort()).toEqual(Object.keys(en).sort());
      for (const [key, english] of Object.entries(en)) {
        expect(catalogue[key]?.trim(), `${locale}: ${key} is empty`).toBeTruthy();
        expect(placeholders(catalogue[key]!), `${locale}: ${key} placeholders`).toEqual(placeholders(english));
      }
    });
  }

  it('translations are actually translated (most strings differ from English)', () => {
    for (const locale of ['fr', 'es', 'ar'] as const) {
      const catalogue = catalogues[locale] as Record<string, string>;
      const same = Object.keys(en).filter((key) => catalogue[key] === (en as Record<string, string>)[key] && !key.startsWith('lang.') && key !== 'app.name');
      expect(same.length, `${locale} untranslated: ${same.join(', ')}`).toBeLessThan(Object.keys(en).length * 0.05);
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
    expect(translator('fr')('quiz.score', { score: 80, other: 1 })).toBe('Votre score\u00a0: 80\u00a0%');
  });
});
