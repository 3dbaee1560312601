/**
 * Importing people from a CSV file (read by user-import-csv.ts): plan what each row will do
 * against the database (create, update, unchanged, skip), then apply the plan in a few set-based
 * statements. Planning writes nothing; applying twice changes nothing the second time.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { recordAudits } from '../audit/record.js';
import { addMembers, checkJoinCode } from '../cohorts/queries.js';
import type { Database, Locale, Role } from '../db/database.js';
import type {
  ImportColumn,
  ImportProblem,
  ImportRow,
  ParsedImport,
  ProblemCode,
} from './user-import-csv.js';

/** Rows per INSERT or UPDATE statement. */
const BATCH = 500;

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
    await recordAudits(
      trx,
      changed
        .filter((row) => row.changes.includes('role'))
        .map((row) => ({
          actorId,
          action: 'users.role',
          subjectUserId: row.userId!,
          detail: { role: row.final.role, import: true },
        })),
    );

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
