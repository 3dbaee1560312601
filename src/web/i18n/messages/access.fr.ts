import type { AccessMessages } from './access.en.js';

export const accessFr: AccessMessages = {
  'access.login.forgot': 'Mot de passe oublié\u00a0?',
  'access.login.paused':
    'Trop de mots de passe erronés ont été saisis pour cette adresse\u00a0: la connexion avec celle-ci est suspendue pendant {minutes|one:# minute|other:# minutes}. Réessayez ensuite, ou choisissez un nouveau mot de passe avec «\u00a0Mot de passe oublié\u00a0?\u00a0».',

  'access.forgot.title': 'Mot de passe oublié\u00a0?',
  'access.forgot.intro':
    'Saisissez l’adresse e-mail de votre compte. Nous vous enverrons un lien pour choisir un nouveau mot de passe.',
  'access.forgot.email': 'Adresse e-mail',
  'access.forgot.submit': 'Envoyez-moi un lien',
  'access.forgot.sentTitle': 'Consultez vos e-mails',
  'access.forgot.sent':
    'Si un compte existe pour {email}, nous avons envoyé un lien à cette adresse. Il ne sert qu’une fois et reste valable 60\u00a0minutes.',
  'access.forgot.sentHelp':
    'Rien reçu au bout de quelques minutes\u00a0? Regardez dans vos courriers indésirables, et vérifiez que c’est bien l’adresse que vous utilisez sur Lantern.',
  'access.forgot.tryAgain': 'Essayer une autre adresse',
  'access.forgot.waitAddress':
    'Plusieurs liens ont déjà été envoyés à cette adresse au cours de la dernière heure. Utilisez le plus récent, ou redemandez-en un dans {minutes|one:# minute|other:# minutes}.',
  'access.forgot.backToLogin': 'Retour à la connexion',

  'access.reset.title': 'Choisir un nouveau mot de passe',
  'access.reset.intro':
    'Choisissez un nouveau mot de passe pour {email}. Vous serez connecté·e ici, et déconnecté·e de tous vos autres appareils.',
  'access.reset.password': 'Nouveau mot de passe',
  'access.reset.confirm': 'Confirmer le nouveau mot de passe',
  'access.reset.submit': 'Enregistrer et me connecter',
  'access.reset.done':
    'Votre nouveau mot de passe est enregistré et vous êtes connecté·e. Tous vos autres appareils ont été déconnectés.',
  'access.reset.invalidTitle': 'Ce lien ne fonctionne plus',
  'access.reset.invalid':
    'Un lien pour choisir un nouveau mot de passe ne sert qu’une fois, pendant 60\u00a0minutes, et seul le dernier envoyé fonctionne. Celui-ci a déjà servi, a expiré ou n’a pas été copié en entier.',
  'access.reset.askAgain': 'Demander un nouveau lien',

  'access.register.welcome':
    'Bienvenue, {name}. Votre compte est prêt et vous êtes connecté·e. Nous avons envoyé un lien à {email} pour confirmer votre adresse.',

  'access.verify.askTitle': 'Confirmez votre adresse e-mail',
  'access.verify.ask':
    'Confirmez que l’adresse {email} est bien la vôtre\u00a0: les certificats ne sont délivrés qu’aux adresses confirmées.',
  'access.verify.submit': 'Confirmer mon adresse',
  'access.verify.title': 'Adresse e-mail confirmée',
  'access.verify.confirmed': 'Merci\u00a0: l’adresse {email} est confirmée.',
  'access.verify.certificates':
    '{count|one:Le certificat du cours que vous avez terminé est prêt.|other:Les certificats des # cours que vous avez terminés sont prêts.}',
  'access.verify.toMyLearning': 'Aller à Mes formations',
  'access.verify.toCatalogue': 'Voir les cours',
  'access.verify.already': 'Votre adresse e-mail est confirmée.',
  'access.verify.invalidTitle': 'Ce lien ne fonctionne plus',
  'access.verify.invalid':
    'Un lien de confirmation ne sert qu’une fois, pendant 7\u00a0jours, et seul le dernier envoyé fonctionne. Celui-ci a déjà servi, a expiré ou n’a pas été copié en entier.',
  'access.verify.invalidSignedIn': 'Vous pouvez vous envoyer un nouveau lien.',
  'access.verify.invalidAnonymous':
    'Connectez-vous\u00a0: la page de votre compte permet de vous envoyer un nouveau lien.',
  'access.verify.sent':
    'Un nouveau lien est en route vers {email}. Il ne sert qu’une fois et reste valable 7\u00a0jours.',
  'access.verify.resendLater':
    'Plusieurs liens ont déjà été envoyés au cours de la dernière heure. Utilisez le plus récent, ou redemandez-en un dans {minutes|one:# minute|other:# minutes}.',

  'access.status.unconfirmed': 'Votre adresse e-mail n’est pas encore confirmée.',
  'access.status.unconfirmedText':
    'Ouvrez le lien que nous avons envoyé à {email}. Vous pouvez suivre vos cours en attendant\u00a0; les certificats ne sont délivrés qu’aux adresses confirmées.',
  'access.status.resend': 'Renvoyer le lien',

  'access.certificate.pending':
    'Votre certificat sera disponible ici dès que votre adresse e-mail sera confirmée. Ouvrez le lien que nous avons envoyé à {email}.',

  'audit.sentence.password.reset':
    '{actor} a choisi un nouveau mot de passe grâce à un lien reçu par e-mail.',
  'audit.sentence.email.verified': '{actor} a confirmé son adresse e-mail.',
  'audit.sentence.login.paused':
    '{actor} a saisi {failures} mots de passe erronés d’affilée pour le compte de {subject}\u00a0: la connexion à ce compte est suspendue pendant {minutes|one:# minute|other:# minutes}.',
  'access.audit.someone': 'Quelqu’un',
};
