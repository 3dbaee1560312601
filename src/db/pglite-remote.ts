import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { projectRoot } from '../paths.js';
import {
  errorFrom,
  type QueryResult,
  type Ready,
  type Reply,
  type Request,
} from './pglite-protocol.js';

type Pending = { resolve: (reply: Reply & { ok: true }) => void; reject: (error: Error) => void };
type Queryable = {
  query(sql: string, params?: unknown[], options?: unknown): Promise<QueryResult>;
};
// What a Request is without its id, for each kind of request.
type Call = Request extends infer R ? (R extends Request ? Omit<R, 'id'> : never) : never;

/**
 * The embedded database in its own thread (pglite-thread.ts), with the part of PGlite's interface
 * that Kysely's PGlite dialect uses: query, transaction, close. Only the server uses it; tests and
 * commands open PGlite in their own thread, where start-up time does not matter.
 */
export class RemotePGlite {
  ready = false;
  closed = false;
  readonly waitReady: Promise<void>;
  readonly #worker: Worker;
  readonly #pending = new Map<number, Pending>();
  #nextId = 1;

  constructor(dataDir: string) {
    // The compiled thread beside the compiled app: dist/src/db/, bundled or not.
    const script = join(projectRoot, 'dist', 'src', 'db', 'pglite-thread.js');
    this.#worker = new Worker(script, { workerData: { dataDir } });
    this.waitReady = new Promise<void>((resolve, reject) => {
      this.#worker.once('message', (ready: Ready) => {
        if (!ready.ready) return reject(errorFrom(ready.error));
        this.ready = true;
        this.#worker.on('message', (reply: Reply) => this.#settle(reply));
        resolve();
      });
      this.#worker.once('error', reject);
    });
    // A thread that dies takes its answers with it: every query waiting fails, none hangs.
    this.#worker.on('error', (error) => this.#failAll(error));
    this.#worker.on('exit', (code) => {
      this.closed = true;
      this.#failAll(new Error(`the database thread stopped (exit code ${code})`));
    });
  }

  query(sql: string, params: unknown[] = []): Promise<QueryResult> {
    return this.#call({ op: 'query', sql, params }).then((reply) => reply.result!);
  }

  async transaction<T>(run: (tx: Queryable) => Promise<T>): Promise<T> {
    const { tx } = await this.#call({ op: 'begin' });
    const handle: Queryable = {
      query: (sql, params = []) =>
        this.#call({ op: 'query', sql, params, tx: tx! }).then((reply) => reply.result!),
    };
    let result: T;
    try {
      result = await run(handle);
    } catch (error) {
      await this.#call({ op: 'end', tx: tx!, commit: false }).catch(() => {});
      throw error;
    }
    await this.#call({ op: 'end', tx: tx!, commit: true });
    return result;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.#call({ op: 'close' });
    this.closed = true;
    await this.#worker.terminate();
  }

  #call(request: Call): Promise<Reply & { ok: true }> {
    if (this.closed) return Promise.reject(new Error('the embedded database is closed'));
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      // A Node worker thread's port, not a window: there is no origin to name.
      // oxlint-disable-next-line unicorn/require-post-message-target-origin
      this.#worker.postMessage({ ...request, id });
    });
  }

  #settle(reply: Reply): void {
    const pending = this.#pending.get(reply.id);
    if (!pending) return;
    this.#pending.delete(reply.id);
    if (reply.ok) pending.resolve(reply);
    else pending.reject(errorFrom(reply.error));
  }

  #failAll(error: Error): void {
    for (const pending of this.#pending.values()) pending.reject(error);
    this.#pending.clear();
  }
}
