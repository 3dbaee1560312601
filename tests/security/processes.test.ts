// The real server process: one process per embedded database, and no acknowledged SCORM commit
// lost when the process is killed outright (kill -9) in the middle of a stream of commits.
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/connect.js';
import { openTestDatabase } from '../helpers/database.js';
import {
  fixtureCourses,
  HttpBrowser,
  runCli,
  serverEntry,
  startServer,
  whenReady,
} from '../helpers/process.js';
import { buildGolf12 } from '../scorm/fixtures.js';

const dirs: string[] = [];
const tempDir = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});
/** The SCORM packages stored in a data directory (one folder per zip hash). */
const storedPackages = (dataDir: string) => {
  const root = join(dataDir, 'scorm');
  return existsSync(root) ? readdirSync(root).filter((name) => /^[0-9a-f]{64}$/.test(name)) : [];
};

describe.runIf(existsSync(serverEntry))('one process per embedded database', () => {
  it('refuses a second server and every writing CLI command on a data directory in use, naming the folder and the process', async () => {
    const dataDir = tempDir('lantern-lock-');
    const zip = await buildGolf12(tempDir('lantern-lock-zip-'));
    // A course folder with one more course than the server loaded, for courses:sync to add.
    const changedCourses = tempDir('lantern-lock-courses-');
    cpSync(fixtureCourses, changedCourses, { recursive: true });
    const copy = join(changedCourses, 'lock-test-copy');
    cpSync(join(fixtureCourses, 'example-course'), copy, { recursive: true });
    const yaml = join(copy, 'course.yaml');
    writeFileSync(
      yaml,
      readFileSync(yaml, 'utf8').replace('slug: example-course', 'slug: lock-test-copy'),
    );
    const first = startServer(3411, { DATA_DIR: dataDir });
    try {
      await whenReady(first);
      const second = startServer(3413, { DATA_DIR: dataDir });
      expect(await second.exited).toBe(1);
      expect(second.output()).toContain(dataDir);
      expect(second.output()).toContain(`PID ${first.child.pid}`);

      const cli = runCli(
        ['user:create', '--email', 'beside@example.org', '--name', 'Beside', '--role', 'learner'],
        { DATA_DIR: dataDir },
        'a long enough passphrase\n',
      );
      expect(cli.status).toBe(1);
      expect(cli.output).toContain('in use by another Lantern process');
      expect(cli.output).toContain(`PID ${first.child.pid}`);
      expect(cli.output).toContain('user:create did not run and changed nothing');
      expect(cli.output).not.toContain('Created');

      // Every command that writes is refused the same way, with what to do instead.
      const imported = runCli(['scorm:import', zip, '--slug', 'beside-golf'], {
        DATA_DIR: dataDir,
      });
      expect(imported.status).toBe(1);
      expect(imported.output).toContain('scorm:import did not run and changed nothing');
      expect(imported.output).toContain(dataDir);
      expect(imported.output).toContain(`PID ${first.child.pid}`);
      expect(imported.output).toContain('/admin/scorm');
      expect(imported.output).not.toMatch(/imported as|Course: \/courses/);
      expect(storedPackages(dataDir)).toEqual([]);

      const synced = runCli(['courses:sync'], { DATA_DIR: dataDir, COURSES_DIR: changedCourses });
      expect(synced.status).toBe(1);
      expect(synced.output).toContain('courses:sync did not run and changed nothing');
      expect(synced.output).toContain(`PID ${first.child.pid}`);
      expect(synced.output).toContain('restarting it syncs your changes');
      expect(synced.output).not.toContain('Courses added');
    } finally {
      first.child.kill('SIGTERM');
      expect(await first.exited).toBe(0);
    }
    // Nothing the refused commands were asked for is there.
    let database = await openDatabase({ databaseUrl: undefined, dataDir, databasePoolSize: 1 });
    try {
      expect(
        await database.db
          .selectFrom('courses')
          .select('slug')
          .where('slug', 'in', ['beside-golf', 'lock-test-copy'])
          .execute(),
      ).toEqual([]);
    } finally {
      await database.close();
    }

    // Once the server has stopped, the same commands work, and what they wrote is there at the next start.
    expect(
      runCli(
        ['user:create', '--email', 'after@example.org', '--name', 'After', '--role', 'learner'],
        { DATA_DIR: dataDir },
        'a long enough passphrase\n',
      ).status,
    ).toBe(0);
    const imported = runCli(['scorm:import', zip, '--slug', 'after-golf'], { DATA_DIR: dataDir });
    expect(imported.status, imported.output).toBe(0);
    expect(imported.output).toContain('imported as a new course');
    expect(storedPackages(dataDir)).toHaveLength(1);
    const synced = runCli(['courses:sync'], { DATA_DIR: dataDir, COURSES_DIR: changedCourses });
    expect(synced.status, synced.output).toBe(0);
    expect(synced.output).toContain('lock-test-copy');
    database = await openDatabase({ databaseUrl: undefined, dataDir, databasePoolSize: 1 });
    try {
      expect(
        await database.db
          .selectFrom('users')
          .select('email')
          .where('email', 'in', ['beside@example.org', 'after@example.org'])
          .execute(),
      ).toEqual([{ email: 'after@example.org' }]);
      expect(
        (
          await database.db
            .selectFrom('courses')
            .select('slug')
            .where('slug', 'in', ['beside-golf', 'after-golf', 'lock-test-copy'])
            .orderBy('slug')
            .execute()
        ).map((row) => row.slug),
      ).toEqual(['after-golf', 'lock-test-copy']);
    } finally {
      await database.close();
    }
  }, 90_000);

  it('takes over the directory of a process that was killed', async () => {
    const dataDir = tempDir('lantern-stale-');
    const killed = startServer(3415, { DATA_DIR: dataDir });
    await whenReady(killed);
    killed.child.kill('SIGKILL');
    await killed.exited;
    const next = startServer(3415, { DATA_DIR: dataDir });
    try {
      await whenReady(next);
    } finally {
      next.child.kill('SIGTERM');
      await next.exited;
    }
  }, 90_000);
});

describe.runIf(existsSync(serverEntry))('kill -9 under a stream of SCORM commits', () => {
  it('keeps every acknowledged commit and the course progress it implies', async () => {
    const dataDir = tempDir('lantern-kill-');
    const pg = process.env.TEST_DATABASE_URL ? await openTestDatabase() : undefined;
    const env: Record<string, string> = {
      DATA_DIR: dataDir,
      DATABASE_URL: pg?.url ?? '',
      SCORM_COMMIT_RATE_LIMIT: '100000',
      SCORM_COMMIT_ADDRESS_RATE_LIMIT: '100000',
    };
    try {
      const zip = await buildGolf12(dataDir);
      expect(runCli(['scorm:import', zip, '--slug', 'golf'], env).status).toBe(0);
      expect(
        runCli(
          [
            'user:create',
            '--email',
            'killed@example.org',
            '--name',
            'Kim Killed',
            '--role',
            'learner',
          ],
          env,
          'a long enough passphrase\n',
        ).status,
      ).toBe(0);

      const server = startServer(3417, env);
      await whenReady(server);
      const browser = new HttpBrowser('http://localhost:3417');
      await browser.login('killed@example.org', 'a long enough passphrase');
      await browser.request('/courses/golf');
      expect((await browser.request('/courses/golf/enrol', { form: {} })).status).toBe(303);
      const page = await browser.request('/courses/golf/scos/item_1');
      const launch = JSON.parse(
        /<script type="application\/json" id="scorm-launch">([\s\S]*?)<\/script>/.exec(
          page.body,
        )![1]!,
      ) as { commitUrl: string; seqBase: number };

      // Four commits in flight at a time; from the 40th on, the SCO reports it is completed.
      const acknowledged: number[] = [];
      let next = 1;
      let killed = false;
      const commit = (n: number) => ({
        seq: launch.seqBase + n,
        cmi: {
          suspend_data: `page-${n}`,
          launch_data: '',
          core: {
            lesson_status: n >= 40 ? 'completed' : 'incomplete',
            lesson_location: `p${n}`,
            exit: '',
            session_time: '00:00:01',
            score: { raw: '', min: '', max: '' },
          },
        },
      });
      const sender = async () => {
        // oxlint-disable-next-line no-unmodified-loop-condition -- set by the test once the server is killed
        while (!killed) {
          const n = next++;
          try {
            const response = await fetch(`http://localhost:3417${launch.commitUrl}`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', origin: 'http://localhost:3417' },
              body: JSON.stringify(commit(n)),
            });
            if (response.ok && (await response.json()).result === true) acknowledged.push(n);
          } catch {
            return;
          }
        }
      };
      const senders = Promise.all([sender(), sender(), sender(), sender()]);
      while (acknowledged.length < 80) await new Promise((resolve) => setTimeout(resolve, 5));
      server.child.kill('SIGKILL');
      killed = true;
      await server.exited;
      await senders;
      const lastAcknowledged = Math.max(...acknowledged);

      // Restarted after the kill, the server says the course is completed (the SCO was, in an acknowledged commit).
      const restarted = startServer(3417, env);
      await whenReady(restarted);
      const again = new HttpBrowser('http://localhost:3417');
      await again.login('killed@example.org', 'a long enough passphrase');
      expect((await again.request('/my-learning')).body).toContain('class="status done"');
      restarted.child.kill('SIGTERM');
      await restarted.exited;

      const database =
        pg ?? (await openDatabase({ databaseUrl: undefined, dataDir, databasePoolSize: 1 }));
      try {
        const attempt = await database.db
          .selectFrom('scorm_attempts')
          .select(['seq', 'cmi'])
          .where('number', '=', 1)
          .executeTakeFirstOrThrow();
        expect(Number(attempt.seq) - launch.seqBase).toBeGreaterThanOrEqual(lastAcknowledged);
        // The stored state is the one its seq says (never a mix of two commits).
        expect((attempt.cmi as { cmi: { suspend_data: string } }).cmi.suspend_data).toBe(
          `page-${Number(attempt.seq) - launch.seqBase}`,
        );
        const enrolment = await database.db
          .selectFrom('enrolments')
          .select(['status', 'progress_percent'])
          .executeTakeFirstOrThrow();
        expect(enrolment).toEqual({ status: 'completed', progress_percent: 100 });
      } finally {
        if (!pg) await database.close();
      }
    } finally {
      await pg?.close();
    }
  }, 120_000);
});
