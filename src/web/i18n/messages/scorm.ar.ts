import type { ScormMessages } from './scorm.en.js';

export const scormAr: ScormMessages = {
  'nav.scorm': 'حزم SCORM',
  'scorm.needsScript': 'هذا النشاط محتوى تفاعلي، ويتطلب تفعيل JavaScript في متصفحك.',
  'scorm.autosave': 'يُحفظ تقدّمك في هذا النشاط أولًا بأول.',
  'scorm.exit': 'الحفظ والخروج',
  'scorm.saved': 'حُفظ تقدّمك في الساعة {time}.',
  'scorm.retrying': 'تعذّر حفظ تقدّمك الآن. جارٍ المحاولة مرة أخرى، فأبقِ هذه الصفحة مفتوحة.',

  'scorm.closed.title': 'أُغلق النشاط',
  'scorm.closed.saved': 'تقدّمك فيه محفوظ.',
  'scorm.closed.continue': 'متابعة',
  'scorm.closed.back': 'العودة إلى الدورة',
  'scorm.closed.reopen': 'افتحه مرة أخرى',
  'scorm.admin.title': 'حزم SCORM',
  'scorm.admin.intro':
    'استورد دورة مُصدَّرة بصيغة SCORM 1.2 أو SCORM 2004 (ملف \u200e.zip من Articulate أو iSpring أو Captivate أو Lectora أو H5P أو أدوات مشابهة). تُنشر الدورة في قائمة الدورات إلى جانب دورات Lantern الأصلية.',
  'scorm.import.heading': 'استيراد حزمة',
  'scorm.import.file': 'الحزمة (\u200e.zip)',
  'scorm.import.fileHint': 'الحجم الأقصى {size}. يجري التحقق من الحزمة قبل حفظ أي شيء.',
  'scorm.import.slug': 'عنوان الدورة (اختياري)',
  'scorm.import.slugHint':
    'أحرف لاتينية صغيرة وأرقام وشرطات، مثل first-aid-basics. أدخل عنوان دورة مستوردة لإضافة إصدار جديد منها، أو اتركه فارغًا لاستخدام عنوان الحزمة (يُتعرَّف على الحزمة المستوردة سابقًا من خلال معرّفها).',
  'scorm.import.locale': 'لغة المحتوى',
  'scorm.import.submit': 'استيراد',
  'scorm.import.uploading': 'جارٍ الرفع: {percent}%',
  'scorm.import.checking': 'جارٍ التحقق من الحزمة…',
  'scorm.import.noFile': 'اختر ملف \u200e.zip لاستيراده.',
  'scorm.import.invalidSlug':
    'لا يجوز أن يحتوي عنوان الدورة إلا على أحرف لاتينية صغيرة وأرقام وشرطات غير متتالية.',
  'scorm.import.slugTaken': 'هذا العنوان مستخدم لدورة من دورات Lantern الأصلية، فاختر عنوانًا آخر.',
  'scorm.import.refused': 'لم يُستورد الملف {file}، ولم يُحفظ أي شيء. المشكلات المكتشفة:',
  'scorm.import.created':
    'استُوردت «{title}» بوصفها دورة جديدة ({version}، {count|one:نشاط واحد|two:نشاطان|few:# أنشطة|many:# نشاطًا|other:# نشاط}).',
  'scorm.import.newVersion':
    'استُوردت «{title}» بوصفها الإصدار {number}. تستخدم المحاولات الجديدة هذا الإصدار، أما المحاولات التي بدأت من قبل فتبقى على الإصدار الذي بدأت به.',
  'scorm.import.unchanged': 'سبق استيراد «{title}» بهذا الملف نفسه، فلم يتغيّر شيء.',
  'scorm.import.openCourse': 'فتح الدورة',
  'scorm.import.notices': 'عولج ما يلي تلقائيًا أثناء الاستيراد:',
  'scorm.courses.heading': 'الدورات المستوردة',
  'scorm.courses.none': 'لم تُستورد أي دورة SCORM بعد.',
  'scorm.courses.course': 'الدورة',
  'scorm.courses.version': 'الإصدار',
  'scorm.courses.attempts': 'المحاولات',
  'scorm.courses.policy': 'محاولة جديدة',
  'scorm.courses.maxAttempts': 'الحد الأقصى للمحاولات',
  'scorm.courses.maxAttemptsHint': 'اتركه فارغًا لعدم وضع حد.',
  'scorm.courses.save': 'حفظ',
  'scorm.courses.settingsFor': 'إعدادات المحاولات لدورة «{title}»',
  'scorm.courses.versionValue': 'الإصدار {number} · {standard}',
  'scorm.policy.when_finished':
    'عند انتهاء المحاولة السابقة: مكتملة أو ناجحة أو راسبة، أو تُركت دون حفظ موضع التوقف',
  'scorm.policy.never': 'أبدًا: يستأنف المتعلّمون دائمًا محاولتهم الأولى',
  'scorm.policy.always': 'في كل مرة يُفتح فيها النشاط',
  'scorm.settings.saved': 'حُفظت إعدادات المحاولات.',
  'scorm.settings.invalid':
    'اختر قاعدة لبدء المحاولات الجديدة، وحدًا أقصى بين 1 و1000 (أو اتركه فارغًا).',

  'scorm.problem.not_zip': 'الملف ليس أرشيف zip.',
  'scorm.problem.corrupt_zip': 'أرشيف zip تالف ({reason}).',
  'scorm.problem.limit_total_size':
    'حجم الحزمة بعد فك ضغطها يتجاوز الحد الأقصى البالغ {limit} بايت.',
  'scorm.problem.limit_file_count': 'عدد الملفات في الحزمة يتجاوز الحد الأقصى البالغ {limit}.',
  'scorm.problem.limit_ratio':
    'يزيد حجم الحزمة بعد فك ضغطها على حجمها المضغوط بأكثر من {limit} مرة، لذا رُفضت لاحتمال أن تكون «قنبلة zip».',
  'scorm.problem.limit_manifest_size': 'حجم ملف البيان يتجاوز الحد الأقصى البالغ {limit} بايت.',
  'scorm.problem.unsafe_path': 'يحتوي ملف zip على اسم ملف غير آمن ({reason}).',
  'scorm.problem.symlink': 'يحتوي ملف zip على رابط رمزي، وهذا غير مسموح به.',
  'scorm.problem.special_file':
    'يحتوي ملف zip على ملف خاص (جهاز أو أنبوب أو مقبس)، وهذا غير مسموح به.',
  'scorm.problem.duplicate_name': 'يحتوي ملف zip على مُدخلين بالاسم نفسه ({other}).',
  'scorm.problem.encrypted_entry': 'يحتوي ملف zip على ملف محمي بكلمة مرور.',
  'scorm.problem.unsupported_compression': 'يستخدم ملف zip طريقة ضغط غير مدعومة ({method}).',
  'scorm.problem.no_manifest': 'لا يوجد ملف imsmanifest.xml في جذر الحزمة.',
  'scorm.problem.malformed_xml': 'بنية XML غير سليمة: {reason}',
  'scorm.problem.not_a_manifest':
    'العنصر الجذر هو <{root}>، وليس عنصر <manifest> الخاص بحزم المحتوى وفق مواصفة IMS.',
  'scorm.problem.unsupported_version':
    'هذا النوع من الحزم غير مدعوم (إصدار المخطط «{schemaversion}»)، فالمدعوم هو SCORM 1.2 وSCORM 2004 فقط.',
  'scorm.problem.no_organization':
    'لا يحتوي ملف البيان على أي تنظيم (organization) ولا على أي مورد يمكن تشغيله.',
  'scorm.problem.no_launchable_item': 'لا يحتوي التنظيم على أي عنصر يمكن تشغيله.',
  'scorm.problem.duplicate_identifier': 'المعرّف «{identifier}» مستخدم أكثر من مرة.',
  'scorm.problem.missing_identifier': 'أحد العناصر ليس له معرّف.',
  'scorm.problem.missing_resource':
    'يشير العنصر «{item}» إلى المورد «{identifierref}»، وهو غير موجود.',
  'scorm.problem.resource_without_href':
    'يشغّل أحد العناصر المورد «{resource}»، لكن هذا المورد ليس له href.',
  'scorm.problem.missing_launch_file': 'ملف التشغيل «{path}» غير موجود في الحزمة.',
  'scorm.notice.manifest_in_subfolder':
    'ملف البيان موجود داخل المجلد «{folder}»، لذا استُخدم هذا المجلد جذرًا للحزمة.',
  'scorm.notice.manifest_name_case': 'اسم ملف البيان «{name}» بدلًا من imsmanifest.xml.',
  'scorm.notice.default_organization_fallback':
    'التنظيم الافتراضي مفقود أو غير صحيح، لذا استُخدم «{used}».',
  'scorm.notice.organization_synthesised':
    'لا يحتوي ملف البيان على أي تنظيم، لذا {count|one:أُنشئ نشاط من مورده الوحيد|two:أُنشئ نشاطان، واحد لكل مورد من مورديه|few:أُنشئت # أنشطة، واحد لكل مورد من موارده|many:أُنشئ # نشاطًا، واحد لكل مورد من موارده|other:أُنشئ # نشاط، واحد لكل مورد من موارده}.',
  'scorm.notice.version_inferred': 'تم التعرّف على إصدار SCORM من نطاقات أسماء XML ({version}).',
  'scorm.notice.unknown_schemaversion':
    'إصدار المخطط «{schemaversion}» غير معروف، لذا استُخدمت نطاقات أسماء XML بدلًا منه.',
  'scorm.notice.metadata_file_missing': 'ملف البيانات الوصفية «{path}» غير موجود في الحزمة.',
  'scorm.notice.metadata_file_malformed': 'تعذّرت قراءة ملف البيانات الوصفية «{path}» بصيغة XML.',
  'scorm.notice.external_launch_url': 'يشغّل العنصر «{item}» عنوانًا خارجيًا ({url}).',
  'scorm.notice.sequencing_reference_missing':
    'يشير العنصر «{item}» إلى قواعد التسلسل «{idref}»، وهي غير موجودة.',
  'scorm.notice.sequencing_value_invalid':
    'العنصر «{item}»: القيمة «{value}» في {field} غير صالحة، فاستُخدمت {used} بدلًا منها.',
  'scorm.notice.sequencing_element_ignored':
    'العنصر «{item}»: القيمة «{value}» في {field} غير صالحة، لذا استُبعدت قاعدة التسلسل هذه.',
  'scorm.import.sequencing': 'قواعد التسلسل المستخدمة: {features}.',
  'scorm.import.sequencingNone': 'لا توجد قواعد تسلسل: يمكن للمتعلّم فتح الأنشطة بأي ترتيب.',
  'scorm.import.sequencingUnsupported': 'غير مدعوم، وتم تجاهله: {features}.',
  'scorm.sequence.opening': 'جارٍ فتح النشاط التالي…',
  'scorm.sequence.blocked':
    'هذا النشاط غير متاح الآن: تطلب الدورة اتباع ترتيبها. عُد إلى الدورة وتابع من حيث وصلت.',
  'scorm.sequence.ended': 'لقد وصلت إلى نهاية هذه الدورة.',
  'scorm.sequence.suspended': 'حُفظ موضع توقفك. يمكنك العودة والمتابعة لاحقًا.',
  'scorm.sequence.offline': 'تعذّر إرسال تقدّمك. تحقّق من الاتصال وحاول مرة أخرى.',
  'scorm.controls.label': 'التنقل في الدورة',
  'scorm.controls.continue': 'متابعة',
  'scorm.controls.previous': 'السابق',
  'scorm.controls.exit': 'الخروج من النشاط',
  'scorm.controls.suspend': 'حفظ ومغادرة',

  // The admin pages: audit sentences, SCORM lists and import reports, error details.
  'audit.intro': 'من اطّلع على بيانات مَن أو نزّلها أو غيّرها، من الأحدث إلى الأقدم.',
  'audit.none': 'لم يُسجَّل أي شيء بعد.',
  'audit.technical': 'التفاصيل التقنية',
  'audit.field.action': 'الإجراء',
  'audit.field.actor': 'الحساب',
  'audit.field.subject': 'صاحب البيانات',
  'audit.field.data': 'البيانات المسجّلة',
  'audit.someone': 'حساب محذوف',
  'audit.sentence.users.list': 'اطّلع {actor} على قائمة المستخدمين (الصفحة {page}).',
  'audit.sentence.users.search':
    'بحث {actor} في قائمة المستخدمين بالاسم أو البريد الإلكتروني (الصفحة {page}).',
  'audit.sentence.users.role': 'غيّر {actor} دور {subject} إلى {role}.',
  'audit.sentence.scorm.import': 'استورد {actor} حزمة SCORM {file} بوصفها دورة جديدة: {course}.',
  'audit.sentence.scorm.importVersion':
    'استورد {actor} حزمة SCORM {file} بوصفها الإصدار {version} من {course}.',
  'audit.sentence.scorm.importUnchanged':
    'أعاد {actor} استيراد حزمة SCORM {file}، وكانت {course} تحتوي على هذا الملف نفسه، فلم يتغيّر شيء.',
  'audit.sentence.report.dashboard':
    'اطّلع {actor} على لوحة متابعة المجموعة {cohort} (الدورة: {course}).',
  'audit.sentence.report.learners':
    'اطّلع {actor} على نتائج المتعلّمين في المجموعة {cohort} (الدورة: {course}).',
  'audit.sentence.report.learner':
    'اطّلع {actor} على النتائج التفصيلية للمتعلّم {subject} في المجموعة {cohort} (الدورة: {course}).',
  'audit.sentence.report.items':
    'اطّلع {actor} على تحليل الأسئلة في المجموعة {cohort} (الدورة: {course}).',
  'audit.sentence.report.print':
    'فتح {actor} التقرير المعدّ للطباعة للمجموعة {cohort} (الدورة: {course}).',
  'audit.sentence.export.learners':
    'نزّل {actor} نتائج المتعلّمين في المجموعة {cohort} في ملف جدول بيانات (الدورة: {course}).',
  'audit.sentence.export.items':
    'نزّل {actor} تحليل الأسئلة في المجموعة {cohort} في ملف جدول بيانات (الدورة: {course}).',
  'audit.sentence.unknown': 'نفّذ {actor} الإجراء «{action}».',
  'scorm.courses.imported': 'تاريخ الاستيراد',
  'scorm.courses.pick': '{slug} · الإصدار {number} · استُورد في {date}',
  'scorm.import.nextStep':
    'صحّح هذه المشكلات في الأداة التي أُنتجت بها الحزمة (أو اطلب ذلك من مؤلفها)، ثم صدّرها من جديد واستورد الملف الجديد.',
  'scorm.import.technical': 'التفاصيل التقنية: موضع كل مشكلة',
  'scorm.import.noticesTechnical': 'التفاصيل التقنية: موضع كل تعديل',
  'scorm.content.expired':
    'انتهت صلاحية رابط التشغيل هذا. ارجع إلى الدورة وافتح النشاط من جديد، فتقدّمك محفوظ.',
  'scorm.content.openFromCourse': 'افتح هذا النشاط من صفحة دورته.',
  'scorm.content.progressUnavailable':
    'تعذّر تحميل تقدّمك في هذا النشاط، لذلك لم يُفتح؛ إذ كان سيبدأ من جديد. أعد تحميل الصفحة للمحاولة مرة أخرى.',
  'scorm.content.missing':
    'هذا الجزء من النشاط غير موجود في حزمته. ارجع إلى الدورة وتابع، وإذا تكرّر ذلك فأبلغ مدرّبك.',
  'scorm.content.failed':
    'تعذّر فتح هذا الجزء من النشاط الآن. ارجع إلى الدورة وحاول مرة أخرى بعد قليل.',
  'error.reference': 'إذا تكرّر ذلك، فأبلغ مدرّبك أو المسؤول وأعطه هذا المرجع: {reference}.',
  'error.technical': 'التفاصيل التقنية (لا يراها إلا المسؤولون)',
  'error.detail.status': 'الحالة',
  'error.detail.code': 'الرمز',
  'error.detail.message': 'الرسالة',
  'error.detail.request': 'الطلب',
  'error.detail.reference': 'المرجع',
};
