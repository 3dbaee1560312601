import type { Messages } from './en.js';

export const fr: Messages = {
  'app.name': 'Lantern',
  'app.tagline': 'Se former pour protéger les enfants dans les crises humanitaires',
  'nav.skip': 'Aller au contenu principal',
  'nav.main': 'Navigation principale',
  'nav.menu': 'Menu',
  'nav.catalogue': 'Cours',
  'nav.myLearning': 'Mes formations',
  'nav.account': 'Mon compte',
  'nav.users': 'Utilisateurs',
  'nav.login': 'Se connecter',
  'nav.register': 'Créer un compte',
  'nav.logout': 'Se déconnecter',
  'lang.label': 'Langue',
  'lang.en': 'English',
  'lang.fr': 'Français',
  'lang.es': 'Español',
  'lang.ar': 'العربية',
  'footer.text':
    'Lantern\u00a0: des formations gratuites et légères pour la protection de l’enfance.',

  'home.title': 'Apprendre à protéger les enfants',
  'home.intro':
    'Des cours courts, à suivre à votre rythme, sur la protection de l’enfance dans l’action humanitaire. Ils fonctionnent sur téléphone, même avec une connexion lente, et vous pouvez vous arrêter puis reprendre là où vous en étiez.',
  'home.welcome': 'Bienvenue, {name}.',

  'form.errorSummary': 'Veuillez corriger les champs signalés.',
  'form.error.required': 'Veuillez remplir ce champ.',
  'form.error.tooLong': 'Veuillez ne pas dépasser {max} caractères.',
  'form.error.tooShort': 'Veuillez saisir au moins {min} caractères.',
  'form.error.email': 'Veuillez saisir une adresse e-mail du type nom@exemple.org.',
  'form.error.locale': 'Veuillez choisir l’une des langues proposées.',
  'form.error.mismatch': 'Les deux mots de passe ne sont pas identiques.',
  'form.error.nameControl':
    'Veuillez retirer du nom les caractères invisibles (retour à la ligne, tabulation…).',

  'register.title': 'Créer un compte',
  'register.intro':
    'Votre compte conserve votre progression et vos certificats. Nous ne demandons que le strict nécessaire.',
  'register.name': 'Nom complet',
  'register.nameHint': 'Tel qu’il doit apparaître sur vos certificats.',
  'register.email': 'Adresse e-mail',
  'register.password': 'Mot de passe',
  'register.passwordHint':
    'Au moins {min} caractères. Quelques mots mis bout à bout sont faciles à retenir et difficiles à deviner.',
  'register.locale': 'Langue préférée',
  'register.submit': 'Créer mon compte',
  'register.haveAccount': 'Vous avez déjà un compte\u00a0?',

  'login.title': 'Se connecter',
  'login.email': 'Adresse e-mail',
  'login.password': 'Mot de passe',
  'login.submit': 'Se connecter',
  'login.failed':
    'Cette adresse e-mail et ce mot de passe ne correspondent à aucun compte. Vérifiez-les et réessayez.',
  'login.noAccount': 'Première visite\u00a0?',
  'login.required': 'Veuillez vous connecter pour voir cette page.',
  'logout.done': 'Déconnexion effectuée. Sur un appareil partagé, fermez aussi le navigateur.',

  'account.title': 'Mon compte',
  'account.details': 'Vos informations',
  'account.name': 'Nom',
  'account.email': 'E-mail',
  'account.role': 'Rôle',
  'account.changePassword': 'Changer de mot de passe',
  'account.mustChange':
    'Vous utilisez un mot de passe à usage unique. Choisissez votre propre mot de passe pour continuer.',
  'account.currentPassword': 'Mot de passe actuel',
  'account.newPassword': 'Nouveau mot de passe',
  'account.confirmPassword': 'Confirmer le nouveau mot de passe',
  'account.submitPassword': 'Enregistrer le nouveau mot de passe',
  'account.wrongPassword': 'Le mot de passe actuel est incorrect.',
  'account.passwordChanged':
    'Votre mot de passe a été modifié. Vos autres appareils ont été déconnectés.',

  'role.learner': 'Apprenant·e',
  'role.trainer': 'Formateur·rice',
  'role.admin': 'Administrateur·rice',

  'admin.users.title': 'Utilisateurs',
  'admin.users.search': 'Rechercher par nom ou e-mail',
  'admin.users.searchButton': 'Rechercher',
  'admin.users.count':
    '{count|one:# utilisateur·rice trouvé·e|other:# utilisateur·rices trouvé·es}',
  'admin.users.none': 'Aucun utilisateur ne correspond à cette recherche.',
  'admin.users.name': 'Nom',
  'admin.users.email': 'E-mail',
  'admin.users.role': 'Rôle',
  'admin.users.joined': 'Date d’inscription',
  'admin.users.changeRole': 'Changer le rôle de {name}',
  'admin.users.save': 'Enregistrer',
  'admin.users.roleChanged': 'Le rôle de {name} est maintenant\u00a0: {role}.',
  'admin.users.lastAdmin':
    'C’est le dernier compte administrateur\u00a0: donnez d’abord ce rôle à un autre utilisateur.',
  'admin.users.previous': 'Page précédente',
  'admin.users.next': 'Page suivante',
  'admin.users.page': 'Page {page}',

  'error.notFound.title': 'Page introuvable',
  'error.notFound.text':
    'Nous n’avons pas trouvé cette page. Vérifiez l’adresse ou revenez aux cours.',
  'error.forbidden.title': 'Accès non autorisé',
  'error.forbidden.text':
    'Votre compte ne donne pas accès à cette page. Si vous pensez que c’est une erreur, adressez-vous à votre formateur ou formatrice, ou à l’administration.',
  'error.csrf.title': 'Ce formulaire a expiré',
  'error.csrf.text':
    'Pour votre sécurité, le formulaire n’a pas pu être envoyé. Revenez en arrière, rechargez la page et réessayez.',
  'error.tooLarge.title': 'Trop de données',
  'error.tooLarge.text': 'Votre envoi dépasse la taille autorisée. Réduisez-le et réessayez.',
  'error.rateLimited.title': 'Trop de tentatives',
  'error.rateLimited.text': 'Veuillez patienter une minute avant de réessayer.',
  'error.unavailable.title': 'Service momentanément indisponible',
  'error.unavailable.text':
    'Lantern ne parvient pas à accéder à sa base de données pour le moment. Votre progression est en sécurité. Réessayez dans quelques minutes.',
  'error.server.title': 'Un problème est survenu',
  'error.server.text':
    'Une erreur inattendue a empêché l’affichage de cette page. Elle a été enregistrée. Réessayez\u00a0; si le problème persiste, prévenez l’administration.',
  'error.badRequest.title': 'Demande non comprise',
  'error.badRequest.text':
    'La page a reçu des données qu’elle ne sait pas lire. Revenez en arrière et réessayez.',
  'error.backHome': 'Aller aux cours',
  'form.error.invalid': 'Vérifiez ce champ : sa valeur ne peut pas être acceptée.',
  // Catalogue et page du cours : les langues dans lesquelles un cours existe vraiment.
  'catalogue.partly': 'En partie en {language} ({detail})',
  'catalogue.lessonsOf': '{done|one:# leçon|other:# leçons} sur {total|other:#}',
  'catalogue.quizzesOf': '{done|one:# quiz|other:# quiz} sur {total|other:#}',
  'quiz.retryHint':
    'Seul votre meilleur score compte\u00a0: une nouvelle tentative peut l’améliorer, jamais le faire baisser.',
  'quiz.practise': 'S’entraîner encore',
  'quiz.practiseHint':
    'Vous avez réussi, et c’est acquis. Une nouvelle tentative sert d’entraînement\u00a0: votre meilleur score ({score}\u00a0%) ne peut que monter.',
  'quiz.practiseHintPerfect':
    'Vous avez réussi avec la note maximale, et c’est acquis. Vous entraîner à nouveau ne change pas votre résultat.',
  'quiz.passedBefore':
    'Vous avez réussi ce quiz lors d’une tentative précédente, et c’est acquis\u00a0: votre meilleur score est de {score}\u00a0%.',
  'register.welcome': 'Bienvenue, {name}. Votre compte est prêt et vous êtes connecté·e.',
  'register.emailTaken':
    'Un compte existe déjà avec cette adresse e-mail. Connectez-vous avec ce compte, ou utilisez une autre adresse.',
  'certificate.checkAt': 'Tout le monde peut vérifier ce certificat à cette adresse\u00a0:',
};
