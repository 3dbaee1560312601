import type { PeopleMessages } from './people.en.js';

export const peopleFr: PeopleMessages = {
  'people.list.add': 'Ajouter une personne',
  'people.list.import': 'Importer un fichier CSV',
  'people.list.status': 'État',
  'people.list.actions': 'Actions',
  'people.status.verified': 'Adresse confirmée',
  'people.status.unverified': 'Adresse non confirmée',
  'people.status.invited': 'Invitation envoyée',
  'people.status.invitedHint': 'n’a pas encore choisi de mot de passe',
  'people.status.deactivated': 'Compte désactivé',
  'people.action.invite': 'Renvoyer l’invitation',
  'people.action.reset': 'Envoyer un lien de réinitialisation',
  'people.action.deactivate': 'Désactiver',
  'people.action.reactivate': 'Réactiver',
  'people.action.for': 'pour {name}',

  'people.new.title': 'Ajouter une personne',
  'people.new.intro':
    'Lantern lui envoie par e-mail un lien pour choisir son propre mot de passe (valable 7\u00a0jours). Personne d’autre ne le voit ni ne le choisit, vous compris.',
  'people.new.name': 'Nom complet',
  'people.new.email': 'Adresse e-mail',
  'people.new.role': 'Rôle',
  'people.new.locale': 'Langue de ses e-mails et de ses pages',
  'people.new.cohort': 'Groupe (facultatif)',
  'people.new.cohortHint': 'La personne le rejoint aussitôt et est inscrite à ses cours.',
  'people.new.cohortNone': 'Aucun groupe',
  'people.new.submit': 'Ajouter et envoyer l’invitation',
  'people.error.role': 'Veuillez choisir l’un des rôles proposés.',
  'people.error.cohort': 'Veuillez choisir l’un des groupes proposés, ou aucun.',
  'people.error.emailTaken':
    'Cette adresse a déjà un compte ({name})\u00a0: recherchez-le dans la liste des utilisateur·rices.',
  'people.added':
    '{name} a été ajouté·e. Une invitation à choisir un mot de passe a été envoyée à {email}.',
  'people.invitationSent':
    'Une nouvelle invitation a été envoyée à {email}. Le lien envoyé précédemment ne fonctionne plus.',
  'people.resetSent':
    'Un lien pour choisir un nouveau mot de passe a été envoyé à {email}. Il fonctionne une seule fois, pendant 60\u00a0minutes.',
  'people.deactivated':
    'Le compte de {name} est désactivé\u00a0: la personne est déconnectée partout et ne peut plus se connecter tant qu’il n’est pas réactivé. Ses données sont conservées.',
  'people.reactivated':
    'Le compte de {name} est de nouveau actif\u00a0: la personne peut se connecter.',
  'people.refused.deactivated': 'Le compte de {name} est désactivé\u00a0: réactivez-le d’abord.',
  'people.refused.notInvited':
    '{name} a déjà choisi un mot de passe\u00a0: envoyez plutôt un lien de réinitialisation.',
  'people.refused.self': 'Vous ne pouvez pas désactiver votre propre compte.',

  'people.invitation.title': 'Choisissez votre mot de passe',
  'people.invitation.intro':
    'Bienvenue sur Lantern, {name}. Choisissez un mot de passe pour votre compte ({email})\u00a0; vous serez connecté·e immédiatement.',
  'people.invitation.password': 'Mot de passe',
  'people.invitation.confirm': 'Confirmez le mot de passe',
  'people.invitation.submit': 'Enregistrer mon mot de passe',
  'people.invitation.invalidTitle': 'Ce lien ne fonctionne plus',
  'people.invitation.invalid':
    'Un lien d’invitation fonctionne une seule fois, pendant 7\u00a0jours, et seul le dernier envoyé est valable. Demandez à votre administrateur·rice de vous renvoyer l’invitation. Si vous avez déjà choisi votre mot de passe, connectez-vous.',
  'people.invitation.done':
    'Bienvenue, {name}\u00a0: votre mot de passe est enregistré et vous êtes connecté·e.',

  'people.import.title': 'Importer des personnes depuis un fichier CSV',
  'people.import.intro':
    'Envoyez un tableur enregistré au format CSV. Vous verrez ce qui arrivera à chaque ligne avant que quoi que ce soit ne soit enregistré.',
  'people.import.format':
    'La première ligne nomme les colonnes\u00a0: {columns}. Seules email et name sont obligatoires. Les colonnes peuvent venir dans n’importe quel ordre, séparées par des virgules ou des points-virgules\u00a0; le fichier est lu en UTF-8.',
  'people.import.formatRole':
    'role\u00a0: learner, trainer ou admin. Vide\u00a0: learner pour une nouvelle personne, inchangé pour une personne existante.',
  'people.import.formatLanguage':
    'language\u00a0: en, fr, es ou ar. Vide\u00a0: votre propre langue pour une nouvelle personne, inchangée pour une personne existante.',
  'people.import.formatCohort':
    'cohort\u00a0: le code d’accès d’un groupe auquel ajouter la personne (facultatif).',
  'people.import.formatExisting':
    'Une personne dont l’adresse a déjà un compte est mise à jour avec le nom, le rôle et la langue indiqués. Les nouvelles personnes reçoivent un e-mail les invitant à choisir leur mot de passe.',
  'people.import.example': 'Exemple',
  'people.import.file': 'Fichier CSV',
  'people.import.fileHint': '{size}\u00a0Mo et {rows}\u00a0lignes au maximum.',
  'people.import.submit': 'Envoyer et prévisualiser',
  'people.import.noFile': 'Veuillez choisir un fichier CSV à envoyer.',
  'people.import.tooLarge':
    'Ce fichier dépasse {size}\u00a0Mo. Découpez-le en fichiers plus petits (par groupe, par exemple) et importez-les l’un après l’autre.',
  'people.import.unknown':
    'Cet import n’est plus disponible (un fichier envoyé est conservé une journée). Veuillez envoyer le fichier à nouveau.',
  'people.import.previewTitle': 'Aperçu de {file}',
  'people.import.nothingSaved':
    'Rien n’a encore été enregistré. Vérifiez ce qui va se passer, puis confirmez en bas de la page.',
  'people.import.count.create':
    '{count|one:# personne à créer et inviter|other:# personnes à créer et inviter}',
  'people.import.count.update':
    '{count|one:# personne à mettre à jour|other:# personnes à mettre à jour}',
  'people.import.count.unchanged':
    '{count|one:# personne déjà à jour|other:# personnes déjà à jour}',
  'people.import.count.skip':
    '{count|one:# ligne ignorée en raison d’un problème|other:# lignes ignorées en raison de problèmes}',
  'people.import.nothingToDo':
    'Rien à changer\u00a0: chaque ligne correspond déjà à ce que Lantern contient. Ce fichier a sans doute déjà été importé.',
  'people.import.fileRefused':
    'Ce fichier ne peut pas être importé en l’état. Corrigez-le, puis envoyez-le à nouveau\u00a0:',
  'people.import.problems': '{count|one:# problème|other:# problèmes}',
  'people.import.problemsHint':
    'Les lignes qui posent problème sont ignorées\u00a0; corrigez-les dans votre fichier et importez-le de nouveau plus tard.',
  'people.import.at': 'Ligne {line}, colonne {column} ({field})',
  'people.import.atColumn': 'Ligne {line}, colonne {column}',
  'people.import.atLine': 'Ligne {line}',
  'people.import.problem.notUtf8':
    'Le fichier n’est pas en UTF-8. Dans votre tableur, enregistrez-le au format «\u00a0CSV UTF-8\u00a0» et envoyez-le à nouveau.',
  'people.import.problem.empty':
    'Le fichier est vide. Sa première ligne doit nommer les colonnes, par exemple\u00a0: {expected}',
  'people.import.problem.missingColumn':
    'La première ligne n’a pas de colonne «\u00a0{value}\u00a0». Elle doit nommer les colonnes, par exemple\u00a0: {expected}',
  'people.import.problem.unknownColumn':
    'La première ligne nomme une colonne inconnue de Lantern\u00a0: «\u00a0{value}\u00a0». Les colonnes sont\u00a0: {expected}',
  'people.import.problem.repeatedColumn':
    'La colonne «\u00a0{value}\u00a0» apparaît deux fois dans la première ligne.',
  'people.import.problem.malformed':
    'Un guillemet n’est pas refermé, ou est suivi d’autre texte, dans la ligne qui commence ici. Vérifiez les guillemets autour de ses valeurs.',
  'people.import.problem.tooManyRows':
    'Le fichier compte {count}\u00a0lignes\u00a0; {limit} au maximum peuvent être importées à la fois. Découpez-le en fichiers plus petits.',
  'people.import.problem.extraValues':
    'Cette ligne a plus de valeurs que la première ligne n’a de colonnes ({count}). Si une valeur contient une virgule ou un point-virgule, mettez-la entre guillemets droits.',
  'people.import.problem.emailMissing': 'L’adresse e-mail manque.',
  'people.import.problem.email': '«\u00a0{value}\u00a0» n’est pas une adresse e-mail.',
  'people.import.problem.nameRequired': 'Un nom est nécessaire pour créer un compte.',
  'people.import.problem.nameTooLong': 'Le nom dépasse {max}\u00a0caractères.',
  'people.import.problem.nameControl':
    'Le nom contient des caractères invisibles (retour à la ligne, tabulation…)\u00a0: retirez-les.',
  'people.import.problem.role':
    '«\u00a0{value}\u00a0» n’est pas un rôle. Utilisez l’un de ceux-ci\u00a0: {expected}.',
  'people.import.problem.language':
    '«\u00a0{value}\u00a0» n’est pas une langue proposée par Lantern. Utilisez l’une de celles-ci\u00a0: {expected}.',
  'people.import.problem.cohortUnknown': 'Aucun groupe n’a le code d’accès «\u00a0{value}\u00a0».',
  'people.import.problem.cohortArchived':
    'Le groupe dont le code d’accès est «\u00a0{value}\u00a0» est archivé.',
  'people.import.problem.cohortExpired':
    'La date limite du groupe dont le code d’accès est «\u00a0{value}\u00a0» est passée.',
  'people.import.problem.duplicate':
    'Cette adresse figure déjà à la ligne {other}\u00a0: seule cette première ligne est importée.',
  'people.import.problem.ownRole':
    'C’est votre propre compte\u00a0: un import ne change pas votre propre rôle.',
  'people.import.rows': 'Toutes les lignes',
  'people.import.col.line': 'Ligne',
  'people.import.col.action': 'Ce qui va se passer',
  'people.import.col.email': 'E-mail',
  'people.import.col.name': 'Nom',
  'people.import.col.role': 'Rôle',
  'people.import.col.language': 'Langue',
  'people.import.col.cohort': 'Groupe',
  'people.import.action.create': 'Créer et inviter',
  'people.import.action.update': 'Mettre à jour\u00a0: {changes}',
  'people.import.action.unchanged': 'Inchangé',
  'people.import.action.skip': 'Ignorée (voir les problèmes)',
  'people.import.change.name': 'nom',
  'people.import.change.role': 'rôle',
  'people.import.change.language': 'langue',
  'people.import.change.cohort': 'rejoint le groupe',
  'people.import.confirm': 'Confirmer l’import',
  'people.import.another': 'Envoyer un autre fichier',
  'people.import.doneTitle': 'Import de {file} terminé',
  'people.import.done':
    '{created|one:# créée|other:# créées}, {updated|one:# mise à jour|other:# mises à jour}, {unchanged|one:# inchangée|other:# inchangées}.',
  'people.import.doneNothing':
    'Rien n’a changé\u00a0: tout le contenu de ce fichier était déjà dans Lantern.',
  'people.import.doneSkipped':
    '{count|one:# ligne a été ignorée en raison d’un problème.|other:# lignes ont été ignorées en raison de problèmes.}',
  'people.import.doneJoined':
    '{count|one:# personne a été ajoutée à un groupe.|other:# personnes ont été ajoutées à des groupes.}',
  'people.import.doneInvited':
    'Les invitations partent par e-mail\u00a0; chaque lien est valable 7\u00a0jours.',
  'people.import.backToUsers': 'Retour à la liste des utilisateur·rices',

  'audit.sentence.users.create': '{actor} a ajouté {subject} et lui a envoyé une invitation.',
  'audit.sentence.users.invitation': '{actor} a renvoyé l’invitation à {subject}.',
  'audit.sentence.users.resetLink':
    '{actor} a envoyé à {subject} un lien pour choisir un nouveau mot de passe.',
  'audit.sentence.users.deactivate': '{actor} a désactivé le compte de {subject}.',
  'audit.sentence.users.reactivate': '{actor} a réactivé le compte de {subject}.',
  'audit.sentence.users.import':
    '{actor} a importé des personnes depuis {file}\u00a0: {created|one:# créée|other:# créées}, {updated|one:# mise à jour|other:# mises à jour}, {unchanged|one:# inchangée|other:# inchangées}.',
};
