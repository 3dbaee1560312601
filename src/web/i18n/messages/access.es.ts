import type { AccessMessages } from './access.en.js';

export const accessEs: AccessMessages = {
  'access.login.forgot': '¿Ha olvidado su contraseña?',
  'access.login.paused':
    'Se han escrito demasiadas contraseñas incorrectas para esta dirección, así que el inicio de sesión con ella queda en pausa durante {minutes|one:# minuto|other:# minutos}. Vuelva a intentarlo entonces, o elija una nueva contraseña con «¿Ha olvidado su contraseña?».',

  'access.forgot.title': '¿Ha olvidado su contraseña?',
  'access.forgot.intro':
    'Escriba la dirección de correo de su cuenta. Le enviaremos un enlace para elegir una nueva contraseña.',
  'access.forgot.email': 'Correo electrónico',
  'access.forgot.submit': 'Enviarme un enlace',
  'access.forgot.sentTitle': 'Revise su correo',
  'access.forgot.sent':
    'Si existe una cuenta para {email}, hemos enviado un enlace a esa dirección. Funciona una sola vez, durante 60 minutos.',
  'access.forgot.sentHelp':
    '¿No ha llegado nada después de unos minutos? Mire en la carpeta de correo no deseado y compruebe que es la dirección que usa en Lantern.',
  'access.forgot.tryAgain': 'Probar con otra dirección',
  'access.forgot.waitAddress':
    'Ya se han enviado varios enlaces a esta dirección en la última hora. Use el más reciente, o vuelva a pedirlo dentro de {minutes|one:# minuto|other:# minutos}.',
  'access.forgot.backToLogin': 'Volver a iniciar sesión',

  'access.reset.title': 'Elegir una nueva contraseña',
  'access.reset.intro':
    'Elija una nueva contraseña para {email}. Se iniciará su sesión aquí y se cerrará en todos sus demás dispositivos.',
  'access.reset.password': 'Nueva contraseña',
  'access.reset.confirm': 'Repita la nueva contraseña',
  'access.reset.submit': 'Guardar e iniciar sesión',
  'access.reset.done':
    'Su nueva contraseña se ha guardado y ha iniciado sesión. Se ha cerrado la sesión en todos sus demás dispositivos.',
  'access.reset.invalidTitle': 'Este enlace ya no funciona',
  'access.reset.invalid':
    'Un enlace para elegir una nueva contraseña funciona una sola vez, durante 60 minutos, y solo el último que se le envió. Este ya se ha usado, ha caducado o no se copió completo.',
  'access.reset.askAgain': 'Pedir un nuevo enlace',

  'access.register.welcome':
    'Le damos la bienvenida, {name}. Su cuenta está lista y ya ha iniciado sesión. Hemos enviado un enlace a {email} para confirmar su dirección.',

  'access.verify.askTitle': 'Confirme su dirección de correo',
  'access.verify.ask':
    'Confirme que {email} es su dirección: los certificados solo se emiten a direcciones confirmadas.',
  'access.verify.submit': 'Confirmar mi dirección',
  'access.verify.title': 'Dirección de correo confirmada',
  'access.verify.confirmed': 'Gracias: {email} está confirmada.',
  'access.verify.certificates':
    '{count|one:El certificado del curso que ha completado está listo.|other:Los certificados de los # cursos que ha completado están listos.}',
  'access.verify.toMyLearning': 'Ir a Mi aprendizaje',
  'access.verify.toCatalogue': 'Ver los cursos',
  'access.verify.already': 'Su dirección de correo está confirmada.',
  'access.verify.invalidTitle': 'Este enlace ya no funciona',
  'access.verify.invalid':
    'Un enlace de confirmación funciona una sola vez, durante 7 días, y solo el último que se le envió. Este ya se ha usado, ha caducado o no se copió completo.',
  'access.verify.invalidSignedIn': 'Puede enviarse un nuevo enlace.',
  'access.verify.invalidAnonymous':
    'Inicie sesión: desde la página de su cuenta puede enviarse un nuevo enlace.',
  'access.verify.sent':
    'Un nuevo enlace va de camino a {email}. Funciona una sola vez, durante 7 días.',
  'access.verify.resendLater':
    'Ya se han enviado varios enlaces en la última hora. Use el más reciente, o vuelva a pedirlo dentro de {minutes|one:# minuto|other:# minutos}.',

  'access.status.unconfirmed': 'Su dirección de correo aún no está confirmada.',
  'access.status.unconfirmedText':
    'Abra el enlace que enviamos a {email}. Mientras tanto puede seguir sus cursos; los certificados solo se emiten a direcciones confirmadas.',
  'access.status.resend': 'Enviar el enlace de nuevo',

  'access.certificate.pending':
    'Su certificado estará disponible aquí en cuanto se confirme su dirección de correo. Abra el enlace que enviamos a {email}.',

  'audit.sentence.password.reset':
    '{actor} eligió una nueva contraseña mediante un enlace recibido por correo.',
  'audit.sentence.email.verified': '{actor} confirmó su dirección de correo.',
  'audit.sentence.login.paused':
    '{actor} escribió {failures} contraseñas incorrectas seguidas para la cuenta de {subject}: el inicio de sesión en ella queda en pausa durante {minutes|one:# minuto|other:# minutos}.',
  'access.audit.someone': 'Alguien',
};
