/**
 * Every CSV Lantern exports is safe to open in a spreadsheet: a cell that starts like a formula
 * (`=`, `+`, `-`, `@`, a tab, a carriage return) is text with an apostrophe in front, whether it
 * comes from a learner's name (learners.csv) or a learner's SCORM answer (items.csv); numbers
 * Lantern computed, negative ones included, stay numbers.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvStream, neutralise } from '../../src/reports/csv.js';
import { importPackage } from '../../src/scorm/import.js';
import { createTestApp, signIn, type TestContext } from '../helpers/app.js';
import type { TestBrowser } from '../helpers/client.js';
import { createCohortAs, joinCohort } from '../helpers/cohorts.js';
import { buildMastery12 } from '../scorm/fixtures.js';
import { launchOf, scoredCommit12 } from '../scorm/integration.js';

const HYPERLINK = '=HYPERLINK("http://evil","x")';
const SUM = '@SUM(1)';
const DDE = `-2+3+cmd|' /C calc'!A0`;

/** The rows of a CSV answer, as a spreadsheet program splits them. */
const rowsOf = (body: string): string[][] =>
  parse(body.replace(/^\uFEFF/, ''), { relax_column_count: true }) as string[][];

describe('neutralise', () => {
  it('prefixes text that starts like a formula with an apostrophe', () => {
    for (const cell of [HYPERLINK, SUM, '+1+1', DDE, '\t=1+1', '\r=1+1', '-', '@'])
      expect(neutralise(cell), JSON.stringify(cell)).toBe(`'${cell}`);
    for (const cell of ['Dina Done', 'ليلى', '1=1', "'=already quoted", ' =1+1', ''])
      expect(neutralise(cell), JSON.stringify(cell)).toBe(cell);
  });

  it('leaves numbers as numbers, negative ones too, and text that is only a number', () => {
    expect(neutralise(-5)).toBe('-5');
    expect(neutralise(-2.5)).toBe('-2.5');
    expect(neutralise(0)).toBe('0');
    expect(neutralise(12n)).toBe('12');
    expect(neutralise('-5')).toBe('-5');
    expect(neutralise('+3')).toBe('+3');
    expect(neutralise('-2.5')).toBe('-2.5');
    // Not only a number: a formula.
    expect(neutralise('-5+A1')).toBe("'-5+A1");
    expect(neutralise('-1e5')).toBe("'-1e5");
    expect(neutralise(null)).toBe('');
    expect(neutralise(undefined)).toBe('');
    expect(neutralise(new Date('2026-03-01T10:00:00Z'))).toBe('2026-03-01T10:00:00.000Z');
  });

  it('is what every exported cell goes through; a cell with a semicolon is quoted', async () => {
    const body = await text(
      csvStream(['Name', '=Header'], async () => ({
        rows: [[HYPERLINK, -5, 'x;=cmd', 'tab\there', 40]],
      })),
    );
    const lines = body.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe("Name,'=Header");
    // Excel set to French or Spanish splits on semicolons: quoted, the cell stays whole.
    expect(lines[1]).toBe(`"'=HYPERLINK(""http://evil"",""x"")",-5,"x;=cmd","tab\there",40`);
  });
});

describe('the exports', () => {
  let ctx: TestContext;
  let trainer: TestBrowser;
  let cohortId: number;

  const commit = (raw: string, responses: string[]) =>
    scoredCommit12(
      1_000_001,
      { status: 'failed', raw, time: '00:05:00' },
      responses.map((response, index) => ({
        id: `q${index + 1}`,
        type: 'fill-in',
        student_response: response,
        result: 'wrong',
        correct_responses: { '0': { pattern: 'safe answer' } },
      })),
    );

  beforeAll(async () => {
    ctx = await createTestApp();
    const imported = await importPackage(
      ctx.database.db,
      await buildMastery12(mkdtempSync(join(tmpdir(), 'lantern-csv-safety-'))),
      { dataDir: ctx.config.dataDir, slug: 'safeguarding-quiz' },
    );
    trainer = (await signIn(ctx, 'trainer')).browser;
    const cohort = await createCohortAs(ctx, trainer, {
      name: 'Spreadsheet people',
      courseId: imported.courseId,
    });
    cohortId = cohort.id;
    // Learners whose names, and whose typed answers, are formulas.
    for (const [name, raw, responses] of [
      [HYPERLINK, '40', [HYPERLINK, SUM]],
      [SUM, '30', [HYPERLINK, SUM]],
      [DDE, '20', ['plain', DDE]],
    ] as const) {
      const { browser } = await signIn(ctx, 'learner', { name });
      await joinCohort(browser, cohort.code);
      const player = await browser.get('/courses/safeguarding-quiz/scos/quiz');
      const stored = await ctx.app.inject({
        method: 'POST',
        url: launchOf(player).commitUrl,
        headers: { 'content-type': 'application/json' },
        payload: commit(raw, [...responses]),
      });
      expect(stored.json()).toMatchObject({ result: true, stored: true });
    }
  });
  afterAll(async () => ctx?.close());

  it('learners.csv: names that are formulas are text; scores and counts stay numbers', async () => {
    const response = await trainer.get(`/trainer/cohorts/${cohortId}/learners.csv?sort=name`);
    expect(response.statusCode).toBe(200);
    const rows = rowsOf(response.body);
    const names = new Set(rows.slice(1).map((row) => row[0]));
    expect(names).toEqual(new Set([`'${DDE}`, `'${HYPERLINK}`, `'${SUM}`]));
    for (const row of rows) for (const cell of row) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/);
    const hyperlink = rows.find((row) => row[0] === `'${HYPERLINK}`)!;
    // Progress and minutes: plain numbers a spreadsheet can add up.
    expect(hyperlink[3]).toMatch(/^\d+$/);
    expect(hyperlink[6]).toMatch(/^\d+$/);
  });

  it('items.csv: answers a learner typed that are formulas are text', async () => {
    const response = await trainer.get(`/trainer/cohorts/${cohortId}/items.csv`);
    expect(response.statusCode).toBe(200);
    const rows = rowsOf(response.body);
    const byQuestion = Object.fromEntries(rows.slice(1).map((row) => [row[1], row]));
    // Most chosen wrong answer, and how many chose it (a number).
    expect(byQuestion.q1!.slice(6)).toEqual([`'${HYPERLINK}`, '2']);
    expect(byQuestion.q2!.slice(6)).toEqual([`'${SUM}`, '2']);
    expect(byQuestion.q1!.slice(3, 6)).toEqual(['3', '0', '0']);
    for (const row of rows) for (const cell of row) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/);
  });
});
