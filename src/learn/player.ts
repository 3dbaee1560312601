import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { signedIn } from '../accounts/guard.js';
import type { SessionUser } from '../accounts/sessions.js';
import { notFound, PageRefusal } from '../web/http-errors.js';
import { translator, type Translate } from '../web/i18n/index.js';
import { Slug } from '../web/schemas.js';
import { isOfflineDownload } from '../offline/receipts.js';
import type { ItemKind } from '../db/database.js';
import { label } from './localize.js';
import { courseOutline, itemUrl, type Outline, type OutlineItem } from './outline.js';
import {
  findItemForLearner,
  progressFromRows,
  type LearnerProgress,
  type PlayerItemRow,
} from './queries.js';

export type PlayerItem = PlayerItemRow;
/** The URL of a lesson, quiz or SCO of a course: `/courses/:slug/<kind>/:item`. */
export const ItemParams = Type.Object({ slug: Slug, item: Slug });

export type PlayerContext = {
  user: SessionUser;
  item: PlayerItem;
  outline: Outline;
  progress: LearnerProgress;
  current: OutlineItem;
  previous: OutlineItem | undefined;
  next: OutlineItem | undefined;
  itemUrl: (item: Pick<OutlineItem, 'kind' | 'slug'>) => string;
  /** How the table of contents shows an item for this learner: its class and its state's words. */
  mark: (item: OutlineItem) => ItemMark;
};
export type ItemMark = { className: string; state: string };

function itemMark(progress: LearnerProgress, item: OutlineItem, t: Translate): ItemMark {
  const done =
    item.kind !== 'quiz' ? progress.completed.has(item.id) : progress.passed.has(item.id);
  return {
    className: done ? 'done' : '',
    state: done
      ? t(item.kind === 'quiz' ? 'player.passed' : 'player.done')
      : t(progress.started.has(item.id) ? 'player.inProgress' : 'player.notDone'),
  };
}

/**
 * Loads what every player page needs (course, item, enrolment, outline, progress) and enforces
 * access: anonymous → login, unknown → 404, not enrolled → 403 with an invitation to enrol (each
 * thrown, for the error handler to answer).
 */
export async function loadPlayer(
  app: Pick<FastifyInstance, 'db' | 'learnerPlaces'>,
  request: FastifyRequest<{ Params: { slug: string; item: string } }>,
  kind: ItemKind,
): Promise<PlayerContext> {
  const { db } = app;
  const user = signedIn(request);
  const item = await findItemForLearner(db, {
    courseSlug: request.params.slug,
    kind,
    itemSlug: request.params.item,
    userId: user.id,
  });
  if (!item) throw notFound();
  if (!item.enrolment_id || item.enrolment_status === 'withdrawn') {
    throw new PageRefusal(403, 'learn/enrol-prompt', {
      courseSlug: item.course_slug,
      courseTitle: item.course_title,
      title: label(item.course_title, request.locale),
    });
  }
  // A page fetched to be saved on a device moves nothing and counts no time.
  if (!isOfflineDownload(request.headers))
    app.learnerPlaces.record({
      userId: user.id,
      courseId: item.course_id,
      itemId: item.item_id,
      lastItemId: item.last_item_id,
    });
  const outline = await courseOutline(db, item.course_id, item.content_hash);
  const progress = progressFromRows(item.progress_rows);
  const index = outline.items.findIndex((entry) => entry.id === item.item_id);
  return {
    user,
    item,
    outline,
    progress,
    current: outline.items[index]!,
    previous: outline.items[index - 1],
    next: outline.items[index + 1],
    itemUrl: (entry) => itemUrl(item.course_slug, entry),
    mark: (entry) => itemMark(progress, entry, translator(request.locale)),
  };
}
