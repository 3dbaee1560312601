/**
 * A message in the recipient's language: plain text, and a simple HTML part with the same words,
 * right to left for Arabic. Every value is escaped in the HTML; links are absolute (PUBLIC_URL).
 */
import type { Locale } from '../db/database.js';
import { directionOf, translator, type MessageKey } from '../web/i18n/index.js';

export type MailKind =
  'reset' | 'invitation' | 'verification' | 'emailChange' | 'emailChanged' | 'reminder';

export type MailContent = {
  kind: MailKind;
  locale: Locale;
  name: string;
  /** The button's address, absolute. */
  link?: string;
  /** Values for the kind's texts ({course}, {trainer}, {newEmail}...). */
  params?: Record<string, string | number>;
  /** Paragraphs that come from a person (a trainer's note): plain text, shown as written. */
  personal?: { heading: string; text: string };
  /** A closing line with its own link (reminders: where to turn them off). */
  footer?: { text: string; link: string };
};

export type ComposedMail = { subject: string; text: string; html: string };

const escape = (value: string) =>
  value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');

export function composeMail(content: MailContent): ComposedMail {
  const t = translator(content.locale);
  const params = { name: content.name, ...content.params };
  const text = (suffix: string) => t(`mail.${content.kind}.${suffix}` as MessageKey, params);
  const has = (suffix: string) =>
    t(`mail.${content.kind}.${suffix}` as MessageKey) !== `mail.${content.kind}.${suffix}`;

  const paragraphs = [text('intro')];
  const after: string[] = [];
  if (has('expiry')) after.push(text('expiry'));
  if (has('outro')) after.push(text('outro'));
  if (content.kind !== 'reminder' && content.kind !== 'emailChanged') after.push(t('mail.notYou'));

  const plain = [
    t('mail.greeting', params),
    '',
    ...paragraphs.flatMap((p) => [p, '']),
    ...(content.personal ? [content.personal.heading, content.personal.text, ''] : []),
    ...(content.link && has('action') ? [text('action'), content.link, ''] : []),
    ...after.flatMap((p) => [p, '']),
    ...(content.footer ? [content.footer.text, content.footer.link, ''] : []),
    t('mail.signature'),
  ].join('\n');

  const dir = directionOf(content.locale);
  const p = (value: string) => `<p style="margin:0 0 16px">${escape(value)}</p>`;
  const button =
    content.link && has('action')
      ? `<p style="margin:24px 0"><a href="${escape(content.link)}" style="background:#1a5d89;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;font-weight:bold;display:inline-block">${escape(text('action'))}</a></p>` +
        `<p style="margin:0 0 16px;font-size:14px;color:#4d5868">${escape(t('mail.linkFallback'))}<br><a href="${escape(content.link)}" dir="ltr">${escape(content.link)}</a></p>`
      : '';
  const personal = content.personal
    ? `<blockquote style="margin:0 0 16px;padding:8px 16px;border-inline-start:4px solid #e7b23a;background:#f3f5f8">${p(content.personal.heading)}${content.personal.text
        .split(/\n+/)
        .map(p)
        .join('')}</blockquote>`
    : '';
  const footer = content.footer
    ? `<p style="margin:16px 0 0;font-size:14px;color:#4d5868">${escape(content.footer.text)} <a href="${escape(content.footer.link)}">${escape(content.footer.link)}</a></p>`
    : '';
  const html = `<!doctype html><html lang="${content.locale}" dir="${dir}"><head><meta charset="utf-8"><title>${escape(text('subject'))}</title></head><body style="margin:0;padding:24px;background:#ffffff;color:#17202a;font:16px/1.6 system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans','Noto Naskh Arabic',Tahoma,sans-serif" dir="${dir}"><div style="max-width:560px;margin:0 auto">${p(t('mail.greeting', params))}${paragraphs.map(p).join('')}${personal}${button}${after.map(p).join('')}${footer}${p(t('mail.signature'))}</div></body></html>`;
  return { subject: text('subject'), text: plain, html };
}
