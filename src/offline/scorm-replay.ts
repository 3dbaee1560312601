/**
 * SCORM commits made offline, sent later from the device's queue. The live commit endpoint trusts
 * its signed URL token alone (a day long, see scorm/commit-routes.ts), which a device may outlive
 * offline. A replay is therefore authenticated like any other queued action: by the session and a
 * fresh CSRF token (which a page of another site can neither read nor send), and by ownership: the
 * token's attempt must be the signed-in person's. The token's signature is still checked (it
 * names the attempt, the SCORM version and the manifest's rules), its age only up to the time
 * receipts are kept. The seq rule decides order and duplicates: a commit is stored only when
 * newer than what the attempt holds, so a replay, twice or late, never overwrites newer data.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { signedIn } from '../accounts/guard.js';
import { recordCommit } from '../scorm/attempts.js';
import { commitErrorBody } from '../scorm/commit-routes.js';
import { verifyCommitToken } from '../scorm/commit-token.js';
import { COMMIT_LIMITS, parseCommit } from '../scorm/runtime/commit.js';
import { applyLmsRules } from '../scorm/runtime/lms-rules.js';
import { forbidden } from '../web/http-errors.js';
import { IdempotencyKey, RECEIPT_DAYS } from './receipts.js';

const ReplayBody = Type.Object({
  url: Type.String({ pattern: '^/scorm/commit/[^/]+$', maxLength: 8300 }),
  key: IdempotencyKey,
  commit: Type.Unknown(),
});

export async function scormReplayRoutes(instance: FastifyInstance): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  app.post(
    '/offline/scorm-commit',
    {
      schema: { body: ReplayBody },
      bodyLimit: COMMIT_LIMITS.maxBodyBytes + 16_384,
      config: {
        jsonErrors: commitErrorBody,
        rateLimit: { max: app.config.rateLimits.commitsPerAddress, timeWindow: 60_000 },
      },
    },
    async (request, reply) => {
      const user = signedIn(request);
      const token = verifyCommitToken(
        app.config,
        request.body.url.slice('/scorm/commit/'.length),
        Date.now() - RECEIPT_DAYS * 24 * 3600_000,
      );
      if (!token || token.u !== user.id) throw forbidden('not this person’s SCORM attempt');
      const parsed = parseCommit(token.v, request.body.commit);
      if (!parsed.ok)
        return reply.code(422).send({
          result: false,
          errorCode: 101,
          errorMessage: parsed.problems.join('; '),
        });
      const commit = applyLmsRules(token.v, parsed.commit, token.r ?? {});
      const outcome = await recordCommit(app.db, token.a, user.id, commit);
      if (outcome === 'missing')
        return reply
          .code(404)
          .send({ result: false, errorCode: 101, errorMessage: 'No such attempt.' });
      return reply.send({
        result: true,
        errorCode: 0,
        seq: commit.seq,
        stored: outcome === 'stored',
      });
    },
  );
}
