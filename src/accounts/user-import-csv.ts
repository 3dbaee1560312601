/**
 * Reading a CSV file of people to import: UTF-8 with or without BOM, comma or semicolon, a header
 * naming the columns in any order, then each row with its own problems (email, name, role,
 * language) at its line and column. Reading writes nothing; planning against the database is
 * user-import.ts.
 */
import { parse } from 'csv-parse/sync';
import type { Locale, Role } from '../db/database.js';
import { emailAddress, hasControlCharacter, NAME_MAX } from '../web/forms.js';
import { isLocale, LOCALES } from '../web/i18n/index.js';
import { isRole, normaliseEmail, ROLES } from './users.js';

export const IMPORT_COLUMNS = ['email', 'name', 'role', 'language', 'cohort'] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];
/** Rows past this are a different job (split the file): the preview lists every row. */
export const IMPORT_ROW_LIMIT = 20_000;

/**
 * One problem: where (line, and column when it is about one value) and what. Codes are
 * `people.import.problem.<code>` in the catalogues; params fill the sentence.
 */
export type ImportProblem = {
  line: number;
  column?: number;
  field?: ImportColumn;
  code: ProblemCode;
  params?: Record<string, string | number>;
};
export type ProblemCode =
  | 'notUtf8'
  | 'empty'
  | 'missingColumn'
  | 'unknownColumn'
  | 'repeatedColumn'
  | 'malformed'
  | 'tooManyRows'
  | 'extraValues'
  | 'emailMissing'
  | 'email'
  | 'nameRequired'
  | 'nameTooLong'
  | 'nameControl'
  | 'role'
  | 'language'
  | 'cohortUnknown'
  | 'cohortArchived'
  | 'cohortExpired'
  | 'duplicate'
  | 'ownRole';

export type ImportRow = {
  line: number;
  /** As written (trimmed), for the preview. */
  email: string;
  name: string;
  role: Role | undefined;
  locale: Locale | undefined;
  cohortCode: string | undefined;
  /** Each cell as written, for the preview of a row with a problem. */
  cells: Record<ImportColumn, string>;
  problems: ImportProblem[];
};

export type ParsedImport = {
  delimiter: ',' | ';';
  /** Each column's position in the file (1 = first). */
  columns: Partial<Record<ImportColumn, number>>;
  rows: ImportRow[];
  /** Problems with the file itself: nothing can be imported until they are fixed. */
  fileProblems: ImportProblem[];
};

/** Comma or semicolon, whichever the header line has more of outside quotes (comma when neither). */
function detectDelimiter(headerLine: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === ',') commas += 1;
    else if (!quoted && char === ';') semicolons += 1;
  }
  return semicolons > commas ? ';' : ',';
}

/** Reads the file: the header, then each row with its line number and its own problems. */
export function parseUserCsv(bytes: Uint8Array): ParsedImport {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return { delimiter: ',', columns: {}, rows: [], fileProblems: [{ line: 0, code: 'notUtf8' }] };
  }
  // One kind of line break, so that line numbers are what an editor shows.
  text = text.replace(/\r\n?/g, '\n');
  const newline = text.indexOf('\n');
  const delimiter = detectDelimiter(newline === -1 ? text : text.slice(0, newline));

  const records: Array<{ line: number; cells: string[] }> = [];
  let lastLine = 0;
  try {
    parse(text, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: false,
      on_record: (cells: string[], context) => {
        records.push({ line: lastLine + 1, cells });
        lastLine = context.lines;
        return null;
      },
    });
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (!code.startsWith('CSV_')) throw error;
    return {
      delimiter,
      columns: {},
      rows: [],
      fileProblems: [{ line: lastLine + 1, code: 'malformed' }],
    };
  }

  const isBlank = (cells: string[]) => cells.every((cell) => cell.trim() === '');
  const header = records.find((record) => !isBlank(record.cells));
  if (!header)
    return {
      delimiter,
      columns: {},
      rows: [],
      fileProblems: [
        { line: 1, code: 'empty', params: { expected: IMPORT_COLUMNS.join(delimiter) } },
      ],
    };

  const fileProblems: ImportProblem[] = [];
  const position = new Map<ImportColumn, number>();
  header.cells.forEach((cell, index) => {
    const name = cell.trim().toLowerCase();
    const column = index + 1;
    if (!(IMPORT_COLUMNS as readonly string[]).includes(name))
      fileProblems.push({
        line: header.line,
        column,
        code: 'unknownColumn',
        params: { value: cell.trim(), expected: IMPORT_COLUMNS.join(delimiter) },
      });
    else if (position.has(name as ImportColumn))
      fileProblems.push({
        line: header.line,
        column,
        code: 'repeatedColumn',
        params: { value: name },
      });
    else position.set(name as ImportColumn, index);
  });
  for (const required of ['email', 'name'] as const)
    if (!position.has(required))
      fileProblems.push({
        line: header.line,
        code: 'missingColumn',
        params: { value: required, expected: IMPORT_COLUMNS.join(delimiter) },
      });

  const data = records.filter((record) => record.line > header.line && !isBlank(record.cells));
  if (data.length > IMPORT_ROW_LIMIT)
    fileProblems.push({
      line: data[IMPORT_ROW_LIMIT]!.line,
      code: 'tooManyRows',
      params: { limit: IMPORT_ROW_LIMIT, count: data.length },
    });
  const columns = Object.fromEntries(
    [...position].map(([column, index]) => [column, index + 1]),
  ) as ParsedImport['columns'];
  if (fileProblems.length > 0) return { delimiter, columns, rows: [], fileProblems };

  const seen = new Map<string, number>();
  const rows = data.map((record) => {
    const cells = Object.fromEntries(
      IMPORT_COLUMNS.map((column) => {
        const index = position.get(column);
        return [column, index === undefined ? '' : (record.cells[index] ?? '').trim()];
      }),
    ) as Record<ImportColumn, string>;
    const problems: ImportProblem[] = [];
    const problem = (field: ImportColumn, code: ProblemCode, params?: ImportProblem['params']) =>
      problems.push({
        line: record.line,
        column: position.get(field)! + 1,
        field,
        code,
        ...(params ? { params } : {}),
      });

    if (record.cells.length > header.cells.length)
      problems.push({
        line: record.line,
        column: header.cells.length + 1,
        code: 'extraValues',
        params: { count: header.cells.length },
      });
    const email = normaliseEmail(cells.email);
    if (cells.email === '') problem('email', 'emailMissing');
    else if (emailAddress(cells.email) || hasControlCharacter(cells.email))
      problem('email', 'email', { value: cells.email });
    else if (seen.has(email)) problem('email', 'duplicate', { other: seen.get(email)! });
    else seen.set(email, record.line);

    if ([...cells.name].length > NAME_MAX) problem('name', 'nameTooLong', { max: NAME_MAX });
    else if (hasControlCharacter(cells.name)) problem('name', 'nameControl');

    const roleText = cells.role.toLowerCase();
    if (roleText && !isRole(roleText))
      problem('role', 'role', { value: cells.role, expected: ROLES.join(', ') });
    // "fr", "FR" or "fr-CA" all mean French.
    const localeText = cells.language.toLowerCase().split(/[-_]/)[0] ?? '';
    if (localeText && !isLocale(localeText))
      problem('language', 'language', { value: cells.language, expected: LOCALES.join(', ') });

    return {
      line: record.line,
      email,
      name: cells.name,
      role: isRole(roleText) ? roleText : undefined,
      locale: isLocale(localeText) ? localeText : undefined,
      cohortCode: cells.cohort ? cells.cohort.toUpperCase().replace(/[\s-]/g, '') : undefined,
      cells,
      problems,
    };
  });
  return { delimiter, columns, rows, fileProblems };
}
