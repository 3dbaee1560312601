import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { composeMail, type MailContent } from './compose.js';
import {
  claimDueMail,
  enqueueMail,
  enqueueMails,
  markFailed,
  markSent,
  pruneOutbox,
} from './outbox.js';
import { createTransport } from './transport.js';

export type { MailContent, MailKind } from './compose.js';

declare module 'fastify' {
  interface FastifyInstance {
    mail: {
      /** Queues a message for `to` and starts delivery without waiting for it. */
      send(to: string, content: MailContent, userId: number | null): Promise<void>;
      /**
       * Queues many messages with `db` (a transaction, so they exist exactly when what they are
       * about does); call deliverSoon() once it has committed.
       */
      queue(
        db: Kysely<Database>,
        messages: Array<{ to: string; content: MailContent; userId: number | null }>,
      ): Promise<void>;
      /** Starts delivering what is queued, without waiting for it. */
      deliverSoon(): void;
      /** Sends what is due now (the job does this; tests call it to wait for delivery). */
      deliverDue(): Promise<number>;
      /** An absolute link to a path of the app, from PUBLIC_URL. */
      link(path: string): string;
    };
  }
}

/** How often the outbox is looked at for retries, across every process. */
const OUTBOX_EVERY_MS = 15_000;

async function mailPlugin(app: FastifyInstance): Promise<void> {
  const transport = createTransport(app.config);
  app.log.info(transport.describe());

  let delivering: Promise<number> | undefined;
  const deliverDue = async (): Promise<number> => {
    let sent = 0;
    for (;;) {
      const batch = await claimDueMail(app.db, 10);
      if (batch.length === 0) return sent;
      for (const row of batch) {
        try {
          await transport.send(
            { to: row.to_address, subject: row.subject, text: row.text_body, html: row.html_body },
            row.id,
          );
          await markSent(app.db, row.id);
          sent += 1;
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          app.log.warn(
            { mail: row.id, kind: row.kind, attempt: row.attempts, err: message },
            'email not sent; will try again',
          );
          await markFailed(app.db, row.id, row.attempts, message);
        }
      }
    }
  };
  // One delivery run at a time in this process; other processes are kept apart by the claim.
  const kick = () => {
    delivering ??= deliverDue()
      .catch((error: unknown) => {
        app.log.error({ err: error }, 'outbox delivery failed');
        return 0;
      })
      .finally(() => (delivering = undefined));
    return delivering;
  };

  app.decorate('mail', {
    async send(to: string, content: MailContent, userId: number | null) {
      await enqueueMail(app.db, { ...composeMail(content), to, kind: content.kind, userId });
      setImmediate(() => void kick());
    },
    queue: (
      db: Kysely<Database>,
      messages: Array<{ to: string; content: MailContent; userId: number | null }>,
    ) =>
      enqueueMails(
        db,
        messages.map(({ to, content, userId }) => ({
          ...composeMail(content),
          to,
          kind: content.kind,
          userId,
        })),
      ),
    deliverSoon: () => setImmediate(() => void kick()),
    deliverDue: async () => {
      await delivering;
      return kick();
    },
    link: (path: string) =>
      `${app.config.mail.publicUrl}${path.startsWith('/') ? path : `/${path}`}`,
  });
  app.every('mail-outbox', OUTBOX_EVERY_MS, kick);
  app.every('mail-outbox-prune', 24 * 3600_000, () => pruneOutbox(app.db));
  app.addHook('onClose', async () => {
    await delivering;
    transport.close();
  });
}

export default fp(mailPlugin, {
  name: 'lantern-mail',
  dependencies: ['lantern-db', 'lantern-jobs'],
});
