import type { Listener } from '../db/connect.js';
import { SNAPSHOT_SECONDS } from './sessions.js';

const CHANNEL = 'lantern_sessions_ended';
/** NOTIFY payloads stop at 8000 bytes; a session id is 43 characters. */
const IDS_PER_MESSAGE = 150;

/**
 * Sessions ended within the last snapshot lifetime. A learner's signed snapshot vouches for a
 * session for a minute without asking the database; a session ended by logout or a password
 * change must stop at once everywhere, so every process keeps the recently ended ids, told by
 * PostgreSQL NOTIFY when another process ended them. While the listening connection is down a
 * message may be missed, so no snapshot is trusted then (every request reads the database).
 */
export class EndedSessions {
  private readonly ended = new Map<string, number>();
  private listener: Listener | undefined;

  constructor(
    private readonly notify?: (channel: string, payload: string) => Promise<void>,
    listen?: (channel: string, onMessage: (payload: string) => void) => Listener,
  ) {
    this.listener = listen?.(CHANNEL, (payload) => this.remember(payload.split(',')));
  }

  /** Whether a snapshot of this session may still be trusted without reading the database. */
  trusts(sessionId: string, now = Date.now()): boolean {
    if (this.listener && !this.listener.connected) return false;
    const until = this.ended.get(sessionId);
    return until === undefined || until < now;
  }

  /** Records ended sessions here and tells every other process. */
  async end(sessionIds: string[]): Promise<void> {
    if (sessionIds.length === 0) return;
    this.remember(sessionIds);
    if (!this.notify) return;
    for (let start = 0; start < sessionIds.length; start += IDS_PER_MESSAGE) {
      await this.notify(CHANNEL, sessionIds.slice(start, start + IDS_PER_MESSAGE).join(','));
    }
  }

  async close(): Promise<void> {
    await this.listener?.close();
  }

  private remember(ids: string[], now = Date.now()): void {
    const until = now + (SNAPSHOT_SECONDS + 5) * 1000;
    for (const id of ids) if (id) this.ended.set(id, until);
    // Forget what no snapshot can outlive any more.
    if (this.ended.size > 1000)
      for (const [id, expiry] of this.ended) if (expiry < now) this.ended.delete(id);
  }
}
