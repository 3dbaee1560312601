/**
 * Two Lantern processes behind one (imagined) load balancer: one PostgreSQL database, one S3
 * bucket, one SMTP server, and no disk in common. A session made on one node works on the other
 * (a page that needs it, and a CSRF-protected form); a package an admin imports on one is played
 * from the other's content origin; and queued email is delivered exactly once while both nodes
 * deliver at the same time, the periodic job claimed once per period, not once per node.
 * PostgreSQL only (TEST_DATABASE_URL): PGlite is one process's database.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/accounts/passwords.js';
import { createUser } from '../../src/accounts/users.js';
import { openDatabase, type DatabaseHandle } from '../../src/db/connect.js';
import { readPackageZip } from '../../src/scorm/package/index.js';
import {
  HttpBrowser,
  serverEntry,
  startServer,
  whenReady,
  type ServerProcess,
} from '../helpers/process.js';
import { startSmtpServer, type Inbox } from '../helpers/smtp.js';
import { buildGolf12 } from '../scorm/fixtures.js';
import { startS3, type TestS3 } from '../storage/s3-server.js';

const PASSWORD = 'a long enough passphrase';

/** Ports nobody listens on now, found by asking the system for them. */
async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<ReturnType<typeof createServer>>((resolve) => {
          const server = createServer();
          server.listen(0, '127.0.0.1', () => resolve(server));
        }),
    ),
  );
  const ports = servers.map((server) => (server.address() as { port: number }).port);
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
}

/** The same person's browser, its cookies carried to another node (as a load balancer would). */
function onNode(browser: HttpBrowser, origin: string): HttpBrowser {
  const moved = new HttpBrowser(origin);
  for (const [name, value] of browser.cookies) moved.cookies.set(name, value);
  moved.csrfToken = browser.csrfToken;
  return moved;
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 20_000) {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() - started > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe.runIf(existsSync(serverEntry) && process.env.TEST_DATABASE_URL)(
  'two nodes, one database, one object store',
  () => {
    const name = `lantern_two_nodes_${process.pid}`;
    const dirs: string[] = [];
    let s3: TestS3;
    let inbox: Inbox;
    let database: DatabaseHandle;
    let admin: { email: string };
    let learner: { email: string };
    const nodes: Array<ServerProcess & { app: string; content: string; dataDir: string }> = [];
    let adminPg: import('pg').Client;
    let appOrigin = '';

    beforeAll(async () => {
      const pg = (await import('pg')).default;
      adminPg = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await adminPg.connect();
      await adminPg.query(`drop database if exists ${name} with (force)`);
      await adminPg.query(`create database ${name}`);
      const url = new URL(process.env.TEST_DATABASE_URL!);
      url.pathname = `/${name}`;
      s3 = await startS3('lantern-nodes');
      inbox = await startSmtpServer();
      // What the load balancer publishes; each node listens on ports of its own behind it.
      const [publicApp, publicContent, ...ports] = await freePorts(6);
      appOrigin = `http://localhost:${publicApp}`;
      const shared = {
        DATABASE_URL: url.toString(),
        STORAGE_URL: s3.url,
        AWS_ACCESS_KEY_ID: 'S3RVER',
        AWS_SECRET_ACCESS_KEY: 'S3RVER',
        SESSION_SECRET: 'two-nodes-share-this-secret-0123456789',
        APP_ORIGIN: appOrigin,
        CONTENT_ORIGIN: `http://localhost:${publicContent}`,
        SMTP_URL: inbox.url,
        MAIL_FROM: 'Lantern <no-reply@lantern.test>',
        JOBS_TICK_MS: '100',
        REGISTER_RATE_LIMIT: '1000',
      };
      // One after the other, as a rolling start does: the first applies the migrations.
      for (const [index, port] of [ports[0]!, ports[2]!].entries()) {
        const dataDir = mkdtempSync(join(tmpdir(), `lantern-node-${index}-`));
        dirs.push(dataDir);
        const contentPort = index === 0 ? ports[1]! : ports[3]!;
        const server = startServer(port, {
          ...shared,
          PORT: String(port),
          CONTENT_PORT: String(contentPort),
          DATA_DIR: dataDir,
        });
        nodes.push({
          ...server,
          app: `http://127.0.0.1:${port}`,
          content: `http://127.0.0.1:${contentPort}`,
          dataDir,
        });
        await whenReady(server);
      }
      database = await openDatabase({
        databaseUrl: url.toString(),
        dataDir: dirs[0]!,
        databasePoolSize: 2,
      });
      const passwordHash = await hashPassword(PASSWORD);
      for (const [role, email] of [
        ['admin', 'ada@example.org'],
        ['learner', 'lena@example.org'],
      ] as const) {
        await createUser(database.db, {
          email,
          name: `Two-node ${role}`,
          passwordHash,
          role,
          locale: 'en',
          verified: true,
        });
      }
      admin = { email: 'ada@example.org' };
      learner = { email: 'lena@example.org' };
    }, 90_000);

    afterAll(async () => {
      for (const node of nodes) node.child.kill('SIGTERM');
      const codes = await Promise.all(nodes.map((node) => node.exited));
      await database?.close();
      await adminPg?.query(`drop database if exists ${name} with (force)`);
      await adminPg?.end();
      await inbox?.close();
      await s3?.close();
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
      expect(codes).toEqual(nodes.map(() => 0));
    }, 30_000);

    const [a, b] = [() => nodes[0]!, () => nodes[1]!];

    it('keeps a session made on one node on the other, forms included', async () => {
      const onA = new HttpBrowser(a().app);
      await onA.login(admin.email, PASSWORD);
      const account = await onA.request('/account');
      expect(account.status).toBe(200);

      const onB = onNode(onA, b().app);
      onB.cookies.delete('lantern_seen'); // the session itself, read from the database by B
      const page = await onB.request('/account');
      expect(page.status).toBe(200);
      expect(page.body).toContain('Two-node admin');
      // A CSRF-protected form, its token made by A's page, accepted by B…
      const saved = await onB.request('/account/profile', {
        form: {
          _csrf: account.body.match(/name="_csrf" value="([^"]+)"/)![1]!,
          name: 'Ada on B',
          locale: 'en',
        },
        headers: { origin: appOrigin },
      });
      expect(saved.status, saved.body.slice(0, 500)).toBe(303);
      // …and what B saved is what A shows.
      expect((await onNode(onB, a().app).request('/account')).body).toContain('Ada on B');
      // The token matters: without it B refuses the same form.
      const refused = await onB.request('/account/profile', {
        form: { _csrf: 'not-a-token', name: 'Forged', locale: 'en' },
      });
      expect(refused.status).toBe(403);
    });

    it('plays on one node a package an admin imported on the other, from the shared bucket', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'lantern-node-zip-'));
      dirs.push(dir);
      const zip = await buildGolf12(dir);
      const hash = createHash('sha256')
        .update(await readFile(zip))
        .digest('hex');

      // The admin uploads on A, as the import form does (multipart, CSRF field first).
      const onA = new HttpBrowser(a().app);
      await onA.login(admin.email, PASSWORD);
      await onA.request('/admin/scorm');
      const form = new FormData();
      form.append('_csrf', onA.csrfToken);
      form.append(
        'package',
        new Blob([await readFile(zip)], { type: 'application/zip' }),
        'golf.zip',
      );
      form.append('slug', 'golf');
      form.append('locale', 'en');
      const uploaded = await fetch(`${a().app}/admin/scorm`, {
        method: 'POST',
        body: form,
        headers: { cookie: [...onA.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
      });
      expect(uploaded.status).toBe(200);
      expect(await uploaded.text()).toContain('was imported as a new course');
      expect(await s3.keys()).toContain(`scorm/${hash}/shared/launchpage.html`);
      // Nothing of it on either node's disk.
      for (const node of nodes) expect(existsSync(join(node.dataDir, 'scorm', hash))).toBe(false);

      // The learner signs in, enrols and launches on B.
      const onB = new HttpBrowser(b().app);
      await onB.login(learner.email, PASSWORD);
      await onB.request('/courses/golf');
      expect((await onB.request('/courses/golf/enrol', { form: {} })).status).toBe(303);
      const player = await onB.request('/courses/golf/scos/item_1');
      expect(player.status).toBe(200);
      const wrapperUrl = new URL(
        /<iframe id="sco-frame"[^>]*\sdata-src="([^"]+)"/
          .exec(player.body)![1]!
          .replace(/&amp;/g, '&'),
      );
      const launchJson = JSON.parse(
        /<script type="application\/json" id="scorm-launch">([\s\S]*?)<\/script>/.exec(
          player.body,
        )![1]!,
      ) as { commitUrl: string };

      // B's content origin: the wrapper sets the launch cookie, then serves the file from the bucket.
      const content = new HttpBrowser(b().content);
      expect((await content.request(wrapperUrl.pathname)).status).toBe(200);
      const unpacked = join(dir, 'unpacked');
      await readPackageZip(zip, unpacked);
      const expected = await readFile(join(unpacked, 'shared/scormfunctions.js'), 'utf8');
      const file = await content.request(`/p/${hash}/shared/launchpage.html`);
      expect(file.status).toBe(200);
      expect(file.body).toBe(await readFile(join(unpacked, 'shared/launchpage.html'), 'utf8'));
      expect(file.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
      const range = await content.request(`/p/${hash}/shared/scormfunctions.js`, {
        headers: { range: 'bytes=0-49' },
      });
      expect(range.status).toBe(206);
      expect(range.body).toBe(expected.slice(0, 50));
      // Without the launch's cookie, nothing.
      expect((await fetch(`${b().content}/p/${hash}/shared/launchpage.html`)).status).toBe(403);

      // The SCO reports completion to B; A sees the course completed.
      const commit = await fetch(new URL(launchJson.commitUrl, b().app), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          seq: 1,
          final: true,
          cmi: {
            core: { lesson_status: 'completed', exit: '', total_time: '00:01:00' },
            suspend_data: '',
          },
        }),
      });
      expect(commit.status).toBeLessThan(300);
      const onA2 = onNode(onB, a().app);
      const learning = await onA2.request('/my-learning');
      expect(learning.status).toBe(200);
      const enrolment = await database.db
        .selectFrom('enrolments as e')
        .innerJoin('courses as c', 'c.id', 'e.course_id')
        .innerJoin('users as u', 'u.id', 'e.user_id')
        .select(['e.status'])
        .where('c.slug', '=', 'golf')
        .where('u.email', '=', learner.email)
        .executeTakeFirstOrThrow();
      expect(enrolment.status).toBe('completed');
    });

    it('delivers queued email exactly once while both nodes deliver, and claims the job once per period', async () => {
      const before = inbox.messages.length;
      // Thirty messages already queued, then both nodes start delivering at the same moment
      // (a password-reset request on each kicks its own delivery; the job ticks every 100 ms).
      await database.db
        .insertInto('outbox')
        .values(
          Array.from({ length: 30 }, (_, n) => ({
            user_id: null,
            to_address: `queued-${n}@example.org`,
            kind: 'password_reset',
            subject: `Queued message ${n}`,
            text_body: `Message ${n}`,
            html_body: `<p>Message ${n}</p>`,
          })),
        )
        .execute();
      const asks = await Promise.all(
        [
          [a(), admin.email],
          [b(), learner.email],
        ].map(async ([node, email]) => {
          const browser = new HttpBrowser((node as (typeof nodes)[number]).app);
          await browser.request('/password/forgot');
          return browser.request('/password/forgot', { form: { email: email as string } });
        }),
      );
      expect(asks.map((ask) => ask.status)).toEqual([200, 200]);
      await until('every message sent', async () => {
        const left = await database.db
          .selectFrom('outbox')
          .select(sql<number>`count(*)::int`.as('n'))
          .where('sent_at', 'is', null)
          .executeTakeFirstOrThrow();
        return left.n === 0 ? true : undefined;
      });
      // Room for a late duplicate to arrive, had a message been claimed twice.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const received = inbox.messages.slice(before).map((mail) => mail.subject ?? '');
      const queued = received.filter((subject) => subject.startsWith('Queued message'));
      expect(queued).toHaveLength(30);
      expect(new Set(queued).size).toBe(30);
      expect(received).toHaveLength(32);

      // Each node looks for due jobs ten times a second. Made due now, the outbox job is claimed
      // by one of them for its 15-second period, and its last run stays put while both go on looking.
      const job = () =>
        database.db
          .selectFrom('jobs')
          .select(['last_run_at', 'next_run_at'])
          .where('name', '=', 'mail-outbox')
          .executeTakeFirstOrThrow();
      await database.db
        .updateTable('jobs')
        .set({ next_run_at: sql<Date>`now()` })
        .where('name', '=', 'mail-outbox')
        .execute();
      const claimed = await until('the job claimed again', async () => {
        const row = await job();
        return row.next_run_at.getTime() > Date.now() ? row : undefined;
      });
      expect(claimed.next_run_at.getTime() - claimed.last_run_at!.getTime()).toBe(15_000);
      await new Promise((resolve) => setTimeout(resolve, 2000));
      expect((await job()).last_run_at).toEqual(claimed.last_run_at);
    }, 60_000);
  },
);
