/**
 * A real SMTP server for tests (smtp-server), keeping what it receives parsed by mailparser, so
 * tests read the messages a person would read.
 */
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { Config } from '../../src/config.js';
import { createTestApp, type TestContext } from './app.js';

/** The sender and the address links start with, in every test that reads its mail. */
export const TEST_MAIL = {
  from: 'Lantern <no-reply@lantern.test>',
  publicUrl: 'https://learn.example.org',
};

export type Inbox = {
  url: string;
  messages: ParsedMail[];
  /** Resolves with the first message to `to` matching `subject`, waiting up to `ms`. */
  waitFor(to: string, subject?: RegExp, ms?: number): Promise<ParsedMail>;
  /** Makes the server refuse messages (a mail server down) until set back to false. */
  refuse(refusing: boolean): void;
  close(): Promise<void>;
};

export async function startSmtpServer(): Promise<Inbox> {
  const messages: ParsedMail[] = [];
  let refusing = false;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      if (refusing) {
        stream.resume();
        stream.on('end', () =>
          callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 450 })),
        );
        return;
      }
      void simpleParser(stream).then(
        (mail) => {
          messages.push(mail);
          setImmediate(callback);
        },
        (error: Error) => setImmediate(callback, error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const addressesOf = (mail: ParsedMail) =>
    (Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []).flatMap((to) =>
      to.value.map((entry) => entry.address?.toLowerCase()),
    );
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    async waitFor(to, subject, ms = 10_000) {
      const deadline = Date.now() + ms;
      for (;;) {
        const found = messages.find(
          (mail) =>
            addressesOf(mail).includes(to.toLowerCase()) &&
            (!subject || subject.test(mail.subject ?? '')),
        );
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no message to ${to} within ${ms} ms`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    refuse(value) {
      refusing = value;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type InboxTestContext = TestContext & { inbox: Inbox };

/**
 * The app (see createTestApp) sending its mail to a real SMTP server of its own, `inbox`; close()
 * closes both.
 */
export async function createTestAppWithInbox(
  overrides: Partial<Config> = {},
): Promise<InboxTestContext> {
  const inbox = await startSmtpServer();
  const ctx = await createTestApp({ mail: { smtpUrl: inbox.url, ...TEST_MAIL }, ...overrides });
  return {
    ...ctx,
    inbox,
    async close() {
      await ctx.close();
      await inbox.close();
    },
  };
}
