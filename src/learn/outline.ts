import type { Kysely } from 'kysely';
import type { Database, ItemKind, LocalizedText } from '../db/database.js';

export type OutlineItem = {
  id: number;
  kind: ItemKind;
  slug: string;
  title: LocalizedText;
  required: boolean;
  minutes: number;
  moduleIndex: number;
};
export type OutlineModule = { slug: string; title: LocalizedText; items: OutlineItem[] };
export type Outline = { modules: OutlineModule[]; items: OutlineItem[] };

// Course structure only changes at sync, which changes the content hash: caching it per hash is
// safe in every process and saves a query on every lesson page.
const cache = new Map<number, { hash: string; outline: Outline }>();

/** The course's current modules and items in order (removed ones left out). */
export async function courseOutline(
  db: Kysely<Database>,
  courseId: number,
  contentHash: string,
): Promise<Outline> {
  const cached = cache.get(courseId);
  if (cached?.hash === contentHash) return cached.outline;
  const rows = await db
    .selectFrom('course_items as i')
    .innerJoin('modules as m', 'm.id', 'i.module_id')
    .select([
      'i.id',
      'i.kind',
      'i.slug',
      'i.title',
      'i.required',
      'i.minutes',
      'm.slug as module_slug',
      'm.title as module_title',
      'm.position as module_position',
    ])
    .where('i.course_id', '=', courseId)
    .where('i.removed_at', 'is', null)
    .orderBy('m.position')
    .orderBy('i.position')
    .execute();
  const modules: OutlineModule[] = [];
  const items: OutlineItem[] = [];
  for (const row of rows) {
    let module = modules.at(-1);
    if (!module || module.slug !== row.module_slug) {
      module = { slug: row.module_slug, title: row.module_title, items: [] };
      modules.push(module);
    }
    const item: OutlineItem = {
      id: row.id,
      kind: row.kind,
      slug: row.slug,
      title: row.title,
      required: row.required,
      minutes: row.minutes,
      moduleIndex: modules.length - 1,
    };
    module.items.push(item);
    items.push(item);
  }
  const outline = { modules, items };
  cache.set(courseId, { hash: contentHash, outline });
  return outline;
}

export function itemUrl(courseSlug: string, item: Pick<OutlineItem, 'kind' | 'slug'>): string {
  const folder = item.kind === 'lesson' ? 'lessons' : item.kind === 'quiz' ? 'quizzes' : 'scos';
  return `/courses/${courseSlug}/${folder}/${encodeURIComponent(item.slug)}`;
}

// A lesson's rendered HTML in every language is tens of kilobytes that only change at sync: kept
// per item and content hash, so a lesson page reads none of it from the database.
const lessonCache = new Map<number, { hash: string; html: LocalizedText }>();

export async function lessonHtml(
  db: Kysely<Database>,
  itemId: number,
  contentHash: string,
): Promise<LocalizedText> {
  const cached = lessonCache.get(itemId);
  if (cached?.hash === contentHash) return cached.html;
  const row = await db
    .selectFrom('course_items')
    .select('html')
    .where('id', '=', itemId)
    .executeTakeFirst();
  const html = row?.html ?? {};
  lessonCache.set(itemId, { hash: contentHash, html });
  return html;
}
