import type { Messages } from '../index';

export const fr: Messages = {
	'balances.title': 'Soldes des adhérents',
	'balances.coordinatorOnly':
		'Réservé au coordinateur : seul le coordinateur du groupe voit les soldes de tous les adhérents.',
	'balances.myAccount': 'Voir mon compte',
	'balances.intro':
		'Calculés sur cet appareil, opérations pas encore synchronisées comprises : la liste reste juste hors ligne.',
	'balances.notSynced': 'Pas encore de données sur cet appareil : synchronisez une fois en ligne.',
	'balances.search': 'Rechercher un adhérent',
	'balances.searchPlaceholder': 'Nom de l’adhérent',
	'balances.filter': 'Afficher',
	'balances.filter.all': 'Tous',
	'balances.filter.debtors': 'Débiteurs',
	'balances.filter.creditors': 'Créditeurs',
	'balances.filter.settled': 'Soldés',
	'balances.col.name': 'Adhérent',
	'balances.col.balance': 'Solde',
	'balances.col.pending': 'En attente de validation',
	'balances.col.projected': 'Solde projeté',
	'balances.sortHint': 'Touchez un en-tête de colonne pour trier.',
	'balances.caption':
		'Soldes des adhérents : {shown, plural, =0 {aucun adhérent affiché} one {# adhérent affiché} other {# adhérents affichés}} sur {total}',
	'balances.none': 'Aucun adhérent ne correspond à la recherche et au filtre.',
	'balances.pendingShort': 'En attente : {amount}',
	'balances.projectedShort': 'Projeté : {amount}',
	'balances.queued':
		'{count, plural, one {# opération non synchronisée} other {# opérations non synchronisées}}',
	'balances.totals.debts': 'Total des dettes',
	'balances.totals.credits': 'Total des avoirs',
	'balances.totals.overall': 'Solde global',
	'balances.totals.note':
		'Totaux des adhérents affichés ; dettes et avoirs portent sur le solde confirmé.',
	'balances.export': 'Exporter (CSV)',
	'balances.exportOffline': 'L’export CSV est disponible uniquement en ligne.',
	'balances.exportNote':
		'L’export est produit par le serveur avec le filtre et le tri choisis (sans la recherche).',
	'balances.exportQueued':
		'{count, plural, one {# opération de cet appareil n’est pas encore synchronisée : elle n’y figure pas.} other {# opérations de cet appareil ne sont pas encore synchronisées : elles n’y figurent pas.}}',

	'balances.history.title': 'Compte de {name}',
	'balances.history.unknownMember': 'Adhérent',
	'balances.history.forbidden':
		'Vous ne pouvez consulter que votre propre compte : les comptes des autres adhérents sont réservés au coordinateur.',
	'balances.history.back': 'Retour aux soldes des adhérents',
	'balances.history.balance': 'Solde',
	'balances.history.pending': '{amount} en attente de validation',
	'balances.history.noPending': 'Rien en attente de validation',
	'balances.history.projected': 'Solde projeté',
	'balances.history.heading': 'Historique',
	'balances.history.caption': 'Historique du compte, les opérations les plus récentes en premier',
	'balances.history.empty': 'Aucune opération sur cet appareil pour ce compte.',
	'balances.history.col.date': 'Date',
	'balances.history.col.operation': 'Opération',
	'balances.history.col.amount': 'Montant',
	'balances.history.col.running': 'Solde projeté après',
	'balances.history.badge.pending': 'En attente de validation',
	'balances.history.badge.queued': 'Non synchronisée',
	'balances.history.badge.refused': 'Refusée : {reason}',
	'balances.history.badge.refusedNoReason': 'Refusée',
	'balances.history.notCounted': 'non comptée',

	'balances.kind.order': 'Commande',
	'balances.kind.order_adjustment': 'Ajustement de commande',
	'balances.kind.payment': 'Paiement',
	'balances.kind.refund': 'Remboursement',
	'balances.kind.opening_balance': 'Reprise de solde',
	'balances.kind.correction': 'Correction',
	'balances.ref.chequeNumber': 'chèque n° {value}',
	'balances.ref.bank': 'banque : {value}',
	'balances.ref.drawer': 'tireur : {value}',
	'balances.ref.receiptNumber': 'reçu TPE n° {value}',
	'balances.ref.label': 'libellé : {value}',
	'balances.ref.reason': 'motif : {value}',
	'balances.ref.distribution': 'distribution du {date}',
	'balances.ref.corrects': 'annule : {kind} du {date}',

	'balances.opening.title': 'Reprise de solde',
	'balances.opening.help':
		'Pour reprendre un solde tenu à la main : positif si le groupe doit de l’argent à l’adhérent (avoir), négatif si l’adhérent doit de l’argent au groupe (dette).',
	'balances.opening.amount': 'Montant',
	'balances.opening.amountHint': 'Exemples : 12,50 (avoir) ou -12,50 (dette)',
	'balances.opening.label': 'Libellé (facultatif)',
	'balances.opening.submit': 'Enregistrer la reprise de solde…',
	'balances.opening.confirmTitle': 'Confirmer la reprise de solde',
	'balances.opening.confirmCredit':
		'Enregistrer pour {name} une reprise de solde de {amount} : un avoir (le groupe lui doit cette somme).',
	'balances.opening.confirmDebt':
		'Enregistrer pour {name} une reprise de solde de {amount} : une dette (il ou elle doit cette somme au groupe).',
	'balances.opening.confirmLabel': 'Libellé : {label}',
	'balances.opening.confirmExisting':
		'{count, plural, one {Ce compte a déjà # reprise de solde.} other {Ce compte a déjà # reprises de solde.}}',
	'balances.opening.confirmFinal':
		'Une opération ne se modifie pas : une erreur se répare ensuite par une correction.',
	'balances.opening.confirm': 'Enregistrer',
	'balances.opening.done':
		'Reprise de solde de {amount} enregistrée sur l’appareil ; elle sera envoyée au serveur à la prochaine synchronisation.',
	// Parse errors: French shows the domain's own message; these serve the English UI.
	'balances.money.EMPTY': 'Montant vide',
	'balances.money.NO_DIGITS': 'Montant invalide : aucun chiffre',
	'balances.money.LETTERS': 'Montant invalide : lettres non permises',
	'balances.money.INVALID_CHARACTER': 'Montant invalide : caractère non permis',
	'balances.money.MULTIPLE_SIGNS': 'Montant invalide : un seul signe (+ ou −) est permis',
	'balances.money.MISPLACED_SIGN': 'Montant invalide : le signe doit précéder le nombre',
	'balances.money.MISPLACED_CURRENCY': 'Montant invalide : symbole € mal placé',
	'balances.money.MISPLACED_SEPARATOR':
		'Montant invalide : séparateur mal placé (exemples valides : 12,50 ou 1 234,56)',
	'balances.money.TOO_MANY_DECIMALS': 'Au plus deux décimales',
	'balances.money.OUT_OF_RANGE': 'Montant trop grand',
	'balances.money.OPENING_BALANCE_MUST_NOT_BE_ZERO':
		'Une reprise de solde nulle n’a pas lieu d’être enregistrée.'
};

export const en: Messages = {
	'balances.title': 'Member balances',
	'balances.coordinatorOnly':
		'Coordinator only: only the group’s coordinator sees the balances of every member.',
	'balances.myAccount': 'See my account',
	'balances.intro':
		'Computed on this device, operations not yet synced included: the list stays right offline.',
	'balances.notSynced': 'No data on this device yet: sync once while online.',
	'balances.search': 'Search a member',
	'balances.searchPlaceholder': 'Member’s name',
	'balances.filter': 'Show',
	'balances.filter.all': 'All',
	'balances.filter.debtors': 'Debtors',
	'balances.filter.creditors': 'Creditors',
	'balances.filter.settled': 'Settled',
	'balances.col.name': 'Member',
	'balances.col.balance': 'Balance',
	'balances.col.pending': 'Waiting for validation',
	'balances.col.projected': 'Projected balance',
	'balances.sortHint': 'Tap a column header to sort.',
	'balances.caption':
		'Member balances: {shown, plural, =0 {no member shown} one {# member shown} other {# members shown}} out of {total}',
	'balances.none': 'No member matches the search and the filter.',
	'balances.pendingShort': 'Pending: {amount}',
	'balances.projectedShort': 'Projected: {amount}',
	'balances.queued':
		'{count, plural, one {# operation not synced} other {# operations not synced}}',
	'balances.totals.debts': 'Total debts',
	'balances.totals.credits': 'Total credits',
	'balances.totals.overall': 'Overall balance',
	'balances.totals.note':
		'Totals of the members shown; debts and credits are taken from the confirmed balance.',
	'balances.export': 'Export (CSV)',
	'balances.exportOffline': 'The CSV export is available online only.',
	'balances.exportNote':
		'The server makes the export with the chosen filter and sort (without the search).',
	'balances.exportQueued':
		'{count, plural, one {# operation of this device is not synced yet: it is not in it.} other {# operations of this device are not synced yet: they are not in it.}}',

	'balances.history.title': 'Account of {name}',
	'balances.history.unknownMember': 'Member',
	'balances.history.forbidden':
		'You may only see your own account: other members’ accounts are for the coordinator.',
	'balances.history.back': 'Back to member balances',
	'balances.history.balance': 'Balance',
	'balances.history.pending': '{amount} waiting for validation',
	'balances.history.noPending': 'Nothing waiting for validation',
	'balances.history.projected': 'Projected balance',
	'balances.history.heading': 'History',
	'balances.history.caption': 'Account history, most recent operations first',
	'balances.history.empty': 'No operation on this device for this account.',
	'balances.history.col.date': 'Date',
	'balances.history.col.operation': 'Operation',
	'balances.history.col.amount': 'Amount',
	'balances.history.col.running': 'Projected balance after',
	'balances.history.badge.pending': 'Waiting for validation',
	'balances.history.badge.queued': 'Not synced',
	'balances.history.badge.refused': 'Refused: {reason}',
	'balances.history.badge.refusedNoReason': 'Refused',
	'balances.history.notCounted': 'not counted',

	'balances.kind.order': 'Order',
	'balances.kind.order_adjustment': 'Order adjustment',
	'balances.kind.payment': 'Payment',
	'balances.kind.refund': 'Refund',
	'balances.kind.opening_balance': 'Opening balance',
	'balances.kind.correction': 'Correction',
	'balances.ref.chequeNumber': 'cheque no. {value}',
	'balances.ref.bank': 'bank: {value}',
	'balances.ref.drawer': 'drawer: {value}',
	'balances.ref.receiptNumber': 'card terminal receipt no. {value}',
	'balances.ref.label': 'label: {value}',
	'balances.ref.reason': 'reason: {value}',
	'balances.ref.distribution': 'distribution of {date}',
	'balances.ref.corrects': 'reverses: {kind} of {date}',

	'balances.opening.title': 'Opening balance',
	'balances.opening.help':
		'To carry over a balance kept by hand: positive when the group owes the member money (credit), negative when the member owes the group (debt).',
	'balances.opening.amount': 'Amount',
	'balances.opening.amountHint': 'Examples: 12.50 (credit) or -12.50 (debt)',
	'balances.opening.label': 'Label (optional)',
	'balances.opening.submit': 'Record the opening balance…',
	'balances.opening.confirmTitle': 'Confirm the opening balance',
	'balances.opening.confirmCredit':
		'Record for {name} an opening balance of {amount}: a credit (the group owes them this sum).',
	'balances.opening.confirmDebt':
		'Record for {name} an opening balance of {amount}: a debt (they owe this sum to the group).',
	'balances.opening.confirmLabel': 'Label: {label}',
	'balances.opening.confirmExisting':
		'{count, plural, one {This account already has # opening balance.} other {This account already has # opening balances.}}',
	'balances.opening.confirmFinal':
		'An operation is never edited: a mistake is fixed afterwards with a correction.',
	'balances.opening.confirm': 'Record',
	'balances.opening.done':
		'Opening balance of {amount} recorded on the device; it will be sent to the server at the next sync.',
	'balances.money.EMPTY': 'Empty amount',
	'balances.money.NO_DIGITS': 'Invalid amount: no digit',
	'balances.money.LETTERS': 'Invalid amount: letters are not allowed',
	'balances.money.INVALID_CHARACTER': 'Invalid amount: character not allowed',
	'balances.money.MULTIPLE_SIGNS': 'Invalid amount: one sign (+ or −) at most',
	'balances.money.MISPLACED_SIGN': 'Invalid amount: the sign must come before the number',
	'balances.money.MISPLACED_CURRENCY': 'Invalid amount: misplaced € symbol',
	'balances.money.MISPLACED_SEPARATOR':
		'Invalid amount: misplaced separator (valid examples: 12.50 or 1,234.56)',
	'balances.money.TOO_MANY_DECIMALS': 'Two decimals at most',
	'balances.money.OUT_OF_RANGE': 'Amount too large',
	'balances.money.OPENING_BALANCE_MUST_NOT_BE_ZERO': 'An opening balance of zero is not recorded.'
};
