import { randomBytes } from 'node:crypto';

/** Letters and digits without look-alikes (0/O, 1/I): codes people read out or type. */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A random code of `length` such characters (32 of them: 5 bits each, no modulo bias). */
export function readableCode(length: number): string {
  return [...randomBytes(length)].map((byte) => ALPHABET[byte % ALPHABET.length]).join('');
}
