import type { ScormMessages } from './scorm.en.js';

export const scormEs: ScormMessages = {
  'nav.scorm': 'Paquetes SCORM',
  'scorm.needsScript':
    'Esta actividad es un contenido interactivo: necesita tener JavaScript activado en su navegador.',
  'scorm.autosave': 'Su progreso en esta actividad se guarda a medida que avanza.',
  'scorm.exit': 'Guardar y salir',
  'scorm.saved': 'Progreso guardado a las {time}.',
  'scorm.retrying':
    'No se pudo guardar su progreso en este momento. Estamos volviendo a intentarlo; mantenga esta página abierta.',

  'scorm.closed.title': 'Actividad cerrada',
  'scorm.closed.saved': 'Su progreso en ella está guardado.',
  'scorm.closed.continue': 'Continuar',
  'scorm.closed.back': 'Volver al curso',
  'scorm.closed.reopen': 'Abrirla de nuevo',
  'scorm.admin.title': 'Paquetes SCORM',
  'scorm.admin.intro':
    'Importe un curso exportado en SCORM 1.2 o SCORM 2004 (un archivo .zip de Articulate, iSpring, Captivate, Lectora, H5P o herramientas similares). Se publica en el catálogo junto a los cursos propios de Lantern.',
  'scorm.import.heading': 'Importar un paquete',
  'scorm.import.file': 'Paquete (.zip)',
  'scorm.import.fileHint': 'Hasta {size}. El paquete se comprueba antes de guardar nada.',
  'scorm.import.slug': 'Dirección del curso (opcional)',
  'scorm.import.slugHint':
    'Letras minúsculas, números y guiones, por ejemplo primeros-auxilios-basicos. Indique la dirección de un curso importado para añadirle una nueva versión; déjelo vacío para usar el título del paquete (un paquete ya importado se reconoce por su identificador).',
  'scorm.import.locale': 'Idioma del contenido',
  'scorm.import.submit': 'Importar',
  'scorm.import.uploading': 'Subiendo: {percent}\u00a0%',
  'scorm.import.checking': 'Comprobando el paquete…',
  'scorm.import.noFile': 'Elija un archivo .zip para importar.',
  'scorm.import.invalidSlug':
    'La dirección del curso solo puede contener letras minúsculas, números y guiones (nunca dos seguidos).',
  'scorm.import.slugTaken': 'Esa dirección pertenece a un curso propio de Lantern; elija otra.',
  'scorm.import.refused':
    '{file} no se ha importado. No se ha guardado nada. Problemas encontrados:',
  'scorm.import.created':
    '«{title}» se ha importado como curso nuevo ({version}, {count|one:# actividad|other:# actividades}).',
  'scorm.import.newVersion':
    '«{title}» se ha importado como versión {number}. Los nuevos intentos la usan; los intentos ya empezados siguen en la versión con la que comenzaron.',
  'scorm.import.unchanged':
    '«{title}» ya está importado con este mismo archivo: no ha cambiado nada.',
  'scorm.import.openCourse': 'Abrir el curso',
  'scorm.import.notices': 'Ajustes realizados durante la importación:',
  'scorm.courses.heading': 'Cursos importados',
  'scorm.courses.none': 'Todavía no se ha importado ningún curso SCORM.',
  'scorm.courses.course': 'Curso',
  'scorm.courses.version': 'Versión',
  'scorm.courses.attempts': 'Intentos',
  'scorm.courses.policy': 'Nuevo intento',
  'scorm.courses.maxAttempts': 'Número máximo de intentos',
  'scorm.courses.maxAttemptsHint': 'Vacío: sin límite.',
  'scorm.courses.save': 'Guardar',
  'scorm.courses.settingsFor': 'Ajustes de intentos de «{title}»',
  'scorm.courses.versionValue': 'v{number} · {standard}',
  'scorm.policy.when_finished':
    'Cuando el intento anterior ha terminado: completado, aprobado o suspendido, o abandonado sin guardar el punto donde se quedó',
  'scorm.policy.never': 'Nunca: cada participante retoma siempre su primer intento',
  'scorm.policy.always': 'Cada vez que se abre la actividad',
  'scorm.settings.saved': 'Se han guardado los ajustes de intentos.',
  'scorm.settings.invalid':
    'Elija una regla para los nuevos intentos y un máximo entre 1 y 1000 (o déjelo vacío).',

  'scorm.problem.not_zip': 'El archivo no tiene formato zip.',
  'scorm.problem.corrupt_zip': 'El archivo zip está dañado ({reason}).',
  'scorm.problem.limit_total_size': 'Descomprimido, el paquete supera el límite de {limit} bytes.',
  'scorm.problem.limit_file_count':
    'El paquete contiene más archivos que el límite permitido ({limit}).',
  'scorm.problem.limit_ratio':
    'Al descomprimirse, el paquete ocupa más de {limit} veces su tamaño comprimido, por lo que se rechaza como posible «bomba zip».',
  'scorm.problem.limit_manifest_size': 'El manifiesto supera el límite de {limit} bytes.',
  'scorm.problem.unsafe_path': 'El zip contiene un nombre de archivo no seguro ({reason}).',
  'scorm.problem.symlink': 'El zip contiene un enlace simbólico, lo cual no está permitido.',
  'scorm.problem.special_file':
    'El zip contiene un archivo especial (dispositivo, tubería o socket), lo cual no está permitido.',
  'scorm.problem.duplicate_name': 'El zip contiene dos entradas con el mismo nombre ({other}).',
  'scorm.problem.encrypted_entry': 'El zip contiene un archivo protegido con contraseña.',
  'scorm.problem.unsupported_compression':
    'El zip usa un método de compresión no compatible ({method}).',
  'scorm.problem.no_manifest': 'El paquete no tiene un archivo imsmanifest.xml en su raíz.',
  'scorm.problem.malformed_xml': 'El XML no está bien formado: {reason}',
  'scorm.problem.not_a_manifest':
    'El elemento raíz es <{root}>, no un <manifest> de empaquetado de contenidos IMS.',
  'scorm.problem.unsupported_version':
    'Este tipo de paquete no es compatible (versión de esquema «{schemaversion}»); solo lo son SCORM 1.2 y SCORM 2004.',
  'scorm.problem.no_organization':
    'El manifiesto no tiene ninguna organización ni ningún recurso que se pueda iniciar.',
  'scorm.problem.no_launchable_item':
    'La organización no contiene ningún ítem que se pueda iniciar.',
  'scorm.problem.duplicate_identifier': 'El identificador «{identifier}» se usa más de una vez.',
  'scorm.problem.missing_identifier': 'Un elemento no tiene identificador.',
  'scorm.problem.missing_resource':
    'El ítem «{item}» remite al recurso «{identifierref}», que no existe.',
  'scorm.problem.resource_without_href':
    'El recurso «{resource}» lo inicia un ítem, pero no tiene href.',
  'scorm.problem.missing_launch_file': 'El archivo de inicio «{path}» no está en el paquete.',
  'scorm.notice.manifest_in_subfolder':
    'El manifiesto está dentro de la carpeta «{folder}», que se usa como raíz del paquete.',
  'scorm.notice.manifest_name_case': 'El manifiesto se llama «{name}» en lugar de imsmanifest.xml.',
  'scorm.notice.default_organization_fallback':
    'La organización predeterminada falta o es incorrecta; se usa «{used}».',
  'scorm.notice.organization_synthesised':
    'El manifiesto no tiene ninguna organización: {count|one:se ha creado una actividad a partir de su único recurso|other:se ha creado una actividad por cada uno de sus # recursos}.',
  'scorm.notice.version_inferred':
    'La versión de SCORM se ha reconocido por los espacios de nombres XML ({version}).',
  'scorm.notice.unknown_schemaversion':
    'La versión de esquema «{schemaversion}» es desconocida; se han usado en su lugar los espacios de nombres XML.',
  'scorm.notice.metadata_file_missing': 'El archivo de metadatos «{path}» no está en el paquete.',
  'scorm.notice.metadata_file_malformed':
    'El archivo de metadatos «{path}» no se pudo leer como XML.',
  'scorm.notice.external_launch_url': 'El ítem «{item}» abre una dirección externa ({url}).',
  'scorm.notice.sequencing_reference_missing':
    'El ítem «{item}» remite a la secuenciación «{idref}», que no existe.',
  'scorm.notice.sequencing_value_invalid':
    'Ítem «{item}»: {field} «{value}» no es un valor válido; se usó {used} en su lugar.',
  'scorm.notice.sequencing_element_ignored':
    'Ítem «{item}»: {field} «{value}» no es válido, así que esa regla de secuenciación se dejó fuera.',
  'scorm.import.sequencing': 'Secuenciación usada: {features}.',
  'scorm.import.sequencingNone':
    'Sin reglas de secuenciación: el alumno puede abrir las actividades en cualquier orden.',
  'scorm.import.sequencingUnsupported': 'No compatible, ignorado: {features}.',
  'scorm.sequence.opening': 'Abriendo la actividad siguiente…',
  'scorm.sequence.blocked':
    'Esa actividad no está disponible ahora: el curso pide seguir su orden. Vuelva al curso y continúe desde donde está.',
  'scorm.sequence.ended': 'Ha llegado al final de este curso.',
  'scorm.sequence.suspended':
    'Se ha guardado el punto donde se quedó. Puede volver y seguir más tarde.',
  'scorm.sequence.offline':
    'No se pudo enviar su progreso. Compruebe la conexión e inténtelo de nuevo.',
  'scorm.controls.label': 'Navegación del curso',
  'scorm.controls.continue': 'Continuar',
  'scorm.controls.previous': 'Anterior',
  'scorm.controls.exit': 'Salir de la actividad',
  'scorm.controls.suspend': 'Guardar y salir',

  // The admin pages: audit sentences, SCORM lists and import reports, error details.
  'audit.intro':
    'Quién consultó, descargó o modificó los datos de quién, de lo más reciente a lo más antiguo.',
  'audit.none': 'Todavía no se ha registrado nada.',
  'audit.technical': 'Detalles técnicos',
  'audit.field.action': 'Acción',
  'audit.field.actor': 'Cuenta',
  'audit.field.subject': 'Datos de',
  'audit.field.data': 'Datos registrados',
  'audit.someone': 'Una cuenta eliminada',
  'audit.sentence.users.list': '{actor} consultó la lista de usuarios (página {page}).',
  'audit.sentence.users.search': '{actor} buscó usuarios por nombre o correo (página {page}).',
  'audit.sentence.users.role': '{actor} cambió el rol de {subject} a {role}.',
  'audit.sentence.scorm.import':
    '{actor} importó el paquete SCORM {file} como curso nuevo: {course}.',
  'audit.sentence.scorm.importVersion':
    '{actor} importó el paquete SCORM {file} como versión {version} de {course}.',
  'audit.sentence.scorm.importUnchanged':
    '{actor} volvió a importar el paquete SCORM {file}; {course} ya tenía exactamente este archivo, así que no cambió nada.',
  'audit.sentence.report.dashboard':
    '{actor} consultó el panel del grupo {cohort} (curso: {course}).',
  'audit.sentence.report.learners':
    '{actor} consultó los resultados de los participantes del grupo {cohort} (curso: {course}).',
  'audit.sentence.report.learner':
    '{actor} consultó los resultados detallados de {subject} en el grupo {cohort} (curso: {course}).',
  'audit.sentence.report.items':
    '{actor} consultó el análisis de preguntas del grupo {cohort} (curso: {course}).',
  'audit.sentence.report.print':
    '{actor} abrió el informe para imprimir del grupo {cohort} (curso: {course}).',
  'audit.sentence.export.learners':
    '{actor} descargó los resultados de los participantes del grupo {cohort} como hoja de cálculo (curso: {course}).',
  'audit.sentence.export.items':
    '{actor} descargó el análisis de preguntas del grupo {cohort} como hoja de cálculo (curso: {course}).',
  'audit.sentence.unknown': '{actor} realizó la acción «{action}».',
  'scorm.courses.imported': 'Fecha de importación',
  'scorm.courses.pick': '{slug} · v{number} · importado el {date}',
  'scorm.import.nextStep':
    'Corrija estos problemas en la herramienta que generó el paquete (o pídaselo a quien lo creó), vuelva a exportarlo e importe el archivo nuevo.',
  'scorm.import.technical': 'Detalles técnicos: dónde está cada problema',
  'scorm.import.noticesTechnical': 'Detalles técnicos: dónde se hizo cada corrección',
  'scorm.content.expired':
    'Este enlace de acceso ha caducado. Vuelva al curso y abra de nuevo la actividad; su progreso está guardado.',
  'scorm.content.openFromCourse': 'Abra esta actividad desde la página de su curso.',
  'scorm.content.progressUnavailable':
    'No se pudo cargar su progreso en esta actividad, así que no se abrió: habría empezado de nuevo desde el principio. Vuelva a cargar la página para intentarlo otra vez.',
  'scorm.content.missing':
    'Falta esta parte de la actividad en su paquete. Vuelva al curso y continúe; si vuelve a ocurrir, avise a su formador/a.',
  'scorm.content.failed':
    'No se ha podido abrir esta parte de la actividad en este momento. Vuelva al curso e inténtelo de nuevo dentro de un momento.',
  'error.reference':
    'Si vuelve a ocurrir, avise a su formador/a o a la administración y deles esta referencia: {reference}.',
  'error.technical': 'Detalles técnicos (solo visibles para administradores)',
  'error.detail.status': 'Estado',
  'error.detail.code': 'Código',
  'error.detail.message': 'Mensaje',
  'error.detail.request': 'Solicitud',
  'error.detail.reference': 'Referencia',
};
