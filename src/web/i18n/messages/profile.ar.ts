import type { ProfileMessages } from './profile.en.js';

export const profileAr: ProfileMessages = {
  'profile.intro': 'بياناتك، وطريقة تسجيل دخولك، والبيانات التي يحتفظ بها Lantern عنك.',
  'profile.details.title': 'الاسم واللغة',
  'profile.details.submit': 'حفظ الاسم واللغة',
  'profile.details.saved': 'حُفظ اسمك ولغتك.',
  'profile.details.unchanged': 'لم يتغيّر شيء: اسمك ولغتك كانا كذلك من قبل.',
  'profile.email.title': 'البريد الإلكتروني',
  'profile.email.current': 'تسجّل الدخول باستخدام {email}.',
  'profile.email.new': 'البريد الإلكتروني الجديد',
  'profile.email.newHint':
    'نرسل رابطًا إلى العنوان الجديد. لا يتغيّر عنوانك إلا عند فتح هذا الرابط خلال 24 ساعة.',
  'profile.email.password': 'كلمة المرور',
  'profile.email.passwordHint': 'للتأكّد من أنك صاحب الحساب.',
  'profile.email.submit': 'إرسال رابط التأكيد',
  'profile.email.same': 'هذا هو عنوان بريدك الإلكتروني الحالي.',
  'profile.email.sent':
    'أرسلنا رابطًا إلى {email}. افتحه خلال 24 ساعة لتأكيد العنوان الجديد، وإلى ذلك الحين يبقى عنوانك الحالي مستخدمًا.',
  'profile.email.pending': 'بانتظار التأكيد: {email} (يعمل الرابط حتى {date}).',
  'profile.email.cancel': 'إلغاء هذا التغيير',
  'profile.email.cancelled': 'أُلغي تغيير العنوان، ولم يعد الرابط يعمل.',
  'profile.email.changed': 'أصبح عنوان بريدك الإلكتروني {email}.',
  'profile.email.confirmTitle': 'عنوان بريدك الإلكتروني الجديد',
  'profile.email.confirmIntro':
    'أكّد أن {email} سيصبح عنوان البريد الإلكتروني لهذا الحساب في Lantern. ستسجّل الدخول به بعد ذلك.',
  'profile.email.confirmSubmit': 'تأكيد العنوان الجديد',
  'profile.email.linkInvalid':
    'لم يعد رابط التأكيد هذا يعمل: فقد انتهت صلاحيته، أو سبق استخدامه، أو حلّ محلّه رابط أحدث. يمكنك طلب رابط جديد من صفحة حسابك.',
  'profile.email.taken':
    'يستخدم حساب آخر في Lantern العنوان {email}، فلا يمكن أن يصبح عنوانًا لهذا الحساب. سجّل الدخول إلى ذلك الحساب بدلًا من ذلك، أو اختر عنوانًا آخر.',
  'profile.email.otherAccount':
    'أُرسل هذا الرابط لحساب غير الحساب الذي سجّلت الدخول إليه. سجّل الخروج، ثم افتح الرابط مرة أخرى.',
  'profile.email.toAccount': 'الانتقال إلى حسابي',
  'profile.password.intro':
    'يؤدي تغيير كلمة المرور إلى تسجيل خروجك من جميع أجهزتك الأخرى وإلغاء كل الروابط التي أرسلناها إليك بالبريد الإلكتروني.',
  'profile.reminders.title': 'التذكيرات بالبريد الإلكتروني',
  'profile.reminders.label': 'تذكيرات بالبريد الإلكتروني من مدرّبيّ',
  'profile.reminders.hint':
    'يمكن لمدرّب مجموعتك أن يذكّرك بدورة لم تُكملها، مرة واحدة في اليوم على الأكثر.',
  'profile.reminders.submit': 'حفظ اختياري',
  'profile.reminders.on': 'تذكيرات مدرّبيك مفعّلة.',
  'profile.reminders.off': 'تذكيرات مدرّبيك متوقّفة.',
  'profile.data.title': 'بياناتك',
  'profile.data.intro':
    'نزّل في ملف واحد (JSON) كل ما يحتفظ به Lantern عنك: بياناتك، ودوراتك، وتقدّمك، وإجاباتك عن الاختبارات، وشهاداتك، وبيانات أنشطة SCORM، ومجموعاتك، وسجلّ من اطّلع على بياناتك أو غيّرها.',
  'profile.data.download': 'تنزيل بياناتي',
  'profile.delete.title': 'حذف حسابي',
  'profile.delete.intro':
    'امحُ اسمك وعنوان بريدك الإلكتروني من Lantern نهائيًا. ستُطلب منك كلمة المرور.',
  'profile.delete.link': 'حذف حسابي…',
  'profile.delete.what': 'ما يحدث عند حذف حسابك:',
  'profile.delete.identity':
    'يُمحى اسمك وعنوان بريدك الإلكتروني نهائيًا، ولن يتمكّن أحد بعد ذلك من تسجيل الدخول إلى الحساب.',
  'profile.delete.signOut':
    'يُسجَّل خروجك من جميع أجهزتك، وتتوقّف الروابط التي أرسلناها إليك بالبريد الإلكتروني عن العمل، وتُلغى الرسائل التي تنتظر الإرسال إليك.',
  'profile.delete.results':
    'تبقى نتائجك (التقدّم، وإجابات الاختبارات، وبيانات الأنشطة) دون اسمك، كي تظلّ أرقام مدرّبيك صحيحة، ولن يستطيع أحد بعد ذلك معرفة أنها لك.',
  'profile.delete.certificates': 'تُسحب شهاداتك: ومن يتحقّق من إحداها يُبلَّغ بأنها سُحبت بناءً على طلبك.',
  'profile.delete.undo': 'لا يمكن التراجع عن ذلك. إن أردت الاحتفاظ بنسخة من بياناتك، فنزّلها أولًا.',
  'profile.delete.password': 'كلمة المرور',
  'profile.delete.passwordHint': 'للتأكّد من أنك صاحب الحساب.',
  'profile.delete.submit': 'حذف حسابي نهائيًا',
  'profile.delete.keep': 'الإبقاء على حسابي',
  'profile.delete.lastAdmin': 'أنت المسؤول الوحيد. امنح دور المسؤول لشخص آخر قبل أن تحذف حسابك.',
  'profile.delete.done': 'حُذف حسابك. شكرًا لتعلّمك مع Lantern.',
  'profile.admin.download': 'البيانات',
  'profile.admin.downloadFor': 'تنزيل بيانات {name} (JSON)',
  'profile.admin.erase': 'محو…',
  'profile.admin.erased': 'ممحوّ',
  'profile.admin.eraseTitle': 'محو حساب',
  'profile.admin.eraseIntro': 'أنت على وشك محو حساب {name} ({email}).',
  'profile.admin.eraseWhat':
    'يُمحى اسم صاحب الحساب وعنوان بريده الإلكتروني نهائيًا، ولن يتمكّن أحد بعد ذلك من تسجيل الدخول إلى الحساب. تنتهي جلساته فورًا، وتتوقّف الروابط المرسلة إليه بالبريد الإلكتروني عن العمل، وتُلغى الرسائل التي تنتظر الإرسال إليه. تبقى نتائجه دون اسم كي تحتفظ التقارير بأرقامها الصحيحة، وتُسحب شهاداته. لا يمكن التراجع عن ذلك: نزّل بياناته أولًا إن كان لا بد من الاحتفاظ بها.',
  'profile.admin.erasePassword': 'كلمة المرور الخاصة بك',
  'profile.admin.eraseSubmit': 'محو هذا الحساب نهائيًا',
  'profile.admin.eraseBack': 'العودة إلى المستخدمين',
  'profile.admin.erasedDone': 'مُحي الحساب.',
  'profile.admin.eraseSelf':
    'لا يمكنك محو حسابك من صفحة المستخدمين. استخدم «حذف حسابي» في صفحة حسابك.',
  'profile.admin.alreadyErased': 'سبق أن مُحي هذا الحساب.',
  'profile.admin.lastAdmin': 'هذا آخر حساب مسؤول: امنح دور المسؤول لشخص آخر أولًا.',
  'profile.deletedAccount': 'حساب محذوف',
  'profile.certificateWithdrawn': 'سُحبت هذه الشهادة بناءً على طلب صاحبها.',
  'audit.sentence.profile.update': 'حدّث {actor} ملفه الشخصي ({fields}).',
  'audit.sentence.profile.emailRequest':
    'طلب {actor} تغيير عنوان بريده الإلكتروني، وأُرسل رابط تأكيد إلى العنوان الجديد.',
  'audit.sentence.profile.emailChange': 'أكّد {actor} عنوان بريد إلكتروني جديدًا.',
  'audit.sentence.profile.password': 'غيّر {actor} كلمة مروره.',
  'audit.sentence.profile.reminders': 'فعّل {actor} تذكيرات المدرّبين بالبريد الإلكتروني.',
  'audit.sentence.profile.remindersOff': 'أوقف {actor} تذكيرات المدرّبين بالبريد الإلكتروني.',
  'audit.sentence.data.export': 'نزّل {actor} البيانات الشخصية لـ{subject}.',
  'audit.sentence.data.exportOwn': 'نزّل {actor} بياناته الخاصة.',
  'audit.sentence.account.erase': 'محا {actor} حساب {subject}.',
  'audit.sentence.account.eraseOwn': 'حذف {actor} حسابه.',
};
