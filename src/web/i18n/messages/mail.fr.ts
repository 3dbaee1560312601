import type { MailMessages } from './mail.en.js';

export const mailFr: MailMessages = {
  'mail.greeting': 'Bonjour {name},',
  'mail.signature': 'L’équipe Lantern',
  'mail.linkFallback':
    'Si le bouton ne fonctionne pas, copiez cette adresse dans votre navigateur\u00a0:',
  'mail.notYou':
    'Si vous n’avez rien demandé, vous pouvez ignorer ce message\u00a0: rien ne changera.',
  'mail.reset.subject': 'Choisissez un nouveau mot de passe Lantern',
  'mail.reset.intro':
    'Quelqu’un a demandé à réinitialiser le mot de passe de votre compte Lantern.',
  'mail.reset.action': 'Choisir un nouveau mot de passe',
  'mail.reset.expiry': 'Le lien ne sert qu’une fois et reste valable 60\u00a0minutes.',
  'mail.invitation.subject': 'Votre compte Lantern est prêt',
  'mail.invitation.intro':
    'Un compte a été créé pour vous sur Lantern, la formation en ligne gratuite et à votre rythme pour les personnes qui protègent les enfants dans les crises humanitaires.',
  'mail.invitation.action': 'Choisir mon mot de passe',
  'mail.invitation.expiry':
    'Le lien ne sert qu’une fois et reste valable 7\u00a0jours. Passé ce délai, demandez-en un nouveau à votre administrateur·rice.',
  'mail.verification.subject': 'Confirmez votre adresse e-mail pour Lantern',
  'mail.verification.intro':
    'Bienvenue sur Lantern. Merci de confirmer que cette adresse est bien la vôtre\u00a0: les certificats ne sont délivrés qu’aux adresses confirmées.',
  'mail.verification.action': 'Confirmer mon adresse',
  'mail.verification.expiry': 'Le lien ne sert qu’une fois et reste valable 7\u00a0jours.',
  'mail.emailChange.subject': 'Confirmez votre nouvelle adresse e-mail pour Lantern',
  'mail.emailChange.intro': 'Vous avez demandé à utiliser cette adresse pour votre compte Lantern.',
  'mail.emailChange.action': 'Confirmer la nouvelle adresse',
  'mail.emailChange.expiry':
    'Le lien ne sert qu’une fois et reste valable 24\u00a0heures. D’ici là, votre ancienne adresse reste en usage.',
  'mail.emailChanged.subject': 'L’adresse e-mail de votre compte Lantern va changer',
  'mail.emailChanged.intro':
    'Quelqu’un a demandé à remplacer l’adresse e-mail de votre compte Lantern par {newEmail}. Le changement prendra effet une fois cette adresse confirmée.',
  'mail.emailChanged.outro':
    'Si ce n’était pas vous, changez votre mot de passe maintenant et prévenez votre administrateur·rice.',
  'mail.reminder.subject': 'Votre cours vous attend sur Lantern',
  'mail.reminder.intro':
    '{trainer} vous rappelle votre cours «\u00a0{course}\u00a0». Vous en avez fait {percent}\u00a0%.',
  'mail.reminder.action': 'Reprendre le cours',
  'mail.reminder.personal': 'Un mot de {trainer}\u00a0:',
  'mail.reminder.optOut':
    'Vous pouvez désactiver les rappels dans les paramètres de votre compte\u00a0:',
};
