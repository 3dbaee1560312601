import { type Kysely, sql } from 'kysely';

/** Cohorts run by trainers, their courses and members; indexes for the report queries. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('cohorts')
    .addColumn('id', 'integer', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('owner_id', 'integer', (col) =>
      col.notNull().references('users.id').onDelete('restrict'),
    )
    .addColumn('join_code', 'text', (col) => col.notNull().unique())
    .addColumn('starts_on', 'date')
    .addColumn('due_on', 'date')
    .addColumn('archived_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('cohorts_owner_idx').on('cohorts').column('owner_id').execute();

  await db.schema
    .createTable('cohort_courses')
    .addColumn('cohort_id', 'integer', (col) =>
      col.notNull().references('cohorts.id').onDelete('cascade'),
    )
    .addColumn('course_id', 'integer', (col) =>
      col.notNull().references('courses.id').onDelete('cascade'),
    )
    .addPrimaryKeyConstraint('cohort_courses_pkey', ['cohort_id', 'course_id'])
    .execute();

  await db.schema
    .createTable('cohort_members')
    .addColumn('cohort_id', 'integer', (col) =>
      col.notNull().references('cohorts.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'integer', (col) =>
      col.notNull().references('users.id').onDelete('cascade'),
    )
    .addColumn('joined_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('cohort_members_pkey', ['cohort_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('cohort_members_user_idx')
    .on('cohort_members')
    .column('user_id')
    .execute();

  await db.schema
    .alterTable('enrolments')
    .addColumn('time_spent_seconds', 'integer', (col) => col.notNull().defaultTo(0))
    .execute();

  // Report read paths: enrolments of many users in one course, by activity and completion.
  await db.schema
    .createIndex('enrolments_course_user_idx')
    .on('enrolments')
    .columns(['course_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('enrolments_course_completed_idx')
    .on('enrolments')
    .columns(['course_id', 'completed_at'])
    .execute();
  await db.schema
    .createIndex('item_progress_item_score_idx')
    .on('item_progress')
    .columns(['item_id', 'best_score'])
    .execute();
  await db.schema
    .createIndex('audit_log_actor_idx')
    .on('audit_log')
    .columns(['actor_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('audit_log_actor_idx').execute();
  await db.schema.dropIndex('item_progress_item_score_idx').execute();
  await db.schema.alterTable('enrolments').dropColumn('time_spent_seconds').execute();
  await db.schema.dropIndex('enrolments_course_completed_idx').execute();
  await db.schema.dropIndex('enrolments_course_user_idx').execute();
  await db.schema.dropTable('cohort_members').execute();
  await db.schema.dropTable('cohort_courses').execute();
  await db.schema.dropTable('cohorts').execute();
}
