/** English messages of the access area: password reset, login protection, address verification. */
export const accessEn = {
  'access.login.forgot': 'Forgot your password?',
  'access.login.paused':
    'Too many wrong passwords were typed for this address, so logging in with it is paused for {minutes|one:# minute|other:# minutes}. Try again then, or choose a new password with “Forgot your password?”.',

  'access.forgot.title': 'Forgot your password?',
  'access.forgot.intro':
    'Type the email address of your account. We will send you a link to choose a new password.',
  'access.forgot.email': 'Email address',
  'access.forgot.submit': 'Send me a link',
  'access.forgot.sentTitle': 'Check your email',
  'access.forgot.sent':
    'If an account exists for {email}, we have sent a link to that address. It works once, for 60 minutes.',
  'access.forgot.sentHelp':
    'Nothing after a few minutes? Look in your spam folder, and check that this is the address you use on Lantern.',
  'access.forgot.tryAgain': 'Try another address',
  'access.forgot.waitAddress':
    'Several links were already sent to this address in the last hour. Use the latest one, or ask again in {minutes|one:# minute|other:# minutes}.',
  'access.forgot.backToLogin': 'Back to log in',

  'access.reset.title': 'Choose a new password',
  'access.reset.intro':
    'Choose a new password for {email}. You will be logged in here, and logged out on every other device.',
  'access.reset.password': 'New password',
  'access.reset.confirm': 'New password again',
  'access.reset.submit': 'Save and log in',
  'access.reset.done':
    'Your new password is saved and you are logged in. Every other device has been logged out.',
  'access.reset.invalidTitle': 'This link no longer works',
  'access.reset.invalid':
    'A link to choose a new password works once, for 60 minutes, and only the latest one sent to you. This one has been used, has expired or was not copied in full.',
  'access.reset.askAgain': 'Ask for a new link',

  'access.register.welcome':
    'Welcome, {name}. Your account is ready and you are logged in. We have sent a link to {email} to confirm your address.',

  'access.verify.askTitle': 'Confirm your email address',
  'access.verify.ask':
    'Confirm that {email} is your address: certificates are issued to confirmed addresses only.',
  'access.verify.submit': 'Confirm my address',
  'access.verify.title': 'Email address confirmed',
  'access.verify.confirmed': 'Thank you: {email} is confirmed.',
  'access.verify.certificates':
    '{count|one:The certificate of the course you completed is ready.|other:The certificates of the # courses you completed are ready.}',
  'access.verify.toMyLearning': 'Go to My learning',
  'access.verify.toCatalogue': 'Go to the courses',
  'access.verify.already': 'Your email address is confirmed.',
  'access.verify.invalidTitle': 'This link no longer works',
  'access.verify.invalid':
    'A confirmation link works once, for 7 days, and only the latest one sent to you. This one has been used, has expired or was not copied in full.',
  'access.verify.invalidSignedIn': 'You can send yourself a new link.',
  'access.verify.invalidAnonymous': 'Log in: your account page lets you send yourself a new link.',
  'access.verify.sent': 'A new link is on its way to {email}. It works once, for 7 days.',
  'access.verify.resendLater':
    'Several links were already sent in the last hour. Use the latest one, or ask again in {minutes|one:# minute|other:# minutes}.',

  'access.status.unconfirmed': 'Your email address is not confirmed yet.',
  'access.status.unconfirmedText':
    'Open the link we sent to {email}. You can learn meanwhile; certificates are issued to confirmed addresses only.',
  'access.status.resend': 'Send the link again',

  'access.certificate.pending':
    'Your certificate will be available here once your email address is confirmed. Open the link we sent to {email}.',

  'audit.sentence.password.reset': '{actor} chose a new password through an emailed link.',
  'audit.sentence.email.verified': '{actor} confirmed their email address.',
  'audit.sentence.login.paused':
    '{actor} typed {failures} wrong passwords in a row for the account of {subject}: logging in to it is paused for {minutes|one:# minute|other:# minutes}.',
  'access.audit.someone': 'Someone',
} as const;

export type AccessKey = keyof typeof accessEn;
export type AccessMessages = Record<AccessKey, string>;
