/** English texts of the messages Lantern sends by email. */
export const mailEn = {
  'mail.greeting': 'Hello {name},',
  'mail.signature': 'The Lantern team',
  'mail.linkFallback': 'If the button does not work, copy this address into your browser:',
  'mail.notYou': 'If you did not ask for this, you can ignore this message: nothing will change.',
  'mail.reset.subject': 'Choose a new Lantern password',
  'mail.reset.intro': 'Someone asked to reset the password of your Lantern account.',
  'mail.reset.action': 'Choose a new password',
  'mail.reset.expiry': 'The link works once, for 60 minutes.',
  'mail.invitation.subject': 'Your Lantern account is ready',
  'mail.invitation.intro':
    'An account was created for you on Lantern, free self-paced learning for people who protect children in humanitarian crises.',
  'mail.invitation.action': 'Set your password',
  'mail.invitation.expiry':
    'The link works once, for 7 days. After that, ask your administrator to send a new one.',
  'mail.verification.subject': 'Confirm your email address for Lantern',
  'mail.verification.intro':
    'Welcome to Lantern. Please confirm that this address is yours: certificates are issued to confirmed addresses only.',
  'mail.verification.action': 'Confirm my address',
  'mail.verification.expiry': 'The link works once, for 7 days.',
  'mail.emailChange.subject': 'Confirm your new email address for Lantern',
  'mail.emailChange.intro': 'You asked to use this address for your Lantern account.',
  'mail.emailChange.action': 'Confirm the new address',
  'mail.emailChange.expiry':
    'The link works once, for 24 hours. Until then your old address stays in use.',
  'mail.emailChanged.subject': 'The email address of your Lantern account is changing',
  'mail.emailChanged.intro':
    'Someone asked to change the email address of your Lantern account to {newEmail}. The change takes effect when that address is confirmed.',
  'mail.emailChanged.outro':
    'If it was not you, change your password now and tell your administrator.',
  'mail.reminder.subject': 'Your course is waiting for you on Lantern',
  'mail.reminder.intro':
    '{trainer} reminds you of your course “{course}”. You have done {percent}% of it.',
  'mail.reminder.action': 'Continue the course',
  'mail.reminder.personal': 'A word from {trainer}:',
  'mail.reminder.optOut': 'You can turn reminders off in your account settings:',
} as const;

export type MailKey = keyof typeof mailEn;
export type MailMessages = Record<MailKey, string>;
