import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { hashPassword } from '../../src/accounts/passwords.js';
import { createUser } from '../../src/accounts/users.js';
import { loadConfig, type Config } from '../../src/config.js';
import type { DatabaseHandle } from '../../src/db/connect.js';
import type { Locale, Role, User } from '../../src/db/database.js';
import { syncCourses } from '../../src/content/sync.js';
import { TestBrowser } from './client.js';
import { fixtureCoursesDir } from './courses.js';
import { openTestDatabase } from './database.js';

export type TestContext = {
  app: FastifyInstance;
  database: DatabaseHandle;
  config: Config;
  close(): Promise<void>;
};

export function testConfig(overrides: Partial<Config> = {}): Config {
  const dataDir = mkdtempSync(join(tmpdir(), 'lantern-test-'));
  const base = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    SESSION_SECRET: 'test-secret-test-secret-test-secret-0123',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
  });
  return { ...base, rateLimits: { ...base.rateLimits, login: 1000, register: 1000 }, ...overrides };
}

/** The app on its own fresh database (with the fixture courses synced); call close() in afterAll. */
export async function createTestApp(
  overrides: Partial<Config> = {},
  /** Runs before the app is ready: a test may add a route of its own. */
  beforeReady?: (app: FastifyInstance) => void,
): Promise<TestContext> {
  const config = testConfig({ coursesDir: fixtureCoursesDir, ...overrides });
  const database = await openTestDatabase();
  await syncCourses(database.db, config.coursesDir);
  const app = await buildApp({ config, database, closeDatabase: false });
  beforeReady?.(app);
  await app.ready();
  return {
    app,
    database,
    config,
    async close() {
      await app.close();
      await database.close();
      rmSync(config.dataDir, { recursive: true, force: true });
    },
  };
}

let counter = 0;
export const TEST_PASSWORD = 'correct horse battery staple';

export type NewTestUser = {
  name?: string;
  email?: string;
  locale?: Locale;
  /** A confirmed address (certificates are issued to confirmed addresses only). */
  verified?: boolean;
};

/** Inserts a user directly (registration is tested on its own). */
export async function makeUser(
  ctx: TestContext,
  role: Role = 'learner',
  extra: NewTestUser = {},
): Promise<User> {
  counter += 1;
  const user = await createUser(ctx.database.db, {
    email: extra.email ?? `${role}${counter}-${process.pid}@example.org`,
    name: extra.name ?? `Test ${role} ${counter}`,
    passwordHash: await hashPassword(TEST_PASSWORD),
    role,
    locale: extra.locale ?? 'en',
    verified: extra.verified ?? false,
  });
  if (!user) throw new Error('makeUser: email already taken');
  return user;
}

/** A new user (see makeUser), signed in on a browser of their own. */
export async function signIn(
  ctx: TestContext,
  role: Role = 'learner',
  extra: NewTestUser = {},
): Promise<{ user: User; browser: TestBrowser }> {
  const user = await makeUser(ctx, role, extra);
  const browser = new TestBrowser(ctx.app);
  await browser.login(user.email, TEST_PASSWORD);
  return { user, browser };
}

/** A synced course's id, by its slug. */
export async function courseIdOf(ctx: TestContext, slug = 'example-course'): Promise<number> {
  const course = await ctx.database.db
    .selectFrom('courses')
    .select('id')
    .where('slug', '=', slug)
    .executeTakeFirstOrThrow();
  return course.id;
}
