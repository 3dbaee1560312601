import type { ScormMessages } from './scorm.en.js';

export const scormFr: ScormMessages = {
  'nav.scorm': 'Paquets SCORM',
  'scorm.needsScript':
    'Cette activité est un contenu interactif\u00a0: JavaScript doit être activé dans votre navigateur.',
  'scorm.autosave': 'Votre progression dans cette activité est enregistrée au fur et à mesure.',
  'scorm.exit': 'Enregistrer et quitter',
  'scorm.saved': 'Progression enregistrée à {time}.',
  'scorm.retrying':
    'Votre progression n’a pas pu être enregistrée pour le moment. Nouvel essai en cours\u00a0; gardez cette page ouverte.',

  'scorm.closed.title': 'Activité fermée',
  'scorm.closed.saved': 'Votre progression y est enregistrée.',
  'scorm.closed.continue': 'Continuer',
  'scorm.closed.back': 'Retour au cours',
  'scorm.closed.reopen': 'La rouvrir',
  'scorm.admin.title': 'Paquets SCORM',
  'scorm.admin.intro':
    'Importez un cours exporté au format SCORM 1.2 ou SCORM 2004 (un fichier .zip produit par Articulate, iSpring, Captivate, Lectora, H5P ou un outil similaire). Il est publié dans le catalogue aux côtés des cours propres à Lantern.',
  'scorm.import.heading': 'Importer un paquet',
  'scorm.import.file': 'Paquet (.zip)',
  'scorm.import.fileHint': 'Jusqu’à {size}. Le paquet est vérifié avant tout enregistrement.',
  'scorm.import.slug': 'Adresse du cours (facultatif)',
  'scorm.import.slugHint':
    'Lettres minuscules, chiffres et tirets, par exemple premiers-secours-bases. Indiquez l’adresse d’un cours importé pour en ajouter une nouvelle version\u00a0; laissez vide pour utiliser le titre du paquet (un paquet déjà importé est reconnu grâce à son identifiant).',
  'scorm.import.locale': 'Langue du contenu',
  'scorm.import.submit': 'Importer',
  'scorm.import.uploading': 'Envoi en cours\u00a0: {percent}\u00a0%',
  'scorm.import.checking': 'Vérification du paquet…',
  'scorm.import.noFile': 'Choisissez un fichier .zip à importer.',
  'scorm.import.invalidSlug':
    'L’adresse du cours ne peut contenir que des lettres minuscules, des chiffres et des tirets (jamais deux à la suite).',
  'scorm.import.slugTaken':
    'Cette adresse appartient à un cours propre à Lantern\u00a0; choisissez-en une autre.',
  'scorm.import.refused':
    '{file} n’a pas été importé. Rien n’a été enregistré. Problèmes détectés\u00a0:',
  'scorm.import.created':
    '«\u00a0{title}\u00a0» a été importé comme nouveau cours ({version}, {count|one:# activité|other:# activités}).',
  'scorm.import.newVersion':
    '«\u00a0{title}\u00a0» a été importé en version {number}. Les nouvelles tentatives l’utilisent\u00a0; les tentatives déjà commencées restent sur leur version de départ.',
  'scorm.import.unchanged':
    '«\u00a0{title}\u00a0» est déjà importé avec exactement ce fichier\u00a0: rien n’a changé.',
  'scorm.import.openCourse': 'Ouvrir le cours',
  'scorm.import.notices': 'Ajustements effectués lors de l’importation\u00a0:',
  'scorm.courses.heading': 'Cours importés',
  'scorm.courses.none': 'Aucun cours SCORM n’a encore été importé.',
  'scorm.courses.course': 'Cours',
  'scorm.courses.version': 'Version',
  'scorm.courses.attempts': 'Tentatives',
  'scorm.courses.policy': 'Nouvelle tentative',
  'scorm.courses.maxAttempts': 'Nombre maximal de tentatives',
  'scorm.courses.maxAttemptsHint': 'Vide\u00a0: aucune limite.',
  'scorm.courses.save': 'Enregistrer',
  'scorm.courses.settingsFor': 'Réglages des tentatives pour «\u00a0{title}\u00a0»',
  'scorm.courses.versionValue': 'v{number} · {standard}',
  'scorm.policy.when_finished':
    'Quand la tentative précédente est terminée\u00a0: achevée, réussie ou échouée, ou quittée sans garder l’endroit où l’on s’était arrêté',
  'scorm.policy.never':
    'Jamais\u00a0: les apprenant·es reprennent toujours leur première tentative',
  'scorm.policy.always': 'À chaque ouverture de l’activité',
  'scorm.settings.saved': 'Les réglages des tentatives sont enregistrés.',
  'scorm.settings.invalid':
    'Choisissez une règle pour les nouvelles tentatives, et un maximum compris entre 1 et 1000 (ou laissez-le vide).',

  'scorm.problem.not_zip': 'Le fichier n’est pas une archive zip.',
  'scorm.problem.corrupt_zip': 'L’archive zip est endommagée ({reason}).',
  'scorm.problem.limit_total_size':
    'Une fois décompressé, le paquet dépasse la limite de {limit} octets.',
  'scorm.problem.limit_file_count':
    'Le paquet contient plus de fichiers que la limite autorisée ({limit}).',
  'scorm.problem.limit_ratio':
    'Une fois décompressé, le paquet occupe plus de {limit} fois sa taille compressée\u00a0: il est refusé, car il pourrait s’agir d’une «\u00a0bombe zip\u00a0».',
  'scorm.problem.limit_manifest_size': 'Le manifeste dépasse la limite de {limit} octets.',
  'scorm.problem.unsafe_path': 'Le zip contient un nom de fichier non sécurisé ({reason}).',
  'scorm.problem.symlink': 'Le zip contient un lien symbolique, ce qui n’est pas autorisé.',
  'scorm.problem.special_file':
    'Le zip contient un fichier spécial (périphérique, tube ou socket), ce qui n’est pas autorisé.',
  'scorm.problem.duplicate_name': 'Le zip contient deux entrées portant le même nom ({other}).',
  'scorm.problem.encrypted_entry': 'Le zip contient un fichier protégé par mot de passe.',
  'scorm.problem.unsupported_compression':
    'Le zip utilise une méthode de compression non prise en charge ({method}).',
  'scorm.problem.no_manifest': 'Le paquet ne contient pas de fichier imsmanifest.xml à sa racine.',
  'scorm.problem.malformed_xml': 'Le XML est mal formé\u00a0: {reason}',
  'scorm.problem.not_a_manifest':
    'L’élément racine est <{root}>, et non un élément <manifest> de paquet de contenu IMS.',
  'scorm.problem.unsupported_version':
    'Ce type de paquet n’est pas pris en charge (version de schéma «\u00a0{schemaversion}\u00a0»)\u00a0; seuls SCORM 1.2 et SCORM 2004 le sont.',
  'scorm.problem.no_organization':
    'Le manifeste ne contient aucune organisation ni aucune ressource pouvant être lancée.',
  'scorm.problem.no_launchable_item': 'L’organisation ne contient aucun item pouvant être lancé.',
  'scorm.problem.duplicate_identifier':
    'L’identifiant «\u00a0{identifier}\u00a0» est utilisé plusieurs fois.',
  'scorm.problem.missing_identifier': 'Un élément n’a pas d’identifiant.',
  'scorm.problem.missing_resource':
    'L’item «\u00a0{item}\u00a0» renvoie à la ressource «\u00a0{identifierref}\u00a0», qui n’existe pas.',
  'scorm.problem.resource_without_href':
    'La ressource «\u00a0{resource}\u00a0» est lancée par un item, mais n’a pas de href.',
  'scorm.problem.missing_launch_file':
    'Le fichier de lancement «\u00a0{path}\u00a0» ne se trouve pas dans le paquet.',
  'scorm.notice.manifest_in_subfolder':
    'Le manifeste se trouve dans le dossier «\u00a0{folder}\u00a0», qui est utilisé comme racine du paquet.',
  'scorm.notice.manifest_name_case':
    'Le manifeste s’appelle «\u00a0{name}\u00a0» au lieu de imsmanifest.xml.',
  'scorm.notice.default_organization_fallback':
    'L’organisation par défaut est absente ou incorrecte\u00a0; «\u00a0{used}\u00a0» est utilisée à la place.',
  'scorm.notice.organization_synthesised':
    'Le manifeste ne contient aucune organisation\u00a0: {count|one:une activité a été créée à partir de son unique ressource|other:une activité a été créée pour chacune de ses # ressources}.',
  'scorm.notice.version_inferred':
    'La version de SCORM a été reconnue grâce aux espaces de noms XML ({version}).',
  'scorm.notice.unknown_schemaversion':
    'La version de schéma «\u00a0{schemaversion}\u00a0» est inconnue\u00a0; les espaces de noms XML ont été utilisés à la place.',
  'scorm.notice.metadata_file_missing':
    'Le fichier de métadonnées «\u00a0{path}\u00a0» ne se trouve pas dans le paquet.',
  'scorm.notice.metadata_file_malformed':
    'Le fichier de métadonnées «\u00a0{path}\u00a0» n’a pas pu être lu comme du XML.',
  'scorm.notice.external_launch_url':
    'L’item «\u00a0{item}\u00a0» lance une adresse externe ({url}).',
  'scorm.notice.sequencing_reference_missing':
    'L’item «\u00a0{item}\u00a0» renvoie au séquencement «\u00a0{idref}\u00a0», qui n’existe pas.',
  'scorm.notice.sequencing_value_invalid':
    'Item «\u00a0{item}\u00a0»\u00a0: {field} «\u00a0{value}\u00a0» n’est pas une valeur valide\u00a0; {used} a été utilisé à la place.',
  'scorm.notice.sequencing_element_ignored':
    'Item «\u00a0{item}\u00a0»\u00a0: {field} «\u00a0{value}\u00a0» n’est pas valide, cette règle de séquencement a donc été écartée.',
  'scorm.import.sequencing': 'Séquencement utilisé\u00a0: {features}.',
  'scorm.import.sequencingNone':
    'Aucune règle de séquencement\u00a0: l’apprenant peut ouvrir les activités dans l’ordre qu’il veut.',
  'scorm.import.sequencingUnsupported': 'Non pris en charge, ignoré\u00a0: {features}.',
  'scorm.sequence.opening': 'Ouverture de l’activité suivante…',
  'scorm.sequence.blocked':
    'Cette activité n’est pas disponible maintenant\u00a0: le cours demande de suivre son ordre. Revenez au cours et continuez là où vous en êtes.',
  'scorm.sequence.ended': 'Vous avez atteint la fin de ce cours.',
  'scorm.sequence.suspended':
    'L’endroit où vous vous êtes arrêté est enregistré. Vous pourrez reprendre plus tard.',
  'scorm.sequence.offline':
    'Votre progression n’a pas pu être envoyée. Vérifiez votre connexion et réessayez.',
  'scorm.controls.label': 'Navigation dans le cours',
  'scorm.controls.continue': 'Continuer',
  'scorm.controls.previous': 'Précédent',
  'scorm.controls.exit': 'Quitter l’activité',
  'scorm.controls.suspend': 'Enregistrer et quitter',

  // The admin pages: audit sentences, SCORM lists and import reports, error details.
  'audit.intro':
    'Qui a consulté, téléchargé ou modifié les données de qui, des plus récentes aux plus anciennes.',
  'audit.none': 'Rien n’a encore été enregistré.',
  'audit.technical': 'Détails techniques',
  'audit.field.action': 'Action',
  'audit.field.actor': 'Compte',
  'audit.field.subject': 'Données de',
  'audit.field.data': 'Données enregistrées',
  'audit.someone': 'Un compte supprimé',
  'audit.sentence.users.list': '{actor} a consulté la liste des utilisateur·rices (page {page}).',
  'audit.sentence.users.search':
    '{actor} a fait une recherche dans les utilisateur·rices par nom ou adresse (page {page}).',
  'audit.sentence.users.role': '{actor} a attribué le rôle {role} à {subject}.',
  'audit.sentence.scorm.import':
    '{actor} a importé le paquet SCORM {file} comme nouveau cours\u00a0: {course}.',
  'audit.sentence.scorm.importVersion':
    '{actor} a importé le paquet SCORM {file} comme version {version} de {course}.',
  'audit.sentence.scorm.importUnchanged':
    '{actor} a importé de nouveau le paquet SCORM {file}\u00a0; {course} contenait déjà exactement ce fichier, rien n’a donc changé.',
  'audit.sentence.report.dashboard':
    '{actor} a consulté le tableau de bord du groupe {cohort} (cours\u00a0: {course}).',
  'audit.sentence.report.learners':
    '{actor} a consulté les résultats des apprenant·es du groupe {cohort} (cours\u00a0: {course}).',
  'audit.sentence.report.learner':
    '{actor} a consulté le détail des résultats de {subject} dans le groupe {cohort} (cours\u00a0: {course}).',
  'audit.sentence.report.items':
    '{actor} a consulté l’analyse des questions du groupe {cohort} (cours\u00a0: {course}).',
  'audit.sentence.report.print':
    '{actor} a ouvert le rapport imprimable du groupe {cohort} (cours\u00a0: {course}).',
  'audit.sentence.export.learners':
    '{actor} a téléchargé les résultats des apprenant·es du groupe {cohort} sous forme de tableur (cours\u00a0: {course}).',
  'audit.sentence.export.items':
    '{actor} a téléchargé l’analyse des questions du groupe {cohort} sous forme de tableur (cours\u00a0: {course}).',
  'audit.sentence.unknown': '{actor} a effectué l’action «\u00a0{action}\u00a0».',
  'scorm.courses.imported': 'Date d’importation',
  'scorm.courses.pick': '{slug} · v{number} · importé le {date}',
  'scorm.import.nextStep':
    'Corrigez ces problèmes dans l’outil qui a produit le paquet (ou demandez-le à son auteur·rice), exportez-le de nouveau et importez le nouveau fichier.',
  'scorm.import.technical': 'Détails techniques\u00a0: où se trouve chaque problème',
  'scorm.import.noticesTechnical': 'Détails techniques\u00a0: où chaque correction a été faite',
  'scorm.content.expired':
    'Ce lien d’ouverture a expiré. Revenez au cours et rouvrez l’activité\u00a0; votre progression est enregistrée.',
  'scorm.content.openFromCourse': 'Ouvrez cette activité depuis la page de son cours.',
  'scorm.content.progressUnavailable':
    'Votre progression dans cette activité n’a pas pu être chargée\u00a0; l’activité n’a donc pas été ouverte, car elle aurait repris depuis le début. Rechargez la page pour réessayer.',
  'scorm.content.missing':
    'Cette partie de l’activité manque dans son paquet. Revenez au cours et continuez\u00a0; si le problème se répète, prévenez votre formateur·rice.',
  'scorm.content.failed':
    'Cette partie de l’activité n’a pas pu s’ouvrir pour le moment. Revenez au cours et réessayez dans un instant.',
  'error.reference':
    'Si le problème se répète, prévenez votre formateur·rice ou l’administration et donnez-leur cette référence\u00a0: {reference}.',
  'error.technical': 'Détails techniques (visibles uniquement par les administrateur·rices)',
  'error.detail.status': 'Statut',
  'error.detail.code': 'Code',
  'error.detail.message': 'Message',
  'error.detail.request': 'Requête',
  'error.detail.reference': 'Référence',
};
