/**
 * The signed token in a commit URL: which attempt of whom, in which SCORM version, under which of the
 * manifest's rules. The player page
 * signs it at launch and the commit endpoint trusts nothing else (see commit-routes.ts).
 */
import type { Config } from '../config.js';
import { signToken, verifyToken } from '../web/signed-token.js';
import type { ScormVersion } from './runtime/commit.js';
import type { ScoRules } from './runtime/lms-rules.js';

/** Attempt, user, version, and the manifest's status rules for the SCO (none to look up per commit). */
export type CommitToken = { a: number; u: number; v: ScormVersion; r?: ScoRules };

const PURPOSE = 'scorm-commit';
/** Long enough for a whole day's sitting; a launch after that gets a new one. */
const COMMIT_TOKEN_SECONDS = 24 * 3600;

export function signCommitToken(config: Config, token: CommitToken): string {
  return signToken(config.sessionSecret, PURPOSE, token, COMMIT_TOKEN_SECONDS);
}

/** `now`: an earlier time accepts older tokens (an offline replay, checked otherwise too). */
export function verifyCommitToken(
  config: Config,
  token: string,
  now = Date.now(),
): CommitToken | undefined {
  return verifyToken<CommitToken>(config.sessionSecret, PURPOSE, token, now) ?? undefined;
}
