import type { AccessMessages } from './access.en.js';

const minutes =
  '{minutes|zero:# دقيقة|one:دقيقة واحدة|two:دقيقتين|few:# دقائق|many:# دقيقة|other:# دقيقة}';

export const accessAr: AccessMessages = {
  'access.login.forgot': 'هل نسيت كلمة المرور؟',
  'access.login.paused': `أُدخلت كلمات مرور خاطئة كثيرة لهذا العنوان، لذا عُلِّق تسجيل الدخول به لمدة ${minutes}. حاول مرة أخرى بعد ذلك، أو اختر كلمة مرور جديدة عبر «هل نسيت كلمة المرور؟».`,

  'access.forgot.title': 'هل نسيت كلمة المرور؟',
  'access.forgot.intro':
    'اكتب عنوان البريد الإلكتروني لحسابك، وسنرسل إليك رابطًا لاختيار كلمة مرور جديدة.',
  'access.forgot.email': 'البريد الإلكتروني',
  'access.forgot.submit': 'إرسال رابط إليّ',
  'access.forgot.sentTitle': 'تحقّق من بريدك الإلكتروني',
  'access.forgot.sent':
    'إذا كان هناك حساب مسجَّل بالعنوان {email}، فقد أرسلنا إليه رابطًا. يعمل الرابط مرة واحدة فقط، لمدة ٦٠ دقيقة.',
  'access.forgot.sentHelp':
    'لم يصلك شيء بعد بضع دقائق؟ ابحث في مجلد الرسائل غير المرغوب فيها، وتأكّد من أن هذا هو العنوان الذي تستخدمه في Lantern.',
  'access.forgot.tryAgain': 'تجربة عنوان آخر',
  'access.forgot.waitAddress': `أُرسلت عدة روابط إلى هذا العنوان خلال الساعة الماضية. استخدم أحدثها، أو اطلب رابطًا جديدًا بعد ${minutes}.`,
  'access.forgot.backToLogin': 'العودة إلى تسجيل الدخول',

  'access.reset.title': 'اختيار كلمة مرور جديدة',
  'access.reset.intro':
    'اختر كلمة مرور جديدة للحساب {email}. سيُسجَّل دخولك هنا، وسيُسجَّل خروجك من جميع أجهزتك الأخرى.',
  'access.reset.password': 'كلمة المرور الجديدة',
  'access.reset.confirm': 'تأكيد كلمة المرور الجديدة',
  'access.reset.submit': 'الحفظ وتسجيل الدخول',
  'access.reset.done': 'حُفظت كلمة المرور الجديدة وسجّلت الدخول، وسُجِّل خروجك من جميع أجهزتك الأخرى.',
  'access.reset.invalidTitle': 'لم يعد هذا الرابط صالحًا',
  'access.reset.invalid':
    'يعمل رابط اختيار كلمة مرور جديدة مرة واحدة فقط، لمدة ٦٠ دقيقة، ولا يصلح إلا آخر رابط أُرسل إليك. وهذا الرابط إما استُخدم من قبل، أو انتهت صلاحيته، أو لم يُنسخ كاملًا.',
  'access.reset.askAgain': 'طلب رابط جديد',

  'access.register.welcome':
    'أهلًا بك يا {name}. حسابك جاهز وقد سجّلت الدخول. أرسلنا رابطًا إلى {email} لتأكيد عنوانك.',

  'access.verify.askTitle': 'أكّد عنوان بريدك الإلكتروني',
  'access.verify.ask': 'أكّد أن {email} هو عنوانك: لا تُمنح الشهادات إلا للعناوين المؤكَّدة.',
  'access.verify.submit': 'تأكيد عنواني',
  'access.verify.title': 'تم تأكيد عنوان البريد الإلكتروني',
  'access.verify.confirmed': 'شكرًا لك: تم تأكيد العنوان {email}.',
  'access.verify.certificates':
    '{count|one:شهادة الدورة التي أكملتها جاهزة.|two:شهادتا الدورتين اللتين أكملتهما جاهزتان.|few:شهادات الدورات الـ# التي أكملتها جاهزة.|many:شهادات الدورات الـ# التي أكملتها جاهزة.|other:شهادات الدورات الـ# التي أكملتها جاهزة.}',
  'access.verify.toMyLearning': 'الانتقال إلى تعلّمي',
  'access.verify.toCatalogue': 'تصفّح الدورات',
  'access.verify.already': 'عنوان بريدك الإلكتروني مؤكَّد.',
  'access.verify.invalidTitle': 'لم يعد هذا الرابط صالحًا',
  'access.verify.invalid':
    'يعمل رابط التأكيد مرة واحدة فقط، لمدة ٧ أيام، ولا يصلح إلا آخر رابط أُرسل إليك. وهذا الرابط إما استُخدم من قبل، أو انتهت صلاحيته، أو لم يُنسخ كاملًا.',
  'access.verify.invalidSignedIn': 'يمكنك أن ترسل إلى نفسك رابطًا جديدًا.',
  'access.verify.invalidAnonymous': 'سجّل الدخول: تتيح لك صفحة حسابك أن ترسل إلى نفسك رابطًا جديدًا.',
  'access.verify.sent': 'رابط جديد في طريقه إلى {email}. يعمل مرة واحدة فقط، لمدة ٧ أيام.',
  'access.verify.resendLater': `أُرسلت عدة روابط خلال الساعة الماضية. استخدم أحدثها، أو اطلب رابطًا جديدًا بعد ${minutes}.`,

  'access.status.unconfirmed': 'لم يُؤكَّد عنوان بريدك الإلكتروني بعد.',
  'access.status.unconfirmedText':
    'افتح الرابط الذي أرسلناه إلى {email}. يمكنك متابعة التعلّم في الأثناء، لكن الشهادات لا تُصدَر إلا للعناوين المؤكَّدة.',
  'access.status.resend': 'إعادة إرسال الرابط',

  'access.certificate.pending':
    'ستتوفّر شهادتك هنا فور تأكيد عنوان بريدك الإلكتروني. افتح الرابط الذي أرسلناه إلى {email}.',

  'audit.sentence.password.reset':
    'اختار {actor} كلمة مرور جديدة عبر رابط وصله بالبريد الإلكتروني.',
  'audit.sentence.email.verified': 'أكّد {actor} عنوان بريده الإلكتروني.',
  'audit.sentence.login.paused': `أدخل {actor} {failures|zero:# كلمة مرور خاطئة|one:كلمة مرور خاطئة واحدة|two:كلمتَي مرور خاطئتين|few:# كلمات مرور خاطئة|many:# كلمة مرور خاطئة|other:# كلمة مرور خاطئة} متتالية لحساب {subject}، فعُلِّق تسجيل الدخول إليه لمدة ${minutes}.`,
  'access.audit.someone': 'شخصٌ ما',
};
