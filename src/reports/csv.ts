import { stringify } from 'csv-stringify';

/**
 * Spreadsheet programs run a cell starting with = + - @ (or a tab / carriage return) as a
 * formula: prefix such a cell with an apostrophe so a learner's name can never become one.
 */
export function neutralise(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = value instanceof Date ? value.toISOString() : String(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/**
 * A CSV stream (UTF-8 with BOM, so Excel opens Arabic and accents correctly) fed page by page by
 * `nextPage`, so the whole table never sits in memory.
 */
export function csvStream(
  header: string[],
  nextPage: (after: string | undefined) => Promise<{ rows: unknown[][]; next?: string }>,
) {
  const csv = stringify({ bom: true, record_delimiter: '\r\n', highWaterMark: 64 * 1024 });
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
