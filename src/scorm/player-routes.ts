/** The player page of a SCO: opens (or resumes) the attempt and hands the runtime its launch data. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { label } from '../learn/localize.js';
import { ItemParams, loadPlayer } from '../learn/player.js';
import { directionOf } from '../web/i18n/index.js';
import { notFound } from '../web/http-errors.js';
import { signToken } from '../web/signed-token.js';
import { openAttempt, recordCommit } from './attempts.js';
import { signCommitToken } from './commit-token.js';
import { CONTENT_TOKEN_SECONDS, sameOrigin, wrapperUrl, type ContentToken } from './content.js';
import type { FlatSco } from './package/index.js';
import type { ParsedCommit } from './runtime/commit.js';
import type { ScoRules } from './runtime/lms-rules.js';
import { courseIsSequenced, currentSequencingAttempt } from './sequencing/queries.js';
import { sequencingDetour, sequencingLaunch } from './sequencing/routes.js';

export async function playerRoutes(instance: FastifyInstance): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { config } = app;

  app.get(
    '/courses/:slug/scos/:item',
    { schema: { params: ItemParams } },
    async (request, reply) => {
      const player = await loadPlayer(app, request, 'sco');
      const { user } = player;
      const courseRef = {
        userId: user.id,
        courseId: player.item.course_id,
        courseSlug: player.item.course_slug,
      };
      // Under sequencing, only the activity the engine delivered opens; any other goes through it.
      const sequencing = (await courseIsSequenced(app.db, courseRef.courseId))
        ? await currentSequencingAttempt(app.db, user.id, courseRef.courseId)
        : undefined;
      if (sequencing && (sequencing.delivered !== request.params.item || sequencing.ended))
        return reply.redirect(
          sequencingDetour(sequencing, courseRef.courseSlug, request.params.item),
          303,
        );
      const launch = await openAttempt(
        app.db,
        { id: user.id, name: user.name },
        player.item.course_id,
        player.item.item_id,
        request.params.item,
      );
      if (!launch) throw notFound();
      if (launch.sco.scormType === 'asset') {
        // An asset has no API to report with: opening it is completing it, recorded as any commit is.
        const opened: ParsedCommit = {
          seq: launch.seqBase + 1,
          final: true,
          cmi: launch.cmi,
          completionStatus: 'completed',
          successStatus: 'unknown',
          scoreScaled: null,
          scoreRaw: null,
          totalTimeSeconds: 0,
          location: '',
          suspendData: '',
          interactions: [],
          objectives: [],
        };
        await recordCommit(app.db, launch.attemptId, user.id, opened);
      }
      const content: ContentToken = {
        h: launch.packageHash,
        r: launch.contentRoot,
        v: launch.version,
        u: launch.sco.launchUrl,
        t: launch.sco.title,
      };
      const commitToken = signCommitToken(config, {
        a: launch.attemptId,
        u: user.id,
        v: launch.version,
        r: scoRules(launch.sco),
      });
      const sequencingData = sequencing ? await sequencingLaunch(app, sequencing, courseRef) : null;
      const launchJson = JSON.stringify({
        version: launch.version,
        item: request.params.item,
        commitUrl: `/scorm/commit/${commitToken}`,
        contentOrigin: sameOrigin(config) ? config.appOrigin : config.contentOrigin.origin,
        seqBase: launch.seqBase,
        attempt: launch.attemptNumber,
        cmi: launch.cmi,
        // Where a SCO's own navigation request (adl.nav.request continue / previous) leads.
        nextUrl: player.next ? player.itemUrl(player.next) : null,
        previousUrl: player.previous ? player.itemUrl(player.previous) : null,
        courseUrl: `/courses/${player.item.course_slug}`,
        sequencing: sequencingData,
      }).replace(/</g, '\\u003c');
      const contentLocale = player.item.course_locales[0] ?? 'en';
      return reply.render('scorm/player', {
        ...player,
        sequenced: sequencing !== undefined,
        leftOut: new Set(sequencingData?.leftOut ?? []),
        sequenceUrl: `/courses/${courseRef.courseSlug}/sequence`,
        launchJson,
        wrapperUrl: wrapperUrl(
          config,
          signToken(config.sessionSecret, 'scorm-content', content, CONTENT_TOKEN_SECONDS),
        ),
        contentLocale,
        contentDir: directionOf(contentLocale),
        scripts: [
          `vendor/scorm-again/${launch.version}.js`,
          'vendor/scorm-again/cross-frame-lms.js',
          ...(sequencing ? ['scorm-sequencing.js'] : []),
          'scorm-offline.js',
          'scorm-player.js',
          ...(sequencing ? ['scorm-sequenced-player.js'] : []),
        ],
        title: `${label(player.item.title, request.locale)} · ${label(player.item.course_title, request.locale)}`,
      });
    },
  );
}

/** The manifest's status rules for a SCO, as the commit endpoint applies them (lms-rules.ts). */
function scoRules(sco: FlatSco): ScoRules {
  const rules: ScoRules = {};
  if (sco.masteryScore !== undefined) rules.m = sco.masteryScore;
  if (sco.scaledPassingScore !== undefined) rules.p = sco.scaledPassingScore;
  if (sco.completionThreshold?.completedByMeasure)
    rules.t = sco.completionThreshold.minProgressMeasure;
  if (sco.deliveryControls?.completionSetByContent) rules.c = true;
  if (sco.deliveryControls?.objectiveSetByContent) rules.o = true;
  return rules;
}
