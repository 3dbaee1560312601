import type { Locale } from '../../db/database.js';
import { en as coreEn, type MessageKey as CoreKey } from './messages/en.js';
import { ar } from './messages/ar.js';
import { es } from './messages/es.js';
import { fr } from './messages/fr.js';

import { accessAr } from './messages/access.ar.js';
import { accessEn, type AccessKey } from './messages/access.en.js';
import { accessEs } from './messages/access.es.js';
import { accessFr } from './messages/access.fr.js';
import { peopleAr } from './messages/people.ar.js';
import { peopleEn, type PeopleKey } from './messages/people.en.js';
import { peopleEs } from './messages/people.es.js';
import { peopleFr } from './messages/people.fr.js';
import { profileAr } from './messages/profile.ar.js';
import { profileEn, type ProfileKey } from './messages/profile.en.js';
import { profileEs } from './messages/profile.es.js';
import { profileFr } from './messages/profile.fr.js';
import { mailAr } from './messages/mail.ar.js';
import { mailEn, type MailKey } from './messages/mail.en.js';
import { mailEs } from './messages/mail.es.js';
import { mailFr } from './messages/mail.fr.js';
import { learningAr } from './messages/learning.ar.js';
import { learningEn, type LearningKey } from './messages/learning.en.js';
import { learningEs } from './messages/learning.es.js';
import { learningFr } from './messages/learning.fr.js';
import { scormAr } from './messages/scorm.ar.js';
import { scormEn, type ScormKey } from './messages/scorm.en.js';
import { scormEs } from './messages/scorm.es.js';
import { scormFr } from './messages/scorm.fr.js';
import { trainerAr } from './messages/trainer.ar.js';
import { trainerEn, type TrainerKey } from './messages/trainer.en.js';
import { trainerEs } from './messages/trainer.es.js';
import { trainerFr } from './messages/trainer.fr.js';
import { offlineAr } from './messages/offline.ar.js';
import { offlineEn, type OfflineKey } from './messages/offline.en.js';
import { offlineEs } from './messages/offline.es.js';
import { offlineFr } from './messages/offline.fr.js';

/** Every interface string: the core catalogue plus each area's own catalogue. */
export type MessageKey =
  | CoreKey
  | LearningKey
  | TrainerKey
  | ScormKey
  | MailKey
  | AccessKey
  | PeopleKey
  | ProfileKey
  | OfflineKey;
export type Messages = Record<MessageKey, string>;
export const LOCALES: readonly Locale[] = ['en', 'fr', 'es', 'ar'];
export const DEFAULT_LOCALE: Locale = 'en';
const en: Messages = {
  ...coreEn,
  ...learningEn,
  ...trainerEn,
  ...scormEn,
  ...mailEn,
  ...accessEn,
  ...peopleEn,
  ...profileEn,
  ...offlineEn,
};
export const catalogues: Record<Locale, Messages> = {
  en,
  fr: {
    ...fr,
    ...learningFr,
    ...trainerFr,
    ...scormFr,
    ...mailFr,
    ...accessFr,
    ...peopleFr,
    ...profileFr,
    ...offlineFr,
  },
  es: {
    ...es,
    ...learningEs,
    ...trainerEs,
    ...scormEs,
    ...mailEs,
    ...accessEs,
    ...peopleEs,
    ...profileEs,
    ...offlineEs,
  },
  ar: {
    ...ar,
    ...learningAr,
    ...trainerAr,
    ...scormAr,
    ...mailAr,
    ...accessAr,
    ...peopleAr,
    ...profileAr,
    ...offlineAr,
  },
};
export const englishMessages = en;

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export function directionOf(locale: string): 'rtl' | 'ltr' {
  return locale === 'ar' ? 'rtl' : 'ltr';
}

/**
 * A name or address inside a sentence keeps its own direction (Unicode first-strong isolate): an
 * Arabic name in an English sentence, a Latin address on an Arabic page.
 */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}

/**
 * Picks the best supported language from an Accept-Language header, honouring q-values and
 * matching on the primary subtag (fr-CA → fr).
 */
export function negotiateLocale(header: string | undefined): Locale | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [range = '', ...paramList] = part.trim().split(';');
      const q = paramList.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return {
        language: range.trim().toLowerCase().split('-')[0] ?? '',
        q: q ? Number(q.slice(2)) : 1,
        index,
      };
    })
    .filter((entry) => entry.q > 0 && !Number.isNaN(entry.q))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked.map((entry) => entry.language).find(isLocale);
}

const translators = new Map<Locale, Translate>();
/** `{count|one:# learner|other:# learners}`: a form per plural category of the language. */
const PLURAL = /\{(\w+)\|([^{}]*)\}/g;

/**
 * A translator bound to one locale, built once. Placeholders are `{name}`; a count that changes
 * the words is written `{count|one:# learner|other:# learners}`, the form chosen by the
 * language's own plural rules (Arabic has six: zero, one, two, few, many, other) and `#` replaced
 * by the number in the language's digits.
 */
export function translator(locale: Locale): Translate {
  let translate = translators.get(locale);
  if (!translate) {
    const messages = catalogues[locale];
    const rules = new Intl.PluralRules(locale);
    const numbers = new Intl.NumberFormat(locale);
    translate = (key, params) => {
      const text = messages[key] ?? en[key] ?? key;
      if (!params) return text;
      return text
        .replace(PLURAL, (whole, name: string, forms: string) => {
          if (!(name in params)) return whole;
          const count = Number(params[name]);
          const byCategory = new Map(
            forms.split('|').map((form) => {
              const colon = form.indexOf(':');
              return [form.slice(0, colon).trim(), form.slice(colon + 1)] as const;
            }),
          );
          const chosen = byCategory.get(rules.select(count)) ?? byCategory.get('other') ?? '';
          return chosen.replaceAll('#', numbers.format(count));
        })
        .replace(/\{(\w+)\}/g, (whole, name: string) =>
          name in params ? String(params[name]) : whole,
        );
    };
    translators.set(locale, translate);
  }
  return translate;
}
