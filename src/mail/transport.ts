/**
 * Where messages go: the SMTP server of SMTP_URL, or, without one (the embedded default), .eml
 * files in DATA_DIR/outbox/ that any mail program opens.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Transporter } from 'nodemailer';
import type { Config } from '../config.js';

export type MailEnvelope = { to: string; subject: string; text: string; html: string };
export type MailTransport = {
  send(mail: MailEnvelope, id: number): Promise<void>;
  /** Said once at start, so a developer knows where to look. */
  describe(): string;
  close(): void;
};

export function outboxDir(dataDir: string): string {
  return join(dataDir, 'outbox');
}

export function createTransport(config: Config): MailTransport {
  const from = config.mail.from;
  // nodemailer loads with the first message, not at start-up (a restart sends nothing).
  let transporter: Promise<Transporter> | undefined;
  const connect = (options: Parameters<typeof import('nodemailer').createTransport>[0]) =>
    (transporter ??= import('nodemailer').then(({ default: nodemailer }) =>
      nodemailer.createTransport(options),
    ));
  const close = () => void transporter?.then((opened) => opened.close()).catch(() => {});
  if (config.mail.smtpUrl) {
    const smtpUrl = config.mail.smtpUrl;
    const shown = new URL(smtpUrl);
    return {
      async send(mail) {
        await (await connect(smtpUrl)).sendMail({ from, ...mail });
      },
      describe: () => `Email is sent through ${shown.protocol}//${shown.host}`,
      close,
    };
  }
  const dir = outboxDir(config.dataDir);
  return {
    async send(mail, id) {
      const writer = await connect({ streamTransport: true, buffer: true, newline: 'unix' });
      const info = await writer.sendMail({ from, ...mail });
      await mkdir(dir, { recursive: true });
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      await writeFile(join(dir, `${stamp}-${id}.eml`), info.message as Buffer);
    },
    describe: () => `No SMTP_URL: email is written as .eml files to ${dir}`,
    close,
  };
}
