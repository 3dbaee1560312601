/**
 * What the pages of emailed links share (reset, invitation, verification, email change): the
 * token in their address, and headers that keep it there.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';

/**
 * The token in a link's address. Tokens are 43 characters; a longer bound lets a link that was
 * cut or run together with other text still reach its page, which says the link no longer works.
 */
export const TokenParams = Type.Object({ token: Type.String({ maxLength: 200 }) });

/**
 * The page of an emailed link: never stored by a cache, and its token (in the address) in no
 * Referer, not even to this site (not `no-referrer`: browsers would then send `Origin: null`
 * with its form, which the origin check refuses). Set as the answer is sent, whichever it is
 * (the page, a refusal, the redirect after the form).
 */
export async function linkPageHeaders(
  _request: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
): Promise<unknown> {
  reply.header('cache-control', 'private, no-store').header('referrer-policy', 'strict-origin');
  return payload;
}
