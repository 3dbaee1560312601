/** Shared plumbing for the SCORM package tests: temp folders and problem extraction. */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PackageError, type PackageProblem } from '../../src/scorm/package/index.js';

export async function tempDir(prefix = 'lantern-scorm-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

export async function removeDir(dir: string | undefined): Promise<void> {
  if (dir) await rm(dir, { recursive: true, force: true });
}

/** Runs `action`, which must fail with a PackageError, and returns its problems. */
export async function problemsOf(action: () => Promise<unknown>): Promise<PackageProblem[]> {
  try {
    await action();
  } catch (error) {
    if (error instanceof PackageError) return error.problems;
    throw error;
  }
  throw new Error('expected a PackageError');
}

/** Every file and folder left under `dir`, relative. */
export async function listTree(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true }).catch(() => [] as string[]);
  return entries.map(String).sort();
}
