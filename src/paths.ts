import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project root, found by walking up to package.json, so that the same code finds `views/`,
 * `courses/` and `public/` whether it runs from `src/` (tests) or from `dist/src/` (npm start).
 */
function findProjectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir)
      throw new Error('Cannot find the project root (no package.json above src/)');
    dir = parent;
  }
  return dir;
}

export const projectRoot = findProjectRoot();
export const viewsDir = join(projectRoot, 'views');
export const publicDir = join(projectRoot, 'public');
export const coursesDir = join(projectRoot, 'courses');
