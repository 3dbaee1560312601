/**
 * SCORM 2004 sequencing in the app. The engine (scorm-again) runs in the learner's browser, on
 * every SCO page and on a small navigation page that carries out a request made outside a SCO
 * (start, resume, a choice in the table of contents, continue after an activity closed). Each
 * reports its state here; the SCO pages only open the activity the engine delivered.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { signedIn } from '../../accounts/index.js';
import { label } from '../../learn/localize.js';
import { forbidden, notFound } from '../../web/http-errors.js';
import { Slug } from '../../web/schemas.js';
import type { ActivitySettings } from '../package/sequencing.js';
import { treeForAttempt } from './selection.js';
import { signToken, verifyToken } from '../../web/signed-token.js';
import {
  currentSequencingAttempt,
  enrolledScormCourse,
  learnerGlobalObjectives,
  recordSequencing,
  type SequencingAttempt,
} from './queries.js';

const REQUESTS = ['start', 'resumeAll', 'continue', 'previous', 'choice', 'exitAll', 'suspendAll'];
const PURPOSE = 'scorm-sequencing';
/** As long as a commit token: a day's sitting. */
const TOKEN_SECONDS = 24 * 3600;

type StateToken = { s: number; u: number; c: number; g: boolean };

/** What the browser's engine needs to run a course attempt: the tree, its state, where to report. */
export async function sequencingLaunch(
  app: FastifyInstance,
  attempt: SequencingAttempt,
  where: { userId: number; courseId: number; courseSlug: string },
) {
  const sequencing = attempt.manifest.sequencing!;
  const global = sequencing.objectivesGlobalToSystem;
  const token: StateToken = { s: attempt.id, u: where.userId, c: where.courseId, g: global };
  // Seeds that never change for the attempt (nor with the server's secret): its id and the
  // moment it began, or the learner and the course for a selection made once.
  const { activityTree, leftOut } = treeForAttempt(sequencing.activityTree, {
    attempt: `attempt:${attempt.id}:${attempt.startedAt.getTime()}`,
    learner: `learner:${where.userId}:course:${where.courseId}`,
  });
  return {
    activityTree,
    /** What this attempt's selection left out (the contents do not offer it). */
    leftOut: [...leftOut],
    state: attempt.state,
    globalObjectives: global ? await learnerGlobalObjectives(app.db, where.userId) : {},
    stateUrl: `/scorm/sequencing/${signToken(app.config.sessionSecret, PURPOSE, token, TOKEN_SECONDS)}`,
    hideLmsUi: hiddenControls(activityTree),
    courseUrl: `/courses/${where.courseSlug}`,
    scoUrl: `/courses/${where.courseSlug}/scos/`,
    sequenceUrl: `/courses/${where.courseSlug}/sequence`,
  };
}

/** The navigation controls each activity hides (adlnav:hideLMSUI), by activity id. */
function hiddenControls(activity: ActivitySettings, found: Record<string, string[]> = {}) {
  if (activity.hideLmsUi?.length) found[activity.id] = activity.hideLmsUi;
  for (const child of activity.children ?? []) hiddenControls(child, found);
  return found;
}

/**
 * Where a learner who asked for an activity the engine has not delivered goes instead: the
 * suspended session resumes, the activity in progress stays the one to open; otherwise the
 * engine is asked for that activity (a choice, which it refuses when the course forbids it; a
 * first visit falls back to the course's start).
 */
export function sequencingDetour(attempt: SequencingAttempt, courseSlug: string, item: string) {
  const base = `/courses/${courseSlug}/sequence`;
  if (attempt.suspended) return `${base}?request=resumeAll`;
  if (attempt.delivered && !attempt.ended)
    return `/courses/${courseSlug}/scos/${encodeURIComponent(attempt.delivered)}`;
  return `${base}?request=choice&target=${encodeURIComponent(item)}`;
}

const Report = Type.Object({
  seq: Type.Integer({ minimum: 1 }),
  state: Type.String({ maxLength: 2_000_000 }),
  delivered: Type.Union([Type.String({ maxLength: 1000 }), Type.Null()]),
  ended: Type.Union([Type.String({ maxLength: 100 }), Type.Null()]),
  suspended: Type.Boolean(),
  root: Type.Object({
    completion: Type.String({ maxLength: 20 }),
    success: Type.String({ maxLength: 20 }),
    score: Type.Union([Type.Number(), Type.Null()]),
  }),
  // A course has tens of global objectives; a thousand is far beyond any real package.
  globalObjectives: Type.Optional(
    Type.Record(
      Type.String({ maxLength: 4000 }),
      Type.Record(Type.String(), Type.Unknown(), { maxProperties: 100 }),
      { maxProperties: 1000 },
    ),
  ),
});

export async function sequencingRoutes(instance: FastifyInstance): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/courses/:slug/sequence',
    {
      schema: {
        params: Type.Object({ slug: Slug }),
        querystring: Type.Object({
          request: Type.Union(REQUESTS.map((request) => Type.Literal(request))),
          target: Type.Optional(Slug),
        }),
      },
    },
    async (request, reply) => {
      const user = signedIn(request);
      const course = await enrolledScormCourse(app.db, request.params.slug, user.id);
      if (!course) throw notFound();
      if (!course.enrolled) return reply.redirect(`/courses/${course.slug}`, 303);
      const attempt = await currentSequencingAttempt(app.db, user.id, course.id);
      if (!attempt.manifest.sequencing)
        return reply.redirect(`/courses/${course.slug}/continue`, 303);
      let navigation: string = request.query.request;
      // "Start" means where the learner is: the activity in progress, or the suspended session.
      if (navigation === 'start' && attempt.delivered && !attempt.ended)
        return reply.redirect(
          `/courses/${course.slug}/scos/${encodeURIComponent(attempt.delivered)}`,
          303,
        );
      if (navigation === 'start' && attempt.suspended) navigation = 'resumeAll';
      if (navigation === 'start' && attempt.state) navigation = 'continue';
      const launch = await sequencingLaunch(app, attempt, {
        userId: user.id,
        courseId: course.id,
        courseSlug: course.slug,
      });
      return reply.header('cache-control', 'private, no-store').render('scorm/sequence', {
        courseSlug: course.slug,
        courseTitle: course.title,
        launchJson: JSON.stringify({
          ...launch,
          request: navigation,
          target: request.query.target ?? null,
          fresh: !attempt.state,
        }).replace(/</g, '\\u003c'),
        scripts: ['vendor/scorm-again/scorm2004.js', 'scorm-sequencing.js', 'scorm-sequencer.js'],
        title: label(course.title, request.locale),
      });
    },
  );

  app.post(
    '/scorm/sequencing/:token',
    {
      schema: { params: Type.Object({ token: Type.String({ maxLength: 2000 }) }), body: Report },
      // Authenticated by the signed token, as SCORM commits are (a beacon may be the last report).
      config: {
        csrf: false,
        skipSession: true,
        rateLimit: { max: app.config.rateLimits.commitsPerAddress, timeWindow: 60_000 },
      },
      bodyLimit: 4 * 1024 * 1024,
    },
    async (request, reply) => {
      const token = verifyToken<StateToken>(
        app.config.sessionSecret,
        PURPOSE,
        request.params.token,
      );
      if (!token) throw forbidden('SCORM sequencing token refused');
      const report = request.body;
      const stored = await recordSequencing(
        app.db,
        { attemptId: token.s, userId: token.u, courseId: token.c },
        {
          ...report,
          // Fastify's coercion turns a null in a string-or-null field into "".
          delivered: report.delivered || null,
          ended: report.ended || null,
          ...(token.g ? {} : { globalObjectives: undefined }),
        },
      );
      return reply.send({ result: true, stored });
    },
  );
}
