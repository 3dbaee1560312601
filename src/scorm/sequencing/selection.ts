/**
 * Selection and randomisation of child activities (SN SR.1, SR.2), decided by Lantern before the
 * engine sees the tree. scorm-again 3.4.3 draws the selection only as it delivers an activity,
 * after its flow has already picked the first child: a cluster that selects one test of two
 * delivered the first test whatever the draw, and then the other. So each course attempt gets
 * its own tree, with the selection made and the order set, drawn from a seed: the same attempt
 * always draws the same (the navigation page and every SCO page agree), a new attempt draws
 * again, and "once" draws from the learner and the course, so it stays for every attempt.
 */
import { createHash } from 'node:crypto';
import type { ActivitySettings } from '../package/sequencing.js';

export type AttemptTree = {
  activityTree: ActivitySettings;
  /** The activities this attempt leaves out, by id (with everything under them). */
  leftOut: Set<string>;
};

export function treeForAttempt(
  tree: ActivitySettings,
  seeds: { attempt: string; learner: string },
): AttemptTree {
  const leftOut = new Set<string>();
  const visit = (activity: ActivitySettings): ActivitySettings => {
    const children = activity.children;
    if (!children?.length) return activity;
    const controls = { ...activity.sequencingControls };
    let kept = children;
    const { selectCount, selectionTiming, randomizationTiming } = controls;
    if (selectionTiming !== 'never' && selectCount && selectCount < children.length) {
      const draw = seeded(selectionTiming === 'once' ? seeds.learner : seeds.attempt, activity.id);
      const chosen = new Set(shuffle(children, draw).slice(0, selectCount));
      kept = children.filter((child) => chosen.has(child));
      for (const child of children) if (!chosen.has(child)) collect(child, leftOut);
    }
    if (randomizationTiming !== 'never' && controls.randomizeChildren) {
      const seed = randomizationTiming === 'once' ? seeds.learner : seeds.attempt;
      kept = shuffle(kept, seeded(seed, `${activity.id}#order`));
    }
    // Done here, so the engine must not do it again.
    controls.selectionTiming = 'never';
    controls.selectCount = null;
    controls.randomizationTiming = 'never';
    controls.randomizeChildren = false;
    return { ...activity, sequencingControls: controls, children: kept.map(visit) };
  };
  return { activityTree: visit(tree), leftOut };
}

function collect(activity: ActivitySettings, into: Set<string>): void {
  into.add(activity.id);
  for (const child of activity.children ?? []) collect(child, into);
}

/** A stream of numbers in [0, 1) fixed by the seed and the activity. */
function seeded(seed: string, activityId: string): () => number {
  let block = createHash('sha256').update(`${seed}\u0000${activityId}`).digest();
  let offset = 0;
  return () => {
    if (offset + 4 > block.length) {
      block = createHash('sha256').update(block).digest();
      offset = 0;
    }
    const value = block.readUInt32BE(offset) / 2 ** 32;
    offset += 4;
    return value;
  };
}

/** Fisher–Yates with the given draw; the input is left as it was. */
function shuffle<T>(items: readonly T[], draw: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(draw() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
