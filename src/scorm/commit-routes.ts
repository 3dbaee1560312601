/**
 * The commit endpoint the SCORM runtime posts to. Authenticated by the signed token in the URL, not
 * the session: the last commit is a sendBeacon as the page closes (text/plain, no custom header
 * possible) and must land even if the session ended meanwhile. The token is unguessable, so it
 * also does the work of a CSRF token (and the security layer refuses any Origin but the app's).
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { forbidden } from '../web/http-errors.js';
import { WindowCounter } from '../web/window-counter.js';
import { recordCommit } from './attempts.js';
import { verifyCommitToken, type CommitToken } from './commit-token.js';
import { COMMIT_LIMITS, parseCommit } from './runtime/commit.js';
import { applyLmsRules } from './runtime/lms-rules.js';

const CommitParams = Type.Object({ token: Type.String() });
const CommitStored = Type.Object({
  result: Type.Literal(true),
  errorCode: Type.Literal(0),
  seq: Type.Integer(),
  stored: Type.Boolean(),
});
/** The shape scorm-again reads from a refused commit (it retries on result false). */
const CommitRefused = Type.Object({
  result: Type.Literal(false),
  errorCode: Type.Integer(),
  errorMessage: Type.String(),
});

/** What the SCORM runtime reads when a commit fails before it is looked at. */
export function commitErrorBody(status: number): Record<string, unknown> {
  const reasons: Record<number, string> = {
    400: 'The commit could not be read.',
    403: 'This launch has expired or was refused: reopen the activity from its course page.',
    413: 'The commit is too large.',
    429: 'Too many commits at once: the player will retry shortly.',
    503: 'The server cannot save right now: the player will retry shortly.',
  };
  return refusal(reasons[status] ?? 'The commit was not saved.');
}

const refusal = (errorMessage: string) => ({
  result: false as const,
  errorCode: 101,
  errorMessage,
});

export async function commitRoutes(instance: FastifyInstance): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { config } = app;

  // Generous for real content (autocommit, a Commit after every answer, a room behind one address);
  // a flood is answered 429 and the player retries with the latest state, so nothing is lost. One
  // limit per address (the rate-limit plugin) and one per attempt (a counter of its own: the plugin
  // runs one limiter per request).
  const perAttempt = new WindowCounter(config.rateLimits.commitsPerAttempt, 60_000);
  // The token is checked once per request (an HMAC), by the limit and the handler alike.
  const verified = new WeakMap<FastifyRequest, CommitToken | undefined>();
  const tokenOf = (request: FastifyRequest<{ Params: { token: string } }>) => {
    if (!verified.has(request))
      verified.set(request, verifyCommitToken(config, request.params.token));
    return verified.get(request);
  };
  const limitAttempt = async (
    request: FastifyRequest<{ Params: { token: string } }>,
    reply: FastifyReply,
  ) => {
    const attempt = tokenOf(request)?.a;
    if (attempt === undefined) return;
    const retryAfter = perAttempt.hit(String(attempt));
    if (retryAfter === 0) return;
    reply.header('retry-after', String(retryAfter));
    throw Object.assign(new Error('Too many commits for this attempt'), { statusCode: 429 });
  };

  app.post(
    '/scorm/commit/:token',
    {
      schema: {
        params: CommitParams,
        // JSON, or the same JSON as text/plain from sendBeacon: read by hand below, checked by parseCommit.
        body: Type.Unknown(),
        response: { 200: CommitStored, '4xx': CommitRefused, '5xx': CommitRefused },
      },
      config: {
        csrf: false,
        skipSession: true,
        jsonErrors: commitErrorBody,
        rateLimit: { max: config.rateLimits.commitsPerAddress, timeWindow: 60_000 },
      },
      bodyLimit: COMMIT_LIMITS.maxBodyBytes,
      onRequest: limitAttempt,
    },
    async (request, reply) => {
      const token = tokenOf(request);
      if (!token) throw forbidden('SCORM commit token refused');
      let body = request.body;
      if (typeof body === 'string') {
        try {
          body = JSON.parse(body);
        } catch {
          return reply.code(400).send(refusal('The commit is not JSON.'));
        }
      }
      const parsed = parseCommit(token.v, body);
      if (!parsed.ok) {
        request.log.warn({ attempt: token.a, problems: parsed.problems }, 'SCORM commit refused');
        return reply.code(422).send(refusal(parsed.problems.join('; ')));
      }
      const commit = applyLmsRules(token.v, parsed.commit, token.r ?? {});
      const outcome = await recordCommit(app.db, token.a, token.u, commit);
      if (outcome === 'missing') return reply.code(404).send(refusal('No such attempt.'));
      // A stale commit is acknowledged: what it carried is older than what is stored.
      return reply.send({
        result: true,
        errorCode: 0,
        seq: commit.seq,
        stored: outcome === 'stored',
      });
    },
  );
}
