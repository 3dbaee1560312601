import type { QuizSettings } from '../db/database.js';
import type { PlayerItem } from '../learn/player.js';
import { quizVersion } from '../offline/receipts.js';

// A quiz only changes at sync, which changes the course's content hash: its version (a hash of
// its whole JSON) is worked out once per item and content hash, not on every form and submission.
const versions = new Map<number, { hash: string; version: string }>();

/** The version of the quiz a player page shows (see quizVersion). */
export function versionOf(item: Pick<PlayerItem, 'item_id' | 'content_hash' | 'quiz'>): string {
  const cached = versions.get(item.item_id);
  if (cached?.hash === item.content_hash) return cached.version;
  const version = quizVersion(item.quiz as QuizSettings);
  versions.set(item.item_id, { hash: item.content_hash, version });
  return version;
}
