// Runs the Playwright specs when Debian's Chromium is installed; otherwise says so loudly and
// skips (CI installs it: see .ci/run). The app is built first: the specs drive the real server.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  const line = '!'.repeat(78);
  console.warn(
    `\n${line}\n!! BROWSER TESTS SKIPPED: no Chromium at ${chromium}.\n!! Install it with: apt-get install -y chromium   (or set CHROMIUM_PATH)\n${line}\n`,
  );
  process.exit(0);
}
const run = (command, args) =>
  spawnSync(command, args, { stdio: 'inherit', shell: false }).status ?? 1;
const args = process.argv.slice(2);
const built = args.includes('--no-build');
let status = built ? 0 : run('npm', ['run', 'build', '--silent']);
if (status === 0)
  status = run('npx', ['playwright', 'test', ...args.filter((arg) => arg !== '--no-build')]);
process.exit(status);
