import type { OfflineMessages } from './offline.en.js';

export const offlineEs: OfflineMessages = {
  'offline.title': 'En este dispositivo',
  'offline.save': 'Disponible sin conexión',
  'offline.update': 'Actualizar',
  'offline.remove': 'Quitar de este dispositivo',
  'offline.again': 'Descargar de nuevo',
  'offline.needs':
    'El uso sin conexión necesita JavaScript y un navegador que pueda guardar páginas (con service workers). Este navegador no puede; el curso funciona en línea como siempre.',
  'offline.insecure':
    'El uso sin conexión necesita una dirección segura (https://). Pida a quienes gestionan este sitio que lo sirvan con HTTPS; el curso funciona en línea como siempre.',
  'offline.progress': '{done} de {total} páginas guardadas · {size}',
  'offline.available': 'Disponible sin conexión · {size} · guardado el {date}',
  'offline.changed':
    'Este curso cambió desde que lo guardó: actualícelo para leer la nueva versión sin conexión.',
  'offline.evicted':
    'Algunas páginas guardadas de este curso ya no están en este dispositivo (el navegador las borró para liberar espacio).',
  'offline.storage': '{free} libres en este dispositivo.',
  'offline.noRoom':
    'No hay espacio suficiente en este dispositivo: {free} libres, se necesitan unos {needed}. Libere espacio e inténtelo de nuevo.',
  'offline.persisted': 'Su navegador guardará los cursos sin conexión hasta que usted los quite.',
  'offline.persistRefused':
    'Su navegador no aceptó guardar los cursos sin conexión de forma permanente: puede borrarlos si le falta espacio. Esta página lo comprueba cada vez que la abre.',
  'offline.failed':
    'La descarga se detuvo antes de terminar. No se guardó nada; inténtelo de nuevo cuando la conexión sea mejor.',
  'offline.removed': 'Quitado de este dispositivo.',
  'offline.badge': 'Disponible sin conexión',
  'offline.saved': 'Guardado en este dispositivo: se enviará cuando vuelva a tener conexión.',
  'offline.quizSent':
    'Ya respondió este cuestionario en este dispositivo y sus respuestas se enviaron. Para hacerlo de nuevo, conéctese a Internet.',
  'offline.quizWaiting': 'Sus respuestas están guardadas y se calificarán cuando tenga conexión.',
  'offline.quizProvisional':
    'Calificado en este dispositivo. Sus respuestas están guardadas en este dispositivo y se enviarán cuando vuelva a tener conexión.',
  'offline.quizChanged':
    'Este cuestionario cambió después de que lo respondiera en su dispositivo. Sus respuestas se conservaron: revíselas y envíe el cuestionario de nuevo.',
  'offline.status.waiting':
    '{count|one:# respuesta pendiente de envío|other:# respuestas pendientes de envío}',
  'offline.status.login': 'Inicie sesión de nuevo para enviarlas.',
  'offline.status.failed':
    '{count|one:# respuesta no se pudo enviar|other:# respuestas no se pudieron enviar}: el curso o el cuestionario ya no está abierto para usted.',
  'offline.status.sent': 'Todo enviado.',
  'offline.page.title': 'No tiene conexión',
  'offline.page.text': 'No tiene conexión. Esta página no se ha guardado en este dispositivo.',
  'offline.page.courses': 'Cursos guardados en este dispositivo:',
  'offline.page.none':
    'Todavía no hay ningún curso guardado en este dispositivo. Cuando tenga conexión, abra un curso y elija «Disponible sin conexión».',
  'offline.forget':
    'Quitar de este dispositivo mis cursos sin conexión y mis respuestas pendientes',
  'offline.forgetHint': 'Las respuestas que aún están pendientes se pierden si las quita.',
};
