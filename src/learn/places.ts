import type { FastifyBaseLogger } from 'fastify';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { recordStepAt } from './time-spent.js';

/** A learner opening an item of a course: "where I stopped", and time spent since the last step. */
export type Move = {
  userId: number;
  courseId: number;
  itemId: number;
  /** Where the database last had the learner, as read with the page. */
  lastItemId: number | null;
  at?: Date;
};
type PendingMove = Required<Omit<Move, 'lastItemId'>> & { tries: number };

/** How long a move waits for others to share its write; also the most a crash of the process loses. */
const PLACES_FLUSH_MS = 100;
/** A batch this big is written at once. */
const BATCH_LIMIT = 500;
/** A batch refused this many times is dropped (logged): only "where I stopped" is at stake. */
const MAX_TRIES = 3;

/**
 * "Where I stopped" and the time-spent estimate, written a moment after the page was served, in
 * one statement for every learner who moved meanwhile. Written with the page, it was a write
 * transaction per page view: half of PostgreSQL's work for a lesson page (`npm run bench`).
 *
 * What a learner reads of their own place (the course page, "Continue", My learning) is read
 * after `settle`, so this process's moves are always in it; another process's moves reach the
 * database within PLACES_FLUSH_MS. The same learner's moves keep their order across processes:
 * a move older than the one stored is ignored. A batch the database refuses (it is down, or two
 * processes' batches deadlocked) is tried again with the next one.
 */
export class LearnerPlaces {
  /** Moves not yet handed to a write, by learner and course. */
  readonly #pending = new Map<string, PendingMove>();
  /** Moves handed to a write that has not finished: what the database will soon say. */
  readonly #queued = new Map<string, PendingMove>();
  #written: Promise<void> = Promise.resolve();
  #timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly log: FastifyBaseLogger,
  ) {}

  /** Records a move, unless the learner is already there (rereading a page writes nothing). */
  record(move: Move): void {
    const key = `${move.userId}:${move.courseId}`;
    const known = this.#pending.get(key) ?? this.#queued.get(key);
    if ((known ? known.itemId : move.lastItemId) === move.itemId) return;
    const { userId, courseId, itemId, at = new Date() } = move;
    this.#pending.set(key, { userId, courseId, itemId, at, tries: 0 });
    if (this.#pending.size >= BATCH_LIMIT) void this.flush();
    else this.#timer ??= setTimeout(() => void this.flush(), PLACES_FLUSH_MS).unref();
  }

  /** Resolves once this learner's moves so far are in the database. */
  async settle(userId: number): Promise<void> {
    const waiting = [...this.#pending.values(), ...this.#queued.values()].some(
      (move) => move.userId === userId,
    );
    if (waiting) await this.flush();
  }

  /** Writes every move waiting; resolves when they are written (or given up). */
  flush(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#pending.size > 0) {
      const batch = [...this.#pending];
      for (const [key, move] of batch) this.#queued.set(key, move);
      this.#pending.clear();
      this.#written = this.#written.then(() => this.#write(batch));
    }
    return this.#written;
  }

  async #write(batch: Array<[string, PendingMove]>): Promise<void> {
    const moves = batch.map(([, move]) => move);
    try {
      await writeMoves(this.db, moves);
    } catch (error) {
      const retried = moves.filter((move) => move.tries + 1 < MAX_TRIES);
      this.log.warn(
        { err: error, moves: moves.length, dropped: moves.length - retried.length },
        'could not record where learners stopped; trying again',
      );
      for (const [key, move] of batch)
        if (move.tries + 1 < MAX_TRIES && !this.#pending.has(key))
          this.#pending.set(key, { ...move, tries: move.tries + 1 });
      if (this.#pending.size > 0)
        this.#timer ??= setTimeout(() => void this.flush(), PLACES_FLUSH_MS).unref();
    } finally {
      for (const [key, move] of batch) if (this.#queued.get(key) === move) this.#queued.delete(key);
    }
  }
}

/**
 * One statement for a batch of moves, each adding its time since the learner's previous step
 * (time-spent.ts). Its commit does not wait for the WAL to reach the disk: a database crash may
 * forget the last fraction of a second of moves, nothing else.
 */
async function writeMoves(db: Kysely<Database>, moves: PendingMove[]): Promise<void> {
  await sql`
    update enrolments e
       set last_item_id = v.item_id,
           last_moved_at = v.at,
           ${sql.raw(recordStepAt('v.at'))}
      from unnest(${moves.map((move) => move.userId)}::int[], ${moves.map((move) => move.courseId)}::int[],
                  ${moves.map((move) => move.itemId)}::int[], ${moves.map((move) => move.at.toISOString())}::timestamptz[])
           as v(user_id, course_id, item_id, at)
     where e.user_id = v.user_id and e.course_id = v.course_id and e.status <> 'withdrawn'
       and (e.last_moved_at is null or e.last_moved_at <= v.at)
       -- An item removed meanwhile is no place to return to (and would fail the whole batch).
       and exists (select 1 from course_items i where i.id = v.item_id)
       and (select set_config('synchronous_commit', 'off', true)) = 'off'`.execute(db);
}
