import type { Messages } from './en.js';

export const ar: Messages = {
  'app.name': 'Lantern',
  'app.tagline': 'منصة تعلّم لمن يحمون الأطفال في الأزمات الإنسانية',
  'nav.skip': 'الانتقال إلى المحتوى الرئيسي',
  'nav.main': 'القائمة الرئيسية',
  'nav.menu': 'القائمة',
  'nav.catalogue': 'الدورات',
  'nav.myLearning': 'تعلّمي',
  'nav.account': 'حسابي',
  'nav.users': 'المستخدمون',
  'nav.login': 'تسجيل الدخول',
  'nav.register': 'إنشاء حساب',
  'nav.logout': 'تسجيل الخروج',
  'lang.label': 'اللغة',
  'lang.en': 'English',
  'lang.fr': 'Français',
  'lang.es': 'Español',
  'lang.ar': 'العربية',
  'footer.text': 'Lantern: منصة تعلّم مجانية وخفيفة لحماية الطفل.',

  'home.title': 'تعلّم كيف تحمي الأطفال',
  'home.intro':
    'دورات قصيرة تدرسها بالسرعة التي تناسبك حول حماية الطفل في العمل الإنساني. تعمل على الهاتف وحتى مع الاتصال البطيء، ويمكنك التوقف ثم المتابعة من حيث توقفت.',
  'home.welcome': 'أهلًا بك يا {name}.',

  'form.errorSummary': 'يُرجى تصحيح الحقول المشار إليها.',
  'form.error.required': 'يُرجى ملء هذا الحقل.',
  'form.error.tooLong': 'يُرجى ألا يتجاوز عدد الأحرف {max}.',
  'form.error.tooShort': 'يُرجى ألا يقل عدد الأحرف عن {min}.',
  'form.error.email': 'يُرجى إدخال عنوان بريد إلكتروني مثل name@example.org.',
  'form.error.locale': 'يُرجى اختيار إحدى اللغات المعروضة.',
  'form.error.mismatch': 'كلمتا المرور غير متطابقتين.',
  'form.error.nameControl':
    'يُرجى حذف الأحرف غير المرئية (مثل فاصل الأسطر أو علامة الجدولة) من الاسم.',

  'register.title': 'إنشاء حساب',
  'register.intro': 'يحفظ حسابك تقدّمك وشهاداتك. لا نطلب إلا ما نحتاج إليه.',
  'register.name': 'الاسم الكامل',
  'register.nameHint': 'كما تريد أن يظهر في شهاداتك.',
  'register.email': 'البريد الإلكتروني',
  'register.password': 'كلمة المرور',
  'register.passwordHint':
    'يجب ألا يقل عدد أحرفها عن {min}. بضع كلمات متتالية تكون سهلة التذكّر وصعبة التخمين.',
  'register.locale': 'اللغة المفضّلة',
  'register.submit': 'إنشاء حسابي',
  'register.haveAccount': 'هل لديك حساب بالفعل؟',

  'login.title': 'تسجيل الدخول',
  'login.email': 'البريد الإلكتروني',
  'login.password': 'كلمة المرور',
  'login.submit': 'تسجيل الدخول',
  'login.failed': 'البريد الإلكتروني وكلمة المرور لا يطابقان أي حساب. تحقّق منهما وحاول مرة أخرى.',
  'login.noAccount': 'هل هذه زيارتك الأولى؟',
  'login.required': 'يُرجى تسجيل الدخول لعرض تلك الصفحة.',
  'logout.done': 'تم تسجيل خروجك. إذا كان الجهاز مشتركًا، فأغلق المتصفح أيضًا.',

  'account.title': 'حسابي',
  'account.details': 'بياناتك',
  'account.name': 'الاسم',
  'account.email': 'البريد الإلكتروني',
  'account.role': 'الدور',
  'account.changePassword': 'تغيير كلمة المرور',
  'account.mustChange': 'أنت تستخدم كلمة مرور لمرة واحدة. اختر كلمة مرور خاصة بك للمتابعة.',
  'account.currentPassword': 'كلمة المرور الحالية',
  'account.newPassword': 'كلمة المرور الجديدة',
  'account.confirmPassword': 'تأكيد كلمة المرور الجديدة',
  'account.submitPassword': 'حفظ كلمة المرور الجديدة',
  'account.wrongPassword': 'كلمة المرور الحالية غير صحيحة.',
  'account.passwordChanged': 'تم تغيير كلمة المرور، وسُجّل خروجك من أجهزتك الأخرى.',

  'role.learner': 'متعلّم',
  'role.trainer': 'مدرّب',
  'role.admin': 'مسؤول',

  'admin.users.title': 'المستخدمون',
  'admin.users.search': 'البحث بالاسم أو البريد الإلكتروني',
  'admin.users.searchButton': 'بحث',
  'admin.users.count':
    '{count|zero:لم يُعثر على أي مستخدم|one:عُثر على مستخدم واحد|two:عُثر على مستخدمَين|few:عُثر على # مستخدمين|many:عُثر على # مستخدمًا|other:عُثر على # مستخدم}',
  'admin.users.none': 'لا يوجد مستخدم يطابق هذا البحث.',
  'admin.users.name': 'الاسم',
  'admin.users.email': 'البريد الإلكتروني',
  'admin.users.role': 'الدور',
  'admin.users.joined': 'تاريخ الانضمام',
  'admin.users.changeRole': 'تغيير دور {name}',
  'admin.users.save': 'حفظ',
  'admin.users.roleChanged': 'أصبح دور {name} الآن: {role}.',
  'admin.users.lastAdmin': 'هذا هو حساب المسؤول الوحيد المتبقي: امنح هذا الدور لمستخدم آخر أولًا.',
  'admin.users.previous': 'الصفحة السابقة',
  'admin.users.next': 'الصفحة التالية',
  'admin.users.page': 'الصفحة {page}',

  'error.notFound.title': 'الصفحة غير موجودة',
  'error.notFound.text': 'لم نعثر على هذه الصفحة. تحقّق من العنوان أو عُد إلى الدورات.',
  'error.forbidden.title': 'غير مسموح بالوصول',
  'error.forbidden.text':
    'حسابك لا يتيح الوصول إلى هذه الصفحة. إذا كنت تعتقد أنه ينبغي أن يكون لديك حق الوصول، فاسأل مدرّبك أو المسؤول.',
  'error.csrf.title': 'انتهت صلاحية هذا النموذج',
  'error.csrf.text':
    'حرصًا على أمانك، تعذّر إرسال النموذج. عُد إلى الصفحة السابقة وأعد تحميلها، ثم حاول مرة أخرى.',
  'error.tooLarge.title': 'حجم البيانات كبير جدًا',
  'error.tooLarge.text': 'ما أرسلته أكبر من الحجم المسموح به. اختصره وحاول مرة أخرى.',
  'error.rateLimited.title': 'محاولات كثيرة جدًا',
  'error.rateLimited.text': 'يُرجى الانتظار دقيقة قبل المحاولة مرة أخرى.',
  'error.unavailable.title': 'الخدمة غير متاحة مؤقتًا',
  'error.unavailable.text':
    'لا يستطيع Lantern الوصول إلى قاعدة بياناته الآن. تقدّمك محفوظ. حاول مرة أخرى بعد بضع دقائق.',
  'error.server.title': 'حدث خطأ ما',
  'error.server.text':
    'حدث خطأ غير متوقع منع عرض هذه الصفحة، وقد تم تسجيله. حاول مرة أخرى، وإذا تكرّر ذلك فأبلغ المسؤول.',
  'error.badRequest.title': 'تعذّر فهم الطلب',
  'error.badRequest.text':
    'تلقّت الصفحة بيانات لا تستطيع قراءتها. عُد إلى الصفحة السابقة وحاول مرة أخرى.',
  'error.backHome': 'الانتقال إلى الدورات',
  'form.error.invalid': 'يُرجى مراجعة هذا الحقل: لا يمكن قبول قيمته.',
  // الفهرس وصفحة الدورة: اللغات التي تتوفر بها الدورة فعلًا.
  'catalogue.partly': 'ترجمة جزئية إلى {language} ({detail})',
  'catalogue.lessonsOf':
    '{done|zero:# درس|one:درس واحد|two:درسان|few:# دروس|many:# درسًا|other:# درس} من أصل {total|other:#}',
  'catalogue.quizzesOf':
    '{done|zero:# اختبار|one:اختبار واحد|two:اختباران|few:# اختبارات|many:# اختبارًا|other:# اختبار} من أصل {total|other:#}',
  'quiz.retryHint': 'أفضل نتيجة لك هي التي تُحتسب: قد ترفعها محاولة جديدة، ولن تخفضها أبدًا.',
  'quiz.practise': 'تدرّب مرة أخرى',
  'quiz.practiseHint':
    'لقد نجحت، وهذا النجاح محفوظ. المحاولة الجديدة للتدرّب فقط: أفضل نتيجة لك ({score}%) يمكن أن ترتفع ولا تنخفض.',
  'quiz.practiseHintPerfect':
    'لقد نجحت بالعلامة الكاملة، وهذا محفوظ. التدرّب مرة أخرى لا يغيّر نتيجتك.',
  'quiz.passedBefore':
    'لقد نجحت في هذا الاختبار في محاولة سابقة، وهذا محفوظ: أفضل نتيجة لك هي {score}%.',
  'register.welcome': 'أهلًا بك يا {name}. حسابك جاهز وقد سجّلت الدخول.',
  'register.emailTaken':
    'يوجد حساب بهذا البريد الإلكتروني بالفعل. سجّل الدخول به، أو استخدم عنوانًا آخر.',
  'certificate.checkAt': 'يمكن لأي شخص التحقق من هذه الشهادة على هذا العنوان:',
};
