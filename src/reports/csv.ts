import { stringify } from 'csv-stringify';

// A spreadsheet runs a cell starting with one of these as a formula (tab and carriage return
// because some programs skip them and read what follows); NUL and line feed for good measure.
const FORMULA_START = /^[=+\-@\t\r\n\0]/;
// A plain decimal number ("-5", "+3", "-2.5") cannot be a formula: it stays a number.
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;

/**
 * One cell of every CSV Lantern exports. Text that starts like a formula (`=`, `+`, `-`, `@`, a
 * tab or a carriage return) gets an apostrophe in front, OWASP's advice, so a learner named
 * `=HYPERLINK(…)` or a SCORM answer `@SUM(1)` is shown as text and never run. Numbers Lantern
 * computed (a score, a count, a negative one too) are written as numbers, untouched; so is text
 * that is nothing but a plain number. Dates are written as ISO 8601.
 */
export function neutralise(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  const text = value instanceof Date ? value.toISOString() : String(value);
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/**
 * A CSV stream (UTF-8 with BOM, so Excel opens Arabic and accents correctly) fed page by page by
 * `nextPage`, so the whole table never sits in memory. Every cell goes through `neutralise`, and a
 * cell holding a semicolon is quoted: Excel set to French or Spanish splits on semicolons, and
 * an unquoted `x;=cmd` would otherwise begin a cell with `=`.
 */
export function csvStream(
  header: string[],
  nextPage: (after: string | undefined) => Promise<{ rows: unknown[][]; next?: string }>,
) {
  const csv = stringify({
    bom: true,
    record_delimiter: '\r\n',
    quoted_match: /[;\t]/,
    highWaterMark: 64 * 1024,
  });
  csv.write(header.map(neutralise));
  void (async () => {
    try {
      let after: string | undefined;
      do {
        const page = await nextPage(after);
        for (const row of page.rows) {
          // Respect back-pressure: wait when the client reads slower than the database answers.
          if (!csv.write(row.map(neutralise)))
            await new Promise((resolve) => csv.once('drain', resolve));
        }
        after = page.next;
      } while (after);
      csv.end();
    } catch (error) {
      csv.destroy(error as Error);
    }
  })();
  return csv;
}
