import type { MailMessages } from './mail.en.js';

export const mailEs: MailMessages = {
  'mail.greeting': 'Hola, {name}:',
  'mail.signature': 'El equipo de Lantern',
  'mail.linkFallback': 'Si el botón no funciona, copie esta dirección en su navegador:',
  'mail.notYou': 'Si no lo ha pedido usted, puede ignorar este mensaje: no cambiará nada.',
  'mail.reset.subject': 'Elija una nueva contraseña de Lantern',
  'mail.reset.intro': 'Alguien pidió restablecer la contraseña de su cuenta de Lantern.',
  'mail.reset.action': 'Elegir una nueva contraseña',
  'mail.reset.expiry': 'El enlace funciona una sola vez, durante 60 minutos.',
  'mail.invitation.subject': 'Su cuenta de Lantern está lista',
  'mail.invitation.intro':
    'Se ha creado una cuenta para usted en Lantern, formación en línea gratuita y a su ritmo para quienes protegen a la niñez en crisis humanitarias.',
  'mail.invitation.action': 'Elegir mi contraseña',
  'mail.invitation.expiry':
    'El enlace funciona una sola vez, durante 7 días. Después, pida uno nuevo a su administrador/a.',
  'mail.verification.subject': 'Confirme su dirección de correo para Lantern',
  'mail.verification.intro':
    'Le damos la bienvenida a Lantern. Confirme que esta dirección es suya: los certificados solo se emiten a direcciones confirmadas.',
  'mail.verification.action': 'Confirmar mi dirección',
  'mail.verification.expiry': 'El enlace funciona una sola vez, durante 7 días.',
  'mail.emailChange.subject': 'Confirme su nueva dirección de correo para Lantern',
  'mail.emailChange.intro': 'Ha pedido usar esta dirección para su cuenta de Lantern.',
  'mail.emailChange.action': 'Confirmar la nueva dirección',
  'mail.emailChange.expiry':
    'El enlace funciona una sola vez, durante 24 horas. Mientras tanto, su dirección anterior sigue en uso.',
  'mail.emailChanged.subject': 'La dirección de correo de su cuenta de Lantern va a cambiar',
  'mail.emailChanged.intro':
    'Alguien pidió cambiar la dirección de correo de su cuenta de Lantern por {newEmail}. El cambio se aplicará cuando se confirme esa dirección.',
  'mail.emailChanged.outro':
    'Si no fue usted, cambie su contraseña ahora y avise a su administrador/a.',
  'mail.reminder.subject': 'Su curso le espera en Lantern',
  'mail.reminder.intro':
    '{trainer} le recuerda su curso «{course}». Lleva un {percent} % completado.',
  'mail.reminder.action': 'Continuar el curso',
  'mail.reminder.personal': 'Unas palabras de {trainer}:',
  'mail.reminder.optOut': 'Puede desactivar los recordatorios en la configuración de su cuenta:',
};
