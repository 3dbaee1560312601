import type { PeopleMessages } from './people.en.js';

export const peopleEs: PeopleMessages = {
  'people.list.add': 'Añadir una persona',
  'people.list.import': 'Importar un archivo CSV',
  'people.list.status': 'Estado',
  'people.list.actions': 'Acciones',
  'people.status.verified': 'Correo confirmado',
  'people.status.unverified': 'Correo sin confirmar',
  'people.status.invited': 'Invitación enviada',
  'people.status.invitedHint': 'aún no ha elegido contraseña',
  'people.status.deactivated': 'Cuenta desactivada',
  'people.action.invite': 'Reenviar la invitación',
  'people.action.reset': 'Enviar un enlace para restablecer la contraseña',
  'people.action.deactivate': 'Desactivar',
  'people.action.reactivate': 'Reactivar',
  'people.action.for': 'de {name}',

  'people.new.title': 'Añadir una persona',
  'people.new.intro':
    'Lantern le envía por correo un enlace para elegir su propia contraseña (válido durante 7 días). Nadie más la ve ni la elige, usted tampoco.',
  'people.new.name': 'Nombre completo',
  'people.new.email': 'Correo electrónico',
  'people.new.role': 'Rol',
  'people.new.locale': 'Idioma de sus correos y páginas',
  'people.new.cohort': 'Grupo (opcional)',
  'people.new.cohortHint': 'Se une a él de inmediato y queda inscrita en sus cursos.',
  'people.new.cohortNone': 'Ningún grupo',
  'people.new.submit': 'Añadir y enviar la invitación',
  'people.error.role': 'Elija uno de los roles de la lista.',
  'people.error.cohort': 'Elija uno de los grupos de la lista, o ninguno.',
  'people.error.emailTaken':
    'Esta dirección ya tiene una cuenta ({name}): búsquela en la lista de usuarios.',
  'people.added':
    'Se ha añadido a {name}. Se ha enviado a {email} una invitación para elegir una contraseña.',
  'people.invitationSent':
    'Se ha enviado una nueva invitación a {email}. El enlace enviado antes ya no funciona.',
  'people.resetSent':
    'Se ha enviado a {email} un enlace para elegir una nueva contraseña. Funciona una sola vez, durante 60 minutos.',
  'people.deactivated':
    'La cuenta de {name} está desactivada: se ha cerrado su sesión en todas partes y no podrá iniciarla hasta que se reactive. Sus datos se conservan.',
  'people.reactivated': 'La cuenta de {name} vuelve a estar activa y puede iniciar sesión.',
  'people.refused.deactivated': 'La cuenta de {name} está desactivada: reactívela primero.',
  'people.refused.notInvited':
    '{name} ya ha elegido una contraseña: envíe en su lugar un enlace para restablecerla.',
  'people.refused.self': 'No puede desactivar su propia cuenta.',

  'people.invitation.title': 'Elija su contraseña',
  'people.invitation.intro':
    'Le damos la bienvenida a Lantern, {name}. Elija una contraseña para su cuenta ({email}); la sesión se iniciará enseguida.',
  'people.invitation.password': 'Contraseña',
  'people.invitation.confirm': 'Repita la contraseña',
  'people.invitation.submit': 'Guardar mi contraseña',
  'people.invitation.invalidTitle': 'Este enlace ya no funciona',
  'people.invitation.invalid':
    'Un enlace de invitación funciona una sola vez, durante 7 días, y solo vale el último enviado. Pida a su administrador/a que le reenvíe la invitación. Si ya eligió su contraseña, inicie sesión.',
  'people.invitation.done':
    'Le damos la bienvenida, {name}: su contraseña está guardada y ha iniciado sesión.',

  'people.import.title': 'Importar personas desde un archivo CSV',
  'people.import.intro':
    'Suba una hoja de cálculo guardada como CSV. Verá lo que ocurrirá con cada fila antes de que se guarde nada.',
  'people.import.format':
    'La primera línea nombra las columnas: {columns}. Solo email y name son obligatorias. Las columnas pueden ir en cualquier orden, separadas por comas o puntos y comas; el archivo se lee como UTF-8.',
  'people.import.formatRole':
    'role: learner, trainer o admin. Vacío: learner para una persona nueva, sin cambios para una existente.',
  'people.import.formatLanguage':
    'language: en, fr, es o ar. Vacío: su propio idioma para una persona nueva, sin cambios para una existente.',
  'people.import.formatCohort':
    'cohort: el código de acceso de un grupo al que añadir a la persona (opcional).',
  'people.import.formatExisting':
    'Una persona cuya dirección ya tiene cuenta se actualiza con el nombre, el rol y el idioma indicados. Las personas nuevas reciben un correo que las invita a elegir su contraseña.',
  'people.import.example': 'Ejemplo',
  'people.import.file': 'Archivo CSV',
  'people.import.fileHint': 'Como máximo {size} MB y {rows} filas.',
  'people.import.submit': 'Subir y ver la vista previa',
  'people.import.noFile': 'Elija un archivo CSV para subir.',
  'people.import.tooLarge':
    'Este archivo supera los {size} MB. Divídalo en archivos más pequeños (por grupo, por ejemplo) e impórtelos uno tras otro.',
  'people.import.unknown':
    'Esta importación ya no está disponible (un archivo subido se conserva un día). Vuelva a subir el archivo.',
  'people.import.previewTitle': 'Vista previa de {file}',
  'people.import.nothingSaved':
    'Todavía no se ha guardado nada. Compruebe lo que va a ocurrir y confirme al final de la página.',
  'people.import.count.create':
    '{count|one:# persona que crear e invitar|other:# personas que crear e invitar}',
  'people.import.count.update':
    '{count|one:# persona que actualizar|other:# personas que actualizar}',
  'people.import.count.unchanged': '{count|one:# persona ya al día|other:# personas ya al día}',
  'people.import.count.skip':
    '{count|one:# fila omitida por un problema|other:# filas omitidas por problemas}',
  'people.import.nothingToDo':
    'Nada que cambiar: cada fila coincide ya con lo que Lantern tiene. Probablemente este archivo ya se importó.',
  'people.import.fileRefused':
    'Este archivo no se puede importar tal como está. Corríjalo y vuelva a subirlo:',
  'people.import.problems': '{count|one:# problema|other:# problemas}',
  'people.import.problemsHint':
    'Las filas con algún problema se omiten; corríjalas en su archivo y vuelva a importarlo más tarde.',
  'people.import.at': 'Línea {line}, columna {column} ({field})',
  'people.import.atColumn': 'Línea {line}, columna {column}',
  'people.import.atLine': 'Línea {line}',
  'people.import.problem.notUtf8':
    'El archivo no está en UTF-8. En su hoja de cálculo, guárdelo como «CSV UTF-8» y vuelva a subirlo.',
  'people.import.problem.empty':
    'El archivo está vacío. Su primera línea debe nombrar las columnas, por ejemplo: {expected}',
  'people.import.problem.missingColumn':
    'La primera línea no tiene la columna «{value}». Debe nombrar las columnas, por ejemplo: {expected}',
  'people.import.problem.unknownColumn':
    'La primera línea nombra una columna que Lantern no conoce: «{value}». Las columnas son: {expected}',
  'people.import.problem.repeatedColumn':
    'La columna «{value}» aparece dos veces en la primera línea.',
  'people.import.problem.malformed':
    'Hay unas comillas sin cerrar, o seguidas de otro texto, en la fila que empieza en esta línea. Revise las comillas de sus valores.',
  'people.import.problem.tooManyRows':
    'El archivo tiene {count} filas; se pueden importar como máximo {limit} a la vez. Divídalo en archivos más pequeños.',
  'people.import.problem.extraValues':
    'Esta fila tiene más valores que columnas la primera línea ({count}). Si un valor contiene una coma o un punto y coma, póngalo entre comillas dobles.',
  'people.import.problem.emailMissing': 'Falta el correo electrónico.',
  'people.import.problem.email': '«{value}» no es un correo electrónico.',
  'people.import.problem.nameRequired': 'Hace falta un nombre para crear una cuenta.',
  'people.import.problem.nameTooLong': 'El nombre tiene más de {max} caracteres.',
  'people.import.problem.nameControl':
    'El nombre contiene caracteres invisibles (como un salto de línea o un tabulador): quítelos.',
  'people.import.problem.role': '«{value}» no es un rol. Use uno de estos: {expected}.',
  'people.import.problem.language':
    '«{value}» no es un idioma que ofrezca Lantern. Use uno de estos: {expected}.',
  'people.import.problem.cohortUnknown': 'Ningún grupo tiene el código de acceso «{value}».',
  'people.import.problem.cohortArchived':
    'El grupo con el código de acceso «{value}» está archivado.',
  'people.import.problem.cohortExpired':
    'La fecha límite del grupo con el código de acceso «{value}» ya pasó.',
  'people.import.problem.duplicate':
    'Esta dirección ya está en la línea {other}: solo se importa esa primera fila.',
  'people.import.problem.ownRole': 'Es su propia cuenta: una importación no cambia su propio rol.',
  'people.import.rows': 'Todas las filas',
  'people.import.col.line': 'Línea',
  'people.import.col.action': 'Qué ocurrirá',
  'people.import.col.email': 'Correo',
  'people.import.col.name': 'Nombre',
  'people.import.col.role': 'Rol',
  'people.import.col.language': 'Idioma',
  'people.import.col.cohort': 'Grupo',
  'people.import.action.create': 'Crear e invitar',
  'people.import.action.update': 'Actualizar: {changes}',
  'people.import.action.unchanged': 'Sin cambios',
  'people.import.action.skip': 'Omitida (vea los problemas)',
  'people.import.change.name': 'nombre',
  'people.import.change.role': 'rol',
  'people.import.change.language': 'idioma',
  'people.import.change.cohort': 'se une al grupo',
  'people.import.confirm': 'Confirmar la importación',
  'people.import.another': 'Subir otro archivo',
  'people.import.doneTitle': 'Importación de {file} terminada',
  'people.import.done':
    '{created|one:# creada|other:# creadas}, {updated|one:# actualizada|other:# actualizadas}, {unchanged|one:# sin cambios|other:# sin cambios}.',
  'people.import.doneNothing': 'No ha cambiado nada: todo lo de este archivo ya estaba en Lantern.',
  'people.import.doneSkipped':
    '{count|one:Se omitió # fila por un problema.|other:Se omitieron # filas por problemas.}',
  'people.import.doneJoined':
    '{count|one:Se añadió # persona a un grupo.|other:Se añadieron # personas a grupos.}',
  'people.import.doneInvited':
    'Las invitaciones salen por correo; cada enlace es válido durante 7 días.',
  'people.import.backToUsers': 'Volver a la lista de usuarios',

  'audit.sentence.users.create': '{actor} añadió a {subject} y le envió una invitación.',
  'audit.sentence.users.invitation': '{actor} reenvió la invitación a {subject}.',
  'audit.sentence.users.resetLink':
    '{actor} envió a {subject} un enlace para elegir una nueva contraseña.',
  'audit.sentence.users.deactivate': '{actor} desactivó la cuenta de {subject}.',
  'audit.sentence.users.reactivate': '{actor} reactivó la cuenta de {subject}.',
  'audit.sentence.users.import':
    '{actor} importó personas desde {file}: {created|one:# creada|other:# creadas}, {updated|one:# actualizada|other:# actualizadas}, {unchanged|one:# sin cambios|other:# sin cambios}.',
};
