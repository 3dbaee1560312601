/**
 * English interface messages: the reference catalogue. Every other language must have exactly
 * these keys and the same {placeholders} (checked by the compiler and by tests/web/i18n.test.ts).
 */
export const en = {
  'app.name': 'Lantern',
  'app.tagline': 'Learning for people who protect children in humanitarian crises',
  'nav.skip': 'Skip to main content',
  'nav.main': 'Main',
  'nav.menu': 'Menu',
  'nav.catalogue': 'Courses',
  'nav.myLearning': 'My learning',
  'nav.account': 'My account',
  'nav.users': 'Users',
  'nav.login': 'Log in',
  'nav.register': 'Create an account',
  'nav.logout': 'Log out',
  'lang.label': 'Language',
  'lang.en': 'English',
  'lang.fr': 'Français',
  'lang.es': 'Español',
  'lang.ar': 'العربية',
  'footer.text': 'Lantern: free, light learning for child protection.',

  'home.title': 'Learn to keep children safe',
  'home.intro':
    'Short, self-paced courses on child protection in humanitarian action. They work on a phone, on slow connections, and you can stop and come back where you left off.',
  'home.welcome': 'Welcome, {name}.',

  'form.errorSummary': 'Please correct the highlighted fields.',
  'form.error.required': 'Please fill in this field.',
  'form.error.tooLong': 'Please use at most {max} characters.',
  'form.error.tooShort': 'Please use at least {min} characters.',
  'form.error.email': 'Please enter an email address like name@example.org.',
  'form.error.locale': 'Please choose one of the listed languages.',
  'form.error.mismatch': 'The two passwords are not the same.',
  'form.error.nameControl':
    'Please remove the invisible characters (such as a line break or a tab) from the name.',

  'register.title': 'Create an account',
  'register.intro':
    'Your account keeps your progress and certificates. We only ask for what we need.',
  'register.name': 'Full name',
  'register.nameHint': 'As it should appear on your certificates.',
  'register.email': 'Email address',
  'register.password': 'Password',
  'register.passwordHint':
    'At least {min} characters. A few words together are easy to remember and hard to guess.',
  'register.locale': 'Preferred language',
  'register.submit': 'Create my account',
  'register.haveAccount': 'Already have an account?',

  'login.title': 'Log in',
  'login.email': 'Email address',
  'login.password': 'Password',
  'login.submit': 'Log in',
  'login.failed': 'That email and password do not match an account. Check them and try again.',
  'login.noAccount': 'New here?',
  'login.required': 'Please log in to see that page.',
  'logout.done': 'You are logged out. On a shared device, close the browser too.',

  'account.title': 'My account',
  'account.details': 'Your details',
  'account.name': 'Name',
  'account.email': 'Email',
  'account.role': 'Role',
  'account.changePassword': 'Change password',
  'account.mustChange': 'You are using a one-time password. Choose your own password to continue.',
  'account.currentPassword': 'Current password',
  'account.newPassword': 'New password',
  'account.confirmPassword': 'New password again',
  'account.submitPassword': 'Save new password',
  'account.wrongPassword': 'The current password is not right.',
  'account.passwordChanged': 'Your password is changed. Other devices have been logged out.',

  'role.learner': 'Learner',
  'role.trainer': 'Trainer',
  'role.admin': 'Admin',

  'admin.users.title': 'Users',
  'admin.users.search': 'Search by name or email',
  'admin.users.searchButton': 'Search',
  'admin.users.count': '{count|one:# user found|other:# users found}',
  'admin.users.none': 'No user matches this search.',
  'admin.users.name': 'Name',
  'admin.users.email': 'Email',
  'admin.users.role': 'Role',
  'admin.users.joined': 'Joined',
  'admin.users.changeRole': 'Change role for {name}',
  'admin.users.save': 'Save',
  'admin.users.roleChanged': 'The role of {name} is now {role}.',
  'admin.users.lastAdmin': 'This is the last admin: make another user admin first.',
  'admin.users.previous': 'Previous page',
  'admin.users.next': 'Next page',
  'admin.users.page': 'Page {page}',

  'error.notFound.title': 'Page not found',
  'error.notFound.text':
    'We could not find this page. Check the address, or go back to the courses.',
  'error.forbidden.title': 'Not allowed',
  'error.forbidden.text':
    'Your account does not give access to this page. If you think it should, ask your trainer or administrator.',
  'error.csrf.title': 'This form has expired',
  'error.csrf.text':
    'For your safety, the form could not be sent. Go back, reload the page and try again.',
  'error.tooLarge.title': 'Too much data',
  'error.tooLarge.text': 'What you sent is larger than we accept. Shorten it and try again.',
  'error.rateLimited.title': 'Too many attempts',
  'error.rateLimited.text': 'Please wait a minute before trying again.',
  'error.unavailable.title': 'Temporarily unavailable',
  'error.unavailable.text':
    'Lantern cannot reach its database right now. Your progress is safe. Try again in a few minutes.',
  'error.server.title': 'Something went wrong',
  'error.server.text':
    'An unexpected error stopped this page. It has been logged. Try again, and if it keeps happening, tell your administrator.',
  'error.badRequest.title': 'Request not understood',
  'error.badRequest.text': 'The page received something it could not read. Go back and try again.',
  'error.backHome': 'Go to the courses',
  'form.error.invalid': 'Please check this field: its value is not one we can accept.',
  // Catalogue and course page: the languages a course really exists in.
  'catalogue.partly': 'Partly in {language} ({detail})',
  'catalogue.lessonsOf': '{done|other:#} of {total|one:# lesson|other:# lessons}',
  'catalogue.quizzesOf': '{done|other:#} of {total|one:# quiz|other:# quizzes}',
  // Quiz results: a retry helps when not passed; after a pass it is practice.
  'quiz.retryHint':
    'Your best score is the one that counts: a new attempt can raise it, never lower it.',
  'quiz.practise': 'Practise again',
  'quiz.practiseHint':
    'You have passed, and that stays. Another attempt is practice: your best score ({score}%) can only go up.',
  'quiz.practiseHintPerfect':
    'You have passed with full marks, and that stays. Practising again does not change your result.',
  'quiz.passedBefore':
    'You passed this quiz on an earlier attempt, and that stays: your best score is {score}%.',
  'register.welcome': 'Welcome, {name}. Your account is ready and you are logged in.',
  'register.emailTaken':
    'This email address already has an account. Log in with it, or use another address.',
  'certificate.checkAt': 'Anyone can check this certificate at this address:',
} as const;

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
