import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Short-lived signed tokens: how the content origin and the commit endpoint know a request comes
 * from a launch this app made, without the session cookie (which the content origin never sees,
 * and which a sendBeacon on page close may outlive). `purpose` keeps one kind from being used as
 * another.
 */
export type TokenPurpose = 'content' | 'commit';

export function signToken(secret: string, purpose: TokenPurpose, payload: Record<string, unknown>, lifetimeSeconds: number, now = Date.now()): string {
  const body = Buffer.from(JSON.stringify({ ...payload, p: purpose, x: Math.floor(now / 1000) + lifetimeSeconds })).toString('base64url');
  return `${body}.${mac(secret, body)}`;
}

/** The payload, or undefined when the token is malformed, forged, expired or for another purpose. */
export function verifyToken<T extends Record<string, unknown>>(secret: string, purpose: TokenPurpose, token: string, now = Date.now()): T | undefined {
  const dot = token.indexOf('.');
  if (dot <= 0 || token.length > 4096) return undefined;
  const body = token.slice(0, dot);
  const given = Buffer.from(token.slice(dot + 1));
  const expected = Buffer.from(mac(secret, body));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  try {
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as T & { p?: string; x?: number };
    if (payload.p !== purpose || typeof payload.x !== 'number' || payload.x * 1000 < now) return undefined;
    return payload;
  } catch {
    return undefined;
  }
}

function mac(secret: string, body: string): string {
  return createHmac('sha256', secret).update(`scorm-token:${body}`).digest('base64url');
}
