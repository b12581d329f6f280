/**
 * Zod schemas of the public HTTP contract (SPEC.md), one per wire shape, shared by client and
 * server. Request bodies are strict (unknown keys refused); responses read by clients strip
 * unknown keys so that adding a field later breaks nobody. Every string is bounded.
 */
import { z } from 'zod';
import { MAX_CENTS, cents } from './money';
import { checkOperation, OPERATION_KINDS, type LedgerOperation } from './operations';
import { MAX_QUANTITY, MAX_UNIT_PRICE_CENTS, type OrderLine } from './orders';
import {
	OPERATION_METHODS,
	ORDER_PAYMENT_CHOICES,
	PAYMENT_METHODS,
	type PaymentReference
} from './payment-methods';
import { fail, succeed, type Failure, type Result } from './result';
import { validateSettings, type GroupSettings } from './settings';

/** Most operations one push may carry. */
export const MAX_PUSH_OPERATIONS = 500;
export const ROLES = ['coordinator', 'helper', 'member'] as const;
export const PUSH_STATUSES = ['accepted', 'duplicate', 'conflict', 'rejected'] as const;

// --- Building blocks ---------------------------------------------------------------------

/** Lower-case canonical UUIDs only, so that an id has a single spelling (PostgreSQL lowers them). */
export const UuidSchema = z
	.string()
	.regex(
		/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
		'Identifiant invalide : UUID en minuscules attendu'
	);
/** Years a date may fall in: PostgreSQL refuses year 0, and nothing here predates 1900. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2999;
const yearInRange = (s: string) => {
	const y = Number(s.slice(0, 4));
	return y >= MIN_YEAR && y <= MAX_YEAR;
};
/** A calendar date, YYYY-MM-DD. */
export const IsoDateSchema = z.iso
	.date({ message: 'Date invalide : AAAA-MM-JJ attendu' })
	.refine(
		yearInRange,
		`Date invalide : l’année doit être comprise entre ${MIN_YEAR} et ${MAX_YEAR}`
	);
/** An ISO 8601 instant with Z or an offset. */
export const IsoDateTimeSchema = z.iso
	.datetime({
		offset: true,
		message: 'Horodatage invalide : ISO 8601 avec fuseau attendu'
	})
	.refine(
		yearInRange,
		`Horodatage invalide : l’année doit être comprise entre ${MIN_YEAR} et ${MAX_YEAR}`
	);
/** Text a person typed: no NUL character (PostgreSQL refuses it in text). */
export const TextSchema = z.string().refine((s) => !s.includes('\u0000'), 'Caractère nul interdit');
/** A device's id: a UUID in practice, any short token accepted (server-made operations). */
export const DeviceIdSchema = z
	.string()
	.min(1)
	.max(100)
	.regex(/^[A-Za-z0-9._:-]+$/, 'Identifiant d’appareil invalide');
/** Integer cents within ±MAX_CENTS, branded as `Cents`. */
export const CentsSchema = z
	.number({ message: 'Montant invalide : nombre entier de centimes attendu' })
	.int('Montant invalide : nombre entier de centimes attendu')
	.min(-MAX_CENTS)
	.max(MAX_CENTS)
	.transform((n) => cents(n));
export const UnitPriceCentsSchema = z
	.number()
	.int('Prix invalide : nombre entier de centimes attendu')
	.min(0, 'Le prix ne peut pas être négatif')
	.max(MAX_UNIT_PRICE_CENTS, 'Prix trop élevé')
	.transform((n) => cents(n));
export const QuantitySchema = z
	.number()
	.int('Quantité invalide : nombre entier attendu')
	.min(1, 'La quantité doit être au moins 1')
	.max(MAX_QUANTITY, `La quantité ne peut pas dépasser ${MAX_QUANTITY}`);
/** A person's, group's, product's or place's name. */
export const NameSchema = TextSchema.pipe(
	z.string().trim().min(1, 'Nom obligatoire').max(200, 'Nom trop long')
);
export const EmailSchema = z.email({ message: 'Adresse e-mail invalide' }).max(254);

export const PaymentMethodSchema = z.enum(PAYMENT_METHODS);
export const OperationMethodSchema = z.enum(OPERATION_METHODS);
export const OrderPaymentChoiceSchema = z.enum(ORDER_PAYMENT_CHOICES);
export const OperationKindSchema = z.enum(OPERATION_KINDS);
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

// --- Errors ------------------------------------------------------------------------------

/** Every 4xx: `{ error: { code, message } }`; extra keys (details) are allowed and kept out. */
export const ErrorBodySchema = z.object({
	error: z.object({ code: z.string().min(1).max(100), message: z.string().max(2000) })
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

// --- Operations and sync -----------------------------------------------------------------

export const PaymentReferenceSchema = z.strictObject({
	chequeNumber: TextSchema.max(50).optional(),
	bank: TextSchema.max(100).optional(),
	drawer: TextSchema.max(200).optional(),
	receiptNumber: TextSchema.max(50).optional(),
	label: TextSchema.max(200).optional()
}) satisfies z.ZodType<PaymentReference>;

/**
 * The largest amount of one operation: 10 000 000,00 €. Far beyond any basket or payment,
 * and small enough that no realistic number of operations takes a kept balance out of the
 * safe-integer range.
 */
export const MAX_OPERATION_CENTS = 1_000_000_000;
export const OperationAmountSchema = z
	.number({ message: 'Montant invalide : nombre entier de centimes attendu' })
	.int('Montant invalide : nombre entier de centimes attendu')
	.min(-MAX_OPERATION_CENTS, 'Montant trop grand : au plus 10 000 000,00 € par opération')
	.max(MAX_OPERATION_CENTS, 'Montant trop grand : au plus 10 000 000,00 € par opération')
	.transform((n) => cents(n));

/** The exact fields of a wire `Operation`, without the ledger rules. */
export const OperationShapeSchema = z.strictObject({
	id: UuidSchema,
	groupId: UuidSchema,
	memberId: UuidSchema,
	kind: OperationKindSchema,
	amountCents: OperationAmountSchema,
	method: OperationMethodSchema.optional(),
	distributionId: UuidSchema.optional(),
	orderId: UuidSchema.optional(),
	correctsId: UuidSchema.optional(),
	reference: PaymentReferenceSchema.optional(),
	occurredAt: IsoDateTimeSchema,
	deviceId: DeviceIdSchema
}) satisfies z.ZodType<LedgerOperation>;

function issuePath(code: string): string {
	if (code.startsWith('CORRECTS_ID')) return 'correctsId';
	if (code.includes('METHOD')) return 'method';
	if (code.endsWith('_REQUIRED')) return 'reference';
	return 'amountCents';
}

/** A wire `Operation` that also obeys `checkOperation` (sign, method, correctsId, reference). */
export const OperationSchema = OperationShapeSchema.superRefine((op, ctx) => {
	const check = checkOperation(op);
	if (!check.ok) {
		ctx.addIssue({
			code: 'custom',
			message: check.message,
			params: { code: check.code },
			path: [issuePath(check.code)]
		});
	}
});
export type Operation = z.infer<typeof OperationSchema>;

/** `POST /api/sync/push`, every operation checked (all or nothing). */
export const PushBodySchema = z.strictObject({
	groupId: UuidSchema,
	deviceId: DeviceIdSchema,
	operations: z.array(OperationSchema).max(MAX_PUSH_OPERATIONS)
});
export type PushBody = z.infer<typeof PushBodySchema>;

/** `POST /api/sync/push` as the server reads it: each operation is parsed on its own with
 * `OperationSchema`, so one bad operation is `rejected` without refusing the batch. */
export const PushBodyLooseSchema = z.strictObject({
	groupId: UuidSchema,
	deviceId: DeviceIdSchema,
	operations: z.array(z.unknown()).max(MAX_PUSH_OPERATIONS)
});
export type PushBodyLoose = z.infer<typeof PushBodyLooseSchema>;

export const PushStatusSchema = z.enum(PUSH_STATUSES);
export type PushStatus = z.infer<typeof PushStatusSchema>;

/** One answer per pushed operation; `code` is the machine code of `reason` when rejected. */
export const PushResultItemSchema = z.object({
	id: z.string().max(200),
	status: PushStatusSchema,
	code: z.string().max(100).optional(),
	reason: z.string().max(2000).optional()
});
export type PushResultItem = z.infer<typeof PushResultItemSchema>;

export const PushResultSchema = z.object({ results: z.array(PushResultItemSchema) });
export type PushResult = z.infer<typeof PushResultSchema>;

/** `GET /api/sync/pull?groupId=&cursor=` (query string; other parameters are ignored). */
export const PullQuerySchema = z.object({
	groupId: UuidSchema,
	cursor: z.string().min(1).max(200).optional()
});
export type PullQuery = z.infer<typeof PullQuerySchema>;

// --- Accounts ----------------------------------------------------------------------------

export const LoginBodySchema = z.strictObject({
	email: EmailSchema,
	password: z.string().min(1, 'Mot de passe obligatoire').max(200)
});
export type LoginBody = z.infer<typeof LoginBodySchema>;

export const UserSchema = z.object({ id: UuidSchema, name: NameSchema, email: EmailSchema });
export type User = z.infer<typeof UserSchema>;

export const MeGroupSchema = z.object({
	groupId: UuidSchema,
	name: NameSchema,
	role: RoleSchema,
	memberId: UuidSchema
});
export type MeGroup = z.infer<typeof MeGroupSchema>;

/** `GET /api/me`, also the answer of a login. */
export const MeSchema = z.object({ user: UserSchema, groups: z.array(MeGroupSchema) });
export type Me = z.infer<typeof MeSchema>;

export const HealthSchema = z.object({ ok: z.literal(true) });
export type Health = z.infer<typeof HealthSchema>;

// --- Settings and members ----------------------------------------------------------------

export const GroupSettingsShapeSchema = z.strictObject({
	paymentMethods: z.array(PaymentMethodSchema).max(20),
	allowNegativeMoneyPot: z.boolean()
}) satisfies z.ZodType<GroupSettings>;

/** Settings obeying `validateSettings`; the issue carries its code (`MONEY_POT_EXCLUSIVE`…). */
export const GroupSettingsSchema = GroupSettingsShapeSchema.superRefine((s, ctx) => {
	const check = validateSettings(s);
	if (!check.ok) {
		ctx.addIssue({
			code: 'custom',
			message: check.message,
			params: { code: check.code },
			path: ['paymentMethods']
		});
	}
});

export const MemberSchema = z.object({
	id: UuidSchema,
	name: NameSchema,
	email: EmailSchema.optional()
});
export type Member = z.infer<typeof MemberSchema>;

export const NewMemberSchema = z.strictObject({ name: NameSchema, email: EmailSchema });
export type NewMember = z.infer<typeof NewMemberSchema>;

// --- Balances and history ----------------------------------------------------------------

/** One row of `GET /api/groups/:groupId/balances`: balance = confirmed (with all debts). */
export const MemberBalanceSchema = z.object({
	memberId: UuidSchema,
	name: NameSchema,
	balanceCents: CentsSchema,
	pendingCents: CentsSchema,
	projectedCents: CentsSchema
});
export type MemberBalance = z.infer<typeof MemberBalanceSchema>;

export const BalanceTotalsSchema = z.object({
	balanceCents: CentsSchema,
	pendingCents: CentsSchema,
	projectedCents: CentsSchema,
	debtCents: CentsSchema,
	creditCents: CentsSchema
});

export const BalancesSchema = z.object({
	members: z.array(MemberBalanceSchema),
	totals: BalanceTotalsSchema
});
export type Balances = z.infer<typeof BalancesSchema>;

/** One line of a member's history: the operation, the running (projected) balance after it,
 * whether it waits for validation, and optionally server facts. */
export const HistoryEntrySchema = OperationShapeSchema.extend({
	runningCents: CentsSchema,
	pending: z.boolean(),
	receivedAt: IsoDateTimeSchema.optional(),
	recordedBy: z.string().max(200).optional()
});
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;

/** `GET /api/groups/:groupId/members/:memberId/operations`. */
export const MemberHistorySchema = z.object({
	memberId: UuidSchema,
	confirmedCents: CentsSchema,
	pendingCents: CentsSchema,
	projectedCents: CentsSchema,
	entries: z.array(HistoryEntrySchema)
});
export type MemberHistory = z.infer<typeof MemberHistorySchema>;

// --- Distributions and orders ------------------------------------------------------------

export const NewProductSchema = z.strictObject({
	name: NameSchema,
	unitPriceCents: UnitPriceCentsSchema
});
export type NewProduct = z.infer<typeof NewProductSchema>;

export const ProductSchema = z.object({
	id: UuidSchema,
	name: NameSchema,
	unitPriceCents: UnitPriceCentsSchema
});
export type Product = z.infer<typeof ProductSchema>;

/** `POST /api/groups/:groupId/distributions`; past dates allowed (imports). */
export const NewDistributionSchema = z.strictObject({
	date: IsoDateSchema,
	place: NameSchema,
	products: z.array(NewProductSchema).max(500).optional()
});
export type NewDistribution = z.infer<typeof NewDistributionSchema>;

export const DistributionSchema = z.object({
	id: UuidSchema,
	date: IsoDateSchema,
	place: NameSchema,
	products: z.array(ProductSchema),
	validated: z.boolean()
});
export type Distribution = z.infer<typeof DistributionSchema>;

export const OrderLineSchema = z.strictObject({
	productId: UuidSchema.optional(),
	productName: NameSchema,
	quantity: QuantitySchema,
	unitPriceCents: UnitPriceCentsSchema
}) satisfies z.ZodType<OrderLine>;

/** An order as stored and pulled: lines with their prices, total (positive) in cents. */
export const OrderSchema = z.object({
	id: UuidSchema,
	distributionId: UuidSchema,
	memberId: UuidSchema,
	lines: z.array(OrderLineSchema),
	totalCents: CentsSchema,
	paymentMethod: OrderPaymentChoiceSchema
});
export type Order = z.infer<typeof OrderSchema>;

/** A line sent by a client: a product of the distribution (price from the server), or, for a
 * coordinator's on-site fix, a free line with its own price. */
export const NewOrderLineSchema = z.union([
	z.strictObject({ productId: UuidSchema, quantity: QuantitySchema }),
	z.strictObject({
		productName: NameSchema,
		quantity: QuantitySchema,
		unitPriceCents: UnitPriceCentsSchema
	})
]);
export type NewOrderLine = z.infer<typeof NewOrderLineSchema>;

/** `POST /api/groups/:groupId/orders`; the optional `id` (made by the client) makes a retry
 * idempotent. */
export const NewOrderSchema = z.strictObject({
	id: UuidSchema.optional(),
	distributionId: UuidSchema,
	memberId: UuidSchema,
	lines: z.array(NewOrderLineSchema).min(1, 'Une commande a au moins une ligne').max(200),
	paymentMethod: OrderPaymentChoiceSchema
});
export type NewOrder = z.infer<typeof NewOrderSchema>;

/** `PUT /api/groups/:groupId/orders/:orderId`; no lines cancels the order's amount. */
export const UpdateOrderSchema = z.strictObject({
	lines: z.array(NewOrderLineSchema).max(200)
});
export type UpdateOrder = z.infer<typeof UpdateOrderSchema>;

/** One member's basket at a distribution (all their orders summed). `paidCents` counts
 * payments pending or not, `pendingPaidCents` the pending part, `dueCents` = max(0, total − paid). */
export const BasketSchema = z.object({
	orderIds: z.array(UuidSchema),
	memberId: UuidSchema,
	memberName: NameSchema,
	lines: z.array(OrderLineSchema),
	totalCents: CentsSchema,
	paidCents: CentsSchema,
	pendingPaidCents: CentsSchema,
	dueCents: CentsSchema,
	paymentMethods: z.array(OrderPaymentChoiceSchema).optional(),
	balanceCents: CentsSchema.optional(),
	projectedCents: CentsSchema.optional()
});
export type Basket = z.infer<typeof BasketSchema>;

/** `GET /api/groups/:groupId/distributions/:distributionId/orders`. */
export const DistributionOrdersSchema = z.object({
	distributionId: UuidSchema,
	baskets: z.array(BasketSchema)
});
export type DistributionOrders = z.infer<typeof DistributionOrdersSchema>;

/** `POST …/validate`; an empty body means `{}`. */
export const ValidateBodySchema = z.strictObject({ confirmUnpaid: z.boolean().optional() });
export type ValidateBody = z.infer<typeof ValidateBodySchema>;

export const UnpaidBasketSchema = z.object({
	memberId: UuidSchema,
	memberName: NameSchema,
	orderIds: z.array(UuidSchema),
	totalCents: CentsSchema,
	paidCents: CentsSchema,
	dueCents: CentsSchema
});
export type UnpaidBasket = z.infer<typeof UnpaidBasketSchema>;

/** The 409 of validation while baskets are unpaid: an `ErrorBody` naming them. */
export const ValidateConflictSchema = z.object({
	error: z.object({
		code: z.literal('UNPAID_BASKETS'),
		message: z.string().max(2000),
		unpaid: z.array(UnpaidBasketSchema)
	})
});
export type ValidateConflict = z.infer<typeof ValidateConflictSchema>;

/** `GET /api/sync/pull`: what changed since `cursor`, only what the caller may see. */
export const PullResultSchema = z.object({
	cursor: z.string().min(1).max(200),
	operations: z.array(OperationShapeSchema),
	distributions: z.array(DistributionSchema),
	members: z.array(MemberSchema),
	orders: z.array(OrderSchema)
});
export type PullResult = z.infer<typeof PullResultSchema>;

// --- Helpers for the edges ---------------------------------------------------------------

function customCode(issue: z.core.$ZodIssue): string | undefined {
	if (issue.code !== 'custom') return undefined;
	const code: unknown = issue.params?.['code'];
	return typeof code === 'string' ? code : undefined;
}

/**
 * The first issue of a failed parse as a `{ code, message }` failure: a domain rule keeps its
 * own code (e.g. `MONEY_POT_EXCLUSIVE`), anything else gets `fallbackCode` and a message
 * naming the field.
 */
export function issueToFailure(error: z.ZodError, fallbackCode = 'INVALID_INPUT'): Failure {
	const issue = error.issues[0];
	if (issue === undefined) return fail(fallbackCode, 'Données invalides.');
	const code = customCode(issue);
	if (code !== undefined) return fail(code, issue.message);
	const path = issue.path.map(String).join('.');
	return fail(fallbackCode, path === '' ? issue.message : `${path} : ${issue.message}`);
}

/** The `ErrorBody` of a failed parse (see `issueToFailure`). */
export function toErrorBody(error: z.ZodError, fallbackCode = 'INVALID_INPUT'): ErrorBody {
	const { code, message } = issueToFailure(error, fallbackCode);
	return { error: { code, message } };
}

/** Parses `data` with `schema` into a `Result` (see `issueToFailure` for the failure). */
export function parseWith<S extends z.ZodType>(
	schema: S,
	data: unknown,
	fallbackCode = 'INVALID_INPUT'
): Result<z.output<S>> {
	const parsed = schema.safeParse(data);
	return parsed.success ? succeed(parsed.data) : issueToFailure(parsed.error, fallbackCode);
}

/** The id of a raw pushed operation to answer with, or '' when it has none usable. */
export function rawOperationId(raw: unknown): string {
	if (typeof raw !== 'object' || raw === null || !('id' in raw)) return '';
	const id: unknown = raw.id;
	return typeof id === 'string' && id.length <= 200 ? id : '';
}
