/** English messages of the people area: admins add, invite, import, deactivate people (see the i18n index). */
export const peopleEn = {
  'people.list.add': 'Add a person',
  'people.list.import': 'Import from a CSV file',
  'people.list.status': 'Status',
  'people.list.actions': 'Actions',
  'people.status.verified': 'Email confirmed',
  'people.status.unverified': 'Email not confirmed',
  'people.status.invited': 'Invited',
  'people.status.invitedHint': 'has not set a password yet',
  'people.status.deactivated': 'Deactivated',
  'people.action.invite': 'Send the invitation again',
  'people.action.reset': 'Send a password reset link',
  'people.action.deactivate': 'Deactivate',
  'people.action.reactivate': 'Reactivate',
  'people.action.for': 'for {name}',

  'people.new.title': 'Add a person',
  'people.new.intro':
    'Lantern emails them a link to choose their own password (it works for 7 days). Nobody else ever sees or sets it, you included.',
  'people.new.name': 'Full name',
  'people.new.email': 'Email address',
  'people.new.role': 'Role',
  'people.new.locale': 'Language of their emails and pages',
  'people.new.cohort': 'Cohort (optional)',
  'people.new.cohortHint': 'They join it at once and are enrolled in its courses.',
  'people.new.cohortNone': 'No cohort',
  'people.new.submit': 'Add and send the invitation',
  'people.error.role': 'Please choose one of the listed roles.',
  'people.error.cohort': 'Please choose one of the listed cohorts, or none.',
  'people.error.emailTaken':
    'This address already has an account ({name}): search for it in the user list.',
  'people.added': '{name} was added. An invitation to set a password was sent to {email}.',
  'people.invitationSent':
    'A new invitation was sent to {email}. The link sent before no longer works.',
  'people.resetSent':
    'A link to choose a new password was sent to {email}. It works once, for 60 minutes.',
  'people.deactivated':
    '{name} is deactivated: signed out everywhere and unable to log in until reactivated. Their data is kept.',
  'people.reactivated': '{name} is active again and can log in.',
  'people.refused.deactivated': '{name} is deactivated: reactivate the account first.',
  'people.refused.notInvited':
    '{name} has already set a password: send a password reset link instead.',
  'people.refused.self': 'You cannot deactivate your own account.',

  'people.invitation.title': 'Set your password',
  'people.invitation.intro':
    'Welcome to Lantern, {name}. Choose a password for your account ({email}); you will be logged in straight away.',
  'people.invitation.password': 'Password',
  'people.invitation.confirm': 'Password again',
  'people.invitation.submit': 'Set my password',
  'people.invitation.invalidTitle': 'This link no longer works',
  'people.invitation.invalid':
    'An invitation link works once, for 7 days, and only the latest one sent works. Ask your administrator to send you the invitation again. If you have already set your password, log in.',
  'people.invitation.done': 'Welcome, {name}: your password is set and you are logged in.',

  'people.import.title': 'Import people from a CSV file',
  'people.import.intro':
    'Upload a spreadsheet saved as CSV. You will see what will happen to every row before anything is saved.',
  'people.import.format':
    'The first line names the columns: {columns}. Only email and name are required. The columns may come in any order, separated by commas or semicolons; the file is read as UTF-8.',
  'people.import.formatRole':
    'role: learner, trainer or admin. Empty: learner for a new person, unchanged for an existing one.',
  'people.import.formatLanguage':
    'language: en, fr, es or ar. Empty: your own language for a new person, unchanged for an existing one.',
  'people.import.formatCohort':
    'cohort: the join code of a cohort to add the person to (optional).',
  'people.import.formatExisting':
    'A person whose address already has an account is updated with the name, role and language given. New people receive an email inviting them to set their password.',
  'people.import.example': 'Example',
  'people.import.file': 'CSV file',
  'people.import.fileHint': 'At most {size} MB and {rows} rows.',
  'people.import.submit': 'Upload and preview',
  'people.import.noFile': 'Please choose a CSV file to upload.',
  'people.import.tooLarge':
    'This file is larger than {size} MB. Split it into smaller files (by cohort, for example) and import them one after the other.',
  'people.import.unknown':
    'This import is no longer available (an uploaded file is kept for a day). Please upload the file again.',
  'people.import.previewTitle': 'Preview of {file}',
  'people.import.nothingSaved':
    'Nothing has been saved yet. Check what will happen, then confirm at the bottom of the page.',
  'people.import.count.create':
    '{count|one:# person to create and invite|other:# people to create and invite}',
  'people.import.count.update': '{count|one:# person to update|other:# people to update}',
  'people.import.count.unchanged':
    '{count|one:# person already up to date|other:# people already up to date}',
  'people.import.count.skip':
    '{count|one:# row skipped because of a problem|other:# rows skipped because of problems}',
  'people.import.nothingToDo':
    'Nothing to change: every row already matches what Lantern holds. This file has probably been imported before.',
  'people.import.fileRefused':
    'This file cannot be imported as it is. Correct it, then upload it again:',
  'people.import.problems': '{count|one:# problem|other:# problems}',
  'people.import.problemsHint':
    'The rows with a problem are skipped; correct them in your file and import it again later.',
  'people.import.at': 'Line {line}, column {column} ({field})',
  'people.import.atColumn': 'Line {line}, column {column}',
  'people.import.atLine': 'Line {line}',
  'people.import.problem.notUtf8':
    'The file is not in UTF-8. In your spreadsheet, save it as “CSV UTF-8” and upload it again.',
  'people.import.problem.empty':
    'The file is empty. Its first line should name the columns, for example: {expected}',
  'people.import.problem.missingColumn':
    'The first line has no “{value}” column. It should name the columns, for example: {expected}',
  'people.import.problem.unknownColumn':
    'The first line names a column Lantern does not know: “{value}”. The columns are: {expected}',
  'people.import.problem.repeatedColumn': 'The column “{value}” appears twice in the first line.',
  'people.import.problem.malformed':
    'A quotation mark is not closed, or is followed by other text, in the row that starts on this line. Check the quotes around its values.',
  'people.import.problem.tooManyRows':
    'The file has {count} rows; at most {limit} can be imported at once. Split it into smaller files.',
  'people.import.problem.extraValues':
    'This row has more values than the first line has columns ({count}). If a value contains a comma or semicolon, put it between double quotes.',
  'people.import.problem.emailMissing': 'The email address is missing.',
  'people.import.problem.email': '“{value}” is not an email address.',
  'people.import.problem.nameRequired': 'A name is needed to create an account.',
  'people.import.problem.nameTooLong': 'The name is longer than {max} characters.',
  'people.import.problem.nameControl':
    'The name contains invisible characters (such as a line break or a tab): remove them.',
  'people.import.problem.role': '“{value}” is not a role. Use one of: {expected}.',
  'people.import.problem.language':
    '“{value}” is not a language Lantern offers. Use one of: {expected}.',
  'people.import.problem.cohortUnknown': 'No cohort has the join code “{value}”.',
  'people.import.problem.cohortArchived': 'The cohort with the join code “{value}” is archived.',
  'people.import.problem.cohortExpired':
    'The cohort with the join code “{value}” is past its due date.',
  'people.import.problem.duplicate':
    'This address is already on line {other}: only that first row is imported.',
  'people.import.problem.ownRole':
    'This is your own account: an import does not change your own role.',
  'people.import.rows': 'Every row',
  'people.import.col.line': 'Line',
  'people.import.col.action': 'What will happen',
  'people.import.col.email': 'Email',
  'people.import.col.name': 'Name',
  'people.import.col.role': 'Role',
  'people.import.col.language': 'Language',
  'people.import.col.cohort': 'Cohort',
  'people.import.action.create': 'Create and invite',
  'people.import.action.update': 'Update: {changes}',
  'people.import.action.unchanged': 'Unchanged',
  'people.import.action.skip': 'Skipped (see the problems)',
  'people.import.change.name': 'name',
  'people.import.change.role': 'role',
  'people.import.change.language': 'language',
  'people.import.change.cohort': 'joins the cohort',
  'people.import.confirm': 'Confirm the import',
  'people.import.another': 'Upload another file',
  'people.import.doneTitle': 'Import of {file} done',
  'people.import.done':
    '{created|one:# created|other:# created}, {updated|one:# updated|other:# updated}, {unchanged|one:# unchanged|other:# unchanged}.',
  'people.import.doneNothing': 'Nothing changed: everything in this file was already in Lantern.',
  'people.import.doneSkipped':
    '{count|one:# row was skipped because of a problem.|other:# rows were skipped because of problems.}',
  'people.import.doneJoined':
    '{count|one:# person was added to a cohort.|other:# people were added to cohorts.}',
  'people.import.doneInvited':
    'The invitations are on their way by email; each link works for 7 days.',
  'people.import.backToUsers': 'Back to the user list',

  'audit.sentence.users.create': '{actor} added {subject} and sent them an invitation.',
  'audit.sentence.users.invitation': '{actor} sent {subject} the invitation again.',
  'audit.sentence.users.resetLink': '{actor} sent {subject} a link to choose a new password.',
  'audit.sentence.users.deactivate': '{actor} deactivated the account of {subject}.',
  'audit.sentence.users.reactivate': '{actor} reactivated the account of {subject}.',
  'audit.sentence.users.import':
    '{actor} imported people from {file}: {created|one:# created|other:# created}, {updated|one:# updated|other:# updated}, {unchanged|one:# unchanged|other:# unchanged}.',
} as const;

export type PeopleKey = keyof typeof peopleEn;
export type PeopleMessages = Record<PeopleKey, string>;
