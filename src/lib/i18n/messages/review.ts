import type { Messages } from '../index';

export const fr: Messages = {
	'review.title': 'À vérifier',
	'review.intro':
		'Ce que le serveur a repéré et qui demande votre décision. Rien n’est jamais effacé : « Conserver » laisse les comptes tels quels, « Annuler par contre-passation » enregistre une opération inverse que l’historique montre.',
	'review.coordinatorOnly':
		'Réservé au coordinateur : seul le coordinateur du groupe traite les éléments à vérifier.',
	'review.myAccount': 'Voir mon compte',
	'review.offline':
		'Hors ligne : la liste à vérifier est tenue par le serveur. Reconnectez-vous au réseau pour la consulter et la traiter.',
	'review.offlineStale':
		'Hors ligne : voici la dernière liste chargée, en lecture seule. Reconnectez-vous au réseau pour la traiter.',
	'review.offlineAction': 'Disponible uniquement en ligne.',
	'review.loadError': 'Impossible de charger la liste : {message}',
	'review.refresh': 'Actualiser',
	'review.refreshing': 'Actualisation…',
	'review.empty': 'Rien à vérifier : tout est en ordre.',
	'review.count':
		'{count, plural, =0 {Aucun élément} one {# élément à vérifier} other {# éléments à vérifier}}',
	'review.section.duplicate': 'Doublons probables',
	'review.section.late_payment': 'Paiements arrivés après validation',
	'review.section.device_rejected': 'Opérations refusées signalées par un appareil',
	'review.sectionHelp.duplicate':
		'Le même paiement (même adhérent, montant, moyen et référence) a été enregistré sur plusieurs appareils.',
	'review.sectionHelp.late_payment':
		'Ces paiements sont arrivés au serveur après la validation de leur distribution : ils comptent déjà dans le solde.',
	'review.sectionHelp.device_rejected':
		'Un appareil n’a pas pu faire accepter ces opérations par le serveur ; il les garde, avec la raison ci-dessous.',
	'review.unknownMember': 'Adhérent inconnu',
	'review.noAmount': 'montant inconnu',
	'review.member': 'Adhérent',
	'review.amount': 'Montant',
	'review.method': 'Moyen de paiement',
	'review.reference': 'Référence',
	'review.ref.cheque': 'chèque n° {number}',
	'review.ref.bank': 'banque : {bank}',
	'review.ref.drawer': 'tireur : {drawer}',
	'review.ref.receipt': 'ticket TPE n° {number}',
	'review.ref.label': 'libellé : {label}',
	'review.distribution': 'Distribution du {date}',
	'review.distributionUnknown': 'Distribution pas encore sur cet appareil',
	'review.reported': 'Signalé le {when}',
	'review.serverReason': 'Détail',
	'review.deviceReason': 'Raison du refus',
	'review.code': 'Code : {code}',
	'review.status.rejected': 'Refusée',
	'review.status.conflict': 'En conflit (même identifiant, contenu différent)',
	'review.rejectedHint':
		'Une opération refusée n’est en général pas dans les comptes : il n’y a rien à annuler. Conservez pour marquer le signalement comme traité, puis corrigez sur l’appareil.',
	'review.operations': '{count, plural, one {Opération concernée} other {# opérations concernées}}',
	'review.op.id': 'Opération {id}',
	'review.op.device': 'appareil {device}',
	'review.op.thisDevice': 'cet appareil',
	'review.op.unknownDevice': 'appareil inconnu',
	'review.op.at': 'saisie le {when}',
	'review.op.notHere': 'pas encore synchronisée sur cet appareil',
	'review.keep': 'Conserver',
	'review.keeping': 'Enregistrement…',
	'review.reverse': 'Annuler par contre-passation',
	'review.keepHelp.duplicate':
		'Conserver : les paiements ont bien été faits autant de fois. Annuler : une des copies est un doublon.',
	'review.keepHelp.late_payment':
		'Conserver : le paiement reste acquis. Annuler : il n’aurait pas dû être enregistré.',
	'review.keepHelp.device_rejected':
		'Conserver : le signalement est marqué comme traité, les comptes ne changent pas.',
	'review.kept': 'Élément conservé : les comptes restent tels quels.',
	'review.reversed': 'Opération de {amount} annulée par contre-passation pour {name}.',
	'review.stale': '{message} La liste a été actualisée.',
	'review.dialog.title': 'Annuler par contre-passation',
	'review.dialog.confirm': 'Annuler l’opération',
	'review.dialog.what': '{name} — {amount}',
	'review.dialog.text':
		'L’opération de {amount} sera annulée par une opération inverse sur le compte de {name}. L’historique garde les deux lignes.',
	'review.dialog.choose': 'Opération à annuler',
	'review.dialog.chooseHelp':
		'Par défaut, la plus récente : la copie saisie en dernier est en général le doublon.',
	'review.dialog.mostRecent': '(la plus récente)',
	'review.dialog.reason': 'Motif (facultatif)',
	'review.dialog.reasonHint': 'Repris dans l’historique. Sans motif, le serveur écrit le sien.',
	'review.dialog.reasonPlaceholder': 'Chèque saisi deux fois'
};

export const en: Messages = {
	'review.title': 'To review',
	'review.intro':
		'What the server spotted and needs your decision. Nothing is ever erased: “Keep” leaves the accounts as they are, “Reverse” records an opposite operation that the history shows.',
	'review.coordinatorOnly':
		'Coordinator only: only the group’s coordinator deals with the items to review.',
	'review.myAccount': 'See my account',
	'review.offline':
		'Offline: the review list is kept by the server. Connect to the network to see it and deal with it.',
	'review.offlineStale':
		'Offline: here is the last list loaded, read-only. Connect to the network to deal with it.',
	'review.offlineAction': 'Available online only.',
	'review.loadError': 'Could not load the list: {message}',
	'review.refresh': 'Refresh',
	'review.refreshing': 'Refreshing…',
	'review.empty': 'Nothing to review: everything is in order.',
	'review.count': '{count, plural, =0 {No item} one {# item to review} other {# items to review}}',
	'review.section.duplicate': 'Likely duplicates',
	'review.section.late_payment': 'Payments received after validation',
	'review.section.device_rejected': 'Refused operations reported by a device',
	'review.sectionHelp.duplicate':
		'The same payment (same member, amount, method and reference) was recorded on several devices.',
	'review.sectionHelp.late_payment':
		'These payments reached the server after their distribution was validated: they already count in the balance.',
	'review.sectionHelp.device_rejected':
		'A device could not get these operations accepted by the server; it keeps them, with the reason below.',
	'review.unknownMember': 'Unknown member',
	'review.noAmount': 'unknown amount',
	'review.member': 'Member',
	'review.amount': 'Amount',
	'review.method': 'Payment method',
	'review.reference': 'Reference',
	'review.ref.cheque': 'cheque no. {number}',
	'review.ref.bank': 'bank: {bank}',
	'review.ref.drawer': 'drawer: {drawer}',
	'review.ref.receipt': 'card receipt no. {number}',
	'review.ref.label': 'label: {label}',
	'review.distribution': 'Distribution of {date}',
	'review.distributionUnknown': 'Distribution not on this device yet',
	'review.reported': 'Reported on {when}',
	'review.serverReason': 'Details',
	'review.deviceReason': 'Reason for refusal',
	'review.code': 'Code: {code}',
	'review.status.rejected': 'Rejected',
	'review.status.conflict': 'Conflict (same id, different content)',
	'review.rejectedHint':
		'A rejected operation is usually not in the accounts: there is nothing to reverse. Keep it to mark the report as dealt with, then fix it on the device.',
	'review.operations': '{count, plural, one {Operation involved} other {# operations involved}}',
	'review.op.id': 'Operation {id}',
	'review.op.device': 'device {device}',
	'review.op.thisDevice': 'this device',
	'review.op.unknownDevice': 'unknown device',
	'review.op.at': 'recorded {when}',
	'review.op.notHere': 'not synced to this device yet',
	'review.keep': 'Keep',
	'review.keeping': 'Saving…',
	'review.reverse': 'Reverse',
	'review.keepHelp.duplicate':
		'Keep: the payments really were made that many times. Reverse: one of the copies is a duplicate.',
	'review.keepHelp.late_payment':
		'Keep: the payment stands. Reverse: it should not have been recorded.',
	'review.keepHelp.device_rejected':
		'Keep: the report is marked as dealt with, the accounts do not change.',
	'review.kept': 'Item kept: the accounts stay as they are.',
	'review.reversed': 'Operation of {amount} reversed for {name}.',
	'review.stale': '{message} The list has been refreshed.',
	'review.dialog.title': 'Reverse by an opposite operation',
	'review.dialog.confirm': 'Reverse the operation',
	'review.dialog.what': '{name} — {amount}',
	'review.dialog.text':
		'The operation of {amount} will be cancelled by an opposite operation on {name}’s account. The history keeps both lines.',
	'review.dialog.choose': 'Operation to reverse',
	'review.dialog.chooseHelp':
		'By default the most recent one: the copy recorded last is usually the duplicate.',
	'review.dialog.mostRecent': '(most recent)',
	'review.dialog.reason': 'Reason (optional)',
	'review.dialog.reasonHint': 'Kept in the history. With none, the server writes its own.',
	'review.dialog.reasonPlaceholder': 'Cheque recorded twice'
};
