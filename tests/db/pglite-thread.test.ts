import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/db/connect.js';
import { migrateToLatest } from '../../src/db/migrate.js';

// The server's embedded database runs in a thread of its own (built to dist/ by `npm test`).
// Here it is driven through Kysely as the app drives it: what crosses the thread must come back
// as it would from PGlite in the same thread.
const dataDir = mkdtempSync(join(tmpdir(), 'lantern-pglite-thread-'));
const open = () =>
  openDatabase({ databaseUrl: undefined, dataDir, databasePoolSize: 1, pgliteThread: true });
let handle: DatabaseHandle | undefined;
afterAll(async () => {
  await handle?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the embedded database in its own thread', () => {
  it('migrates, and returns rows with their types (numbers, dates, text dates, JSON, bytes)', async () => {
    handle = await open();
    expect(await migrateToLatest(handle.db)).not.toHaveLength(0);
    const { rows } = await sql<{
      n: number;
      at: Date;
      day: string;
      doc: { a: number[] };
      bytes: Uint8Array;
    }>`select count(*) as n, timestamptz '2026-12-07 10:00:00+00' as at, date '2026-12-07' as day,
        ${JSON.stringify({ a: [1, 2] })}::jsonb as doc, ${new Uint8Array([1, 2, 255])}::bytea as bytes
        from users`.execute(handle.db);
    expect(rows[0]).toEqual({
      n: 0,
      at: new Date('2026-12-07T10:00:00Z'),
      day: '2026-12-07',
      doc: { a: [1, 2] },
      bytes: new Uint8Array([1, 2, 255]),
    });
  });

  it('commits a transaction, rolls back a failed one, and keeps the error code code reads', async () => {
    const db = handle!.db;
    const user = {
      email: 'thread@example.org',
      name: 'Thread',
      password_hash: 'x',
      role: 'learner' as const,
      locale: 'en' as const,
    };
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('users').values(user).execute();
    });
    const failed = await db
      .transaction()
      .execute(async (trx) => {
        await trx
          .insertInto('users')
          .values({ ...user, email: 'second@example.org' })
          .execute();
        await trx.insertInto('users').values(user).execute(); // the same address again
      })
      .catch((error: unknown) => error as { code?: string; constraint?: string });
    expect(failed).toMatchObject({ code: '23505' });
    const emails = await db.selectFrom('users').select('email').orderBy('email').execute();
    expect(emails.map((row) => row.email)).toEqual(['thread@example.org']);
  });

  it('serves queries from outside a transaction while one is open, after it ends', async () => {
    const db = handle!.db;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const transaction = db.transaction().execute(async (trx) => {
      await trx.updateTable('users').set({ name: 'Inside' }).execute();
      await held;
    });
    const outside = db.selectFrom('users').select('name').executeTakeFirstOrThrow();
    setTimeout(release, 50);
    await transaction;
    expect((await outside).name).toBe('Inside');
  });

  it('closes cleanly: the data is there when the directory is opened again', async () => {
    await handle!.close();
    handle = await open();
    const row = await handle.db.selectFrom('users').select('name').executeTakeFirstOrThrow();
    expect(row.name).toBe('Inside');
  });
});
