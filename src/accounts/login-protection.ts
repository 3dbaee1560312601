/**
 * Repeated wrong passwords for one address pause logging in with it, for longer each time, with
 * the same message whether or not the address has an account.
 *
 * Accounts count in their own row (`users.failed_logins`, `users.login_paused_until`): shared by
 * every process and kept across restarts. Addresses without an account count in memory, keyed by
 * a hash of the address (so no typed address is kept), and each process tells the others by
 * PostgreSQL NOTIFY, so an unknown address pauses after the same number of tries as a real one,
 * whichever process answers. Both paths cost the same: one UPDATE by address (which finds no row
 * for an unknown one), the memory and the notification after it, not awaited.
 */
import { createHash, randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Listener } from '../db/connect.js';
import type { Database, User } from '../db/database.js';
import { normaliseEmail } from './users.js';

/** Wrong passwords in a row before each pause. */
export const PAUSE_AFTER = 5;
/** The 1st, 2nd, 3rd pause... in minutes; the last one repeats. */
export const PAUSE_MINUTES = [1, 5, 15, 60] as const;

const CHANNEL = 'lantern_login_failures';
/** Unknown addresses remembered at most (least recently failed forgotten first). */
const MAX_UNKNOWN = 10_000;

/** The pause (minutes) that the `failures`-th wrong password in a row starts; 0 for none. */
export function pauseMinutes(failures: number): number {
  if (failures <= 0 || failures % PAUSE_AFTER !== 0) return 0;
  const step = Math.min(failures / PAUSE_AFTER, PAUSE_MINUTES.length);
  return PAUSE_MINUTES[step - 1] ?? 60;
}

type Tally = { failures: number; pausedUntil: number };

export type FailedLogin = {
  /** Set when this failure started a pause. */
  pausedUntil?: Date;
  failures: number;
  /** The account's id, when the address has one (for the audit log, never for the answer). */
  userId?: number;
};

export class LoginProtection {
  private readonly unknown = new Map<string, Tally>();
  private readonly listener: Listener | undefined;
  /** This process's name in the notifications, so it does not count its own twice. */
  private readonly origin = randomUUID();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly notify?: (channel: string, payload: string) => Promise<void>,
    listen?: (channel: string, onMessage: (payload: string) => void) => Listener,
    private readonly onError: (error: unknown) => void = () => {},
  ) {
    this.listener = listen?.(CHANNEL, (payload) => {
      const [origin, key, at] = payload.split(' ');
      if (origin && key && origin !== this.origin) this.count(key, Number(at) || Date.now());
    });
  }

  /** Until when logging in with this address is paused, if it is now. */
  pausedUntil(email: string, user: User | undefined, now = Date.now()): Date | undefined {
    if (user) {
      const until = user.login_paused_until;
      return until && new Date(until).getTime() > now ? new Date(until) : undefined;
    }
    const tally = this.unknown.get(keyOf(email));
    return tally && tally.pausedUntil > now ? new Date(tally.pausedUntil) : undefined;
  }

  /** Counts a wrong password (or a refused account) for this address. */
  async failed(email: string, now = Date.now()): Promise<FailedLogin> {
    const step = sql.raw(`(array[${PAUSE_MINUTES.join(',')}])`);
    const row = await this.db
      .updateTable('users')
      .set({
        failed_logins: sql<number>`failed_logins + 1`,
        login_paused_until: sql<Date | null>`case when (failed_logins + 1) % ${PAUSE_AFTER} = 0
          then ${new Date(now).toISOString()}::timestamptz + make_interval(mins => ${step}[least((failed_logins + 1) / ${PAUSE_AFTER}, ${PAUSE_MINUTES.length})])
          else login_paused_until end`,
      })
      .where('email', '=', normaliseEmail(email))
      .returning(['id', 'failed_logins', 'login_paused_until'])
      .executeTakeFirst();
    if (row) {
      const started = pauseMinutes(row.failed_logins) > 0 && row.login_paused_until;
      return {
        failures: row.failed_logins,
        userId: row.id,
        ...(started ? { pausedUntil: new Date(row.login_paused_until!) } : {}),
      };
    }
    const key = keyOf(email);
    const tally = this.count(key, now);
    if (this.notify)
      this.notify(CHANNEL, `${this.origin} ${key} ${now}`).catch((error: unknown) =>
        this.onError(error),
      );
    return {
      failures: tally.failures,
      ...(pauseMinutes(tally.failures) > 0 ? { pausedUntil: new Date(tally.pausedUntil) } : {}),
    };
  }

  /** A successful login starts the count again. */
  async succeeded(user: User): Promise<void> {
    if (user.failed_logins === 0 && user.login_paused_until === null) return;
    await clearFailedLogins(this.db, user.id);
  }

  async close(): Promise<void> {
    await this.listener?.close();
  }

  private count(key: string, now: number): Tally {
    const previous = this.unknown.get(key);
    const failures = (previous?.failures ?? 0) + 1;
    const minutes = pauseMinutes(failures);
    const tally = {
      failures,
      pausedUntil: minutes > 0 ? now + minutes * 60_000 : (previous?.pausedUntil ?? 0),
    };
    // Re-inserted, so the Map's order is least recently failed first.
    this.unknown.delete(key);
    this.unknown.set(key, tally);
    if (this.unknown.size > MAX_UNKNOWN) {
      const oldest = this.unknown.keys().next();
      if (!oldest.done) this.unknown.delete(oldest.value);
    }
    return tally;
  }
}

/** Forgets an account's wrong passwords and lifts its pause (a login or a password reset). */
export async function clearFailedLogins(
  db: Kysely<Database> | Transaction<Database>,
  userId: number,
): Promise<void> {
  await db
    .updateTable('users')
    .set({ failed_logins: 0, login_paused_until: null })
    .where('id', '=', userId)
    .execute();
}

const keyOf = (email: string) =>
  createHash('sha256').update(normaliseEmail(email)).digest('base64url');
