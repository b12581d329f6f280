import type { Messages } from '../index';

export const fr: Messages = {
	'settings.title': 'Réglages du groupe',
	'settings.coordinatorOnly':
		'Réservé au coordinateur : seul le coordinateur du groupe modifie les réglages.',
	'settings.methods': 'Moyens de paiement acceptés',
	'settings.methodsHelp':
		'Les adhérents ne peuvent choisir que ces moyens de paiement quand ils commandent.',
	'settings.hint.cheque': 'Numéro et banque du chèque notés à la distribution.',
	'settings.hint.cash': 'Réglé en espèces à la distribution.',
	'settings.hint.transfer': 'Virement reçu sur le compte du groupe.',
	'settings.hint.card_terminal': 'Carte bancaire sur le terminal (TPE) à la distribution.',
	'settings.hint.money_pot':
		'Chaque commande est débitée du compte ; l’adhérent le crédite de temps en temps.',
	'settings.hint.online_card':
		'Payé en ligne auprès du prestataire de paiement, sans action du coordinateur.',
	'settings.allowNegative': 'Autoriser les cagnottes négatives',
	'settings.allowNegativeHelp':
		'Si cette case est cochée, une commande peut faire passer le solde d’un adhérent sous zéro. Sinon, elle est refusée tant qu’il n’a pas crédité son compte.',
	'settings.allowNegativeUnused': 'Sans effet tant que la cagnotte n’est pas activée.',
	'settings.save': 'Enregistrer les réglages',
	'settings.saving': 'Enregistrement…',
	'settings.saved': 'Réglages enregistrés.',
	'settings.offline':
		'Disponible uniquement en ligne. Voici les derniers réglages chargés sur cet appareil, en lecture seule.',
	'settings.neverLoaded':
		'Disponible uniquement en ligne : les réglages n’ont encore jamais été chargés sur cet appareil.',
	'settings.loadError': 'Impossible de charger les réglages : {message}',
	'settings.retry': 'Réessayer',
	// Rule messages: French shows the domain's own message; these serve the English UI.
	'settings.rule.NO_PAYMENT_METHOD': 'Choisissez au moins un moyen de paiement.',
	'settings.rule.UNKNOWN_PAYMENT_METHOD': 'Moyen de paiement inconnu.',
	'settings.rule.DUPLICATE_PAYMENT_METHOD': 'Un moyen de paiement est cité deux fois.',
	'settings.rule.MONEY_POT_EXCLUSIVE':
		'La cagnotte ne peut pas être activée en même temps que les autres moyens de paiement.'
};

export const en: Messages = {
	'settings.title': 'Group settings',
	'settings.coordinatorOnly':
		'Coordinator only: only the group’s coordinator changes the settings.',
	'settings.methods': 'Accepted payment methods',
	'settings.methodsHelp': 'Members can only choose these payment methods when they order.',
	'settings.hint.cheque': 'Cheque number and bank noted at the distribution.',
	'settings.hint.cash': 'Paid in cash at the distribution.',
	'settings.hint.transfer': 'Transfer received on the group’s bank account.',
	'settings.hint.card_terminal': 'Bank card on the card terminal at the distribution.',
	'settings.hint.money_pot':
		'Each order is debited from the account; the member credits it from time to time.',
	'settings.hint.online_card':
		'Paid online through the payment provider, with no action from the coordinator.',
	'settings.allowNegative': 'Allow negative money pots',
	'settings.allowNegativeHelp':
		'When ticked, an order may take a member’s balance below zero. Otherwise it is refused until the member has credited the account.',
	'settings.allowNegativeUnused': 'No effect while the money pot is off.',
	'settings.save': 'Save settings',
	'settings.saving': 'Saving…',
	'settings.saved': 'Settings saved.',
	'settings.offline':
		'Available online only. Here are the last settings loaded on this device, read-only.',
	'settings.neverLoaded':
		'Available online only: the settings have never been loaded on this device yet.',
	'settings.loadError': 'Could not load the settings: {message}',
	'settings.retry': 'Try again',
	'settings.rule.NO_PAYMENT_METHOD': 'Choose at least one payment method.',
	'settings.rule.UNKNOWN_PAYMENT_METHOD': 'Unknown payment method.',
	'settings.rule.DUPLICATE_PAYMENT_METHOD': 'A payment method is listed twice.',
	'settings.rule.MONEY_POT_EXCLUSIVE':
		'The money pot cannot be enabled together with the other payment methods: with the money pot, each order is debited from the account and the member credits it from time to time (for example a monthly cheque). Turn off the other methods or the money pot.'
};
