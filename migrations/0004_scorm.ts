import { type Kysely, sql } from 'kysely';

/**
 * SCORM packages and what learners do in them. A SCORM course is an ordinary course (kind 'scorm')
 * whose items are its SCOs (kind 'sco'), so enrolment, progress, "Continue", completion, certificates
 * and cohorts work unchanged. Each import of a new zip is a package version; attempts keep the
 * version they ran on.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table course_items drop constraint course_items_kind_check`.execute(db);
  await sql`alter table course_items add constraint course_items_kind_check check (kind in ('lesson', 'quiz', 'sco'))`.execute(
    db,
  );

  await db.schema
    .createTable('scorm_packages')
    .addColumn('id', 'integer', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('course_id', 'integer', (col) =>
      col.notNull().references('courses.id').onDelete('cascade'),
    )
    .addColumn('version_number', 'integer', (col) => col.notNull())
    .addColumn('hash', 'text', (col) => col.notNull())
    .addColumn('scorm_version', 'text', (col) =>
      col.notNull().check(sql`scorm_version in ('scorm12', 'scorm2004')`),
    )
    .addColumn('edition', 'integer')
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('content_root', 'text', (col) => col.notNull())
    .addColumn('manifest', 'jsonb', (col) => col.notNull())
    .addColumn('file_count', 'integer', (col) => col.notNull())
    .addColumn('total_bytes', 'bigint', (col) => col.notNull())
    .addColumn('imported_by', 'integer', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('imported_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('scorm_packages_course_version_key', ['course_id', 'version_number'])
    .execute();
  await db.schema
    .createIndex('scorm_packages_hash_idx')
    .on('scorm_packages')
    .column('hash')
    .execute();

  await db.schema
    .createTable('scorm_courses')
    .addColumn('course_id', 'integer', (col) =>
      col.primaryKey().references('courses.id').onDelete('cascade'),
    )
    .addColumn('package_id', 'integer', (col) => col.notNull().references('scorm_packages.id'))
    .addColumn('attempt_policy', 'text', (col) =>
      col
        .notNull()
        .defaultTo('when_finished')
        .check(sql`attempt_policy in ('when_finished', 'never', 'always')`),
    )
    .addColumn('max_attempts', 'integer')
    .execute();

  await db.schema
    .createTable('scorm_attempts')
    .addColumn('id', 'integer', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('user_id', 'integer', (col) =>
      col.notNull().references('users.id').onDelete('cascade'),
    )
    .addColumn('course_id', 'integer', (col) =>
      col.notNull().references('courses.id').onDelete('cascade'),
    )
    .addColumn('item_id', 'integer', (col) =>
      col.notNull().references('course_items.id').onDelete('cascade'),
    )
    .addColumn('package_id', 'integer', (col) => col.notNull().references('scorm_packages.id'))
    .addColumn('number', 'integer', (col) => col.notNull())
    // Each launch of the attempt gets the next launch number; commits carry launch * 1e6 + n, so a
    // later launch (another tab, a later visit) always outranks an earlier one, and a replay loses.
    .addColumn('launches', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('seq', 'bigint', (col) => col.notNull().defaultTo(0))
    .addColumn('cmi', 'jsonb')
    .addColumn('completion_status', 'text', (col) => col.notNull().defaultTo('not attempted'))
    .addColumn('success_status', 'text', (col) => col.notNull().defaultTo('unknown'))
    .addColumn('score_scaled', 'real')
    .addColumn('score_raw', 'real')
    .addColumn('total_time_seconds', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('started_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('scorm_attempts_learner_item_number_key', ['user_id', 'item_id', 'number'])
    .execute();
  await db.schema
    .createIndex('scorm_attempts_course_idx')
    .on('scorm_attempts')
    .columns(['course_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('scorm_interactions')
    .addColumn('attempt_id', 'integer', (col) =>
      col.notNull().references('scorm_attempts.id').onDelete('cascade'),
    )
    .addColumn('position', 'integer', (col) => col.notNull())
    .addColumn('course_id', 'integer', (col) => col.notNull())
    .addColumn('item_id', 'integer', (col) => col.notNull())
    .addColumn('interaction_id', 'text', (col) => col.notNull())
    .addColumn('type', 'text', (col) => col.notNull())
    .addColumn('learner_response', 'text', (col) => col.notNull())
    .addColumn('correct_response', 'text', (col) => col.notNull())
    .addColumn('result', 'text', (col) => col.notNull())
    .addColumn('weighting', 'real')
    .addColumn('latency', 'text', (col) => col.notNull())
    .addColumn('description', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('scorm_interactions_pkey', ['attempt_id', 'position'])
    .execute();
  // Item analysis: per course and question.
  await db.schema
    .createIndex('scorm_interactions_course_question_idx')
    .on('scorm_interactions')
    .columns(['course_id', 'interaction_id'])
    .execute();

  await db.schema
    .createTable('scorm_objectives')
    .addColumn('attempt_id', 'integer', (col) =>
      col.notNull().references('scorm_attempts.id').onDelete('cascade'),
    )
    .addColumn('position', 'integer', (col) => col.notNull())
    .addColumn('course_id', 'integer', (col) => col.notNull())
    .addColumn('objective_id', 'text', (col) => col.notNull())
    .addColumn('success_status', 'text', (col) => col.notNull())
    .addColumn('completion_status', 'text', (col) => col.notNull())
    .addColumn('score_scaled', 'real')
    .addPrimaryKeyConstraint('scorm_objectives_pkey', ['attempt_id', 'position'])
    .execute();
  await db.schema
    .createIndex('scorm_objectives_course_idx')
    .on('scorm_objectives')
    .columns(['course_id', 'objective_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'scorm_objectives',
    'scorm_interactions',
    'scorm_attempts',
    'scorm_courses',
    'scorm_packages',
  ])
    await db.schema.dropTable(table).execute();
  await db.deleteFrom('course_items').where('kind', '=', 'sco').execute();
  await sql`alter table course_items drop constraint course_items_kind_check`.execute(db);
  await sql`alter table course_items add constraint course_items_kind_check check (kind in ('lesson', 'quiz'))`.execute(
    db,
  );
}
