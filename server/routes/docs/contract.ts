/**
 * The public HTTP contract (SPEC.md) as data: the wire shapes the document names, and one
 * entry per route. `openapi.ts` turns it into an OpenAPI document; nothing here runs a request.
 * The shapes are the shared zod schemas themselves, so the documentation cannot drift from
 * what the server parses.
 */
import { z } from 'zod';
import {
	BalanceTotalsSchema,
	BalancesSchema,
	BasketSchema,
	DistributionOrdersSchema,
	DistributionSchema,
	ErrorBodySchema,
	GroupSettingsSchema,
	HealthSchema,
	HistoryEntrySchema,
	IsoDateSchema,
	LoginBodySchema,
	MeGroupSchema,
	MemberBalanceSchema,
	MemberHistorySchema,
	MemberSchema,
	MeSchema,
	NameSchema,
	NewDistributionSchema,
	NewMemberSchema,
	NewOrderLineSchema,
	NewOrderSchema,
	NewProductSchema,
	OperationSchema,
	OperationShapeSchema,
	OrderLineSchema,
	OrderSchema,
	PaymentReferenceSchema,
	ProductSchema,
	PullQuerySchema,
	PullResultSchema,
	PushBodySchema,
	PushResultItemSchema,
	PushResultSchema,
	UnpaidBasketSchema,
	UpdateOrderSchema,
	UserSchema,
	UuidSchema,
	ValidateBodySchema,
	ValidateConflictSchema
} from '../../../src/lib/domain/schemas';

export type Bilingual = { fr: string; en: string };

// Wire shapes the contract states but the shared module does not name (yet). They are built
// from the shared building blocks so their fields keep the same rules.

/** `{ ok: true }`, the answer of a logout. */
export const OkSchema = z.object({ ok: z.literal(true) });

/** `GET /api/groups/:groupId/ordering`: whether ordering is closed, and by which distributions. */
export const OrderingStatusSchema = z.object({
	blocked: z.boolean(),
	toValidate: z.array(z.object({ id: UuidSchema, date: IsoDateSchema, place: NameSchema }))
});

/** The query of `GET /api/groups/:groupId/balances`. */
export const BalancesQuerySchema = z.object({
	format: z.enum(['json', 'csv']).optional().describe('`csv` pour un export CSV (défaut : JSON).'),
	filter: z
		.enum(['debtors', 'creditors', 'settled'])
		.optional()
		.describe('Seulement les débiteurs, les créditeurs ou les comptes soldés.'),
	sort: z.enum(['name', 'balance']).optional().describe('Tri par nom ou par solde.')
});

/**
 * Every named wire shape, under the name of its export in `schemas.ts` (without `Schema`).
 * Each becomes `components.schemas.<name>`; a shape used inside another becomes a `$ref`.
 */
export const COMPONENTS = {
	ErrorBody: {
		schema: ErrorBodySchema,
		description:
			'Toute erreur 4xx : un code stable pour les programmes et un message lisible par une personne.'
	},
	Health: { schema: HealthSchema, description: 'Le serveur répond et sa base est à jour.' },
	Ok: { schema: OkSchema, description: 'Action faite.' },
	LoginBody: { schema: LoginBodySchema, description: 'Identifiants de connexion.' },
	User: { schema: UserSchema, description: 'La personne connectée.' },
	MeGroup: {
		schema: MeGroupSchema,
		description: 'Un groupe de la personne, son rôle et son compte (memberId) dans ce groupe.'
	},
	Me: { schema: MeSchema, description: 'La personne connectée et ses groupes.' },
	GroupSettings: {
		schema: GroupSettingsSchema,
		description:
			'Moyens de paiement du groupe. La cagnotte (money_pot) ne se combine avec aucun autre moyen (422 MONEY_POT_EXCLUSIVE).'
	},
	Member: { schema: MemberSchema, description: 'Un adhérent du groupe (son compte).' },
	Members: {
		schema: z.object({ members: z.array(MemberSchema) }),
		description: 'Les adhérents du groupe.'
	},
	NewMember: { schema: NewMemberSchema, description: 'Un adhérent à ajouter.' },
	MemberBalance: {
		schema: MemberBalanceSchema,
		description:
			'Solde d’un adhérent en centimes : confirmé (toutes les dettes), paiements en attente de validation, solde projeté.'
	},
	BalanceTotals: { schema: BalanceTotalsSchema, description: 'Totaux du groupe, en centimes.' },
	Balances: { schema: BalancesSchema, description: 'Soldes des adhérents et totaux.' },
	PaymentReference: {
		schema: PaymentReferenceSchema,
		description: 'Référence d’un paiement : chèque (numéro, banque, tireur), ticket TPE, libellé.'
	},
	OperationShape: {
		schema: OperationShapeSchema,
		description: 'Une opération du grand livre (montant signé en centimes : débit < 0, crédit > 0).'
	},
	Operation: {
		schema: OperationSchema,
		description:
			'Une opération envoyée par un appareil ; elle respecte aussi les règles du grand livre (signe selon le type, moyen de paiement, correctsId, référence).'
	},
	HistoryEntry: {
		schema: HistoryEntrySchema,
		description:
			'Une ligne d’historique : l’opération, le solde courant après elle, et si elle attend la validation.'
	},
	MemberHistory: { schema: MemberHistorySchema, description: 'L’historique d’un compte.' },
	NewProduct: { schema: NewProductSchema, description: 'Un produit à créer avec la distribution.' },
	Product: { schema: ProductSchema, description: 'Un produit de la distribution.' },
	NewDistribution: {
		schema: NewDistributionSchema,
		description: 'Une distribution à créer ; une date passée est acceptée (reprise d’historique).'
	},
	Distribution: { schema: DistributionSchema, description: 'Une distribution.' },
	Distributions: {
		schema: z.array(DistributionSchema),
		description: 'Les distributions du groupe.'
	},
	OrderingStatus: {
		schema: OrderingStatusSchema,
		description:
			'Commandes fermées quand les 4 dernières distributions passées ne sont pas validées ; toValidate les nomme.'
	},
	OrderLine: { schema: OrderLineSchema, description: 'Une ligne de commande, avec son prix.' },
	Order: { schema: OrderSchema, description: 'Une commande enregistrée.' },
	NewOrderLine: {
		schema: NewOrderLineSchema,
		description:
			'Un produit de la distribution (prix fixé par le serveur), ou, pour une correction sur place par un coordinateur, une ligne libre avec son prix.'
	},
	NewOrder: {
		schema: NewOrderSchema,
		description: 'Une commande ; un id fait par le client rend une nouvelle tentative idempotente.'
	},
	UpdateOrder: {
		schema: UpdateOrderSchema,
		description: 'Les nouvelles lignes ; aucune ligne annule le montant de la commande.'
	},
	Basket: {
		schema: BasketSchema,
		description:
			'Le panier d’un adhérent à une distribution (toutes ses commandes) : total, payé (en attente ou non) et reste dû.'
	},
	DistributionOrders: {
		schema: DistributionOrdersSchema,
		description: 'Les paniers d’une distribution.'
	},
	ValidateBody: {
		schema: ValidateBodySchema,
		description: 'confirmUnpaid: true valide malgré des paniers non soldés.'
	},
	UnpaidBasket: { schema: UnpaidBasketSchema, description: 'Un panier non soldé.' },
	ValidateConflict: {
		schema: ValidateConflictSchema,
		description: 'Refus de valider : des paniers ne sont pas soldés (UNPAID_BASKETS), listés.'
	},
	PushBody: {
		schema: PushBodySchema,
		description:
			'Les opérations en attente d’un appareil (500 au plus). Chacune est jugée seule : une opération invalide est « rejected » sans refuser les autres.'
	},
	PushResultItem: {
		schema: PushResultItemSchema,
		description:
			'Réponse pour une opération : accepted, duplicate (déjà connue, identique), conflict (même id, autre contenu) ou rejected (code et raison).'
	},
	PushResult: { schema: PushResultSchema, description: 'Une réponse par opération envoyée.' },
	PullResult: {
		schema: PullResultSchema,
		description: 'Ce qui a changé depuis le curseur, limité à ce que l’appelant peut voir.'
	}
} satisfies Record<string, { schema: z.ZodType; description: string }>;

export type ComponentName = keyof typeof COMPONENTS;

export const HTTP_METHODS = ['get', 'post', 'put'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** Who may call a route: anyone, any signed-in person, or by role within a group. */
export type Scope = 'public' | 'user' | 'group';

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 422 | 429 | 503;

export interface SuccessDoc {
	description: string;
	json: ComponentName;
	/** Also answers `text/csv` (an export). */
	csv?: true;
}

export interface ContractRoute {
	method: HttpMethod;
	/** OpenAPI syntax: `/api/groups/{groupId}/…`. */
	path: string;
	operationId: string;
	tag: string;
	summary: Bilingual;
	who: Bilingual;
	scope: Scope;
	/** Extra rules worth knowing, in French. */
	notes?: string;
	body?: { schema: ComponentName; optional?: true };
	query?: z.ZodObject;
	success: { status: 200 | 201; doc: SuccessDoc };
	/** Statuses beyond those implied by the scope, the method and the parameters; a string
	 * replaces the generic description of that status. */
	errors?: Partial<Record<ErrorStatus, string | true>>;
	/** Other documented answers with their own body (a replayed order, the 409 of validation). */
	otherResponses?: Partial<Record<200 | ErrorStatus, SuccessDoc>>;
	setsCookie?: true;
}

const MEMBERS_OF_GROUP: Bilingual = {
	fr: 'tout membre du groupe',
	en: 'any member of the group'
};
const COORDINATOR: Bilingual = { fr: 'coordinateur', en: 'coordinator' };

/** Every route of the contract table of SPEC.md, in its order. */
export const CONTRACT_ROUTES: readonly ContractRoute[] = [
	{
		method: 'get',
		path: '/api/health',
		operationId: 'getHealth',
		tag: 'Santé',
		summary: {
			fr: 'État du serveur : base joignable et migrée',
			en: 'Server health: database reachable and migrated'
		},
		who: { fr: 'tout le monde', en: 'anyone' },
		scope: 'public',
		success: { status: 200, doc: { description: 'Prêt.', json: 'Health' } },
		errors: {
			503: 'Base injoignable (DATABASE_UNREACHABLE) ou pas à jour (NOT_MIGRATED).'
		}
	},
	{
		method: 'post',
		path: '/api/auth/login',
		operationId: 'login',
		tag: 'Authentification',
		summary: { fr: 'Connexion', en: 'Sign in' },
		who: { fr: 'tout le monde', en: 'anyone' },
		scope: 'public',
		notes:
			'Pose le cookie de session amap_session (HttpOnly, SameSite=Lax) et répond comme GET /api/me.',
		body: { schema: 'LoginBody' },
		success: {
			status: 200,
			doc: { description: 'Connecté : la personne et ses groupes.', json: 'Me' }
		},
		setsCookie: true,
		errors: {
			401: 'Adresse e-mail ou mot de passe incorrect (BAD_CREDENTIALS).',
			429: true
		}
	},
	{
		method: 'post',
		path: '/api/auth/logout',
		operationId: 'logout',
		tag: 'Authentification',
		summary: { fr: 'Déconnexion', en: 'Sign out' },
		who: { fr: 'personne connectée', en: 'signed in' },
		scope: 'user',
		notes: 'Termine la session et efface le cookie.',
		success: { status: 200, doc: { description: 'Session terminée.', json: 'Ok' } }
	},
	{
		method: 'get',
		path: '/api/me',
		operationId: 'getMe',
		tag: 'Authentification',
		summary: {
			fr: 'La personne connectée et ses groupes',
			en: 'The signed-in person and their groups'
		},
		who: { fr: 'personne connectée', en: 'signed in' },
		scope: 'user',
		success: { status: 200, doc: { description: 'La personne et ses groupes.', json: 'Me' } }
	},
	{
		method: 'get',
		path: '/api/groups/{groupId}/settings',
		operationId: 'getSettings',
		tag: 'Groupe',
		summary: { fr: 'Réglages du groupe', en: 'Group settings' },
		who: MEMBERS_OF_GROUP,
		scope: 'group',
		success: { status: 200, doc: { description: 'Les réglages.', json: 'GroupSettings' } },
		errors: { 404: 'Groupe introuvable (GROUP_NOT_FOUND).' }
	},
	{
		method: 'put',
		path: '/api/groups/{groupId}/settings',
		operationId: 'putSettings',
		tag: 'Groupe',
		summary: { fr: 'Modifier les réglages du groupe', en: 'Change the group settings' },
		who: COORDINATOR,
		scope: 'group',
		body: { schema: 'GroupSettings' },
		success: {
			status: 200,
			doc: { description: 'Les réglages enregistrés.', json: 'GroupSettings' }
		},
		errors: {
			422: 'Réglages incohérents : la cagnotte avec un autre moyen de paiement (MONEY_POT_EXCLUSIVE).'
		}
	},
	{
		method: 'get',
		path: '/api/groups/{groupId}/members',
		operationId: 'listMembers',
		tag: 'Groupe',
		summary: { fr: 'Liste des adhérents', en: 'List the members' },
		who: COORDINATOR,
		scope: 'group',
		success: { status: 200, doc: { description: 'Les adhérents.', json: 'Members' } }
	},
	{
		method: 'post',
		path: '/api/groups/{groupId}/members',
		operationId: 'addMember',
		tag: 'Groupe',
		summary: { fr: 'Ajouter un adhérent', en: 'Add a member' },
		who: COORDINATOR,
		scope: 'group',
		body: { schema: 'NewMember' },
		success: { status: 201, doc: { description: 'L’adhérent créé.', json: 'Member' } },
		errors: { 409: 'Adresse déjà celle d’un adhérent de ce groupe (MEMBER_EMAIL_TAKEN).' }
	},
	{
		method: 'get',
		path: '/api/groups/{groupId}/balances',
		operationId: 'getBalances',
		tag: 'Soldes',
		summary: {
			fr: 'Soldes des adhérents, totaux, export CSV',
			en: 'Member balances, totals, CSV export'
		},
		who: COORDINATOR,
		scope: 'group',
		query: BalancesQuerySchema,
		success: {
			status: 200,
			doc: {
				description: 'Les soldes (JSON), ou un fichier CSV avec format=csv.',
				json: 'Balances',
				csv: true
			}
		}
	},
	{
		method: 'get',
		path: '/api/groups/{groupId}/members/{memberId}/operations',
		operationId: 'getMemberHistory',
		tag: 'Soldes',
		summary: {
			fr: 'Historique d’un compte avec le solde courant',
			en: 'Account history with running balance'
		},
		who: { fr: 'coordinateur, ou cet adhérent', en: 'coordinator, or that member' },
		scope: 'group',
		success: { status: 200, doc: { description: 'L’historique.', json: 'MemberHistory' } }
	},
	{
		method: 'get',
		path: '/api/groups/{groupId}/distributions',
		operationId: 'listDistributions',
		tag: 'Distributions',
		summary: { fr: 'Distributions du groupe', en: 'The group’s distributions' },
		who: MEMBERS_OF_GROUP,
		scope: 'group',
		success: { status: 200, doc: { description: 'Les distributions.', json: 'Distributions' } }
	},
	{
		method: 'post',
		path: '/api/groups/{groupId}/distributions',
		operationId: 'createDistribution',
		tag: 'Distributions',
		summary: { fr: 'Créer une distribution', en: 'Create a distribution' },
		who: COORDINATOR,
		scope: 'group',
		notes: 'Une date passée est acceptée (reprise d’historique).',
		body: { schema: 'NewDistribution' },
		success: { status: 201, doc: { description: 'La distribution créée.', json: 'Distribution' } }
	},
	{
		method: 'get',
		path: '/api/groups/{groupId}/ordering',
		operationId: 'getOrderingStatus',
		tag: 'Commandes',
		summary: {
			fr: 'Les commandes sont-elles ouvertes ?',
			en: 'Is ordering open?'
		},
		who: MEMBERS_OF_GROUP,
		scope: 'group',
		notes:
			'Fermées quand les 4 dernières distributions passées ne sont pas validées ; toValidate les liste, la plus récente d’abord.',
		success: { status: 200, doc: { description: 'L’état des commandes.', json: 'OrderingStatus' } }
	},
	{
		method: 'get',
		path: '/api/groups/{groupId}/distributions/{distributionId}/orders',
		operationId: 'getDistributionOrders',
		tag: 'Distributions',
		summary: {
			fr: 'Paniers d’une distribution : lignes, total, payé, reste dû',
			en: 'Baskets of a distribution: lines, total, paid, due'
		},
		who: {
			fr: 'coordinateur et bénévole (tous les paniers) ; adhérent (le sien)',
			en: 'coordinator and helper (all baskets); member (own)'
		},
		scope: 'group',
		success: { status: 200, doc: { description: 'Les paniers.', json: 'DistributionOrders' } }
	},
	{
		method: 'post',
		path: '/api/groups/{groupId}/distributions/{distributionId}/validate',
		operationId: 'validateDistribution',
		tag: 'Distributions',
		summary: { fr: 'Valider une distribution', en: 'Validate a distribution' },
		who: COORDINATOR,
		scope: 'group',
		notes:
			'Idempotent. Tant que des paniers ne sont pas soldés, répond 409 en les nommant, sauf avec {"confirmUnpaid": true}. Un corps vide vaut {}.',
		body: { schema: 'ValidateBody', optional: true },
		success: {
			status: 200,
			doc: { description: 'La distribution validée.', json: 'Distribution' }
		},
		otherResponses: {
			409: {
				description: 'Paniers non soldés (UNPAID_BASKETS) : renvoyer avec confirmUnpaid: true.',
				json: 'ValidateConflict'
			}
		}
	},
	{
		method: 'post',
		path: '/api/groups/{groupId}/orders',
		operationId: 'createOrder',
		tag: 'Commandes',
		summary: { fr: 'Commander', en: 'Place an order' },
		who: {
			fr: 'adhérent (pour lui-même) ou coordinateur',
			en: 'member (own) or coordinator'
		},
		scope: 'group',
		notes:
			'Les prix viennent des produits de la distribution, jamais du client ; un coordinateur peut envoyer des lignes libres {productName, quantity, unitPriceCents}. paymentMethod : un moyen activé ou on_the_spot. Vérifiée atomiquement : deux commandes simultanées ne peuvent pas ensemble rendre négative une cagnotte qui ne doit pas l’être.',
		body: { schema: 'NewOrder' },
		success: { status: 201, doc: { description: 'La commande enregistrée.', json: 'Order' } },
		otherResponses: {
			200: {
				description:
					'Nouvelle tentative (même id, même contenu) : la commande déjà enregistrée, inchangée.',
				json: 'Order'
			}
		},
		errors: {
			404: 'Distribution ou adhérent introuvable dans ce groupe (DISTRIBUTION_NOT_FOUND, MEMBER_NOT_FOUND).',
			409: 'Commande refusée dans l’état actuel : commandes fermées par 4 distributions non validées (ORDERING_BLOCKED, error.details.toValidate les nomme), cagnotte insuffisante (MONEY_POT_INSUFFICIENT), distribution validée ou passée (DISTRIBUTION_VALIDATED, DISTRIBUTION_PAST), id déjà pris par une autre commande (ORDER_ID_CONFLICT).',
			422: 'Moyen de paiement refusé par les réglages du groupe (PAYMENT_METHOD_DISABLED, ON_THE_SPOT_UNAVAILABLE, UNKNOWN_PAYMENT_CHOICE).'
		}
	},
	{
		method: 'put',
		path: '/api/groups/{groupId}/orders/{orderId}',
		operationId: 'updateOrder',
		tag: 'Commandes',
		summary: { fr: 'Modifier une commande', en: 'Change an order' },
		who: {
			fr: 'coordinateur ; adhérent (la sienne) avant la distribution',
			en: 'coordinator; member (own) before the distribution'
		},
		scope: 'group',
		notes: 'Écrit un order_adjustment pour la différence.',
		body: { schema: 'UpdateOrder' },
		success: { status: 200, doc: { description: 'La commande modifiée.', json: 'Order' } },
		errors: {
			409: 'Modification refusée : distribution validée (DISTRIBUTION_VALIDATED), commande figée pour un adhérent le jour de la distribution ou après (ORDER_LOCKED), cagnotte insuffisante (MONEY_POT_INSUFFICIENT).'
		}
	},
	{
		method: 'post',
		path: '/api/sync/push',
		operationId: 'syncPush',
		tag: 'Synchronisation',
		summary: { fr: 'Envoyer les opérations d’un appareil', en: 'Push a device’s operations' },
		who: { fr: 'selon le rôle dans le groupe', en: 'per role in the group' },
		scope: 'group',
		notes:
			'Chaque opération est acceptée une seule fois : rejouer un envoi ne change rien. Même id avec un autre contenu : conflict, jamais un écrasement.',
		body: { schema: 'PushBody' },
		success: { status: 200, doc: { description: 'Une réponse par opération.', json: 'PushResult' } }
	},
	{
		method: 'get',
		path: '/api/sync/pull',
		operationId: 'syncPull',
		tag: 'Synchronisation',
		summary: { fr: 'Recevoir ce qui a changé', en: 'Pull what changed' },
		who: { fr: 'selon le rôle dans le groupe', en: 'per role in the group' },
		scope: 'group',
		notes:
			'Sans curseur, tout ce que l’appelant peut voir. Un curseur illisible est refusé (400 INVALID_CURSOR) : recommencer sans curseur.',
		query: PullQuerySchema,
		success: { status: 200, doc: { description: 'Les changements.', json: 'PullResult' } }
	}
];
