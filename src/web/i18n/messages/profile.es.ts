import type { ProfileMessages } from './profile.en.js';

export const profileEs: ProfileMessages = {
  'profile.intro': 'Sus datos, cómo inicia sesión y la información que Lantern guarda sobre usted.',
  'profile.details.title': 'Nombre e idioma',
  'profile.details.submit': 'Guardar nombre e idioma',
  'profile.details.saved': 'Su nombre y su idioma se han guardado.',
  'profile.details.unchanged': 'No ha cambiado nada: su nombre y su idioma ya eran estos.',
  'profile.email.title': 'Correo electrónico',
  'profile.email.current': 'Inicia sesión con {email}.',
  'profile.email.new': 'Nuevo correo electrónico',
  'profile.email.newHint':
    'Enviamos un enlace a la nueva dirección. Su dirección solo cambia cuando se abre ese enlace, en un plazo de 24 horas.',
  'profile.email.password': 'Su contraseña',
  'profile.email.passwordHint': 'Para asegurarnos de que es usted.',
  'profile.email.submit': 'Enviar el enlace de confirmación',
  'profile.email.same': 'Esta ya es su dirección de correo electrónico.',
  'profile.email.sent':
    'Hemos enviado un enlace a {email}. Ábralo en las próximas 24 horas para confirmar la nueva dirección; mientras tanto, se sigue usando su dirección actual.',
  'profile.email.pending':
    'Pendiente de confirmación: {email} (el enlace funciona hasta el {date}).',
  'profile.email.cancel': 'Cancelar este cambio',
  'profile.email.cancelled': 'El cambio de dirección se ha cancelado: el enlace ya no funciona.',
  'profile.email.changed': 'Su dirección de correo electrónico es ahora {email}.',
  'profile.email.confirmTitle': 'Su nueva dirección de correo electrónico',
  'profile.email.confirmIntro':
    'Confirme que {email} pasa a ser la dirección de correo electrónico de esta cuenta de Lantern. A partir de entonces, iniciará sesión con ella.',
  'profile.email.confirmSubmit': 'Confirmar la nueva dirección',
  'profile.email.linkInvalid':
    'Este enlace de confirmación ya no funciona: ha caducado, ya se usó o lo ha sustituido uno más reciente. Puede pedir uno nuevo en la página de su cuenta.',
  'profile.email.taken':
    'Otra cuenta de Lantern ya usa {email}, así que no puede pasar a ser la dirección de esta cuenta. Inicie sesión en esa otra cuenta o elija otra dirección.',
  'profile.email.otherAccount':
    'Este enlace se envió para una cuenta distinta de aquella con la que ha iniciado sesión. Cierre la sesión y vuelva a abrir el enlace.',
  'profile.email.toAccount': 'Ir a mi cuenta',
  'profile.password.intro':
    'Al cambiar la contraseña se cierra la sesión en todos sus demás dispositivos y se anulan todos los enlaces que le hayamos enviado por correo.',
  'profile.reminders.title': 'Recordatorios por correo',
  'profile.reminders.label': 'Recordatorios por correo de mis formadores',
  'profile.reminders.hint':
    'Un formador o una formadora de su grupo puede recordarle un curso que no ha terminado, como máximo una vez al día.',
  'profile.reminders.submit': 'Guardar mi elección',
  'profile.reminders.on': 'Los recordatorios de sus formadores están activados.',
  'profile.reminders.off': 'Los recordatorios de sus formadores están desactivados.',
  'profile.data.title': 'Sus datos',
  'profile.data.intro':
    'Descargue en un solo archivo (JSON) todo lo que Lantern guarda sobre usted: sus datos, cursos, progreso, respuestas a los cuestionarios, certificados, datos de actividades SCORM, grupos y el registro de quién ha consultado o modificado sus datos.',
  'profile.data.download': 'Descargar mis datos',
  'profile.delete.title': 'Eliminar mi cuenta',
  'profile.delete.intro':
    'Borre para siempre su nombre y su correo electrónico de Lantern. Se le pedirá la contraseña.',
  'profile.delete.link': 'Eliminar mi cuenta…',
  'profile.delete.what': 'Qué ocurre al eliminar su cuenta:',
  'profile.delete.identity':
    'Su nombre y su correo electrónico se borran para siempre. Nadie podrá volver a iniciar sesión en la cuenta.',
  'profile.delete.signOut':
    'Se cierra su sesión en todos los dispositivos, los enlaces que le enviamos por correo dejan de funcionar y se cancelan los mensajes pendientes de envío.',
  'profile.delete.results':
    'Sus resultados (progreso, respuestas a los cuestionarios, datos de actividad) se conservan sin su nombre, para que las cifras de sus formadores sigan siendo correctas; ya nadie podrá saber que eran suyos.',
  'profile.delete.certificates':
    'Sus certificados se retiran: quien compruebe uno verá que se retiró a petición suya.',
  'profile.delete.undo':
    'No se puede deshacer. Si quiere conservar una copia de sus datos, descárguelos antes.',
  'profile.delete.password': 'Su contraseña',
  'profile.delete.passwordHint': 'Para confirmar que es usted.',
  'profile.delete.submit': 'Eliminar mi cuenta para siempre',
  'profile.delete.keep': 'Conservar mi cuenta',
  'profile.delete.lastAdmin':
    'Usted es la única persona administradora. Dé ese rol a otra persona antes de eliminar su cuenta.',
  'profile.delete.done': 'Su cuenta se ha eliminado. Gracias por aprender con Lantern.',
  'profile.admin.download': 'Datos',
  'profile.admin.downloadFor': 'Descargar los datos de {name} (JSON)',
  'profile.admin.erase': 'Borrar…',
  'profile.admin.erased': 'Borrada',
  'profile.admin.eraseTitle': 'Borrar una cuenta',
  'profile.admin.eraseIntro': 'Está a punto de borrar la cuenta de {name} ({email}).',
  'profile.admin.eraseWhat':
    'Su nombre y su correo electrónico se borran para siempre, y nadie podrá volver a iniciar sesión en la cuenta. Sus sesiones terminan de inmediato, los enlaces que se le enviaron por correo dejan de funcionar y se cancelan los mensajes pendientes. Sus resultados se conservan sin nombre, para que los informes mantengan sus cifras; sus certificados se retiran. No se puede deshacer: descargue antes sus datos si hay que conservarlos.',
  'profile.admin.erasePassword': 'Su propia contraseña',
  'profile.admin.eraseSubmit': 'Borrar esta cuenta para siempre',
  'profile.admin.eraseBack': 'Volver a los usuarios',
  'profile.admin.erasedDone': 'La cuenta se ha borrado.',
  'profile.admin.eraseSelf':
    'No puede borrar su propia cuenta desde la página de usuarios. Use «Eliminar mi cuenta» en la página de su cuenta.',
  'profile.admin.alreadyErased': 'Esta cuenta ya se había borrado.',
  'profile.admin.lastAdmin':
    'Es la última cuenta de administración: dé primero ese rol a otra persona.',
  'profile.deletedAccount': 'Cuenta eliminada',
  'profile.certificateWithdrawn': 'Este certificado se retiró a petición de su titular.',
  'audit.sentence.profile.update': '{actor} actualizó su perfil ({fields}).',
  'audit.sentence.profile.emailRequest':
    '{actor} pidió cambiar su correo electrónico; se envió un enlace de confirmación a la nueva dirección.',
  'audit.sentence.profile.emailChange':
    '{actor} confirmó una nueva dirección de correo electrónico.',
  'audit.sentence.profile.password': '{actor} cambió su contraseña.',
  'audit.sentence.profile.reminders':
    '{actor} activó los recordatorios por correo de los formadores.',
  'audit.sentence.profile.remindersOff':
    '{actor} desactivó los recordatorios por correo de los formadores.',
  'audit.sentence.data.export': '{actor} descargó los datos personales de {subject}.',
  'audit.sentence.data.exportOwn': '{actor} descargó sus propios datos.',
  'audit.sentence.account.erase': '{actor} borró la cuenta de {subject}.',
  'audit.sentence.account.eraseOwn': '{actor} eliminó su propia cuenta.',
};
