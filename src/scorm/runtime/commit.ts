/**
 * Commits from the SCORM player. scorm-again 3 runs in the browser with `dataCommitFormat: 'json'`,
 * `sendFullCommit: true` and `renderCommonCommitFields: false`; its requestHandler posts
 * `{ seq, cmi, final? }` (final when the SCO ended its session), where `cmi` is the nested data model (`renderCommitCMI()`). Lists such as
 * `cmi.interactions` arrive as objects keyed "0", "1", … (arrays are accepted too), and every
 * value the SCO set arrives as a string, scores included.
 *
 * `parseCommit` checks what the route is about to store and boils it down to the summary the
 * attempt, interaction and objective tables keep, in the SCORM 2004 vocabularies for both versions.
 */
import type { CommitResult, ScormVersion } from './commit-types.js';
import { checkPlainData, jsonBytes } from './plain-data.js';
import { isPlainObject, kindOf, Problems, refuse, show } from './problems.js';
import { summarise12, summarise2004 } from './summaries.js';
import { COMMIT_LIMITS } from './vocabulary.js';

export type {
  CommitInteraction,
  CommitObjective,
  CommitResult,
  ParsedCommit,
  ScormVersion,
} from './commit-types.js';
export { COMMIT_LIMITS } from './vocabulary.js';

/**
 * Checks a commit posted by the player and summarises it. Never throws: whatever is wrong comes
 * back as English sentences naming the CMI element, e.g.
 * `cmi.suspend_data is 70001 characters; at most 64000 are accepted`.
 */
export function parseCommit(version: ScormVersion, body: unknown): CommitResult {
  try {
    return parse(version, body);
  } catch (error) {
    return {
      ok: false,
      problems: [
        `The commit could not be read (${error instanceof Error ? error.message : String(error)}); send plain JSON data`,
      ],
    };
  }
}

function parse(version: ScormVersion, body: unknown): CommitResult {
  if (version !== 'scorm12' && version !== 'scorm2004')
    return {
      ok: false,
      problems: [
        `${String(version)} is not a SCORM version Lantern runs; use scorm12 or scorm2004`,
      ],
    };
  if (!isPlainObject(body))
    return {
      ok: false,
      problems: [
        `The commit body is ${kindOf(body)}; send an object { "seq": 1, "cmi": { … } } as the player's requestHandler builds it`,
      ],
    };
  const problems = new Problems();
  const { seq, cmi, final } = body;
  if (seq === undefined)
    problems.add(
      'seq',
      'seq is missing; number each commit 1, 2, 3… so that a late one cannot overwrite a newer one',
    );
  else if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 1)
    problems.add('seq', `seq is ${show(seq)}; it must be a positive whole number`);
  if (final !== undefined && typeof final !== 'boolean')
    problems.add('final', `final is ${show(final)}; it must be true or false`);
  for (const key of Object.keys(body)) {
    if (key !== 'seq' && key !== 'cmi' && key !== 'final')
      problems.add(
        key,
        `The commit has an unexpected field ${show(key)}; only "seq", "cmi" and "final" are accepted (run scorm-again with renderCommonCommitFields: false)`,
      );
  }
  if (!isPlainObject(cmi)) {
    problems.add(
      'cmi',
      cmi === undefined
        ? 'cmi is missing; send the data model as scorm-again renderCommitCMI() gives it'
        : `cmi is ${kindOf(cmi)}; it must be an object`,
    );
    return refuse(problems);
  }
  const summary = version === 'scorm12' ? summarise12(cmi, problems) : summarise2004(cmi, problems);
  checkPlainData(cmi, 'cmi', 0, new Set(), problems);
  const bytes = jsonBytes(body);
  if (bytes > COMMIT_LIMITS.maxBodyBytes)
    problems.add(
      'body',
      `The commit is ${bytes} bytes as JSON; at most ${COMMIT_LIMITS.maxBodyBytes} are accepted`,
    );
  if (problems.sentences.length > 0) return refuse(problems);
  return {
    ok: true,
    commit: { seq: seq as number, final: final === true, cmi: { cmi }, ...summary },
  };
}
