/**
 * People an admin adds or imports: an account without a usable password (unusablePasswordHash),
 * and an email with a "set your password" link (an 'invitation' token, 7 days), queued in the
 * outbox so no request waits on a mail server.
 */
import type { FastifyInstance } from 'fastify';
import type { Transaction } from 'kysely';
import type { Database } from '../db/database.js';
import { linkMail, sendLink, type LinkRecipient } from './emailed-link.js';
import { issueTokens } from './tokens.js';

/**
 * Issues a fresh invitation link (voiding an earlier one) and queues the email. The link carries
 * the address it was sent to: following it confirms that address, and no other.
 */
export function sendInvitation(app: FastifyInstance, person: LinkRecipient): Promise<void> {
  return sendLink(app, 'invitation', person);
}

/**
 * Invites everyone an import created, in the import's own transaction: their links issued and
 * their emails queued in batches, so a person exists exactly when their invitation does. The
 * caller starts delivery once it has committed (app.mail.deliverSoon()).
 */
export async function inviteAll(
  app: FastifyInstance,
  trx: Transaction<Database>,
  people: LinkRecipient[],
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
      content: linkMail(app, 'invitation', person, tokens.get(person.id)!),
      userId: person.id,
    })),
  );
}
