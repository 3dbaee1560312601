import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { hashPassword } from './passwords.js';
import { countUsers, createUser } from './users.js';

export const FIRST_ADMIN_EMAIL = 'admin@lantern.local';

/**
 * On an empty database, creates the first admin with a random one-time password and returns it
 * (the caller prints it once). Returns undefined when any user exists, so restarts print nothing.
 */
export async function ensureFirstAdmin(
  db: Kysely<Database>,
): Promise<{ email: string; password: string } | undefined> {
  if ((await countUsers(db)) > 0) return undefined;
  const password = randomBytes(12).toString('base64url');
  const created = await createUser(db, {
    email: FIRST_ADMIN_EMAIL,
    name: 'Administrator',
    passwordHash: await hashPassword(password),
    role: 'admin',
    locale: 'en',
    mustChangePassword: true,
    verified: true,
  });
  return created ? { email: FIRST_ADMIN_EMAIL, password } : undefined;
}
