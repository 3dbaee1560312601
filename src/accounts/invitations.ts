/**
 * People an admin adds or imports: an account without a usable password, and an email with a
 * "set your password" link (an 'invitation' token, 7 days), queued in the outbox so no request
 * waits on a mail server.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Transaction } from 'kysely';
import type { Database, Locale } from '../db/database.js';
import type { MailContent } from '../mail/index.js';
import { hashPassword } from './passwords.js';
import { issueToken, issueTokens } from './tokens.js';

let unusable: Promise<string> | undefined;

/**
 * The password hash of an account nobody has chosen a password for yet: a real argon2id hash of a
 * random secret thrown away at once, so no password matches it and a login attempt costs the same
 * time as for any account (it reveals nothing). Made once per process: hashing per person would
 * cost 30 ms each, five minutes for an import of 10,000.
 */
export function unusablePasswordHash(): Promise<string> {
  unusable ??= hashPassword(randomBytes(32).toString('base64url'));
  return unusable;
}

export type Invitee = { id: number; email: string; name: string; locale: Locale };

/**
 * Issues a fresh invitation link (voiding an earlier one) and queues the email. The link carries
 * the address it was sent to: following it confirms that address, and no other.
 */
export async function sendInvitation(app: FastifyInstance, person: Invitee): Promise<void> {
  const token = await issueToken(app.db, person.id, 'invitation', { email: person.email });
  await queueInvitation(app, person, token);
}

/**
 * Invites everyone an import created, in the import's own transaction: their links issued and
 * their emails queued in batches, so a person exists exactly when their invitation does. The
 * caller starts delivery once it has committed (app.mail.deliverSoon()).
 */
export async function inviteAll(
  app: FastifyInstance,
  trx: Transaction<Database>,
  people: Invitee[],
): Promise<void> {
  const tokens = await issueTokens(
    trx,
    'invitation',
    people.map((person) => ({ userId: person.id, data: { email: person.email } })),
  );
  await app.mail.queue(
    trx,
    people.map((person) => ({
      to: person.email,
      content: invitationContent(app, person, tokens.get(person.id)!),
      userId: person.id,
    })),
  );
}

function queueInvitation(app: FastifyInstance, person: Invitee, token: string): Promise<void> {
  return app.mail.send(person.email, invitationContent(app, person, token), person.id);
}

function invitationContent(app: FastifyInstance, person: Invitee, token: string): MailContent {
  return {
    kind: 'invitation',
    locale: person.locale,
    name: person.name,
    link: app.mail.link(`/invitation/${token}`),
  };
}
