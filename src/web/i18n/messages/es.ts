import type { Messages } from './en.js';

export const es: Messages = {
  'app.name': 'Lantern',
  'app.tagline': 'Formación para quienes protegen a la infancia en las crisis humanitarias',
  'nav.skip': 'Ir al contenido principal',
  'nav.main': 'Navegación principal',
  'nav.menu': 'Menú',
  'nav.catalogue': 'Cursos',
  'nav.myLearning': 'Mi aprendizaje',
  'nav.account': 'Mi cuenta',
  'nav.users': 'Usuarios',
  'nav.login': 'Iniciar sesión',
  'nav.register': 'Crear una cuenta',
  'nav.logout': 'Cerrar sesión',
  'lang.label': 'Idioma',
  'lang.en': 'English',
  'lang.fr': 'Français',
  'lang.es': 'Español',
  'lang.ar': 'العربية',
  'footer.text': 'Lantern: formación gratuita y ligera para la protección de la infancia.',

  'home.title': 'Aprenda a proteger a niñas y niños',
  'home.intro':
    'Cursos breves, a su propio ritmo, sobre protección de la infancia en la acción humanitaria. Funcionan en el teléfono y con conexiones lentas, y puede interrumpirlos y retomarlos donde se quedó.',
  'home.welcome': 'Le damos la bienvenida, {name}.',

  'form.errorSummary': 'Corrija los campos señalados.',
  'form.error.required': 'Rellene este campo.',
  'form.error.tooLong': 'Use como máximo {max} caracteres.',
  'form.error.tooShort': 'Use al menos {min} caracteres.',
  'form.error.email': 'Escriba una dirección de correo electrónico como nombre@ejemplo.org.',
  'form.error.locale': 'Elija uno de los idiomas de la lista.',
  'form.error.mismatch': 'Las dos contraseñas no coinciden.',
  'form.error.nameControl':
    'Quite del nombre los caracteres invisibles (como un salto de línea o un tabulador).',

  'register.title': 'Crear una cuenta',
  'register.intro':
    'Su cuenta guarda su progreso y sus certificados. Solo le pedimos lo necesario.',
  'register.name': 'Nombre completo',
  'register.nameHint': 'Tal como debe aparecer en sus certificados.',
  'register.email': 'Correo electrónico',
  'register.password': 'Contraseña',
  'register.passwordHint':
    'Al menos {min} caracteres. Unas cuantas palabras seguidas son fáciles de recordar y difíciles de adivinar.',
  'register.locale': 'Idioma preferido',
  'register.submit': 'Crear mi cuenta',
  'register.haveAccount': '¿Ya tiene una cuenta?',

  'login.title': 'Iniciar sesión',
  'login.email': 'Correo electrónico',
  'login.password': 'Contraseña',
  'login.submit': 'Iniciar sesión',
  'login.failed':
    'Ese correo y esa contraseña no corresponden a ninguna cuenta. Revíselos e inténtelo de nuevo.',
  'login.noAccount': '¿Primera vez aquí?',
  'login.required': 'Inicie sesión para ver esa página.',
  'logout.done': 'Ha cerrado la sesión. En un dispositivo compartido, cierre también el navegador.',

  'account.title': 'Mi cuenta',
  'account.details': 'Sus datos',
  'account.name': 'Nombre',
  'account.email': 'Correo electrónico',
  'account.role': 'Rol',
  'account.changePassword': 'Cambiar la contraseña',
  'account.mustChange':
    'Está usando una contraseña de un solo uso. Elija su propia contraseña para continuar.',
  'account.currentPassword': 'Contraseña actual',
  'account.newPassword': 'Nueva contraseña',
  'account.confirmPassword': 'Repita la nueva contraseña',
  'account.submitPassword': 'Guardar la nueva contraseña',
  'account.wrongPassword': 'La contraseña actual no es correcta.',
  'account.passwordChanged':
    'Su contraseña se ha cambiado. Se ha cerrado la sesión en sus otros dispositivos.',

  'role.learner': 'Participante',
  'role.trainer': 'Formador/a',
  'role.admin': 'Administrador/a',

  'admin.users.title': 'Usuarios',
  'admin.users.search': 'Buscar por nombre o correo electrónico',
  'admin.users.searchButton': 'Buscar',
  'admin.users.count': '{count|one:# usuario encontrado|other:# usuarios encontrados}',
  'admin.users.none': 'Ningún usuario coincide con esta búsqueda.',
  'admin.users.name': 'Nombre',
  'admin.users.email': 'Correo electrónico',
  'admin.users.role': 'Rol',
  'admin.users.joined': 'Fecha de registro',
  'admin.users.changeRole': 'Cambiar el rol de {name}',
  'admin.users.save': 'Guardar',
  'admin.users.roleChanged': 'El rol de {name} ahora es: {role}.',
  'admin.users.lastAdmin':
    'Es la única cuenta de administración que queda: primero asigne ese rol a otra persona.',
  'admin.users.previous': 'Página anterior',
  'admin.users.next': 'Página siguiente',
  'admin.users.page': 'Página {page}',

  'error.notFound.title': 'Página no encontrada',
  'error.notFound.text': 'No encontramos esta página. Revise la dirección o vuelva a los cursos.',
  'error.forbidden.title': 'Acceso no permitido',
  'error.forbidden.text':
    'Su cuenta no da acceso a esta página. Si cree que debería tenerlo, consulte con su formador o formadora, o con la administración.',
  'error.csrf.title': 'Este formulario ha caducado',
  'error.csrf.text':
    'Por su seguridad, el formulario no se pudo enviar. Vuelva atrás, recargue la página e inténtelo de nuevo.',
  'error.tooLarge.title': 'Demasiados datos',
  'error.tooLarge.text': 'Lo que envió supera el tamaño permitido. Acórtelo e inténtelo de nuevo.',
  'error.rateLimited.title': 'Demasiados intentos',
  'error.rateLimited.text': 'Espere un minuto antes de volver a intentarlo.',
  'error.unavailable.title': 'Servicio no disponible por el momento',
  'error.unavailable.text':
    'Lantern no puede conectarse a su base de datos en este momento. Su progreso está a salvo. Inténtelo de nuevo en unos minutos.',
  'error.server.title': 'Algo salió mal',
  'error.server.text':
    'Un error inesperado detuvo esta página. Ha quedado registrado. Inténtelo de nuevo y, si vuelve a ocurrir, avise a la administración.',
  'error.badRequest.title': 'Solicitud no comprendida',
  'error.badRequest.text':
    'La página recibió datos que no pudo leer. Vuelva atrás e inténtelo de nuevo.',
  'error.backHome': 'Ir a los cursos',
  'form.error.invalid': 'Revise este campo: no podemos aceptar su valor.',
  // Catálogo y página del curso: los idiomas en los que un curso existe de verdad.
  'catalogue.partly': 'Parcialmente en {language} ({detail})',
  'catalogue.lessonsOf': '{done|other:#} de {total|one:# lección|other:# lecciones}',
  'catalogue.quizzesOf': '{done|other:#} de {total|one:# cuestionario|other:# cuestionarios}',
  'quiz.retryHint': 'Cuenta su mejor puntuación: un nuevo intento puede subirla, nunca bajarla.',
  'quiz.practise': 'Practicar de nuevo',
  'quiz.practiseHint':
    'Ha aprobado, y eso se mantiene. Un nuevo intento es práctica: su mejor puntuación ({score}\u00a0%) solo puede subir.',
  'quiz.practiseHintPerfect':
    'Ha aprobado con la nota máxima, y eso se mantiene. Practicar de nuevo no cambia su resultado.',
  'quiz.passedBefore':
    'Aprobó este cuestionario en un intento anterior, y eso se mantiene: su mejor puntuación es {score}\u00a0%.',
  'register.welcome':
    'Le damos la bienvenida, {name}. Su cuenta está lista y ya ha iniciado sesión.',
  'register.emailTaken':
    'Ya existe una cuenta con este correo electrónico. Inicie sesión con ella o use otra dirección.',
  'certificate.checkAt': 'Cualquier persona puede comprobar este certificado en esta dirección:',
};
