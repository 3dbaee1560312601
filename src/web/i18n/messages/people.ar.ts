import type { PeopleMessages } from './people.en.js';

// Counts of accounts, in the six forms Arabic gives a number.
const created =
  '{created|zero:لم يُنشأ أي حساب|one:أُنشئ حساب واحد|two:أُنشئ حسابان|few:أُنشئت # حسابات|many:أُنشئ # حسابًا|other:أُنشئ # حساب}';
const updated =
  '{updated|zero:لم يُحدَّث أي حساب|one:حُدِّث حساب واحد|two:حُدِّث حسابان|few:حُدِّثت # حسابات|many:حُدِّث # حسابًا|other:حُدِّث # حساب}';
const unchanged =
  '{unchanged|zero:لم يبقَ أي حساب دون تغيير|one:بقي حساب واحد دون تغيير|two:بقي حسابان دون تغيير|few:بقيت # حسابات دون تغيير|many:بقي # حسابًا دون تغيير|other:بقي # حساب دون تغيير}';

export const peopleAr: PeopleMessages = {
  'people.list.add': 'إضافة شخص',
  'people.list.import': 'الاستيراد من ملف CSV',
  'people.list.status': 'الحالة',
  'people.list.actions': 'الإجراءات',
  'people.status.verified': 'البريد مؤكَّد',
  'people.status.unverified': 'البريد غير مؤكَّد',
  'people.status.invited': 'أُرسلت الدعوة',
  'people.status.invitedHint': 'لم يختر كلمة مرور بعد',
  'people.status.deactivated': 'حساب معطَّل',
  'people.action.invite': 'إعادة إرسال الدعوة',
  'people.action.reset': 'إرسال رابط لإعادة تعيين كلمة المرور',
  'people.action.deactivate': 'تعطيل',
  'people.action.reactivate': 'إعادة التفعيل',
  'people.action.for': '({name})',

  'people.new.title': 'إضافة شخص',
  'people.new.intro':
    'يرسل Lantern إلى هذا الشخص رسالة بريد إلكتروني فيها رابط ليختار كلمة المرور بنفسه (صالح لمدة ٧ أيام). لا يراها أحد غيره ولا يختارها، ولا أنت.',
  'people.new.name': 'الاسم الكامل',
  'people.new.email': 'البريد الإلكتروني',
  'people.new.role': 'الدور',
  'people.new.locale': 'لغة رسائله وصفحاته',
  'people.new.cohort': 'المجموعة (اختياري)',
  'people.new.cohortHint': 'ينضم إليها فورًا ويُسجَّل في دوراتها.',
  'people.new.cohortNone': 'بلا مجموعة',
  'people.new.submit': 'الإضافة وإرسال الدعوة',
  'people.error.role': 'يُرجى اختيار أحد الأدوار المعروضة.',
  'people.error.cohort': 'يُرجى اختيار إحدى المجموعات المعروضة، أو عدم اختيار أي مجموعة.',
  'people.error.emailTaken': 'لهذا العنوان حساب من قبل ({name}): ابحث عنه في قائمة المستخدمين.',
  'people.added': 'أُضيف {name}، وأُرسلت إلى {email} دعوة لاختيار كلمة مرور.',
  'people.invitationSent': 'أُرسلت دعوة جديدة إلى {email}، ولم يعد الرابط المُرسل سابقًا صالحًا.',
  'people.resetSent':
    'أُرسل إلى {email} رابط لاختيار كلمة مرور جديدة. يعمل الرابط مرة واحدة فقط، لمدة ٦٠ دقيقة.',
  'people.deactivated':
    'عُطِّل حساب {name}: سُجِّل خروجه من كل مكان، ولن يتمكن من تسجيل الدخول حتى يُعاد تفعيل حسابه. بياناته محفوظة.',
  'people.reactivated': 'أصبح حساب {name} مفعَّلًا من جديد، ويمكنه تسجيل الدخول.',
  'people.refused.deactivated': 'حساب {name} معطَّل: أعد تفعيله أولًا.',
  'people.refused.notInvited':
    'اختار {name} كلمة مرور من قبل: أرسل إليه بدلًا من ذلك رابطًا لإعادة تعيينها.',
  'people.refused.self': 'لا يمكنك تعطيل حسابك أنت.',

  'people.invitation.title': 'اختر كلمة المرور',
  'people.invitation.intro':
    'أهلًا بك في Lantern يا {name}. اختر كلمة مرور لحسابك ({email})، وسيُسجَّل دخولك فورًا.',
  'people.invitation.password': 'كلمة المرور',
  'people.invitation.confirm': 'تأكيد كلمة المرور',
  'people.invitation.submit': 'حفظ كلمة المرور',
  'people.invitation.invalidTitle': 'لم يعد هذا الرابط صالحًا',
  'people.invitation.invalid':
    'يعمل رابط الدعوة مرة واحدة فقط، لمدة ٧ أيام، ولا يصلح إلا آخر رابط أُرسل. اطلب من المسؤول أن يعيد إرسال الدعوة إليك. وإن كنت قد اخترت كلمة المرور من قبل، فسجّل الدخول.',
  'people.invitation.done': 'أهلًا بك يا {name}: حُفظت كلمة المرور وسجّلت الدخول.',

  'people.import.title': 'استيراد أشخاص من ملف CSV',
  'people.import.intro': 'ارفع جدول بيانات محفوظًا بصيغة CSV. سترى ما سيحدث لكل صف قبل حفظ أي شيء.',
  'people.import.format':
    'يحمل السطر الأول أسماء الأعمدة: {columns}. العمودان email وname وحدهما إلزاميان. يمكن أن تأتي الأعمدة بأي ترتيب، مفصولة بفواصل أو فواصل منقوطة، ويُقرأ الملف بترميز UTF-8.',
  'people.import.formatRole':
    'role: ‏learner أو trainer أو admin. إذا تُرك فارغًا: learner للشخص الجديد، ودون تغيير للشخص الموجود.',
  'people.import.formatLanguage':
    'language: ‏en أو fr أو es أو ar. إذا تُرك فارغًا: لغتك أنت للشخص الجديد، ودون تغيير للشخص الموجود.',
  'people.import.formatCohort': 'cohort: رمز الانضمام إلى مجموعة يُضاف إليها الشخص (اختياري).',
  'people.import.formatExisting':
    'إذا كان لعنوان الشخص حساب من قبل، يُحدَّث بالاسم والدور واللغة المذكورة. ويتلقى الأشخاص الجدد رسالة بريد إلكتروني تدعوهم إلى اختيار كلمة المرور.',
  'people.import.example': 'مثال',
  'people.import.file': 'ملف CSV',
  'people.import.fileHint': 'بحد أقصى {size} ميغابايت و{rows} صف.',
  'people.import.submit': 'الرفع والمعاينة',
  'people.import.noFile': 'يُرجى اختيار ملف CSV لرفعه.',
  'people.import.tooLarge':
    'حجم هذا الملف أكبر من {size} ميغابايت. قسِّمه إلى ملفات أصغر (حسب المجموعة مثلًا) واستوردها واحدًا تلو الآخر.',
  'people.import.unknown':
    'لم يعد هذا الاستيراد متاحًا (يُحتفظ بالملف المرفوع يومًا واحدًا). يُرجى رفع الملف مرة أخرى.',
  'people.import.previewTitle': 'معاينة {file}',
  'people.import.nothingSaved': 'لم يُحفظ أي شيء بعد. راجع ما سيحدث، ثم أكِّد في أسفل الصفحة.',
  'people.import.count.create':
    '{count|zero:لن يُنشأ أي حساب|one:سيُنشأ حساب واحد وتُرسل دعوة إلى صاحبه|two:سيُنشأ حسابان وتُرسل دعوة إلى صاحبيهما|few:ستُنشأ # حسابات وتُرسل دعوات إلى أصحابها|many:سيُنشأ # حسابًا وتُرسل دعوات إلى أصحابها|other:سيُنشأ # حساب وتُرسل دعوات إلى أصحابها}',
  'people.import.count.update':
    '{count|zero:لن يُحدَّث أي حساب|one:سيُحدَّث حساب واحد|two:سيُحدَّث حسابان|few:ستُحدَّث # حسابات|many:سيُحدَّث # حسابًا|other:سيُحدَّث # حساب}',
  'people.import.count.unchanged':
    '{count|zero:لا يوجد حساب مطابق من قبل|one:حساب واحد مطابق من قبل|two:حسابان مطابقان من قبل|few:# حسابات مطابقة من قبل|many:# حسابًا مطابقًا من قبل|other:# حساب مطابق من قبل}',
  'people.import.count.skip':
    '{count|zero:ستُستورد كل الصفوف|one:لن يُستورد صف واحد بسبب مشكلة|two:لن يُستورد صفّان بسبب مشكلات|few:لن تُستورد # صفوف بسبب مشكلات|many:لن يُستورد # صفًّا بسبب مشكلات|other:لن يُستورد # صف بسبب مشكلات}',
  'people.import.nothingToDo':
    'لا شيء يحتاج إلى تغيير: كل صف يطابق ما في Lantern من قبل. ربما سبق استيراد هذا الملف.',
  'people.import.fileRefused': 'لا يمكن استيراد هذا الملف كما هو. صحِّحه، ثم ارفعه مرة أخرى:',
  'people.import.problems':
    '{count|zero:لا مشكلات|one:مشكلة واحدة|two:مشكلتان|few:# مشكلات|many:# مشكلةً|other:# مشكلة}',
  'people.import.problemsHint':
    'لن تُستورد الصفوف التي فيها مشكلة؛ صحِّحها في ملفك واستورده مرة أخرى لاحقًا.',
  'people.import.at': 'السطر {line}، العمود {column} ({field})',
  'people.import.atColumn': 'السطر {line}، العمود {column}',
  'people.import.atLine': 'السطر {line}',
  'people.import.problem.notUtf8':
    'ترميز الملف ليس UTF-8. احفظه في برنامج جداول البيانات بصيغة «CSV UTF-8» ثم ارفعه مرة أخرى.',
  'people.import.problem.empty':
    'الملف فارغ. يجب أن يحمل سطره الأول أسماء الأعمدة، مثلًا: {expected}',
  'people.import.problem.missingColumn':
    'لا يحتوي السطر الأول على العمود «{value}». يجب أن يحمل أسماء الأعمدة، مثلًا: {expected}',
  'people.import.problem.unknownColumn':
    'يذكر السطر الأول عمودًا لا يعرفه Lantern: «{value}». الأعمدة هي: {expected}',
  'people.import.problem.repeatedColumn': 'يتكرر العمود «{value}» مرتين في السطر الأول.',
  'people.import.problem.malformed':
    'في الصف الذي يبدأ في هذا السطر علامة اقتباس لم تُغلق، أو يليها نص آخر. راجع علامات الاقتباس حول قيمه.',
  'people.import.problem.tooManyRows':
    'في الملف {count} صف، ولا يمكن استيراد أكثر من {limit} صف دفعة واحدة. قسِّمه إلى ملفات أصغر.',
  'people.import.problem.extraValues':
    'في هذا الصف قيم أكثر من أعمدة السطر الأول ({count}). إذا كانت قيمة ما تحتوي على فاصلة أو فاصلة منقوطة، فضعها بين علامتي اقتباس مزدوجتين.',
  'people.import.problem.emailMissing': 'عنوان البريد الإلكتروني مفقود.',
  'people.import.problem.email': '«{value}» ليس عنوان بريد إلكتروني.',
  'people.import.problem.nameRequired': 'لا بد من اسم لإنشاء حساب.',
  'people.import.problem.nameTooLong': 'الاسم أطول من {max} حرفًا.',
  'people.import.problem.nameControl':
    'يحتوي الاسم على أحرف غير مرئية (مثل فاصل الأسطر أو علامة الجدولة): احذفها.',
  'people.import.problem.role': '«{value}» ليس دورًا. استخدم أحد هذه الأدوار: {expected}.',
  'people.import.problem.language':
    '«{value}» ليست لغة يوفرها Lantern. استخدم إحدى هذه اللغات: {expected}.',
  'people.import.problem.cohortUnknown': 'لا توجد مجموعة رمز الانضمام إليها «{value}».',
  'people.import.problem.cohortArchived': 'المجموعة التي رمز الانضمام إليها «{value}» مؤرشفة.',
  'people.import.problem.cohortExpired':
    'انقضى الموعد النهائي للمجموعة التي رمز الانضمام إليها «{value}».',
  'people.import.problem.duplicate':
    'هذا العنوان موجود من قبل في السطر {other}: لا يُستورد إلا ذلك الصف الأول.',
  'people.import.problem.ownRole': 'هذا حسابك أنت: لا يغيّر الاستيراد دورك.',
  'people.import.rows': 'كل الصفوف',
  'people.import.col.line': 'السطر',
  'people.import.col.action': 'ما سيحدث',
  'people.import.col.email': 'البريد الإلكتروني',
  'people.import.col.name': 'الاسم',
  'people.import.col.role': 'الدور',
  'people.import.col.language': 'اللغة',
  'people.import.col.cohort': 'المجموعة',
  'people.import.action.create': 'إنشاء ودعوة',
  'people.import.action.update': 'تحديث: {changes}',
  'people.import.action.unchanged': 'دون تغيير',
  'people.import.action.skip': 'لن يُستورد (انظر المشكلات)',
  'people.import.change.name': 'الاسم',
  'people.import.change.role': 'الدور',
  'people.import.change.language': 'اللغة',
  'people.import.change.cohort': 'الانضمام إلى المجموعة',
  'people.import.confirm': 'تأكيد الاستيراد',
  'people.import.another': 'رفع ملف آخر',
  'people.import.doneTitle': 'اكتمل استيراد {file}',
  'people.import.done': `${created}، و${updated}، و${unchanged}.`,
  'people.import.doneNothing': 'لم يتغيّر شيء: كل ما في هذا الملف كان في Lantern من قبل.',
  'people.import.doneSkipped':
    '{count|zero:استُوردت كل الصفوف.|one:لم يُستورد صف واحد بسبب مشكلة.|two:لم يُستورد صفّان بسبب مشكلات.|few:لم تُستورد # صفوف بسبب مشكلات.|many:لم يُستورد # صفًّا بسبب مشكلات.|other:لم يُستورد # صف بسبب مشكلات.}',
  'people.import.doneJoined':
    '{count|zero:لم يُضف أحد إلى أي مجموعة.|one:أُضيف شخص واحد إلى مجموعة.|two:أُضيف شخصان إلى مجموعات.|few:أُضيف # أشخاص إلى مجموعات.|many:أُضيف # شخصًا إلى مجموعات.|other:أُضيف # شخص إلى مجموعات.}',
  'people.import.doneInvited': 'الدعوات في طريقها بالبريد الإلكتروني، وكل رابط صالح لمدة ٧ أيام.',
  'people.import.backToUsers': 'العودة إلى قائمة المستخدمين',

  'audit.sentence.users.create': 'أضاف {actor} الحساب {subject} وأرسل إليه دعوة.',
  'audit.sentence.users.invitation': 'أعاد {actor} إرسال الدعوة إلى {subject}.',
  'audit.sentence.users.resetLink': 'أرسل {actor} إلى {subject} رابطًا لاختيار كلمة مرور جديدة.',
  'audit.sentence.users.deactivate': 'عطّل {actor} حساب {subject}.',
  'audit.sentence.users.reactivate': 'أعاد {actor} تفعيل حساب {subject}.',
  'audit.sentence.users.import': `استورد {actor} أشخاصًا من {file}: ${created}، و${updated}، و${unchanged}.`,
};
