/**
 * People an admin adds or imports: an account without a usable password, and an email with a
 * "set your password" link (an 'invitation' token, 7 days), queued in the outbox so no request
 * waits on a mail server.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Locale } from '../db/database.js';
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
 * Invites everyone an import created: their links issued in batches, then an email each queued in
 * the outbox (several at a time on PostgreSQL, whose pool has connections to spare).
 */
export async function inviteAll(app: FastifyInstance, people: Invitee[]): Promise<void> {
  const tokens = await issueTokens(
    app.db,
    'invitation',
    people.map((person) => ({ userId: person.id, data: { email: person.email } })),
  );
  const parallel = app.dbKind === 'postgres' ? 4 : 1;
  let next = 0;
  const worker = async () => {
    while (next < people.length) {
      const person = people[next++]!;
      await queueInvitation(app, person, tokens.get(person.id)!);
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
}

function queueInvitation(app: FastifyInstance, person: Invitee, token: string): Promise<void> {
  return app.mail.send(
    person.email,
    {
      kind: 'invitation',
      locale: person.locale,
      name: person.name,
      link: app.mail.link(`/invitation/${token}`),
    },
    person.id,
  );
}
