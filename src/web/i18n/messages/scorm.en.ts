/** English messages of the SCORM area: the player, the admins' import page and package problems. */
export const scormEn = {
  'nav.scorm': 'SCORM packages',
  'scorm.needsScript':
    'This activity is an interactive package: it needs JavaScript turned on in your browser.',
  'scorm.autosave': 'Your progress in this activity is saved as you go.',
  'scorm.exit': 'Save and exit',
  'scorm.saved': 'Progress saved at {time}.',
  'scorm.retrying': 'Your progress could not be saved just now. Trying again; keep this page open.',

  'scorm.closed.title': 'Activity closed',
  'scorm.closed.saved': 'Your progress in it is saved.',
  'scorm.closed.continue': 'Continue',
  'scorm.closed.back': 'Back to the course',
  'scorm.closed.reopen': 'Open it again',
  'scorm.admin.title': 'SCORM packages',
  'scorm.admin.intro':
    'Import a course exported as SCORM 1.2 or SCORM 2004 (a .zip file from Articulate, iSpring, Captivate, Lectora, H5P and similar tools). It is published in the catalogue next to the native courses.',
  'scorm.import.heading': 'Import a package',
  'scorm.import.file': 'Package (.zip)',
  'scorm.import.fileHint': 'Up to {size}. The package is checked before anything is saved.',
  'scorm.import.slug': 'Course address (optional)',
  'scorm.import.slugHint':
    'Lowercase letters, digits and hyphens, e.g. first-aid-basics. Give the address of an imported course to add a new version of it; leave empty to use the package title (a package already imported is recognised by its identifier).',
  'scorm.import.locale': 'Language of the content',
  'scorm.import.submit': 'Import',
  'scorm.import.uploading': 'Uploading: {percent}%',
  'scorm.import.checking': 'Checking the package…',
  'scorm.import.noFile': 'Choose a .zip file to import.',
  'scorm.import.invalidSlug':
    'The course address may only hold lowercase letters, digits and single hyphens.',
  'scorm.import.slugTaken': 'That address belongs to a native course; choose another one.',
  'scorm.import.refused': '{file} was not imported. Nothing was saved. Problems found:',
  'scorm.import.created':
    '{title} was imported as a new course ({version}, {count|one:# activity|other:# activities}).',
  'scorm.import.newVersion':
    '{title} was imported as version {number}. New attempts use it; attempts already started stay on the version they began with.',
  'scorm.import.unchanged': '{title} is already imported with exactly this file: nothing changed.',
  'scorm.import.openCourse': 'Open the course',
  'scorm.import.notices': 'Worked around while importing:',
  'scorm.courses.heading': 'Imported courses',
  'scorm.courses.none': 'No SCORM course has been imported yet.',
  'scorm.courses.course': 'Course',
  'scorm.courses.version': 'Version',
  'scorm.courses.attempts': 'Attempts',
  'scorm.courses.policy': 'New attempt',
  'scorm.courses.maxAttempts': 'Maximum attempts',
  'scorm.courses.maxAttemptsHint': 'Empty: no limit.',
  'scorm.courses.save': 'Save',
  'scorm.courses.settingsFor': 'Attempt settings for {title}',
  'scorm.courses.versionValue': 'v{number} · {standard}',
  'scorm.policy.when_finished':
    'When the previous attempt is finished: completed, passed or failed, or left without saving its place',
  'scorm.policy.never': 'Never: learners always resume their first attempt',
  'scorm.policy.always': 'Every time the activity is opened',
  'scorm.settings.saved': 'The attempt settings are saved.',
  'scorm.settings.invalid':
    'Choose an attempt policy, and a maximum between 1 and 1000 (or leave it empty).',

  'scorm.problem.not_zip': 'The file is not a zip archive.',
  'scorm.problem.corrupt_zip': 'The zip archive is damaged ({reason}).',
  'scorm.problem.limit_total_size':
    'The unpacked package is larger than the limit of {limit} bytes.',
  'scorm.problem.limit_file_count': 'The package holds more files than the limit of {limit}.',
  'scorm.problem.limit_ratio':
    'The package unpacks to more than {limit} times its compressed size, which is refused as a possible "zip bomb".',
  'scorm.problem.limit_manifest_size': 'The manifest is larger than the limit of {limit} bytes.',
  'scorm.problem.unsafe_path': 'The zip contains an unsafe file name ({reason}).',
  'scorm.problem.symlink': 'The zip contains a symbolic link, which is not allowed.',
  'scorm.problem.special_file':
    'The zip contains a special file (device, pipe or socket), which is not allowed.',
  'scorm.problem.duplicate_name': 'The zip contains two entries with the same name ({other}).',
  'scorm.problem.encrypted_entry': 'The zip contains a password-protected file.',
  'scorm.problem.unsupported_compression':
    'The zip uses a compression method that is not supported ({method}).',
  'scorm.problem.no_manifest': 'The package has no imsmanifest.xml at its root.',
  'scorm.problem.malformed_xml': 'The XML is not well-formed: {reason}',
  'scorm.problem.not_a_manifest':
    'The root element is <{root}>, not an IMS content packaging <manifest>.',
  'scorm.problem.unsupported_version':
    'This kind of package is not supported (schema version "{schemaversion}"); only SCORM 1.2 and SCORM 2004 are.',
  'scorm.problem.no_organization':
    'The manifest has no organisation and no resource that can be launched.',
  'scorm.problem.no_launchable_item': 'The organisation contains no item that can be launched.',
  'scorm.problem.duplicate_identifier': 'The identifier "{identifier}" is used more than once.',
  'scorm.problem.missing_identifier': 'An element has no identifier.',
  'scorm.problem.missing_resource':
    'Item "{item}" refers to resource "{identifierref}", which does not exist.',
  'scorm.problem.resource_without_href':
    'Resource "{resource}" is launched by an item but has no href.',
  'scorm.problem.missing_launch_file': 'The launch file "{path}" is not in the package.',
  'scorm.notice.manifest_in_subfolder':
    'The manifest is inside the folder "{folder}", which is used as the package root.',
  'scorm.notice.manifest_name_case': 'The manifest is named "{name}" instead of imsmanifest.xml.',
  'scorm.notice.default_organization_fallback':
    'The default organisation is missing or wrong; "{used}" is used.',
  'scorm.notice.organization_synthesised':
    'The manifest has no organisation: {count|one:one activity was created from its only resource|other:one activity was created for each of its # resources}.',
  'scorm.notice.version_inferred':
    'The SCORM version was recognised from the XML namespaces ({version}).',
  'scorm.notice.unknown_schemaversion':
    'The schema version "{schemaversion}" is unknown; the XML namespaces were used instead.',
  'scorm.notice.metadata_file_missing': 'The metadata file "{path}" is not in the package.',
  'scorm.notice.metadata_file_malformed': 'The metadata file "{path}" could not be read as XML.',
  'scorm.notice.external_launch_url': 'Item "{item}" launches an external address ({url}).',
  'scorm.notice.sequencing_reference_missing':
    'Item "{item}" refers to sequencing "{idref}", which does not exist.',
  'scorm.notice.sequencing_value_invalid':
    'Item "{item}": {field} "{value}" is not a valid value; {used} was used instead.',
  'scorm.notice.sequencing_element_ignored':
    'Item "{item}": {field} "{value}" is not valid, so that sequencing rule was left out.',
  'scorm.import.sequencing': 'Sequencing used: {features}.',
  'scorm.import.sequencingNone':
    'No sequencing rules: the learner may open the activities in any order.',
  'scorm.import.sequencingUnsupported': 'Not supported, ignored: {features}.',
  'scorm.sequence.opening': 'Opening the next activity…',
  'scorm.sequence.blocked':
    'That activity is not available now: the course asks you to follow its order. Go back to the course and continue from where you are.',
  'scorm.sequence.ended': 'You have reached the end of this course.',
  'scorm.sequence.suspended': 'Your place is saved. You can come back and resume later.',
  'scorm.sequence.offline': 'Your progress could not be sent. Check your connection and try again.',
  'scorm.controls.label': 'Course navigation',
  'scorm.controls.continue': 'Continue',
  'scorm.controls.previous': 'Previous',
  'scorm.controls.exit': 'Exit the activity',
  'scorm.controls.suspend': 'Save and leave',
  // The admin pages: audit sentences, SCORM lists and import reports, error details.
  'audit.intro': 'Who viewed, downloaded or changed whose data, newest first.',
  'audit.none': 'Nothing has been recorded yet.',
  'audit.technical': 'Technical details',
  'audit.field.action': 'Action',
  'audit.field.actor': 'Account',
  'audit.field.subject': 'Whose data',
  'audit.field.data': 'Recorded data',
  'audit.someone': 'A deleted account',
  'audit.sentence.users.list': '{actor} looked at the list of users (page {page}).',
  'audit.sentence.users.search': '{actor} searched the users by name or email (page {page}).',
  'audit.sentence.users.role': '{actor} changed the role of {subject} to {role}.',
  'audit.sentence.scorm.import':
    '{actor} imported the SCORM package {file} as a new course: {course}.',
  'audit.sentence.scorm.importVersion':
    '{actor} imported the SCORM package {file} as version {version} of {course}.',
  'audit.sentence.scorm.importUnchanged':
    '{actor} imported the SCORM package {file} again; {course} already had this exact file, so nothing changed.',
  'audit.sentence.report.dashboard':
    '{actor} viewed the dashboard of the cohort {cohort} (course: {course}).',
  'audit.sentence.report.learners':
    '{actor} viewed the results of the learners in the cohort {cohort} (course: {course}).',
  'audit.sentence.report.learner':
    '{actor} viewed the detailed results of {subject} in the cohort {cohort} (course: {course}).',
  'audit.sentence.report.items':
    '{actor} viewed the question analysis of the cohort {cohort} (course: {course}).',
  'audit.sentence.report.print':
    '{actor} opened the printable report of the cohort {cohort} (course: {course}).',
  'audit.sentence.export.learners':
    '{actor} downloaded the results of the learners in the cohort {cohort} as a spreadsheet (course: {course}).',
  'audit.sentence.export.items':
    '{actor} downloaded the question analysis of the cohort {cohort} as a spreadsheet (course: {course}).',
  'audit.sentence.unknown': '{actor} did “{action}”.',
  'scorm.courses.imported': 'Imported',
  'scorm.courses.pick': '{slug} · v{number} · imported {date}',
  'scorm.import.nextStep':
    'Correct these problems in the tool that made the package (or ask its author), export it again and import the new file.',
  'scorm.import.technical': 'Technical details: where each problem is',
  'scorm.import.noticesTechnical': 'Technical details: where each change was made',
  'scorm.content.expired':
    'This launch link has expired. Go back to the course and open the activity again; your progress is saved.',
  'scorm.content.openFromCourse': 'Open this activity from its course page.',
  'scorm.content.progressUnavailable':
    'Your progress in this activity could not be loaded, so the activity was not opened: it would have started again from the beginning. Reload the page to try again.',
  'scorm.content.missing':
    'This part of the activity is missing from its package. Go back to the course and continue; if it keeps happening, tell your trainer.',
  'scorm.content.failed':
    'This part of the activity could not be opened just now. Go back to the course and try again in a moment.',
  'error.reference':
    'If it keeps happening, tell your trainer or administrator and give them this reference: {reference}.',
  'error.technical': 'Technical details (shown to administrators only)',
  'error.detail.status': 'Status',
  'error.detail.code': 'Code',
  'error.detail.message': 'Message',
  'error.detail.request': 'Request',
  'error.detail.reference': 'Reference',
} as const;

export type ScormKey = keyof typeof scormEn;
export type ScormMessages = Record<ScormKey, string>;
