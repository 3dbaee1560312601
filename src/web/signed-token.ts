import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Short-lived signed tokens: data the server wrote and will trust back until it expires, without a
 * database lookup. The purpose is part of the signature, not of the token, so a token made for one
 * use (a SCORM launch, a commit, one session's snapshot) is worthless for any other.
 */
export function signToken(
  secret: string,
  purpose: string,
  payload: Record<string, unknown>,
  lifetimeSeconds: number,
  now = Date.now(),
): string {
  const body = Buffer.from(
    JSON.stringify({ ...payload, x: Math.floor(now / 1000) + lifetimeSeconds }),
  ).toString('base64url');
  return `${body}.${mac(secret, purpose, body)}`;
}

/** The payload, or undefined when the token is malformed, forged, expired or made for another purpose. */
export function verifyToken<T extends Record<string, unknown>>(
  secret: string,
  purpose: string,
  token: string | undefined,
  now = Date.now(),
): T | undefined {
  if (!token || token.length > 8192) return undefined;
  const dot = token.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const body = token.slice(0, dot);
  const given = Buffer.from(token.slice(dot + 1));
  const expected = Buffer.from(mac(secret, purpose, body));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  try {
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as T & {
      x?: unknown;
    };
    return typeof payload.x === 'number' && payload.x * 1000 > now ? payload : undefined;
  } catch {
    return undefined;
  }
}

function mac(secret: string, purpose: string, body: string): string {
  return createHmac('sha256', secret).update(`${purpose}\n${body}`).digest('base64url');
}
