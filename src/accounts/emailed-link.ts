/**
 * The links Lantern emails (reset, invitation, verification, email change): each issues a
 * single-use token that carries the address it is sent to, and the message holding the link is
 * written in the person's language. One table says which page each purpose leads to.
 */
import type { FastifyInstance } from 'fastify';
import type { Locale, TokenPurpose } from '../db/database.js';
import type { MailContent, MailKind } from '../mail/index.js';
import { issueToken } from './tokens.js';

/** Whom a link is for: the account it acts on, greeted by name in their language. */
export type LinkRecipient = { id: number; email: string; name: string; locale: Locale };

const LINKS: Record<TokenPurpose, { kind: MailKind; path: string }> = {
  reset: { kind: 'reset', path: '/password/reset/' },
  invitation: { kind: 'invitation', path: '/invitation/' },
  verification: { kind: 'verification', path: '/email/verify/' },
  email_change: { kind: 'emailChange', path: '/account/email/' },
};

/** The message that carries a link of this purpose with its token. */
export function linkMail(
  app: FastifyInstance,
  purpose: TokenPurpose,
  person: LinkRecipient,
  token: string,
): MailContent {
  const { kind, path } = LINKS[purpose];
  return { kind, locale: person.locale, name: person.name, link: app.mail.link(`${path}${token}`) };
}

/**
 * Issues a fresh link of this purpose for the person (an earlier one stops working) and queues
 * the message with it to `to`: their address, or for an email change the new one. The token
 * carries that address, so following the link proves it and no other.
 */
export async function sendLink(
  app: FastifyInstance,
  purpose: TokenPurpose,
  person: LinkRecipient,
  to = person.email,
): Promise<void> {
  const token = await issueToken(app.db, person.id, purpose, { email: to });
  await app.mail.send(to, linkMail(app, purpose, person, token), person.id);
}
