/**
 * Email through a real SMTP server: what arrives, in the recipient's language; a server that
 * refuses is tried again later and nothing is lost; without SMTP_URL, .eml files on disk.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueMail } from '../../src/mail/outbox.js';
import { composeMail } from '../../src/mail/compose.js';
import { outboxDir } from '../../src/mail/transport.js';
import { createTestApp } from '../helpers/app.js';
import { createTestAppWithInbox, type InboxTestContext } from '../helpers/smtp.js';

let ctx: InboxTestContext;

beforeAll(async () => {
  ctx = await createTestAppWithInbox();
});
afterAll(async () => ctx?.close());

describe('email', () => {
  it('arrives as text and HTML in the recipient’s language, right to left in Arabic, with an absolute link', async () => {
    await ctx.app.mail.send(
      'layla@example.org',
      { kind: 'reset', locale: 'ar', name: 'ليلى <b>', link: ctx.app.mail.link('/reset/abc') },
      null,
    );
    const mail = await ctx.inbox.waitFor('layla@example.org');
    expect(mail.subject).toBe('اختر كلمة مرور جديدة لحسابك في Lantern');
    expect(mail.from?.text).toContain('no-reply@lantern.test');
    expect(mail.text).toContain('مرحبًا ليلى <b>،');
    expect(mail.text).toContain('https://learn.example.org/reset/abc');
    expect(mail.html).toContain('<html lang="ar" dir="rtl">');
    expect(mail.html).toContain('href="https://learn.example.org/reset/abc"');
    // A name is text, never markup.
    expect(mail.html).toContain('ليلى &lt;b&gt;');
    expect(mail.html).not.toContain('ليلى <b>');
    // Once sent, the database keeps who and what, not the link.
    const stored = await ctx.database.db
      .selectFrom('outbox')
      .select(['subject', 'text_body', 'html_body', 'sent_at'])
      .where('to_address', '=', 'layla@example.org')
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ subject: mail.subject, text_body: '', html_body: '' });
    expect(stored.sent_at).not.toBeNull();
  });

  it('keeps a message the server refused and sends it once the server is back', async () => {
    ctx.inbox.refuse(true);
    await ctx.app.mail.send(
      'omar@example.org',
      { kind: 'verification', locale: 'fr', name: 'Omar', link: ctx.app.mail.link('/verify/x') },
      null,
    );
    await ctx.app.mail.deliverDue();
    const row = await ctx.database.db
      .selectFrom('outbox')
      .selectAll()
      .where('to_address', '=', 'omar@example.org')
      .executeTakeFirstOrThrow();
    expect(row.sent_at).toBeNull();
    expect(row.attempts).toBe(1);
    expect(row.last_error).toMatch(/Mailbox unavailable/);
    expect(row.next_attempt_at.getTime()).toBeGreaterThan(Date.now() + 20_000);
    // Not due yet: nothing is sent early.
    ctx.inbox.refuse(false);
    expect(await ctx.app.mail.deliverDue()).toBe(0);
    await ctx.database.db
      .updateTable('outbox')
      .set({ next_attempt_at: new Date() })
      .where('id', '=', row.id)
      .execute();
    expect(await ctx.app.mail.deliverDue()).toBe(1);
    const mail = await ctx.inbox.waitFor('omar@example.org');
    expect(mail.subject).toBe('Confirmez votre adresse e-mail pour Lantern');
    expect(ctx.inbox.messages.filter((m) => m.subject === mail.subject)).toHaveLength(1);
  });

  it('sends what an earlier process queued (the outbox survives a restart)', async () => {
    await enqueueMail(ctx.database.db, {
      ...composeMail({
        kind: 'invitation',
        locale: 'es',
        name: 'Ana',
        link: 'https://learn.example.org/invitation/y',
      }),
      to: 'ana@example.org',
      kind: 'invitation',
      userId: null,
    });
    await ctx.app.mail.deliverDue();
    expect((await ctx.inbox.waitFor('ana@example.org')).subject).toBe(
      'Su cuenta de Lantern está lista',
    );
  });
});

describe('without SMTP_URL', () => {
  it('writes each message as an .eml file in DATA_DIR/outbox', async () => {
    const local = await createTestApp();
    try {
      await local.app.mail.send(
        'dev@example.org',
        { kind: 'reset', locale: 'en', name: 'Dev', link: local.app.mail.link('/reset/z') },
        null,
      );
      await local.app.mail.deliverDue();
      const dir = outboxDir(local.config.dataDir);
      const files = readdirSync(dir).filter((name) => name.endsWith('.eml'));
      expect(files).toHaveLength(1);
      const eml = readFileSync(join(dir, files[0]!), 'utf8');
      expect(eml).toContain('To: dev@example.org');
      expect(eml).toContain('Subject: Choose a new Lantern password');
    } finally {
      await local.close();
    }
  });
});
