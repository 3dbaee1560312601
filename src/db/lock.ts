import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Another live process holds the data directory; the message says which and what to do. */
export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `The embedded database in ${dataDir} is in use by another Lantern process (PID ${pid}): ` +
        `a second process writing it would lose data. Stop that process first (Ctrl+C where it runs, or kill ${pid}), ` +
        'or make this change from the admin pages of the running server.',
    );
  }
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, it is just not ours to signal.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Takes `DATA_DIR/lantern.pid` for this process, or throws DataDirLockedError when a live process
 * holds it. A file left by a process that died (kill -9, power cut) is taken over. Returns the
 * function that gives the directory back; it is also given back when the process exits.
 */
export function lockDataDir(dataDir: string): () => void {
  const file = join(dataDir, 'lantern.pid');
  for (let attempt = 0; ; attempt += 1) {
    try {
      writeFileSync(file, `${process.pid}\n`, { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 2) throw error;
      const holder = Number.parseInt(readFileSync(file, 'utf8'), 10);
      if (Number.isInteger(holder) && holder !== process.pid && isAlive(holder))
        throw new DataDirLockedError(dataDir, holder);
      try {
        unlinkSync(file);
      } catch {
        // Another process removed the stale file first; the next attempt decides.
      }
    }
  }
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    try {
      if (Number.parseInt(readFileSync(file, 'utf8'), 10) === process.pid) unlinkSync(file);
    } catch {
      // Already gone.
    }
  };
  process.once('exit', release);
  return () => {
    process.removeListener('exit', release);
    release();
  };
}
