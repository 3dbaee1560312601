/**
 * The embedded database in a thread of its own. Starting PostgreSQL inside WebAssembly is a few
 * hundred milliseconds of computation: here it runs on another core while the app's own code
 * loads, which is what brings a restart's first page under a second. Queries arrive as messages
 * (pglite-remote.ts); transactions are PGlite's own, held open until the app says how they end.
 */
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { parentPort, workerData } from 'node:worker_threads';
import { pgliteOptions } from './pglite-options.js';
import { errorFields, type Ready, type Reply, type Request } from './pglite-protocol.js';

const port = parentPort!;
const { dataDir } = workerData as { dataDir: string };

type OpenTransaction = { tx: Transaction; end: (commit: boolean) => void; done: Promise<unknown> };
const transactions = new Map<number, OpenTransaction>();
let nextTransaction = 1;

try {
  const pglite = new PGlite(dataDir, pgliteOptions(PGlite.defaultStartParams));
  await pglite.waitReady;
  port.on('message', (request: Request) => {
    void answer(pglite, request).then(
      (reply) => port.postMessage(reply),
      (error: unknown) =>
        port.postMessage({ id: request.id, ok: false, error: errorFields(error) } satisfies Reply),
    );
  });
  port.postMessage({ ready: true } satisfies Ready);
} catch (error) {
  port.postMessage({ ready: false, error: errorFields(error) } satisfies Ready);
}

async function answer(pglite: PGlite, request: Request): Promise<Reply> {
  switch (request.op) {
    case 'query': {
      const target = request.tx === undefined ? pglite : transactions.get(request.tx)?.tx;
      if (!target) throw new Error(`transaction ${request.tx} is not open`);
      const { rows, affectedRows } = await target.query(request.sql, request.params, {
        rowMode: 'object',
      });
      return {
        id: request.id,
        ok: true,
        result: { rows, ...(affectedRows === undefined ? {} : { affectedRows }) },
      };
    }
    case 'begin': {
      const id = nextTransaction++;
      let end!: (commit: boolean) => void;
      const ended = new Promise<boolean>((resolve) => (end = resolve));
      const begun = new Promise<Transaction>((resolve, reject) => {
        const done = pglite.transaction(async (tx) => {
          resolve(tx);
          if (!(await ended)) await tx.rollback();
        });
        done.catch(reject);
        transactions.set(id, { tx: undefined as unknown as Transaction, end, done });
      });
      transactions.get(id)!.tx = await begun;
      return { id: request.id, ok: true, tx: id };
    }
    case 'end': {
      const open = transactions.get(request.tx);
      if (!open) throw new Error(`transaction ${request.tx} is not open`);
      transactions.delete(request.tx);
      open.end(request.commit);
      await open.done;
      return { id: request.id, ok: true };
    }
    case 'close':
      await pglite.close();
      return { id: request.id, ok: true };
  }
}
