/** English messages of the profile area (see the i18n index). */
export const profileEn = {
  'profile.intro': 'Your details, how you sign in, and the data Lantern holds about you.',
  'profile.details.title': 'Name and language',
  'profile.details.submit': 'Save name and language',
  'profile.details.saved': 'Your name and language are saved.',
  'profile.details.unchanged': 'Nothing changed: your name and language were already these.',
  'profile.email.title': 'Email address',
  'profile.email.current': 'You sign in with {email}.',
  'profile.email.new': 'New email address',
  'profile.email.newHint':
    'We send a link to the new address. Your address changes only when that link is opened, within 24 hours.',
  'profile.email.password': 'Your password',
  'profile.email.passwordHint': 'To make sure it is you.',
  'profile.email.submit': 'Send the confirmation link',
  'profile.email.same': 'This is already your email address.',
  'profile.email.sent':
    'We have sent a link to {email}. Open it within 24 hours to confirm the new address; until then your current address stays in use.',
  'profile.email.pending': 'Waiting for confirmation: {email} (the link works until {date}).',
  'profile.email.cancel': 'Cancel this change',
  'profile.email.cancelled': 'The change of address is cancelled: the link no longer works.',
  'profile.email.changed': 'Your email address is now {email}.',
  'profile.email.confirmTitle': 'Your new email address',
  'profile.email.confirmIntro':
    'Confirm that {email} becomes the email address of this Lantern account. You will then log in with it.',
  'profile.email.confirmSubmit': 'Confirm the new address',
  'profile.email.linkInvalid':
    'This confirmation link no longer works: it has expired, was already used, or a newer link replaced it. You can ask for a new one on your account page.',
  'profile.email.taken':
    'Another Lantern account already uses {email}, so it cannot become the address of this account. Log in to that account instead, or choose another address.',
  'profile.email.otherAccount':
    'This link was sent for another account than the one you are logged in to. Log out, then open the link again.',
  'profile.email.toAccount': 'Go to my account',
  'profile.password.intro':
    'Changing your password logs you out on every other device and cancels every link we have emailed you.',
  'profile.reminders.title': 'Email reminders',
  'profile.reminders.label': 'Email reminders from my trainers',
  'profile.reminders.hint':
    'A trainer of your cohort can remind you of a course you have not finished, at most once a day.',
  'profile.reminders.submit': 'Save my choice',
  'profile.reminders.on': 'Reminders from your trainers are on.',
  'profile.reminders.off': 'Reminders from your trainers are off.',
  'profile.data.title': 'Your data',
  'profile.data.intro':
    'Download everything Lantern holds about you in one file (JSON): your details, courses, progress, quiz answers, certificates, SCORM activity data, cohorts, and the record of who viewed or changed your data.',
  'profile.data.download': 'Download my data',
  'profile.delete.title': 'Delete my account',
  'profile.delete.intro':
    'Erase your name and email address from Lantern for good. You will be asked for your password.',
  'profile.delete.link': 'Delete my account…',
  'profile.delete.what': 'What happens when you delete your account:',
  'profile.delete.identity':
    'Your name and email address are erased for good. Nobody can sign in to the account any more.',
  'profile.delete.signOut':
    'You are logged out on every device, the links we emailed you stop working, and messages waiting to be sent to you are cancelled.',
  'profile.delete.results':
    'Your results (progress, quiz answers, activity data) stay without your name, so your trainers’ figures stay right; nobody can tell any more that they were yours.',
  'profile.delete.certificates':
    'Your certificates are withdrawn: anyone who checks one is told it was withdrawn at your request.',
  'profile.delete.undo':
    'This cannot be undone. If you want to keep a copy of your data, download it first.',
  'profile.delete.password': 'Your password',
  'profile.delete.passwordHint': 'To confirm that it is you.',
  'profile.delete.submit': 'Delete my account for good',
  'profile.delete.keep': 'Keep my account',
  'profile.delete.lastAdmin':
    'You are the only administrator. Make another person an administrator before you delete your account.',
  'profile.delete.done': 'Your account is deleted. Thank you for learning with Lantern.',
  'profile.admin.download': 'Data',
  'profile.admin.downloadFor': 'Download the data of {name} (JSON)',
  'profile.admin.erase': 'Erase…',
  'profile.admin.erased': 'Erased',
  'profile.admin.eraseTitle': 'Erase an account',
  'profile.admin.eraseIntro': 'You are about to erase the account of {name} ({email}).',
  'profile.admin.eraseWhat':
    'Their name and email address are erased for good and nobody can sign in to the account any more. Their sessions end at once, the links emailed to them stop working and messages waiting for them are cancelled. Their results stay, without a name, so reports keep their counts; their certificates are withdrawn. This cannot be undone: download their data first if it must be kept.',
  'profile.admin.erasePassword': 'Your own password',
  'profile.admin.eraseSubmit': 'Erase this account for good',
  'profile.admin.eraseBack': 'Back to the users',
  'profile.admin.erasedDone': 'The account is erased.',
  'profile.admin.eraseSelf':
    'You cannot erase your own account from the users page. Use “Delete my account” on your account page.',
  'profile.admin.alreadyErased': 'This account was already erased.',
  'profile.admin.lastAdmin':
    'This is the last administrator: make another person an administrator first.',
  'profile.deletedAccount': 'Deleted account',
  'profile.certificateWithdrawn': 'This certificate was withdrawn at the holder’s request.',
  'audit.sentence.profile.update': '{actor} updated their profile ({fields}).',
  'audit.sentence.profile.emailRequest':
    '{actor} asked to change their email address; a confirmation link was sent to the new address.',
  'audit.sentence.profile.emailChange': '{actor} confirmed a new email address.',
  'audit.sentence.profile.password': '{actor} changed their password.',
  'audit.sentence.profile.reminders': '{actor} turned email reminders from trainers on.',
  'audit.sentence.profile.remindersOff': '{actor} turned email reminders from trainers off.',
  'audit.sentence.data.export': '{actor} downloaded the personal data of {subject}.',
  'audit.sentence.data.exportOwn': '{actor} downloaded their own data.',
  'audit.sentence.account.erase': '{actor} erased the account of {subject}.',
  'audit.sentence.account.eraseOwn': '{actor} deleted their own account.',
} as const;

export type ProfileKey = keyof typeof profileEn;
export type ProfileMessages = Record<ProfileKey, string>;
