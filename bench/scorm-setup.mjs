// The SCORM commit scenario of `npm run bench`: a one-SCO SCORM 1.2 package imported with the
// CLI, an attempt for each benchmark learner, and commit requests that each carry a higher seq
// than the last, as scorm-again sends them. lost() checks afterwards that none was lost: every
// attempt holds at least the newest state the server acknowledged for it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signToken } from '../dist/src/web/signed-token.js';
import { writeScormZip } from './scorm-zip.mjs';

export async function prepareScormCommits(db, env, userIds) {
  const zip = await writeScormZip(
    join(mkdtempSync(join(tmpdir(), 'lantern-bench-scorm-')), 'bench.zip'),
    {
      identifier: 'lantern.bench.scorm12',
      title: 'Benchmark SCO',
      page: '<!doctype html><title>Benchmark SCO</title><p>Benchmark.</p>',
    },
  );
  const imported = spawnSync(
    process.execPath,
    ['dist/src/cli.js', 'scorm:import', zip, '--slug', 'bench-scorm'],
    { env, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  if (imported.status !== 0) throw new Error('scorm:import failed');
  const {
    rows: [course],
  } = await db.query(
    `select c.id, s.package_id, i.id as item_id from courses c join scorm_courses s on s.course_id = c.id join course_items i on i.course_id = c.id and i.kind = 'sco' and i.removed_at is null where c.slug = 'bench-scorm'`,
  );
  const attempts = [];
  for (const userId of userIds) {
    await db.query(
      `insert into enrolments (user_id, course_id) values ($1, $2) on conflict do nothing`,
      [userId, course.id],
    );
    const {
      rows: [attempt],
    } = await db.query(
      `insert into scorm_attempts (user_id, course_id, item_id, package_id, number, launches, seq) values ($1, $2, $3, $4, 1, 1, 0)
       on conflict (user_id, item_id, number) do update set launches = scorm_attempts.launches + 1 returning id, launches`,
      [userId, course.id, course.item_id, course.package_id],
    );
    attempts.push({
      id: attempt.id,
      url: `/scorm/commit/${signToken(env.SESSION_SECRET, 'scorm-commit', { a: attempt.id, u: userId, v: 'scorm12' }, 3600)}`,
      base: attempt.launches * 1_000_000,
      maxAcknowledged: 0,
    });
  }
  // A global counter keeps every seq unique, so an answer (which echoes its seq) names its attempt.
  let counter = 0;
  const bySeq = new Map();
  return {
    next() {
      const attempt = attempts[counter % attempts.length];
      const seq = attempt.base + ++counter;
      bySeq.set(seq, attempt);
      const cmi = {
        core: {
          lesson_status: 'incomplete',
          lesson_location: `slide-${seq % 40}`,
          score: { raw: '', min: '', max: '' },
          total_time: '00:03:10',
          session_time: '00:00:20',
          exit: 'suspend',
        },
        suspend_data: `{"visited":[1,2,3],"slide":${seq % 40}}`,
        launch_data: '',
        comments: '',
      };
      return {
        method: 'POST',
        path: attempt.url,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ seq, cmi }),
      };
    },
    /** Counts an acknowledged commit (autocannon's onResponse). */
    acknowledged(status, body) {
      if (status !== 200) return;
      const seq = Number(JSON.parse(body).seq);
      const attempt = bySeq.get(seq);
      if (attempt && seq > attempt.maxAcknowledged) attempt.maxAcknowledged = seq;
    },
    /** Attempts holding an older state than a commit the server acknowledged (must be none). */
    async lost() {
      const { rows } = await db.query(
        `select id, seq::bigint as seq from scorm_attempts where id = any($1)`,
        [attempts.map((a) => a.id)],
      );
      const stored = new Map(rows.map((row) => [row.id, Number(row.seq)]));
      return attempts.filter((a) => (stored.get(a.id) ?? 0) < a.maxAcknowledged).length;
    },
  };
}
