import type { Messages } from '../index';

export const fr: Messages = {
	'dist.title': 'Distributions',
	'dist.today': 'Aujourd’hui',
	'dist.upcoming': 'À venir',
	'dist.toValidate': 'En attente de validation',
	'dist.validated': 'Validées',
	'dist.validatedBadge': 'Validée',
	'dist.notValidatedBadge': 'À valider',
	'dist.open': 'Ouvrir',
	'dist.none': 'Aucune distribution.',
	'dist.notSynced': 'Pas encore de données sur cet appareil : synchronisez une fois en ligne.',
	'dist.blocked':
		'Les commandes sont fermées : les {count} dernières distributions n’ont pas été validées. Validez-en au moins une pour rouvrir les commandes :',
	'dist.blockedMember':
		'Les commandes sont fermées pour le moment : le coordinateur doit d’abord valider les distributions passées.',
	'dist.baskets': '{count, plural, =0 {aucun panier} one {# panier} other {# paniers}}'
};

export const en: Messages = {
	'dist.title': 'Distributions',
	'dist.today': 'Today',
	'dist.upcoming': 'Upcoming',
	'dist.toValidate': 'Waiting for validation',
	'dist.validated': 'Validated',
	'dist.validatedBadge': 'Validated',
	'dist.notValidatedBadge': 'To validate',
	'dist.open': 'Open',
	'dist.none': 'No distribution.',
	'dist.notSynced': 'No data on this device yet: sync once while online.',
	'dist.blocked':
		'Ordering is closed: the last {count} distributions have not been validated. Validate at least one to open ordering again:',
	'dist.blockedMember':
		'Ordering is closed for now: the coordinator must first validate past distributions.',
	'dist.baskets': '{count, plural, =0 {no basket} one {# basket} other {# baskets}}'
};
