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
import {
	ActorSchema,
	ChequeSlipChequeSchema,
	ChequeSlipQuerySchema,
	ChequeSlipSchema,
	CloseoutCountedSchema,
	CloseoutCountSchema,
	CloseoutDifferencesSchema,
	CloseoutExpectedSchema,
	CloseoutSchema,
	DeviceReportSchema,
	DeviceReportsBodySchema,
	DeviceReportsResultSchema,
	ResolvedReviewItemSchema,
	ReviewItemSchema,
	ReviewListSchema,
	ReviewResolutionSchema,
	ReviewResolveSchema
} from '../../../src/lib/domain/closeout';
import { JournalAccountsSchema, PeriodQuerySchema } from '../../../src/lib/domain/journal';
import {
	ImportLineSchema,
	OpeningImportBodySchema,
	OpeningImportPreviewSchema,
	OpeningImportResultSchema
} from '../../../src/lib/domain/opening-import';

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
	},
	Actor: { schema: ActorSchema, description: 'Une personne connectée qui a agi.' },
	CloseoutCount: {
		schema: CloseoutCountSchema,
		description:
			'Le comptage de fin de distribution, en centimes : fond de caisse, espèces comptées, nombre et total des chèques, total du lot du terminal de paiement.'
	},
	CloseoutExpected: {
		schema: CloseoutExpectedSchema,
		description:
			'Ce que les paiements de la distribution, nets des corrections, annoncent par moyen de paiement.'
	},
	CloseoutCounted: {
		schema: CloseoutCountedSchema,
		description: 'Le dernier comptage enregistré, avec qui l’a saisi et quand.'
	},
	CloseoutDifferences: {
		schema: CloseoutDifferencesSchema,
		description:
			'Compté moins attendu : espèces = comptées − fond de caisse − attendu ; chèques (nombre et total) ; terminal = lot − attendu. Négatif : il manque.'
	},
	Closeout: {
		schema: CloseoutSchema,
		description:
			'Attendu et compté d’une distribution ; counted et differences valent null avant le premier comptage.'
	},
	ChequeSlipCheque: {
		schema: ChequeSlipChequeSchema,
		description: 'Un chèque à remettre : numéro, banque, tireur (ou le nom de l’adhérent), montant.'
	},
	ChequeSlip: {
		schema: ChequeSlipSchema,
		description:
			'Les chèques à remettre (hors chèques annulés par une correction), leur nombre et leur total.'
	},
	ReviewItem: {
		schema: ReviewItemSchema,
		description:
			'Un élément qui attend le coordinateur : doublon probable (duplicate), paiement arrivé après validation (late_payment) ou opération signalée par un appareil (device_rejected).'
	},
	ReviewList: {
		schema: ReviewListSchema,
		description: 'Les éléments ouverts, du plus ancien au plus récent.'
	},
	DeviceReport: {
		schema: DeviceReportSchema,
		description: 'Une opération qu’un appareil n’a pas pu faire accepter, avec la raison reçue.'
	},
	DeviceReportsBody: {
		schema: DeviceReportsBodySchema,
		description: 'Les signalements d’un appareil (500 au plus).'
	},
	DeviceReportsResult: {
		schema: DeviceReportsResultSchema,
		description: 'Une réponse par signalement : stored la première fois, known ensuite.'
	},
	ReviewResolve: {
		schema: ReviewResolveSchema,
		description:
			'keep : garder tel quel ; reverse : annuler l’opération operationId par une correction (raison facultative).'
	},
	ResolvedReviewItem: {
		schema: ResolvedReviewItemSchema,
		description: 'Un élément traité, avec la décision, qui l’a prise et quand.'
	},
	ReviewResolution: {
		schema: ReviewResolutionSchema,
		description: 'L’élément traité et, pour reverse, la correction enregistrée.'
	},
	JournalAccounts: {
		schema: JournalAccountsSchema,
		description:
			'Les numéros de compte du journal comptable (FEC) : adhérents (comptes auxiliaires), caisse, chèques à encaisser, banque, ventes, reprise de soldes. Chiffres seulement, 3 à 10.'
	},
	CsvFile: {
		schema: z.string().describe('Fichier CSV.'),
		description:
			'Un fichier CSV pour un tableur en français : UTF-8 avec BOM, séparateur « ; », décimales à virgule, fins de ligne CRLF. La réponse est text/csv.'
	},
	OpeningImportBody: {
		schema: OpeningImportBodySchema,
		description:
			'Le texte du fichier (1 Mo au plus) : une ligne par adhérent, son adresse e-mail ou son nom puis le montant repris (12,50 ou -8,40) ; séparateur « ; », tabulation ou « , » ; une première ligne d’en-tête est reconnue. date (AAAA-MM-JJ, facultative) : le jour de la reprise, aujourd’hui sinon.'
	},
	ImportLine: {
		schema: ImportLineSchema,
		description:
			'Une ligne du fichier : l’adhérent et le montant lus, ou l’erreur (code et message) ; warning signale un adhérent qui a déjà une reprise de solde.'
	},
	OpeningImportPreview: {
		schema: OpeningImportPreviewSchema,
		description:
			'Ce que l’import enregistrerait, ligne par ligne ; alreadyImported : ce fichier a déjà été importé (le renvoyer n’enregistrera rien).'
	},
	OpeningImportResult: {
		schema: OpeningImportResultSchema,
		description:
			'Reprises enregistrées maintenant (recorded) et déjà présentes (alreadyRecorded), total en centimes.'
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
const COORDINATOR_AND_HELPER: Bilingual = {
	fr: 'coordinateur ou bénévole de distribution',
	en: 'coordinator or helper'
};

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
	},
	{
		method: 'get',
		path: '/api/groups/{groupId}/distributions/{distributionId}/closeout',
		operationId: 'getCloseout',
		tag: 'Clôture',
		summary: {
			fr: 'Clôture d’une distribution : attendu et compté par moyen de paiement',
			en: 'Distribution close-out: expected and counted per payment method'
		},
		who: COORDINATOR_AND_HELPER,
		scope: 'group',
		notes:
			'Attendu : paiements de la distribution nets des corrections (espèces ; chèques, nombre et total ; terminal de paiement ; virements). Compté : le dernier comptage, avec qui et quand.',
		success: { status: 200, doc: { description: 'La clôture.', json: 'Closeout' } }
	},
	{
		method: 'put',
		path: '/api/groups/{groupId}/distributions/{distributionId}/closeout',
		operationId: 'putCloseout',
		tag: 'Clôture',
		summary: {
			fr: 'Enregistrer le comptage de fin de distribution',
			en: 'Record the close-out count'
		},
		who: COORDINATOR,
		scope: 'group',
		notes:
			'Chaque comptage est conservé (historique, jamais modifié) ; le dernier fait foi. Entiers positifs ou nuls, bornés.',
		body: { schema: 'CloseoutCount' },
		success: {
			status: 200,
			doc: { description: 'La clôture avec les écarts.', json: 'Closeout' }
		}
	},
	{
		method: 'get',
		path: '/api/groups/{groupId}/distributions/{distributionId}/cheque-slip',
		operationId: 'getChequeSlip',
		tag: 'Clôture',
		summary: { fr: 'Bordereau de remise de chèques', en: 'Cheque deposit slip' },
		who: COORDINATOR_AND_HELPER,
		scope: 'group',
		notes:
			'Par défaut une page HTML imprimable (text/html, CSP stricte sans script) ; format=json pour les données. Les chèques annulés par une correction n’y figurent pas.',
		query: ChequeSlipQuerySchema,
		success: {
			status: 200,
			doc: {
				description: 'Le bordereau (page HTML), ou ses données avec format=json.',
				json: 'ChequeSlip'
			}
		}
	},
	{
		method: 'get',
		path: '/api/groups/{groupId}/review',
		operationId: 'getReview',
		tag: 'À revoir',
		summary: { fr: 'Ce qui attend le coordinateur', en: 'What needs the coordinator' },
		who: COORDINATOR,
		scope: 'group',
		notes:
			'Doublons probables entre appareils (distributions non validées ou des 60 derniers jours), paiements arrivés après la validation, opérations signalées par les appareils. Un élément traité ne revient pas.',
		success: { status: 200, doc: { description: 'Les éléments ouverts.', json: 'ReviewList' } }
	},
	{
		method: 'post',
		path: '/api/groups/{groupId}/review/reports',
		operationId: 'reportDeviceOperations',
		tag: 'À revoir',
		summary: {
			fr: 'Signaler des opérations refusées ou en conflit',
			en: 'Report rejected or conflicting operations'
		},
		who: COORDINATOR_AND_HELPER,
		scope: 'group',
		notes: 'Idempotent : une opération déjà signalée répond known et ne crée rien.',
		body: { schema: 'DeviceReportsBody' },
		success: {
			status: 200,
			doc: { description: 'Une réponse par signalement.', json: 'DeviceReportsResult' }
		}
	},
	{
		method: 'post',
		path: '/api/groups/{groupId}/review/{itemId}/resolve',
		operationId: 'resolveReviewItem',
		tag: 'À revoir',
		summary: { fr: 'Traiter un élément à revoir', en: 'Resolve a review item' },
		who: COORDINATOR,
		scope: 'group',
		notes:
			'keep le garde tel quel ; reverse enregistre une correction (montant opposé exact, deviceId server) de l’opération choisie, puis marque l’élément traité, dans la même transaction.',
		body: { schema: 'ReviewResolve' },
		success: {
			status: 200,
			doc: { description: 'L’élément traité.', json: 'ReviewResolution' }
		},
		errors: {
			404: 'Élément introuvable dans ce groupe (REVIEW_ITEM_NOT_FOUND).',
			409: 'Élément déjà traité (ALREADY_RESOLVED), opération absente du grand livre (NOTHING_TO_REVERSE) ou déjà corrigée (ALREADY_CORRECTED).',
			422: 'L’opération ne fait pas partie de l’élément (OPERATION_NOT_IN_ITEM).'
		}
	},
	{
		method: 'get',
		path: '/api/groups/{groupId}/exports/operations.csv',
		operationId: 'exportOperations',
		tag: 'Exports',
		summary: {
			fr: 'Export CSV des opérations avec leur piste d’audit',
			en: 'CSV export of the operations with their audit trail'
		},
		who: COORDINATOR,
		scope: 'group',
		notes:
			'Les opérations survenues du jour from au jour to inclus (heure de Paris, bornes facultatives) : identifiant, survenue (horloge de l’appareil), reçue (horloge du serveur), adhérent et son compte auxiliaire, type, montant signé, moyen, distribution, commande, opération corrigée, références (chèque, banque, tireur, ticket, libellé), enregistrée par, appareil. Fichier operations-<from>-<to>.csv (debut / fin sans borne). from après to : 400 INVALID_PERIOD.',
		query: PeriodQuerySchema,
		success: {
			status: 200,
			doc: { description: 'Le fichier CSV (text/csv).', json: 'CsvFile', csv: true }
		}
	},
	{
		method: 'get',
		path: '/api/groups/{groupId}/exports/journal.csv',
		operationId: 'exportJournal',
		tag: 'Exports',
		summary: {
			fr: 'Journal comptable en partie double (format FEC)',
			en: 'Double-entry journal (French FEC layout)'
		},
		who: COORDINATOR,
		scope: 'group',
		notes:
			'Colonnes du FEC : JournalCode;JournalLib;EcritureNum;EcritureDate;CompteNum;CompteLib;CompAuxNum;CompAuxLib;PieceRef;PieceDate;EcritureLib;Debit;Credit;EcritureLet;DateLet;ValidDate;Montantdevise;Idevise. Une écriture équilibrée par opération : commande et ajustement au journal VE (411 adhérent / 706), paiement et remboursement aux journaux CA (espèces, 530) ou BQ (chèques 5112, virement et cartes 512), reprise de solde et correction au journal OD (471 ; une correction contre-passe l’écriture de l’opération corrigée). Toutes les opérations y figurent ; ValidDate est vide tant que leur distribution n’est pas validée. Dates AAAAMMJJ, montants à virgule sans séparateur de milliers. Comptes : GET /api/groups/{groupId}/settings/accounts.',
		query: PeriodQuerySchema,
		success: {
			status: 200,
			doc: { description: 'Le journal (text/csv).', json: 'CsvFile', csv: true }
		}
	},
	{
		method: 'get',
		path: '/api/groups/{groupId}/settings/accounts',
		operationId: 'getAccounts',
		tag: 'Exports',
		summary: { fr: 'Comptes du journal comptable', en: 'Accounts of the journal' },
		who: COORDINATOR,
		scope: 'group',
		notes: 'Sans réglage : 411, 530, 5112, 512, 706 et 471.',
		success: { status: 200, doc: { description: 'Les comptes.', json: 'JournalAccounts' } }
	},
	{
		method: 'put',
		path: '/api/groups/{groupId}/settings/accounts',
		operationId: 'putAccounts',
		tag: 'Exports',
		summary: { fr: 'Modifier les comptes du journal', en: 'Change the journal’s accounts' },
		who: COORDINATOR,
		scope: 'group',
		body: { schema: 'JournalAccounts' },
		success: {
			status: 200,
			doc: { description: 'Les comptes enregistrés.', json: 'JournalAccounts' }
		},
		errors: {
			422: 'Compte hors de sa classe du plan comptable : adhérents en classe 4, trésorerie en classe 5, ventes en classe 7 (ACCOUNT_CLASS_MISMATCH), ou compte des adhérents partagé avec un autre rôle (MEMBERS_ACCOUNT_SHARED).'
		}
	},
	{
		method: 'post',
		path: '/api/groups/{groupId}/imports/opening-balances/preview',
		operationId: 'previewOpeningImport',
		tag: 'Exports',
		summary: {
			fr: 'Aperçu d’une reprise de soldes en masse',
			en: 'Preview a bulk opening-balance import'
		},
		who: COORDINATOR,
		scope: 'group',
		notes:
			'N’enregistre rien. Une erreur par ligne fautive : adhérent inconnu ou ambigu, montant illisible, nul ou trop grand, adhérent en double, colonnes en trop.',
		body: { schema: 'OpeningImportBody' },
		success: {
			status: 200,
			doc: { description: 'L’aperçu ligne par ligne.', json: 'OpeningImportPreview' }
		}
	},
	{
		method: 'post',
		path: '/api/groups/{groupId}/imports/opening-balances',
		operationId: 'importOpeningBalances',
		tag: 'Exports',
		summary: {
			fr: 'Reprise de soldes en masse',
			en: 'Bulk opening-balance import'
		},
		who: COORDINATOR,
		scope: 'group',
		notes:
			'Une opération opening_balance par ligne (libellé « Reprise de solde (import) »), tout ou rien. Identifiants dérivés du groupe, du contenu du fichier et de l’adhérent : renvoyer le même fichier n’enregistre rien et répond 200 {recorded: 0, alreadyRecorded: n}.',
		body: { schema: 'OpeningImportBody' },
		success: {
			status: 201,
			doc: { description: 'Reprises enregistrées.', json: 'OpeningImportResult' }
		},
		otherResponses: {
			200: {
				description: 'Fichier déjà importé : rien de nouveau (recorded: 0).',
				json: 'OpeningImportResult'
			}
		},
		errors: {
			422: 'Lignes en erreur (IMPORT_HAS_ERRORS, error.details.lines les donne, rien n’est enregistré) ou fichier sans ligne (IMPORT_EMPTY).'
		}
	}
];
