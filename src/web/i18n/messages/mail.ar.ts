import type { MailMessages } from './mail.en.js';

export const mailAr: MailMessages = {
  'mail.greeting': 'مرحبًا {name}،',
  'mail.signature': 'فريق Lantern',
  'mail.linkFallback': 'إذا لم يعمل الزر، فانسخ هذا العنوان في متصفحك:',
  'mail.notYou': 'إذا لم تطلب ذلك، يمكنك تجاهل هذه الرسالة؛ لن يتغيّر شيء.',
  'mail.reset.subject': 'اختر كلمة مرور جديدة لحسابك في Lantern',
  'mail.reset.intro': 'طلب أحدهم إعادة تعيين كلمة مرور حسابك في Lantern.',
  'mail.reset.action': 'اختيار كلمة مرور جديدة',
  'mail.reset.expiry': 'يعمل الرابط مرة واحدة فقط، لمدة ٦٠ دقيقة.',
  'mail.invitation.subject': 'حسابك في Lantern جاهز',
  'mail.invitation.intro':
    'أُنشئ لك حساب في Lantern، منصة التعلّم الذاتي المجانية لمن يعملون على حماية الأطفال في الأزمات الإنسانية.',
  'mail.invitation.action': 'اختيار كلمة المرور',
  'mail.invitation.expiry':
    'يعمل الرابط مرة واحدة فقط، لمدة ٧ أيام. بعد ذلك، اطلب رابطًا جديدًا من مسؤول المنصة.',
  'mail.verification.subject': 'أكّد عنوان بريدك الإلكتروني في Lantern',
  'mail.verification.intro':
    'مرحبًا بك في Lantern. يُرجى تأكيد أن هذا العنوان يخصّك؛ فالشهادات لا تُمنح إلا للعناوين المؤكَّدة.',
  'mail.verification.action': 'تأكيد عنواني',
  'mail.verification.expiry': 'يعمل الرابط مرة واحدة فقط، لمدة ٧ أيام.',
  'mail.emailChange.subject': 'أكّد عنوان بريدك الإلكتروني الجديد في Lantern',
  'mail.emailChange.intro': 'طلبت استخدام هذا العنوان لحسابك في Lantern.',
  'mail.emailChange.action': 'تأكيد العنوان الجديد',
  'mail.emailChange.expiry':
    'يعمل الرابط مرة واحدة فقط، لمدة ٢٤ ساعة. وحتى ذلك الحين يبقى عنوانك القديم مستخدمًا.',
  'mail.emailChanged.subject': 'عنوان البريد الإلكتروني لحسابك في Lantern على وشك التغيير',
  'mail.emailChanged.intro':
    'طلب أحدهم تغيير عنوان البريد الإلكتروني لحسابك في Lantern إلى {newEmail}. يسري التغيير عند تأكيد ذلك العنوان.',
  'mail.emailChanged.outro': 'إذا لم تكن أنت، فغيّر كلمة مرورك الآن وأبلغ مسؤول المنصة.',
  'mail.reminder.subject': 'دورتك في انتظارك على Lantern',
  'mail.reminder.intro': 'يذكّرك {trainer} بدورتك «{course}». أنجزت منها {percent}٪.',
  'mail.reminder.action': 'متابعة الدورة',
  'mail.reminder.personal': 'كلمة من {trainer}:',
  'mail.reminder.optOut': 'يمكنك إيقاف التذكيرات من إعدادات حسابك:',
};
