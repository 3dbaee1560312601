/**
 * Importing people from a CSV file: read it (UTF-8 with or without BOM, comma or semicolon), plan
 * what each row will do against the database (create, update, unchanged, skip) with every problem
 * at its line and column, then apply the plan in a few set-based statements. Reading and planning
 * write nothing; applying twice changes nothing the second time.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { AuditAction } from '../audit/record.js';
import { addMembers, checkJoinCode } from '../cohorts/queries.js';
import type { Database, Locale, Role } from '../db/database.js';
import { emailAddress } from '../web/forms.js';
import { isLocale, LOCALES } from '../web/i18n/index.js';
import { isRole, normaliseEmail, ROLES } from './users.js';

export const IMPORT_COLUMNS = ['email', 'name', 'role', 'language', 'cohort'] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];
/** 5 MB: a file of 10,000 people is about 600 KB. */
export const IMPORT_FILE_LIMIT = 5 * 1024 * 1024;
/** Rows past this are a different job (split the file): the preview lists every row. */
export const IMPORT_ROW_LIMIT = 20_000;
const NAME_MAX = 120;
/** Rows per INSERT or UPDATE statement. */
const BATCH = 500;

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

// C0, DEL and C1 controls: invisible in a list, and a line break or escape in a name breaks every
// page, email and CSV the name appears in later.
const CONTROL = /\p{Cc}/u;

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
    else if (emailAddress(cells.email) || CONTROL.test(cells.email))
      problem('email', 'email', { value: cells.email });
    else if (seen.has(email)) problem('email', 'duplicate', { other: seen.get(email)! });
    else seen.set(email, record.line);

    if ([...cells.name].length > NAME_MAX) problem('name', 'nameTooLong', { max: NAME_MAX });
    else if (CONTROL.test(cells.name)) problem('name', 'nameControl');

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

export type ImportAction = 'create' | 'update' | 'unchanged' | 'skip';
export type ImportChange = 'name' | 'role' | 'language' | 'cohort';
export type PlannedRow = ImportRow & {
  action: ImportAction;
  userId?: number;
  changes: ImportChange[];
  /** What the account will hold after the import. */
  final: { name: string; role: Role; locale: Locale };
  cohort?: { id: number; name: string };
  /** The account is deactivated (an update does not reactivate it). */
  deactivated: boolean;
};
export type ImportPlan = {
  rows: PlannedRow[];
  problems: ImportProblem[];
  counts: Record<ImportAction, number>;
  /** Existing people who will join a cohort (also counted among the updates). */
  joining: number;
};

/**
 * What each row will do, against the database as it is now. New people get `defaultLocale` when
 * the file gives no language, and the role learner; for existing people an empty value keeps what
 * they have. A row with any problem is skipped; the others still go ahead.
 */
export async function planImport(
  db: Kysely<Database>,
  parsed: ParsedImport,
  options: { actorId: number; defaultLocale: Locale },
): Promise<ImportPlan> {
  const valid = parsed.rows.filter((row) => !hasEmailProblem(row));
  const existing = new Map<
    string,
    { id: number; name: string; role: Role; locale: Locale; deactivated_at: Date | null }
  >();
  const emails = [...new Set(valid.map((row) => row.email))];
  for (let start = 0; start < emails.length; start += 1000) {
    const found = await db
      .selectFrom('users')
      .select(['id', 'email', 'name', 'role', 'locale', 'deactivated_at'])
      .where('email', 'in', emails.slice(start, start + 1000))
      .execute();
    for (const user of found) existing.set(user.email, user);
  }

  const cohorts = new Map<string, Awaited<ReturnType<typeof checkJoinCode>>>();
  for (const code of new Set(parsed.rows.map((row) => row.cohortCode).filter((c) => c)))
    cohorts.set(code!, await checkJoinCode(db, code!));

  // Who is already in the cohorts named: joining again is no change.
  const members = new Set<string>();
  const cohortIds = [...cohorts.values()].flatMap((check) => (check.ok ? [check.cohortId] : []));
  const userIds = [...existing.values()].map((user) => user.id);
  for (let start = 0; start < userIds.length && cohortIds.length > 0; start += 1000) {
    const rows = await db
      .selectFrom('cohort_members')
      .select(['cohort_id', 'user_id'])
      .where('cohort_id', 'in', cohortIds)
      .where('user_id', 'in', userIds.slice(start, start + 1000))
      .execute();
    for (const row of rows) members.add(`${row.cohort_id}:${row.user_id}`);
  }

  const counts: Record<ImportAction, number> = { create: 0, update: 0, unchanged: 0, skip: 0 };
  let joining = 0;
  const problems: ImportProblem[] = [];
  const rows = parsed.rows.map((row): PlannedRow => {
    const rowProblems = [...row.problems];
    const problem = (field: ImportColumn, code: ProblemCode, params?: ImportProblem['params']) =>
      rowProblems.push({
        line: row.line,
        column: parsed.columns[field] ?? 0,
        field,
        code,
        ...(params ? { params } : {}),
      });
    const user = hasEmailProblem(row) ? undefined : existing.get(row.email);
    const check = row.cohortCode ? cohorts.get(row.cohortCode) : undefined;
    if (check && !check.ok)
      problem(
        'cohort',
        check.reason === 'unknown'
          ? 'cohortUnknown'
          : check.reason === 'archived'
            ? 'cohortArchived'
            : 'cohortExpired',
        { value: row.cells.cohort },
      );
    if (!user && !hasEmailProblem(row) && row.name === '') problem('name', 'nameRequired');
    if (user && user.id === options.actorId && row.role && row.role !== user.role)
      problem('role', 'ownRole');

    const final = {
      name: row.name || user?.name || '',
      role: row.role ?? user?.role ?? 'learner',
      locale: row.locale ?? user?.locale ?? options.defaultLocale,
    };
    const cohort = check?.ok ? { id: check.cohortId, name: check.name } : undefined;
    const changes: ImportChange[] = [];
    if (user) {
      if (final.name !== user.name) changes.push('name');
      if (final.role !== user.role) changes.push('role');
      if (final.locale !== user.locale) changes.push('language');
      if (cohort && !members.has(`${cohort.id}:${user.id}`)) changes.push('cohort');
    }
    const action: ImportAction =
      rowProblems.length > 0
        ? 'skip'
        : !user
          ? 'create'
          : changes.length > 0
            ? 'update'
            : 'unchanged';
    counts[action] += 1;
    if (action === 'update' && changes.includes('cohort')) joining += 1;
    problems.push(...rowProblems);
    return {
      ...row,
      problems: rowProblems,
      action,
      ...(user ? { userId: user.id } : {}),
      changes,
      final,
      ...(cohort ? { cohort } : {}),
      deactivated: Boolean(user?.deactivated_at),
    };
  });
  return { rows, problems, counts, joining };
}

const hasEmailProblem = (row: ImportRow) => row.problems.some((p) => p.field === 'email');

export type ImportResult = {
  /** The people created, to be invited. */
  created: Array<{ id: number; email: string; name: string; locale: Locale }>;
  updated: number;
  unchanged: number;
  skipped: number;
  joined: number;
};

/**
 * Carries out a plan in one transaction: new people in batches (one INSERT per 500), changes in
 * one UPDATE per 500, cohort memberships one statement per cohort. Someone created meanwhile by
 * another request is left as they are (counted unchanged).
 */
export async function applyImport(
  db: Kysely<Database>,
  plan: ImportPlan,
  passwordHash: string,
  actorId: number,
  /** Runs in the same transaction with the people just created (their invitations). */
  onCreated: (trx: Transaction<Database>, created: ImportResult['created']) => Promise<void>,
): Promise<ImportResult> {
  const toCreate = plan.rows.filter((row) => row.action === 'create');
  const toUpdate = plan.rows.filter((row) => row.action === 'update');
  return db.transaction().execute(async (trx) => {
    const created: ImportResult['created'] = [];
    for (let start = 0; start < toCreate.length; start += BATCH) {
      const batch = toCreate.slice(start, start + BATCH);
      const result = await sql<{ id: number; email: string; name: string; locale: Locale }>`
        insert into users (email, name, password_hash, role, locale, invited_at)
        select v.email, v.name, ${passwordHash}, v.role, v.locale, now()
          from unnest(${batch.map((r) => r.email)}::text[], ${batch.map((r) => r.final.name)}::text[],
                      ${batch.map((r) => r.final.role)}::text[], ${batch.map((r) => r.final.locale)}::text[])
            as v(email, name, role, locale)
        on conflict (email) do nothing
        returning id, email, name, locale`.execute(trx);
      created.push(...result.rows);
    }
    const changed = toUpdate.filter(
      (row) => row.changes.some((change) => change !== 'cohort') && row.userId !== undefined,
    );
    for (let start = 0; start < changed.length; start += BATCH) {
      const batch = changed.slice(start, start + BATCH);
      await sql`
        update users set name = v.name, role = v.role, locale = v.locale, updated_at = now()
          from unnest(${batch.map((r) => r.userId!)}::int[], ${batch.map((r) => r.final.name)}::text[],
                      ${batch.map((r) => r.final.role)}::text[], ${batch.map((r) => r.final.locale)}::text[])
            as v(id, name, role, locale)
         where users.id = v.id`.execute(trx);
    }
    // A role given by a file is as much a role change as one given on the list: each is logged.
    const roles = changed.filter((row) => row.changes.includes('role'));
    for (let start = 0; start < roles.length; start += BATCH) {
      await trx
        .insertInto('audit_log')
        .values(
          roles.slice(start, start + BATCH).map((row) => ({
            actor_id: actorId,
            action: 'users.role' satisfies AuditAction,
            subject_user_id: row.userId!,
            detail: JSON.stringify({
              role: row.final.role,
              subjectUserId: row.userId,
              import: true,
            }),
          })),
        )
        .execute();
    }

    await onCreated(trx, created);
    const idOf = new Map(created.map((user) => [user.email, user.id]));
    const byCohort = new Map<number, number[]>();
    for (const row of [...toCreate, ...toUpdate]) {
      const id = row.userId ?? idOf.get(row.email);
      if (!row.cohort || id === undefined) continue;
      if (row.action === 'update' && !row.changes.includes('cohort')) continue;
      byCohort.set(row.cohort.id, [...(byCohort.get(row.cohort.id) ?? []), id]);
    }
    for (const [cohortId, ids] of byCohort) await addMembers(trx, cohortId, ids);

    return {
      created,
      updated: toUpdate.length,
      unchanged: plan.counts.unchanged + (toCreate.length - created.length),
      skipped: plan.counts.skip,
      joined: [...byCohort.values()].reduce((sum, ids) => sum + ids.length, 0),
    };
  });
}

/** Where uploaded files wait between the preview and the confirmation, named by their SHA-256. */
export const importsDir = (dataDir: string) => join(dataDir, 'imports');
const HASH = /^[0-9a-f]{64}$/;
export const isImportHash = (value: string) => HASH.test(value);
/** A file not confirmed within a day is removed (it holds names and addresses). */
const KEEP_MS = 24 * 3600 * 1000;

/** Stores an uploaded file under its hash (once, however often it is uploaded); returns the hash. */
export async function storeImportFile(dataDir: string, bytes: Uint8Array): Promise<string> {
  const dir = importsDir(dataDir);
  await mkdir(dir, { recursive: true });
  const hash = createHash('sha256').update(bytes).digest('hex');
  await writeFile(join(dir, `${hash}.csv`), bytes);
  await pruneImportFiles(dir, hash);
  return hash;
}

export async function readImportFile(dataDir: string, hash: string): Promise<Buffer | undefined> {
  if (!isImportHash(hash)) return undefined;
  try {
    return await readFile(join(importsDir(dataDir), `${hash}.csv`));
  } catch {
    return undefined;
  }
}

async function pruneImportFiles(dir: string, keep: string): Promise<void> {
  const now = Date.now();
  for (const name of await readdir(dir)) {
    if (name === `${keep}.csv`) continue;
    const path = join(dir, name);
    const info = await stat(path).catch(() => undefined);
    if (info && now - info.mtimeMs > KEEP_MS) await rm(path, { force: true });
  }
}
