import { describe, expect, it } from 'vitest';
import type { ActivitySettings } from '../../src/scorm/package/sequencing.js';
import { treeForAttempt } from '../../src/scorm/sequencing/selection.js';
import { inspectPackage } from '../../src/scorm/package/index.js';
import { buildProbeRandom2004 } from './probe-fixtures.js';
import { tempDir } from './helpers.js';

/** The imported tree of a cluster that selects one of its two tests on each new attempt. */
async function randomTree(): Promise<ActivitySettings> {
  const zip = await buildProbeRandom2004(await tempDir('lantern-selection-'));
  const inspected = await inspectPackage(zip, await tempDir('lantern-selection-stage-'));
  return inspected.manifest.sequencing!.activityTree;
}

const leaves = (activity: ActivitySettings): string[] =>
  activity.children?.length ? activity.children.flatMap(leaves) : [activity.id];

describe('selection and randomisation drawn per course attempt', () => {
  it('keeps selectCount children, the same ones for the same attempt, and leaves the engine nothing to draw', async () => {
    const tree = await randomTree();
    const seeds = { attempt: 'attempt:7', learner: 'learner:1:course:2' };
    const first = treeForAttempt(tree, seeds);
    expect(leaves(first.activityTree)).toHaveLength(1);
    expect([...first.leftOut]).toHaveLength(1);
    expect(treeForAttempt(tree, seeds).activityTree).toEqual(first.activityTree);
    const tests = first.activityTree.children![0]!;
    expect(tests.sequencingControls).toMatchObject({
      selectionTiming: 'never',
      selectCount: null,
      randomizationTiming: 'never',
    });
    // The stored tree is left as imported.
    expect(leaves(tree)).toEqual(['sco_a', 'sco_b']);
  });

  it('draws again for each new attempt, and once per learner when the timing is "once"', async () => {
    const tree = await randomTree();
    const drawn = new Set<string>();
    for (let attempt = 1; attempt <= 24; attempt += 1)
      drawn.add(
        leaves(
          treeForAttempt(tree, { attempt: `attempt:${attempt}`, learner: 'l' }).activityTree,
        )[0]!,
      );
    expect(drawn).toEqual(new Set(['sco_a', 'sco_b']));

    const once = structuredClone(tree);
    once.children![0]!.sequencingControls.selectionTiming = 'once';
    const byLearner = new Set<string>();
    for (let attempt = 1; attempt <= 24; attempt += 1)
      byLearner.add(
        leaves(
          treeForAttempt(once, { attempt: `attempt:${attempt}`, learner: 'l' }).activityTree,
        )[0]!,
      );
    expect(byLearner.size).toBe(1);
  });

  it('reorders children for each attempt when randomisation is asked, keeping all of them', async () => {
    const tree = await randomTree();
    const shuffled = structuredClone(tree);
    Object.assign(shuffled.children![0]!.sequencingControls, {
      selectionTiming: 'never',
      selectCount: null,
      randomizationTiming: 'onEachNewAttempt',
      randomizeChildren: true,
    });
    const orders = new Set<string>();
    for (let attempt = 1; attempt <= 24; attempt += 1)
      orders.add(
        leaves(
          treeForAttempt(shuffled, { attempt: `attempt:${attempt}`, learner: 'l' }).activityTree,
        ).join(),
      );
    expect(orders).toEqual(new Set(['sco_a,sco_b', 'sco_b,sco_a']));
  });
});
