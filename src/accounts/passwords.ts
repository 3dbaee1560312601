import { hash, verify, type Algorithm } from '@node-rs/argon2';

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

/** A real hash of a random password: verifying against it costs the same as against a real account. */
let timingDecoy: Promise<string> | undefined;

/**
 * Verifies a password, spending the same time whether or not the account exists, so response
 * times do not reveal which emails are registered.
 */
export async function verifyPassword(
  passwordHash: string | undefined,
  password: string,
): Promise<boolean> {
  timingDecoy ??= hashPassword(crypto.randomUUID());
  const target = passwordHash ?? (await timingDecoy);
  try {
    const matches = await verify(target, password);
    return matches && passwordHash !== undefined;
  } catch {
    return false;
  }
}
