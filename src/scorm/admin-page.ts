/** The admins' SCORM page: the import form, what an import said, and each course's attempt settings. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { adminDateFormatter } from '../web/dates.js';
import type { Locale, ScormAttemptPolicy } from '../db/database.js';
import { LOCALES, type MessageKey } from '../web/i18n/index.js';
import type { ImportResult } from './import.js';
import type { PackageProblem } from './package/index.js';
import { scormCourseList } from './queries.js';

export const POLICIES: ScormAttemptPolicy[] = ['when_finished', 'never', 'always'];
export const UPLOAD_LIMIT = 1024 ** 3;

export type AdminPageState = {
  values?: { slug: string; locale: Locale };
  fileName?: string;
  problems?: PackageProblem[];
  error?: MessageKey;
  result?: ImportResult;
  /** A refused settings form, shown again with what the admin typed. */
  typedSettings?: { courseId: number; policy: string; maxAttempts: string };
};

export async function renderAdmin(
  app: FastifyInstance,
  reply: FastifyReply,
  state: AdminPageState,
  status = 200,
): Promise<FastifyReply> {
  const courses = await scormCourseList(app.db);
  return reply.render(
    'scorm/admin',
    {
      ...state,
      courses,
      locales: LOCALES,
      policies: POLICIES,
      notices: state.result?.notices ?? [],
      uploadLimit: UPLOAD_LIMIT,
      // Versions of the same title told apart by slug, version and import date, as the admin writes dates.
      adminDate: adminDateFormatter(reply.request.locale, reply.request.headers['accept-language']),
      titleKey: 'scorm.admin.title',
      scripts: ['scorm-upload.js'],
    },
    { status },
  );
}
