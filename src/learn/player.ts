import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database, ItemKind } from '../db/database.js';
import { label } from './localize.js';
import { courseOutline, itemUrl, type Outline, type OutlineItem } from './outline.js';
import { findItemForLearner, progressFromRows, type LearnerProgress, type PlayerItemRow } from './queries.js';

export type PlayerItem = PlayerItemRow;
export type PlayerContext = {
  item: PlayerItem;
  outline: Outline;
  progress: LearnerProgress;
  current: OutlineItem;
  previous: OutlineItem | undefined;
  next: OutlineItem | undefined;
  itemUrl: (item: Pick<OutlineItem, 'kind' | 'slug'>) => string;
};

/**
 * Loads what every player page needs (course, item, enrolment, outline, progress) and enforces
 * access: anonymous → login, unknown → 404, not enrolled → 403 with an invitation to enrol.
 * Returns undefined when it has already answered.
 */
export async function loadPlayer(db: Kysely<Database>, request: FastifyRequest<{ Params: { slug: string; item: string } }>, reply: FastifyReply, kind: ItemKind): Promise<PlayerContext | undefined> {
  const user = request.user;
  if (!user) {
    await reply.redirect(`/login?next=${encodeURIComponent(request.url)}`, 303);
    return undefined;
  }
  const item = await findItemForLearner(db, { courseSlug: request.params.slug, kind, itemSlug: request.params.item, userId: user.id });
  if (!item) {
    await reply.errorPage('notFound');
    return undefined;
  }
  if (!item.enrolment_id || item.enrolment_status === 'withdrawn') {
    await reply.render('learn/enrol-prompt', { courseSlug: item.course_slug, courseTitle: item.course_title, title: label(item.course_title, request.locale) }, { status: 403 });
    return undefined;
  }
  const outline = await courseOutline(db, item.course_id, item.content_hash);
  const progress = progressFromRows(item.progress_rows);
  const index = outline.items.findIndex((entry) => entry.id === item.item_id);
  return {
    item,
    outline,
    progress,
    current: outline.items[index]!,
    previous: outline.items[index - 1],
    next: outline.items[index + 1],
    itemUrl: (entry) => itemUrl(item.course_slug, entry),
  };
}
