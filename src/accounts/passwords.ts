import { randomBytes } from 'node:crypto';
import { hash, verify, type Algorithm } from '@node-rs/argon2';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import type { FieldErrors } from '../web/forms.js';
import { findUserById } from './users.js';

// argon2id with OWASP's recommended floor (19 MiB, 2 passes): about 30 ms per hash on our 2-core machine.
const OPTIONS = {
  algorithm: 2 as Algorithm.Argon2id,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
};

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

let unusable: Promise<string> | undefined;

/**
 * The password hash of an account nobody can sign in to with a password: one invited who has not
 * chosen theirs yet, or one erased. A real argon2id hash of a random secret thrown away at once,
 * so no password matches it and verifying against it costs the same time as against any account
 * (it reveals nothing; login uses it for unknown addresses too). Made once per process: hashing
 * per person would cost 30 ms each, five minutes for an import of 10,000.
 */
export function unusablePasswordHash(): Promise<string> {
  unusable ??= hashPassword(randomBytes(32).toString('base64url'));
  return unusable;
}

/**
 * Verifies a password, spending the same time whether or not the account exists, so response
 * times do not reveal which emails are registered.
 */
export async function verifyPassword(
  passwordHash: string | undefined,
  password: string,
): Promise<boolean> {
  const target = passwordHash ?? (await unusablePasswordHash());
  try {
    const matches = await verify(target, password);
    return matches && passwordHash !== undefined;
  } catch {
    return false;
  }
}

/**
 * For a form that asks for the person's current password: once the rest of the form is valid
 * (so a form with another problem costs no hash), marks `field` `account.wrongPassword` in
 * `errors` unless `password` is theirs.
 */
export async function checkCurrentPassword(
  db: Kysely<Database>,
  userId: number,
  password: string,
  errors: FieldErrors,
  field: string,
): Promise<void> {
  if (Object.keys(errors).length > 0) return;
  const account = await findUserById(db, userId);
  if (!(await verifyPassword(account?.password_hash, password)))
    errors[field] = { key: 'account.wrongPassword' };
}
