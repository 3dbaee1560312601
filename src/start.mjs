// `npm start`: compiles TypeScript only when a source file changed since the last build (a no-op
// compile still costs half a second of start-up), then runs the server in this same process.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync, utimesSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = (() => {
  try {
    return statSync(join(root, 'dist/.tsbuildinfo')).mtimeMs;
  } catch {
    return 0;
  }
})();
const newest = ['src', 'migrations', 'tsconfig.json', 'tsconfig.build.json', 'package.json']
  .flatMap((entry) => {
    const path = join(root, entry);
    if (statSync(path).isFile()) return [path];
    return readdirSync(path, { recursive: true }).map((name) => join(path, name));
  })
  .filter((path) => path.endsWith('.ts') || path.endsWith('.json'))
  .reduce((latest, path) => Math.max(latest, statSync(path).mtimeMs), 0);

if (newest > built) {
  const tsc = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
  if (tsc.status !== 0) process.exit(tsc.status ?? 1);
  // tsc leaves its build info untouched when nothing needed emitting: mark this check as done.
  const now = new Date();
  utimesSync(join(root, 'dist/.tsbuildinfo'), now, now);
}
await import('../dist/src/server.js');
