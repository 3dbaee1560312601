import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const fixtureCoursesDir = fileURLToPath(new URL('../fixtures/courses', import.meta.url));

/** A writable copy of the fixture courses, so a test can break or edit one file. */
export function copyFixtureCourses(): {
  dir: string;
  edit(path: string, change: (text: string) => string): void;
  write(path: string, text: string): void;
  remove(path: string): void;
} {
  const dir = mkdtempSync(join(tmpdir(), 'lantern-courses-'));
  cpSync(fixtureCoursesDir, dir, { recursive: true });
  return {
    dir,
    edit: (path, change) =>
      writeFileSync(join(dir, path), change(readFileSync(join(dir, path), 'utf8'))),
    write: (path, text) => writeFileSync(join(dir, path), text),
    remove: (path) => rmSync(join(dir, path)),
  };
}
