import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

// Part of every hash: a change in how lessons are rendered re-syncs them all.
const RENDER_VERSION = 'lesson-render-2';

/** Course folders under `dir` (every folder but `glossary` and hidden ones). */
export function courseFolders(dir: string): string[] {
  if (!existsSync(dir)) return [];
  // statSync follows symbolic links, so a course folder may be linked in from elsewhere.
  return readdirSync(dir)
    .filter(
      (name) =>
        !name.startsWith('.') && name !== 'glossary' && statSync(join(dir, name)).isDirectory(),
    )
    .sort();
}

export function listFiles(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/**
 * A hash of every file of a course, and of the glossaries its translations are checked against:
 * cheap to compute, so an unchanged course is never parsed, and a changed glossary re-checks all.
 */
export function courseHash(root: string): string {
  const hash = createHash('sha256').update(RENDER_VERSION);
  for (const path of listFiles(root))
    hash.update(relative(root, path)).update('\0').update(readFileSync(path));
  const glossary = join(root, '..', 'glossary');
  for (const path of listFiles(glossary))
    hash
      .update(`glossary/${relative(glossary, path)}`)
      .update('\0')
      .update(readFileSync(path));
  return hash.digest('hex');
}
