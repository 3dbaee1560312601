/** What a checked commit boils down to: the rows the attempt, interaction and objective tables keep. */
import type { ScormVersion } from '../package/types.js';

export type { ScormVersion };

export interface CommitInteraction {
  index: number;
  id: string;
  type: string;
  learnerResponse: string;
  correctResponse: string;
  result: string;
  weighting: number | null;
  latency: string;
  timestamp: string;
  description: string;
}
export interface CommitObjective {
  index: number;
  id: string;
  successStatus: string;
  completionStatus: string;
  scoreScaled: number | null;
  scoreRaw: number | null;
}
export type Completion = 'completed' | 'incomplete' | 'not attempted' | 'unknown';
export type Success = 'passed' | 'failed' | 'unknown';

export interface ParsedCommit {
  seq: number;
  /** Sent by the player when the SCO ended its session (LMSFinish / Terminate): end-of-session rules apply. */
  final: boolean;
  /** The CMI exactly as received ({ cmi: ... }), re-serialisable, to store and hand back to loadFromJSON at the next launch. */
  cmi: Record<string, unknown>;
  /** Normalised to the 2004 vocabularies: 1.2 lesson_status passed/failed/completed/incomplete/browsed/not attempted maps to completion (completed|incomplete|not attempted|unknown) and success (passed|failed|unknown). */
  completionStatus: Completion;
  successStatus: Success;
  /** 0..1 or null: 2004 score.scaled (a negative one counts as 0); 1.2 raw scaled by min/max (default 0..100). */
  scoreScaled: number | null;
  scoreRaw: number | null;
  /** cmi.total_time in seconds, to the hundredth; 0 when absent (scorm-again sends it on Terminate, or always with alwaysSendTotalTime). */
  totalTimeSeconds: number;
  location: string;
  suspendData: string;
  interactions: CommitInteraction[];
  objectives: CommitObjective[];
}

export type CommitResult = { ok: true; commit: ParsedCommit } | { ok: false; problems: string[] };

/** What the per-version summaries fill in; seq, final and the raw CMI come from the commit itself. */
export type Summary = Omit<ParsedCommit, 'seq' | 'cmi' | 'final'>;
