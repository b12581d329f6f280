import type { Messages } from '../index';

// The exports screen and the bulk opening-balance import, and their links in the menu.
export const fr: Messages = {
	'nav.exports': 'Exports',
	'nav.import': 'Import',

	'exports.title': 'Exports comptables',
	'exports.intro':
		'Les fichiers sont produits par le serveur, au format CSV (point-virgule, virgule décimale) qui s’ouvre dans LibreOffice Calc et Excel en français.',
	'exports.coordinatorOnly':
		'Réservé au coordinateur : seul le coordinateur du groupe exporte les comptes.',
	'exports.myAccount': 'Voir mon compte',
	'exports.period': 'Période',
	'exports.periodHelp':
		'Jours inclus, heure de Paris, selon la date où l’opération a eu lieu. Laissez une date vide pour ne pas borner la période.',
	'exports.from': 'Du',
	'exports.to': 'Au',
	'exports.thisMonth': 'Ce mois-ci',
	'exports.allTime': 'Tout l’historique',
	'exports.period.BAD_FROM': 'Date de début invalide.',
	'exports.period.BAD_TO': 'Date de fin invalide.',
	'exports.period.FROM_AFTER_TO': 'La date de début est après la date de fin.',
	'exports.files': 'Fichiers',
	'exports.operations': 'Opérations (CSV)',
	'exports.operationsHelp':
		'Chaque opération de la période avec sa trace : qui l’a saisie, sur quel appareil, quand, reçue quand par le serveur, distribution, référence.',
	'exports.journal': 'Journal comptable FEC (CSV)',
	'exports.journalHelp':
		'Écritures en partie double au format du fichier des écritures comptables, équilibrées, avec les comptes ci-dessous.',
	'exports.balances': 'Soldes des adhérents (CSV)',
	'exports.balancesHelp':
		'Le solde de chaque adhérent à ce jour, avec les totaux. Ce fichier ne dépend pas de la période.',
	'exports.download': 'Télécharger',
	'exports.offline':
		'Hors ligne : les exports sont produits par le serveur, ils ne sont disponibles qu’en ligne.',
	'exports.periodBlocked': 'Corrigez la période pour télécharger.',
	'exports.queued':
		'{count, plural, one {# opération de cet appareil n’est pas encore synchronisée : elle ne figure pas dans les fichiers.} other {# opérations de cet appareil ne sont pas encore synchronisées : elles ne figurent pas dans les fichiers.}}',

	'exports.accounts.title': 'Comptes du journal',
	'exports.accounts.help':
		'Numéros du plan comptable utilisés par le journal : de 3 à 10 chiffres. Chaque adhérent a son compte auxiliaire sous le compte des adhérents.',
	'exports.accounts.role.members': 'Adhérents (comptes auxiliaires)',
	'exports.accounts.role.cash': 'Caisse (espèces)',
	'exports.accounts.role.cheques': 'Chèques à encaisser',
	'exports.accounts.role.bank': 'Banque (virements, carte)',
	'exports.accounts.role.sales': 'Ventes de paniers',
	'exports.accounts.role.opening': 'Reprise de soldes (compte d’attente)',
	'exports.accounts.default': 'Par défaut : {number}',
	'exports.accounts.problem.REQUIRED': 'Numéro de compte obligatoire.',
	'exports.accounts.problem.NOT_DIGITS': 'Chiffres uniquement, sans espace ni lettre.',
	'exports.accounts.problem.LENGTH': 'De 3 à 10 chiffres.',
	'exports.accounts.fixErrors': 'Corrigez les numéros signalés avant d’enregistrer.',
	'exports.accounts.save': 'Enregistrer les comptes',
	'exports.accounts.saving': 'Enregistrement…',
	'exports.accounts.saved': 'Comptes enregistrés.',
	'exports.accounts.defaults': 'Reprendre les comptes par défaut',
	'exports.accounts.offline':
		'Hors ligne : voici les derniers comptes chargés sur cet appareil, en lecture seule.',
	'exports.accounts.neverLoaded':
		'Hors ligne : les comptes n’ont encore jamais été chargés sur cet appareil.',
	'exports.accounts.loadError': 'Impossible de charger les comptes : {message}',
	'exports.accounts.retry': 'Réessayer',

	'import.title': 'Reprise de soldes en masse',
	'import.intro':
		'Pour passer d’une comptabilité tenue à la main à l’application : un fichier avec une ligne par adhérent enregistre une « reprise de solde » pour chacun.',
	'import.coordinatorOnly':
		'Réservé au coordinateur : seul le coordinateur du groupe importe des soldes.',
	'import.myAccount': 'Voir mon compte',
	'import.offline':
		'Hors ligne : l’import est vérifié et enregistré par le serveur, il n’est disponible qu’en ligne.',
	'import.format':
		'Deux colonnes : l’adhérent (adresse e-mail, ou nom) puis le montant en euros (12,50 ou -8,40). Positif : avoir de l’adhérent ; négatif : sa dette. Séparateur point-virgule, tabulation ou virgule ; une ligne d’en-tête est reconnue.',
	'import.example': 'Exemple',
	'import.file': 'Fichier CSV',
	'import.fileHint': 'Le fichier est lu sur cet appareil ; son contenu s’affiche ci-dessous.',
	'import.fileLoaded':
		'Fichier « {name} » chargé ({encoding, select, utf8 {UTF-8} other {Windows-1252}}).',
	'import.fileTooLarge': 'Fichier trop volumineux : 1 Mo au plus.',
	'import.fileUnreadable': 'Impossible de lire le fichier : {message}',
	'import.text': 'Contenu du fichier',
	'import.textHint': 'Ou collez ici les lignes copiées depuis un tableur.',
	'import.date': 'Date de la reprise (facultatif)',
	'import.dateHint': 'Jour où les soldes sont repris. Par défaut : aujourd’hui.',
	'import.previewAction': 'Prévisualiser',
	'import.previewing': 'Vérification…',
	'import.emptyText': 'Choisissez un fichier ou collez son contenu.',
	'import.previewTitle': 'Aperçu',
	'import.summary.valid':
		'{count, plural, =0 {Aucune ligne valide} one {# ligne valide} other {# lignes valides}}',
	'import.summary.errors':
		'{count, plural, =0 {aucune erreur} one {# ligne en erreur} other {# lignes en erreur}}',
	'import.summary.total': 'Total des reprises : {amount}',
	'import.header': 'La première ligne a été lue comme un en-tête.',
	'import.already':
		'Ce fichier a déjà été importé dans ce groupe : l’enregistrer à nouveau n’ajoutera rien.',
	'import.caption': 'Lignes du fichier',
	'import.col.line': 'Ligne',
	'import.col.member': 'Adhérent',
	'import.col.amount': 'Montant',
	'import.col.note': 'Remarque',
	'import.lineOk': 'OK',
	'import.noLines': 'Le fichier ne contient aucune ligne à importer.',
	'import.stale': 'Le contenu a changé depuis l’aperçu : prévisualisez à nouveau.',
	'import.blockedErrors':
		'Corrigez les lignes en erreur dans le fichier, puis prévisualisez à nouveau.',
	'import.blockedEmpty': 'Aucune ligne à enregistrer.',
	'import.submit': 'Enregistrer les reprises',
	'import.confirmTitle': 'Enregistrer les reprises de solde',
	'import.confirm': 'Enregistrer',
	'import.confirmText':
		'{count, plural, one {# reprise de solde} other {# reprises de solde}} pour un total de {total}.',
	'import.confirmFinal':
		'Elles s’ajoutent à l’historique des adhérents ; une erreur se corrige ensuite par une contre-passation.',
	'import.result.recorded':
		'{count, plural, =0 {Aucune reprise enregistrée.} one {# reprise de solde enregistrée.} other {# reprises de solde enregistrées.}}',
	'import.result.already':
		'{count, plural, one {# reprise était déjà enregistrée (même fichier).} other {# reprises étaient déjà enregistrées (même fichier).}}',
	'import.result.total': 'Total : {amount}.'
};

export const en: Messages = {
	'nav.exports': 'Exports',
	'nav.import': 'Import',

	'exports.title': 'Accounting exports',
	'exports.intro':
		'The files are made by the server, as CSV (semicolon, decimal comma) that opens in LibreOffice Calc and Excel in a French locale.',
	'exports.coordinatorOnly': 'Coordinator only: only the group’s coordinator exports the accounts.',
	'exports.myAccount': 'See my account',
	'exports.period': 'Period',
	'exports.periodHelp':
		'Days included, Paris time, by the day the operation happened. Leave a date empty to leave that end open.',
	'exports.from': 'From',
	'exports.to': 'To',
	'exports.thisMonth': 'This month',
	'exports.allTime': 'Whole history',
	'exports.period.BAD_FROM': 'Invalid start date.',
	'exports.period.BAD_TO': 'Invalid end date.',
	'exports.period.FROM_AFTER_TO': 'The start date is after the end date.',
	'exports.files': 'Files',
	'exports.operations': 'Operations (CSV)',
	'exports.operationsHelp':
		'Every operation of the period with its audit trail: who recorded it, on which device, when, when the server received it, distribution, reference.',
	'exports.journal': 'FEC accounting journal (CSV)',
	'exports.journalHelp':
		'Balanced double-entry lines in the French FEC layout, with the accounts below.',
	'exports.balances': 'Member balances (CSV)',
	'exports.balancesHelp':
		'Each member’s balance as of today, with totals. This file does not depend on the period.',
	'exports.download': 'Download',
	'exports.offline': 'Offline: the exports are made by the server, they are available online only.',
	'exports.periodBlocked': 'Fix the period to download.',
	'exports.queued':
		'{count, plural, one {# operation of this device is not synced yet: it is not in the files.} other {# operations of this device are not synced yet: they are not in the files.}}',

	'exports.accounts.title': 'Journal accounts',
	'exports.accounts.help':
		'Chart of accounts numbers used by the journal: 3 to 10 digits. Each member has an auxiliary account under the members account.',
	'exports.accounts.role.members': 'Members (auxiliary accounts)',
	'exports.accounts.role.cash': 'Cash box',
	'exports.accounts.role.cheques': 'Cheques to deposit',
	'exports.accounts.role.bank': 'Bank (transfers, card)',
	'exports.accounts.role.sales': 'Basket sales',
	'exports.accounts.role.opening': 'Opening balances (suspense account)',
	'exports.accounts.default': 'Default: {number}',
	'exports.accounts.problem.REQUIRED': 'Account number required.',
	'exports.accounts.problem.NOT_DIGITS': 'Digits only, no space or letter.',
	'exports.accounts.problem.LENGTH': '3 to 10 digits.',
	'exports.accounts.fixErrors': 'Fix the numbers flagged before saving.',
	'exports.accounts.save': 'Save accounts',
	'exports.accounts.saving': 'Saving…',
	'exports.accounts.saved': 'Accounts saved.',
	'exports.accounts.defaults': 'Use the default accounts',
	'exports.accounts.offline':
		'Offline: here are the last accounts loaded on this device, read-only.',
	'exports.accounts.neverLoaded': 'Offline: the accounts have never been loaded on this device.',
	'exports.accounts.loadError': 'Could not load the accounts: {message}',
	'exports.accounts.retry': 'Try again',

	'import.title': 'Opening balances in bulk',
	'import.intro':
		'To move from bookkeeping by hand to the app: a file with one line per member records an “opening balance” for each.',
	'import.coordinatorOnly': 'Coordinator only: only the group’s coordinator imports balances.',
	'import.myAccount': 'See my account',
	'import.offline':
		'Offline: the import is checked and recorded by the server, it is available online only.',
	'import.format':
		'Two columns: the member (email address, or name) then the amount in euros (12,50 or -8,40). Positive: credit held for the member; negative: a debt. Semicolon, tab or comma separated; a header line is recognised.',
	'import.example': 'Example',
	'import.file': 'CSV file',
	'import.fileHint': 'The file is read on this device; its content shows below.',
	'import.fileLoaded':
		'File “{name}” loaded ({encoding, select, utf8 {UTF-8} other {Windows-1252}}).',
	'import.fileTooLarge': 'File too large: 1 MB at most.',
	'import.fileUnreadable': 'Could not read the file: {message}',
	'import.text': 'File content',
	'import.textHint': 'Or paste here the lines copied from a spreadsheet.',
	'import.date': 'Opening date (optional)',
	'import.dateHint': 'The day the balances are taken over. Default: today.',
	'import.previewAction': 'Preview',
	'import.previewing': 'Checking…',
	'import.emptyText': 'Choose a file or paste its content.',
	'import.previewTitle': 'Preview',
	'import.summary.valid':
		'{count, plural, =0 {No valid line} one {# valid line} other {# valid lines}}',
	'import.summary.errors':
		'{count, plural, =0 {no error} one {# line with an error} other {# lines with errors}}',
	'import.summary.total': 'Total of the opening balances: {amount}',
	'import.header': 'The first line was read as a header.',
	'import.already':
		'This file was already imported into this group: recording it again adds nothing.',
	'import.caption': 'Lines of the file',
	'import.col.line': 'Line',
	'import.col.member': 'Member',
	'import.col.amount': 'Amount',
	'import.col.note': 'Note',
	'import.lineOk': 'OK',
	'import.noLines': 'The file has no line to import.',
	'import.stale': 'The content changed since the preview: preview again.',
	'import.blockedErrors': 'Fix the lines with errors in the file, then preview again.',
	'import.blockedEmpty': 'No line to record.',
	'import.submit': 'Record the opening balances',
	'import.confirmTitle': 'Record the opening balances',
	'import.confirm': 'Record',
	'import.confirmText':
		'{count, plural, one {# opening balance} other {# opening balances}} for a total of {total}.',
	'import.confirmFinal': 'They join the members’ histories; a mistake is then fixed by a reversal.',
	'import.result.recorded':
		'{count, plural, =0 {No opening balance recorded.} one {# opening balance recorded.} other {# opening balances recorded.}}',
	'import.result.already':
		'{count, plural, one {# was already recorded (same file).} other {# were already recorded (same file).}}',
	'import.result.total': 'Total: {amount}.'
};
