import type { Migration } from 'kysely/migration';
import * as accounts from './0001_accounts.js';
import * as learning from './0002_learning.js';
import * as cohorts from './0003_cohorts.js';
import * as scorm from './0004_scorm.js';
import * as cohortInvitations from './0005_cohort_invitations.js';
import * as jobs from './0006_jobs.js';
import * as scormSequencing from './0007_scorm_sequencing.js';
import * as accountsEmail from './0008_accounts_email.js';
import * as people from './0009_people.js';
import * as offline from './0010_offline.js';
import * as learnerPlaces from './0011_learner_places.js';

/**
 * Every migration, in order. Listed here rather than discovered on disk so the same code runs from
 * TypeScript sources (tests) and compiled output (npm start). Add new files at the end.
 */
export const migrations: Record<string, Migration> = {
  '0001_accounts': accounts,
  '0002_learning': learning,
  '0003_cohorts': cohorts,
  '0004_scorm': scorm,
  '0005_cohort_invitations': cohortInvitations,
  '0006_jobs': jobs,
  '0007_scorm_sequencing': scormSequencing,
  '0008_accounts_email': accountsEmail,
  '0009_people': people,
  '0010_offline': offline,
  '0011_learner_places': learnerPlaces,
};
