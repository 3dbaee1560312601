import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildGolfInFolder, buildMissingLaunchFile } from './fixtures.js';

// `npm run cli -- scorm:import` as an admin types it (the built CLI, built by `npm test`), on a
// fresh embedded database.
const cli = join(import.meta.dirname, '../../dist/src/cli.js');
const dir = mkdtempSync(join(tmpdir(), 'lantern-scorm-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const run = (...args: string[]) =>
  spawnSync(process.execPath, [cli, 'scorm:import', ...args], {
    encoding: 'utf8',
    env: {
      ...process.env,
      DATA_DIR: join(dir, 'data'),
      DATABASE_URL: '',
      COURSES_DIR: join(import.meta.dirname, '../fixtures/courses'),
    },
  });

describe.runIf(existsSync(cli))('npm run cli -- scorm:import', () => {
  it('imports a package, with the notice about its folder; a second import of the same file changes nothing', async () => {
    const zip = await buildGolfInFolder(dir);
    const first = run(zip, '--slug', 'golf');
    expect(first.status).toBe(0);
    expect(first.stdout).toContain(
      'notice: Golf Course/imsmanifest.xml: The manifest is inside the folder "Golf Course"',
    );
    expect(first.stdout).toMatch(
      /\(SCORM 1\.2, 1 SCO\): imported as a new course\. Course: \/courses\/golf/,
    );
    const again = run(zip);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('already imported with this exact file: nothing changed');
  }, 60_000);

  it('refuses a broken package with the file named, and exits 1', async () => {
    const refused = run(await buildMissingLaunchFile(dir));
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('was refused; nothing was saved');
    expect(refused.stderr).toMatch(/imsmanifest\.xml.*The launch file ".+" is not in the package/);
  }, 60_000);

  it('explains its arguments', () => {
    const missing = run();
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('Give one .zip file');
  });
});
