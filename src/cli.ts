import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createUser, hashPassword, isRole } from './accounts/index.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { openDatabase, type DatabaseHandle } from './db/connect.js';
import { DataDirLockedError } from './db/lock.js';
import { migrateToLatest } from './db/migrate.js';
import { ContentError, formatProblem } from './content/content-error.js';
import { coursesDir } from './paths.js';
import { syncCourses } from './content/sync.js';
import { collectErrors, emailAddress, newPassword, requiredText } from './web/forms.js';
import { translator } from './web/i18n/index.js';

type Command = {
  summary: string;
  run(args: string[], database: DatabaseHandle, config: Config): Promise<number>;
};

/** Commands that only read files: no configuration, no database (no DATA_DIR or DATABASE_URL needed). */
const fileCommands: Record<string, { summary: string; run(args: string[]): Promise<number> }> = {
  'courses:check': {
    summary: 'validate courses/ like courses:sync, without a database; exit code 1 on problems',
    async run() {
      const { checkCourses } = await import('./content/load.js');
      const dir = resolve(process.env.COURSES_DIR?.trim() || coursesDir);
      const { courses, problems } = checkCourses(dir);
      if (problems.length === 0) {
        console.log(`Courses checked, no problems: ${courses.join(', ') || 'none'} (${dir}).`);
        return 0;
      }
      for (const problem of problems) console.log(formatProblem(problem).trim());
      console.error(
        `\n${problems.length} problem(s) in ${courses.length} course(s) under ${dir}. Fix each file at the line shown and run the check again.`,
      );
      return 1;
    },
  },
};

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

const commands: Record<string, Command> = {
  migrate: {
    summary: 'apply pending database migrations',
    async run(_args, database) {
      const applied = await migrateToLatest(database.db);
      console.log(
        applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.',
      );
      return 0;
    },
  },
  'courses:sync': {
    summary: 'validate courses/ and load it into the database (idempotent)',
    async run(_args, database, config) {
      await migrateToLatest(database.db);
      const report = await syncCourses(database.db, config.coursesDir);
      console.log(
        `Courses added: ${report.added.join(', ') || 'none'}; updated: ${report.updated.join(', ') || 'none'}; unchanged: ${report.unchanged.join(', ') || 'none'}.`,
      );
      return 0;
    },
  },
  'seed:demo': {
    summary:
      'seed:demo --learners N [--cohorts M]   synthetic learners, cohorts, progress and quiz results',
    async run(args, database, config) {
      const { values } = parseArgs({
        args,
        options: {
          learners: { type: 'string', default: '1000' },
          cohorts: { type: 'string', default: '10' },
        },
      });
      const learners = Number(values.learners);
      const cohorts = Number(values.cohorts);
      if (
        !Number.isInteger(learners) ||
        learners < 1 ||
        !Number.isInteger(cohorts) ||
        cohorts < 1
      ) {
        console.error('--learners and --cohorts must be whole numbers of at least 1');
        return 2;
      }
      await migrateToLatest(database.db);
      await syncCourses(database.db, config.coursesDir);
      const { seedDemo, DEMO_PASSWORD } = await import('./demo/seed.js');
      const report = await seedDemo(database.db, {
        learners,
        cohorts,
        log: (line) => console.log(line),
      });
      console.log(
        `Seeded ${report.learners} learners in ${report.cohorts} cohorts (${report.enrolments} enrolments, ${report.attempts} quiz attempts, ${report.scormAttempts} SCORM attempts) in ${report.seconds} s.`,
      );
      console.log(
        `Demo accounts: learner<N>@demo.lantern.local and trainer<N>@demo.lantern.local, password "${DEMO_PASSWORD}".`,
      );
      return 0;
    },
  },
  'scorm:import': {
    summary:
      'scorm:import <file.zip> [--slug S] [--locale en|fr|es|ar]   import a SCORM 1.2/2004 package (a new version if the course exists)',
    async run(args, database, config) {
      const { values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: { slug: { type: 'string' }, locale: { type: 'string', default: 'en' } },
      });
      const file = positionals[0];
      if (!file || positionals.length > 1) {
        console.error(
          'Give one .zip file: npm run cli -- scorm:import path/to/package.zip [--slug my-course]',
        );
        return 2;
      }
      if (!['en', 'fr', 'es', 'ar'].includes(values.locale)) {
        console.error('--locale must be en, fr, es or ar');
        return 2;
      }
      await migrateToLatest(database.db);
      const { importPackage, ImportRefused } = await import('./scorm/import.js');
      const { packageStorage } = await import('./storage/index.js');
      const { isPackageError, describeProblem, describeNotice } =
        await import('./scorm/package/index.js');
      try {
        let lastShown = 0;
        const result = await importPackage(database.db, file, {
          dataDir: config.dataDir,
          storage: packageStorage(config),
          slug: values.slug,
          locale: values.locale as 'en',
          onEntry: (progress) => {
            const percent = Math.floor((progress.index / progress.count) * 100);
            if (process.stderr.isTTY && percent >= lastShown + 10) {
              lastShown = percent;
              process.stderr.write(`\r  unpacking: ${percent}%`);
            }
          },
        });
        if (process.stderr.isTTY && lastShown > 0) process.stderr.write('\n');
        for (const notice of result.notices) console.log(`notice: ${describeNotice(notice)}`);
        if (result.sequencing) {
          const { features, unsupported } = result.sequencing;
          console.log(`sequencing: ${features.length ? features.join(', ') : 'none'}`);
          if (unsupported.length) console.log(`not supported, ignored: ${unsupported.join(', ')}`);
        }
        const what =
          result.outcome === 'created'
            ? 'imported as a new course'
            : result.outcome === 'new_version'
              ? `imported as version ${result.versionNumber}`
              : 'already imported with this exact file: nothing changed';
        console.log(
          `${result.title} (${result.scormVersion === 'scorm12' ? 'SCORM 1.2' : 'SCORM 2004'}, ${result.scoCount} SCO${result.scoCount === 1 ? '' : 's'}): ${what}. Course: /courses/${result.slug}`,
        );
        return 0;
      } catch (error) {
        if (isPackageError(error)) {
          console.error(`${file} was refused; nothing was saved:`);
          for (const problem of error.problems) console.error(`  ${describeProblem(problem)}`);
          return 1;
        }
        if (error instanceof ImportRefused) {
          console.error(error.message);
          return 1;
        }
        throw error;
      }
    },
  },
  'user:create': {
    summary:
      'user:create --email E --name N --role learner|trainer|admin   (password read from stdin)',
    async run(args, database) {
      const { values } = parseArgs({
        args,
        options: {
          email: { type: 'string' },
          name: { type: 'string' },
          role: { type: 'string', default: 'learner' },
          locale: { type: 'string', default: 'en' },
        },
      });
      const password = await readStdin();
      const t = translator('en');
      const errors = collectErrors({
        email: emailAddress(values.email?.trim() ?? ''),
        name: requiredText(values.name?.trim() ?? '', 120),
        password: newPassword(password),
        role: isRole(values.role) ? undefined : { key: 'form.error.required' as const },
      });
      if (Object.keys(errors).length > 0) {
        for (const [field, error] of Object.entries(errors))
          console.error(
            `--${field}: ${field === 'role' ? 'must be learner, trainer or admin' : t(error.key, error.params)}`,
          );
        if (errors.password)
          console.error(
            '(The password is read from standard input, e.g. `echo "$PASSWORD" | npm run cli -- user:create ...`.)',
          );
        return 2;
      }
      await migrateToLatest(database.db);
      const user = await createUser(database.db, {
        email: values.email!,
        name: values.name!.trim(),
        passwordHash: await hashPassword(password),
        role: values.role as 'learner',
        locale: (['en', 'fr', 'es', 'ar'].includes(values.locale) ? values.locale : 'en') as 'en',
        verified: true,
      });
      if (!user) {
        console.error(`A user with the email ${values.email} already exists.`);
        return 1;
      }
      console.log(`Created ${user.role} ${user.email} (id ${user.id}).`);
      return 0;
    },
  },
};

/** What to do instead of stopping the server, per command. */
const LOCKED_ALTERNATIVES: Record<string, string> = {
  'scorm:import': `Or import the package on the running server's admin page: /admin/scorm.`,
  'courses:sync':
    'The server checks and loads courses/ each time it starts: restarting it syncs your changes.',
  'user:create':
    'Or, without stopping it: the person creates their account at /register and an admin gives them their role at /admin/users.',
};

function usage(): void {
  console.log('Usage: npm run cli -- <command> [options]\n\nCommands:');
  for (const [name, command] of Object.entries({ ...commands, ...fileCommands }))
    console.log(`  ${name.padEnd(14)} ${command.summary}`);
}

async function main(): Promise<number> {
  const [name, ...args] = process.argv.slice(2);
  const fileCommand = name ? fileCommands[name] : undefined;
  if (fileCommand) return fileCommand.run(args);
  const command = name ? commands[name] : undefined;
  if (!command) {
    if (name && name !== 'help' && name !== '--help') console.error(`Unknown command: ${name}\n`);
    usage();
    return name && name !== 'help' && name !== '--help' ? 2 : 0;
  }
  const config = loadConfig();
  // Commands run long set-based statements (seed:demo, imports): no per-query timeout here.
  let database: DatabaseHandle;
  try {
    database = await openDatabase({ ...config, databaseQueryTimeoutMs: 0 });
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error;
    // The embedded database belongs to the running server: say that nothing happened, and what to do.
    console.error(
      `${name ?? ''} did not run and changed nothing: the embedded database in ${error.dataDir} is in use by another Lantern process (PID ${error.pid}), most likely the running server, and only one process may open it.`,
    );
    console.error(
      `Stop it first (Ctrl+C where it runs, or kill ${error.pid}), then run the command again. ${LOCKED_ALTERNATIVES[name ?? ''] ?? ''}`.trim(),
    );
    return 1;
  }
  try {
    return await command.run(args, database, config);
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(
      error instanceof ConfigError || error instanceof ContentError
        ? error.message
        : error instanceof Error
          ? error.message
          : error,
    );
    process.exit(1);
  },
);
