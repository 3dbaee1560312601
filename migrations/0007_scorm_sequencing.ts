import { type Kysely, sql } from 'kysely';

/**
 * SCORM 2004 sequencing: the engine's state per learner and course attempt (the activity tree's
 * progress, what was delivered, whether the learner suspended), and the global objectives that
 * outlive a course attempt (adlseq:objectivesGlobalToSystem).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('scorm_sequencing_states')
    .addColumn('id', 'integer', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('user_id', 'integer', (col) =>
      col.notNull().references('users.id').onDelete('cascade'),
    )
    .addColumn('course_id', 'integer', (col) =>
      col.notNull().references('courses.id').onDelete('cascade'),
    )
    .addColumn('package_id', 'integer', (col) => col.notNull().references('scorm_packages.id'))
    .addColumn('number', 'integer', (col) => col.notNull())
    // scorm-again's serializeSequencingState(), as it made it (tens of kilobytes).
    .addColumn('state', 'text')
    .addColumn('delivered', 'text')
    .addColumn('ended', 'text')
    .addColumn('suspended', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('root_completion', 'text', (col) => col.notNull().defaultTo('unknown'))
    .addColumn('root_success', 'text', (col) => col.notNull().defaultTo('unknown'))
    .addColumn('root_score', 'real')
    .addColumn('seq', 'bigint', (col) => col.notNull().defaultTo(0))
    .addColumn('started_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('scorm_sequencing_states_attempt', ['user_id', 'course_id', 'number'])
    .execute();
  await db.schema
    .createTable('scorm_global_objectives')
    .addColumn('user_id', 'integer', (col) =>
      col.notNull().references('users.id').onDelete('cascade'),
    )
    .addColumn('objective_id', 'text', (col) => col.notNull())
    .addColumn('data', 'jsonb', (col) => col.notNull())
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('scorm_global_objectives_pkey', ['user_id', 'objective_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('scorm_global_objectives').execute();
  await db.schema.dropTable('scorm_sequencing_states').execute();
}
