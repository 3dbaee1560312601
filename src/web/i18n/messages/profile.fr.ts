import type { ProfileMessages } from './profile.en.js';

export const profileFr: ProfileMessages = {
  'profile.intro':
    'Vos informations, votre façon de vous connecter et les données que Lantern conserve sur vous.',
  'profile.details.title': 'Nom et langue',
  'profile.details.submit': 'Enregistrer le nom et la langue',
  'profile.details.saved': 'Votre nom et votre langue sont enregistrés.',
  'profile.details.unchanged':
    'Rien n’a changé\u00a0: votre nom et votre langue étaient déjà ceux-ci.',
  'profile.email.title': 'Adresse e-mail',
  'profile.email.current': 'Vous vous connectez avec {email}.',
  'profile.email.new': 'Nouvelle adresse e-mail',
  'profile.email.newHint':
    'Nous envoyons un lien à la nouvelle adresse. Votre adresse ne change que lorsque ce lien est ouvert, dans les 24\u00a0heures.',
  'profile.email.password': 'Votre mot de passe',
  'profile.email.passwordHint': 'Pour nous assurer que c’est bien vous.',
  'profile.email.submit': 'Envoyer le lien de confirmation',
  'profile.email.same': 'C’est déjà votre adresse e-mail.',
  'profile.email.sent':
    'Nous avons envoyé un lien à {email}. Ouvrez-le dans les 24\u00a0heures pour confirmer la nouvelle adresse\u00a0; d’ici là, votre adresse actuelle reste en vigueur.',
  'profile.email.pending':
    'En attente de confirmation\u00a0: {email} (le lien est valable jusqu’au {date}).',
  'profile.email.cancel': 'Annuler ce changement',
  'profile.email.cancelled':
    'Le changement d’adresse est annulé\u00a0: le lien ne fonctionne plus.',
  'profile.email.changed': 'Votre adresse e-mail est désormais {email}.',
  'profile.email.confirmTitle': 'Votre nouvelle adresse e-mail',
  'profile.email.confirmIntro':
    'Confirmez que {email} devient l’adresse e-mail de ce compte Lantern. Vous vous connecterez ensuite avec cette adresse.',
  'profile.email.confirmSubmit': 'Confirmer la nouvelle adresse',
  'profile.email.linkInvalid':
    'Ce lien de confirmation ne fonctionne plus\u00a0: il a expiré, a déjà servi ou a été remplacé par un lien plus récent. Vous pouvez en demander un nouveau sur la page de votre compte.',
  'profile.email.taken':
    'Un autre compte Lantern utilise déjà {email}\u00a0: cette adresse ne peut donc pas devenir celle de ce compte. Connectez-vous plutôt à cet autre compte, ou choisissez une autre adresse.',
  'profile.email.otherAccount':
    'Ce lien a été envoyé pour un autre compte que celui avec lequel vous êtes connecté·e. Déconnectez-vous, puis ouvrez à nouveau le lien.',
  'profile.email.toAccount': 'Aller à mon compte',
  'profile.password.intro':
    'Changer de mot de passe vous déconnecte de tous vos autres appareils et annule tous les liens que nous vous avons envoyés par e-mail.',
  'profile.reminders.title': 'Rappels par e-mail',
  'profile.reminders.label': 'Rappels par e-mail de mes formateur·rices',
  'profile.reminders.hint':
    'Un·e formateur·rice de votre groupe peut vous rappeler un cours que vous n’avez pas terminé, une fois par jour au plus.',
  'profile.reminders.submit': 'Enregistrer mon choix',
  'profile.reminders.on': 'Les rappels de vos formateur·rices sont activés.',
  'profile.reminders.off': 'Les rappels de vos formateur·rices sont désactivés.',
  'profile.data.title': 'Vos données',
  'profile.data.intro':
    'Téléchargez en un seul fichier (JSON) tout ce que Lantern conserve sur vous\u00a0: vos informations, vos cours, votre progression, vos réponses aux quiz, vos certificats, les données de vos activités SCORM, vos groupes, et la trace de qui a consulté ou modifié vos données.',
  'profile.data.download': 'Télécharger mes données',
  'profile.delete.title': 'Supprimer mon compte',
  'profile.delete.intro':
    'Effacez définitivement votre nom et votre adresse e-mail de Lantern. Votre mot de passe vous sera demandé.',
  'profile.delete.link': 'Supprimer mon compte…',
  'profile.delete.what': 'Ce qui se passe quand vous supprimez votre compte\u00a0:',
  'profile.delete.identity':
    'Votre nom et votre adresse e-mail sont effacés définitivement. Plus personne ne peut se connecter à ce compte.',
  'profile.delete.signOut':
    'Vous êtes déconnecté·e sur tous vos appareils, les liens que nous vous avons envoyés par e-mail cessent de fonctionner et les messages en attente d’envoi sont annulés.',
  'profile.delete.results':
    'Vos résultats (progression, réponses aux quiz, données d’activité) sont conservés sans votre nom, pour que les chiffres de vos formateur·rices restent justes\u00a0; personne ne peut plus savoir qu’ils étaient les vôtres.',
  'profile.delete.certificates':
    'Vos certificats sont retirés\u00a0: quiconque en vérifie un apprend qu’il a été retiré à votre demande.',
  'profile.delete.undo':
    'Cette opération est irréversible. Si vous souhaitez garder une copie de vos données, téléchargez-les d’abord.',
  'profile.delete.password': 'Votre mot de passe',
  'profile.delete.passwordHint': 'Pour confirmer que c’est bien vous.',
  'profile.delete.submit': 'Supprimer définitivement mon compte',
  'profile.delete.keep': 'Garder mon compte',
  'profile.delete.lastAdmin':
    'Vous êtes le seul administrateur ou la seule administratrice. Donnez ce rôle à une autre personne avant de supprimer votre compte.',
  'profile.delete.done': 'Votre compte est supprimé. Merci d’avoir appris avec Lantern.',
  'profile.admin.download': 'Données',
  'profile.admin.downloadFor': 'Télécharger les données de {name} (JSON)',
  'profile.admin.erase': 'Effacer…',
  'profile.admin.erased': 'Effacé',
  'profile.admin.eraseTitle': 'Effacer un compte',
  'profile.admin.eraseIntro': 'Vous êtes sur le point d’effacer le compte de {name} ({email}).',
  'profile.admin.eraseWhat':
    'Son nom et son adresse e-mail sont effacés définitivement, et plus personne ne peut se connecter à ce compte. Ses sessions prennent fin immédiatement, les liens qui lui ont été envoyés par e-mail cessent de fonctionner et les messages en attente sont annulés. Ses résultats sont conservés sans nom, pour que les rapports gardent des chiffres justes ; ses certificats sont retirés. Cette opération est irréversible : téléchargez d’abord ses données s’il faut les conserver.',
  'profile.admin.erasePassword': 'Votre propre mot de passe',
  'profile.admin.eraseSubmit': 'Effacer définitivement ce compte',
  'profile.admin.eraseBack': 'Retour aux utilisateur·rices',
  'profile.admin.erasedDone': 'Le compte est effacé.',
  'profile.admin.eraseSelf':
    'Vous ne pouvez pas effacer votre propre compte depuis la page des utilisateur·rices. Utilisez «\u00a0Supprimer mon compte\u00a0» sur la page de votre compte.',
  'profile.admin.alreadyErased': 'Ce compte a déjà été effacé.',
  'profile.admin.lastAdmin':
    'C’est le dernier compte administrateur\u00a0: donnez d’abord ce rôle à une autre personne.',
  'profile.deletedAccount': 'Compte supprimé',
  'profile.certificateWithdrawn': 'Ce certificat a été retiré à la demande de son ou sa titulaire.',
  'audit.sentence.profile.update': '{actor} a modifié son profil ({fields}).',
  'audit.sentence.profile.emailRequest':
    '{actor} a demandé à changer d’adresse e-mail\u00a0; un lien de confirmation a été envoyé à la nouvelle adresse.',
  'audit.sentence.profile.emailChange': '{actor} a confirmé une nouvelle adresse e-mail.',
  'audit.sentence.profile.password': '{actor} a changé de mot de passe.',
  'audit.sentence.profile.reminders':
    '{actor} a activé les rappels par e-mail des formateur·rices.',
  'audit.sentence.profile.remindersOff':
    '{actor} a désactivé les rappels par e-mail des formateur·rices.',
  'audit.sentence.data.export': '{actor} a téléchargé les données personnelles de {subject}.',
  'audit.sentence.data.exportOwn': '{actor} a téléchargé ses propres données.',
  'audit.sentence.account.erase': '{actor} a effacé le compte de {subject}.',
  'audit.sentence.account.eraseOwn': '{actor} a supprimé son propre compte.',
};
