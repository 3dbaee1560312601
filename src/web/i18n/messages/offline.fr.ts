import type { OfflineMessages } from './offline.en.js';

export const offlineFr: OfflineMessages = {
  'offline.title': 'Sur cet appareil',
  'offline.save': 'Rendre disponible hors ligne',
  'offline.update': 'Mettre à jour',
  'offline.remove': 'Retirer de cet appareil',
  'offline.again': 'Télécharger à nouveau',
  'offline.needs':
    'L’utilisation hors ligne demande JavaScript et un navigateur capable de garder des pages (avec les service workers). Ce navigateur ne le peut pas\u00a0; le cours fonctionne en ligne comme d’habitude.',
  'offline.insecure':
    'L’utilisation hors ligne demande une adresse sécurisée (https://). Demandez aux responsables de ce site de le servir en HTTPS\u00a0; le cours fonctionne en ligne comme d’habitude.',
  'offline.progress': '{done} pages enregistrées sur {total} · {size}',
  'offline.available': 'Disponible hors ligne · {size} · enregistré le {date}',
  'offline.changed':
    'Ce cours a changé depuis que vous l’avez enregistré\u00a0: mettez-le à jour pour lire la nouvelle version hors ligne.',
  'offline.evicted':
    'Certaines pages enregistrées de ce cours ne sont plus sur cet appareil (le navigateur les a supprimées pour libérer de la place).',
  'offline.storage': '{free} libres sur cet appareil.',
  'offline.noRoom':
    'Il n’y a pas assez de place sur cet appareil\u00a0: {free} libres, environ {needed} nécessaires. Libérez de la place et réessayez.',
  'offline.persisted':
    'Votre navigateur gardera les cours hors ligne jusqu’à ce que vous les retiriez.',
  'offline.persistRefused':
    'Votre navigateur n’a pas accepté de garder les cours hors ligne durablement\u00a0: il peut les supprimer s’il manque de place. Cette page le vérifie à chaque ouverture.',
  'offline.failed':
    'Le téléchargement s’est arrêté avant la fin. Rien n’a été gardé\u00a0; réessayez quand la connexion sera meilleure.',
  'offline.removed': 'Retiré de cet appareil.',
  'offline.badge': 'Disponible hors ligne',
  'offline.saved':
    'Enregistré sur cet appareil — ce sera envoyé quand vous serez de nouveau en ligne.',
  'offline.quizSent':
    'Vous avez déjà répondu à ce quiz sur cet appareil, et vos réponses ont été envoyées. Pour le refaire, connectez-vous à Internet.',
  'offline.quizWaiting':
    'Vos réponses sont enregistrées et seront corrigées quand vous serez en ligne.',
  'offline.quizProvisional':
    'Corrigé sur cet appareil. Vos réponses sont enregistrées sur cet appareil et seront envoyées quand vous serez de nouveau en ligne.',
  'offline.quizChanged':
    'Ce quiz a changé après que vous y avez répondu sur votre appareil. Vos réponses ont été gardées\u00a0: vérifiez-les et envoyez le quiz à nouveau.',
  'offline.status.waiting':
    '{count|one:# réponse en attente d’envoi|other:# réponses en attente d’envoi}',
  'offline.status.login': 'Reconnectez-vous pour les envoyer.',
  'offline.status.failed':
    '{count|one:# réponse n’a pas pu être envoyée|other:# réponses n’ont pas pu être envoyées}\u00a0: le cours ou le quiz ne vous est plus ouvert.',
  'offline.status.sent': 'Tout est envoyé.',
  'offline.page.title': 'Vous êtes hors ligne',
  'offline.page.text': 'Vous êtes hors ligne. Cette page n’a pas été enregistrée sur cet appareil.',
  'offline.page.courses': 'Cours enregistrés sur cet appareil\u00a0:',
  'offline.page.none':
    'Aucun cours n’est encore enregistré sur cet appareil. Quand vous serez en ligne, ouvrez un cours et choisissez «\u00a0Rendre disponible hors ligne\u00a0».',
  'offline.forget': 'Retirer mes cours hors ligne et mes réponses en attente de cet appareil',
  'offline.forgetHint': 'Les réponses encore en attente sont perdues si vous les retirez.',
};
