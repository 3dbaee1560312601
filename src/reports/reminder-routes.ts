import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { signedIn } from '../accounts/index.js';
import { cohortForViewer } from '../cohorts/access.js';
import { cohortCourses } from '../cohorts/queries.js';
import { CohortParams } from '../cohorts/schemas.js';
import type { FieldErrors } from '../web/forms.js';
import { notFound } from '../web/http-errors.js';
import { Csrf, FormText } from '../web/schemas.js';
import {
  MAX_SELECTED,
  PERSONAL_LINE_MAX,
  reminderCandidates,
  reminderPreview,
  sendReminders,
  type ReminderAudience,
  type ReminderMessage,
} from './reminders.js';

// Generous bounds: past them the form still comes back with what was typed and a message
// (attachValidation), and the real limits (500 characters, 1,000 learners) are checked below.
const ReminderBody = Type.Optional(
  Type.Object({
    _csrf: Csrf,
    course: FormText(20),
    audience: FormText(20),
    // One checkbox arrives as a string; Ajv's array coercion makes it a list of one.
    learners: Type.Optional(Type.Array(Type.String({ maxLength: 20 }), { maxItems: MAX_SELECTED })),
    personal: FormText(100_000),
  }),
);
const ReminderRoute = {
  schema: { params: CohortParams, body: ReminderBody },
  attachValidation: true,
};

type ReminderRequest = FastifyRequest<{
  Params: { cohortId: number };
  Body?: {
    course?: string;
    audience?: string;
    learners?: string[] | string;
    personal?: string;
  };
}>;

/**
 * Reminders from the learner table: a preview (the message in each recipient's language, who will
 * not get it and why), then the confirmation that queues them. Plain forms, so they work without
 * JavaScript; only the cohort's trainer or an admin gets past `cohortForViewer`.
 */
export async function reminderRoutes(instance: FastifyInstance): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();

  /** The form as sent, checked: the cohort (or 403/404), the course, the audience, the line. */
  const readForm = async (request: ReminderRequest) => {
    // A malformed id in the URL is a page that does not exist, whatever the body says.
    if (request.validationError?.validationContext === 'params') throw notFound('no such cohort');
    const cohort = await cohortForViewer(app.db, request);
    const courses = await cohortCourses(app.db, cohort.id);
    const body = request.body ?? {};
    const course = courses.find((c) => String(c.id) === body.course) ?? courses[0];
    if (!course) throw notFound('the cohort has no course');
    const userIds = [
      ...new Set(
        ([] as unknown[])
          .concat(body.learners ?? [])
          .map(Number)
          .filter((id) => Number.isInteger(id) && id > 0 && id <= 2_147_483_647),
      ),
    ].slice(0, MAX_SELECTED);
    const audience: ReminderAudience =
      body.audience === 'unfinished' ? { kind: 'unfinished' } : { kind: 'selected', userIds };
    // Line endings from any browser become \n; the line is plain text, shown as written.
    const personal = typeof body.personal === 'string' ? body.personal.replace(/\r\n?/g, '\n') : '';
    const errors: FieldErrors = {};
    if ([...personal.trim()].length > PERSONAL_LINE_MAX)
      errors.personal = { key: 'form.error.tooLong', params: { max: PERSONAL_LINE_MAX } };
    if (audience.kind === 'selected' && userIds.length === 0)
      errors.learners = { key: 'reminders.error.noneSelected' };
    const trainer = signedIn(request, 'trainer');
    const message: ReminderMessage = {
      trainer: trainer.name,
      course,
      personal: personal.trim(),
      link: (path) => app.mail.link(path),
    };
    return { cohort, course, audience, userIds, personal, errors, message, trainer };
  };

  const showPreview = async (
    request: ReminderRequest,
    reply: FastifyReply,
    form: Awaited<ReturnType<typeof readForm>>,
  ) => {
    const candidates = form.errors.learners
      ? []
      : await reminderCandidates(app.db, {
          cohortId: form.cohort.id,
          courseId: form.course.id,
          audience: form.audience,
        });
    const preview = reminderPreview(candidates, form.message, request.locale);
    return reply.render(
      'reports/reminder-preview',
      {
        ...form,
        ...preview,
        selected: form.audience.kind === 'selected' ? form.userIds.length : 0,
        personalMax: PERSONAL_LINE_MAX,
        titleKey: 'reminders.title',
      },
      { status: Object.keys(form.errors).length > 0 ? 422 : 200 },
    );
  };

  app.post('/trainer/cohorts/:cohortId/reminders/preview', ReminderRoute, async (request, reply) =>
    showPreview(request, reply, await readForm(request)),
  );

  app.post('/trainer/cohorts/:cohortId/reminders', ReminderRoute, async (request, reply) => {
    const form = await readForm(request);
    if (Object.keys(form.errors).length > 0) return showPreview(request, reply, form);
    const { sent, skipped } = await sendReminders(app.db, {
      cohortId: form.cohort.id,
      courseId: form.course.id,
      audience: form.audience,
      actorId: form.trainer.id,
      message: form.message,
    });
    // Queued and committed: delivery starts now, without holding the answer.
    void app.mail.deliverDue();
    if (sent.length === 0) reply.flash('reminders.noneSent');
    else if (skipped === 0) reply.flash('reminders.sent', { count: String(sent.length) });
    else
      reply.flash('reminders.sentSkipped', {
        count: String(sent.length),
        skipped: String(skipped),
      });
    return reply.redirect(
      `/trainer/cohorts/${form.cohort.id}/learners?course=${form.course.id}`,
      303,
    );
  });
}
