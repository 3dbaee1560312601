import { describe, expect, it } from 'vitest';
import { barChart, lineChart } from '../../src/reports/charts.js';
import { catalogues, LOCALES, translator } from '../../src/web/i18n/index.js';
import { trainerEn, type TrainerKey } from '../../src/web/i18n/messages/trainer.en.js';

// Placeholders that hold a number of people or things: the words around them change with it.
const COUNTS = ['count', 'minutes', 'added', 'invited', 'total'];
const CATEGORIES: Record<string, string[]> = {
  en: ['one', 'other'],
  fr: ['one', 'other'],
  es: ['one', 'other'],
  ar: ['zero', 'one', 'two', 'few', 'many', 'other'],
};

describe('counts on the trainer pages', () => {
  const counted = (Object.keys(trainerEn) as TrainerKey[]).filter((key) =>
    COUNTS.some((name) => new RegExp(`\\{${name}[}|]`).test(trainerEn[key])),
  );

  it('finds the counted messages (cohort members, invitations, learners found, minutes…)', () => {
    expect(counted).toEqual(
      expect.arrayContaining([
        'cohorts.members',
        'cohorts.invited',
        'cohorts.addedByAdmin',
        'reports.found',
        'reports.minutes',
        'reports.chosenBy',
        'reports.completionSummary',
        'reports.scoreSummary',
        'reports.printLimited',
      ]),
    );
  });

  it('write every count with the plural mechanism, with each plural form of the language', () => {
    for (const locale of LOCALES) {
      for (const key of counted) {
        const text = catalogues[locale][key];
        for (const name of COUNTS) {
          expect(text, `${locale} ${key}: {${name}} written bare`).not.toContain(`{${name}}`);
          for (const match of text.matchAll(new RegExp(`\\{${name}\\|([^{}]*)\\}`, 'g'))) {
            const categories = match[1]!.split('|').map((form) => form.split(':')[0]!.trim());
            expect(categories, `${locale} ${key}`).toEqual(CATEGORIES[locale]);
          }
        }
      }
    }
  });

  it('choose the right words for 0, 1, 2, 3, 11 and 100 in Arabic, and 1 and 2 elsewhere', () => {
    const ar = translator('ar');
    expect([0, 1, 2, 3, 11, 100].map((count) => ar('cohorts.members', { count }))).toEqual([
      'لا أعضاء',
      'عضو واحد',
      'عضوان',
      '3 أعضاء',
      '11 عضوًا',
      '100 عضو',
    ]);
    expect([1, 2, 3, 11].map((minutes) => ar('reports.minutes', { minutes }))).toEqual([
      'دقيقة واحدة',
      'دقيقتان',
      '3 دقائق',
      '11 دقيقة',
    ]);
    expect(translator('en')('cohorts.members', { count: 1 })).toBe('1 member');
    expect(translator('en')('reports.chosenBy', { count: 2 })).toBe('chosen by 2 learners');
    expect(translator('fr')('reports.chosenBy', { count: 1 })).toBe('choisie par 1 apprenant·e');
    expect(translator('es')('cohorts.invited', { count: 1 })).toMatch(/^1 invitación registrada\./);
  });
});

describe('charts', () => {
  const text = {
    title: 'Final <scores>',
    xAxis: 'Final score (%)',
    yAxis: 'Learners (number)',
    describedBy: 'chart-1-summary',
  };

  it('name themselves, point to their text equivalent and label both axes with units', () => {
    const svg = barChart(text, ['0–49', '50–100'], [1, 3]);
    expect(svg).toMatch(/^<svg class="chart"[^>]* role="img" aria-label="Final &#60;scores&#62;"/);
    expect(svg).toContain('aria-describedby="chart-1-summary"');
    expect(svg).toContain('<title>Final &#60;scores&#62;</title>');
    expect(svg).toContain('>Final score (%)</text>');
    expect(svg).toContain('>Learners (number)</text>');
    expect(svg.match(/<rect /g)).toHaveLength(2);
    expect(svg).toContain('>50–100</text>');
  });

  it('mark a histogram’s axis at the bars’ edges, so that ranges never overlap on a phone', () => {
    const svg = barChart(text, ['0–49', '50–100'], [1, 3], ['0', '50', '100']);
    expect([...svg.matchAll(/class="chart-tick"[^>]*>([^<]+)</g)].map((m) => m[1])).toEqual([
      '0',
      '2',
      '3',
      '0',
      '50',
      '100',
    ]);
    expect(svg).toContain('<title>50–100: 3</title>');
  });

  it('draw an empty line chart with its axes, and never the same tick twice', () => {
    const empty = lineChart(text, []);
    expect(empty).toContain('>Learners (number)</text>');
    const one = lineChart(text, [{ label: '2026-01-02', value: 1 }]);
    expect(one.match(/class="chart-tick"[^>]*>1</g)).toHaveLength(1);
    expect(one).toContain('>2026-01-02</text>');
  });
});
