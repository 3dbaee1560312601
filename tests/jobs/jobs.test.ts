import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { claimJob, runDueJobs } from '../../src/jobs/index.js';
import { createTestApp, type TestContext } from '../helpers/app.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(async () => ctx.close());

describe('jobs that must run once', () => {
  it('are claimed by one caller per interval, however many look at once', async () => {
    const claims = await Promise.all(
      Array.from({ length: 5 }, () => claimJob(ctx.database.db, 'once-test', 60_000)),
    );
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await claimJob(ctx.database.db, 'once-test', 60_000)).toBe(false);
  });

  it('prunes expired sessions (the job the accounts register)', async () => {
    const user = await ctx.database.db
      .insertInto('users')
      .values({
        email: 'prune@example.org',
        name: 'P',
        password_hash: 'x',
        role: 'learner',
        locale: 'en',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await ctx.database.db
      .insertInto('sessions')
      .values([
        { id: 'expired-session', user_id: user.id, expires_at: new Date(Date.now() - 1000) },
        { id: 'live-session', user_id: user.id, expires_at: new Date(Date.now() + 3600_000) },
      ])
      .execute();
    const ran: string[] = [];
    const { deleteExpiredSessions } = await import('../../src/accounts/sessions.js');
    await runDueJobs(
      ctx.database.db,
      [
        {
          name: 'prune-test',
          everyMs: 3600_000,
          run: async () => {
            ran.push('prune');
            await deleteExpiredSessions(ctx.database.db);
          },
        },
      ],
      ctx.app.log,
    );
    await runDueJobs(
      ctx.database.db,
      [{ name: 'prune-test', everyMs: 3600_000, run: async () => void ran.push('again') }],
      ctx.app.log,
    );
    expect(ran).toEqual(['prune']);
    const left = await sql<{
      id: string;
    }>`select id from sessions where user_id = ${user.id} order by id`.execute(ctx.database.db);
    expect(left.rows.map((row) => row.id)).toEqual(['live-session']);
  });
});
