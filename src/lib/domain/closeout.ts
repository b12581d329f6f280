/**
 * Closing a distribution: what the cash box, the cheques and the card terminal should hold
 * (expected, from the payments net of corrections) against what the coordinator counted, the
 * cheques to take to the bank, and the wire shapes of the close-out, the deposit slip and the
 * review queue. Pure: the server and the app compute the same figures.
 */
import { z } from 'zod';
import { mergeOperations } from './balances';
import { cents, subtractCents, sumCents, type Cents } from './money';
import type { LedgerOperation } from './operations';
import {
	CentsSchema,
	DeviceIdSchema,
	IsoDateTimeSchema,
	NameSchema,
	OperationMethodSchema,
	OperationShapeSchema,
	PaymentReferenceSchema,
	UuidSchema
} from './schemas';

/** The largest amount a count may hold: 10 million euros, far beyond any pickup point. */
export const MAX_CLOSEOUT_CENTS = 1_000_000_000;
/** The most cheques one count may hold. */
export const MAX_CHEQUE_COUNT = 10_000;

// --- Arithmetic ----------------------------------------------------------------------------

/** What the coordinator counts at the end of a distribution. */
export type CloseoutCount = {
	/** Cash put in the box before the distribution (change), taken out of the count. */
	cashFloatCents: Cents;
	cashCountedCents: Cents;
	chequeCount: number;
	chequeTotalCents: Cents;
	/** The card terminal's batch total (its end-of-day ticket). */
	cardTerminalBatchCents: Cents;
};

/** What the distribution's payments, net of corrections, say the coordinator should hold. */
export type CloseoutExpected = {
	cashCents: Cents;
	chequeCount: number;
	chequeTotalCents: Cents;
	cardTerminalCents: Cents;
	/** Transfers tied to the distribution: nothing to count, shown for the full picture. */
	transferCents: Cents;
};

/** Counted minus expected, per method: negative means missing, positive means too much. */
export type CloseoutDifferences = {
	/** counted − float − expected cash. */
	cashCents: Cents;
	chequeCount: number;
	chequeTotalCents: Cents;
	/** batch total − expected card terminal. */
	cardTerminalCents: Cents;
};

/**
 * The payments of `distributionId` that still stand: each id once, and none that a
 * correction in `ops` reverses (a correction cancels its payment exactly, so dropping both
 * is the net).
 */
export function standingPayments(
	ops: readonly LedgerOperation[],
	distributionId: string
): LedgerOperation[] {
	const unique = mergeOperations(ops);
	const reversed = new Set(
		unique.flatMap((op) => (op.kind === 'correction' && op.correctsId ? [op.correctsId] : []))
	);
	return unique.filter(
		(op) => op.kind === 'payment' && op.distributionId === distributionId && !reversed.has(op.id)
	);
}

/**
 * Expected figures per method of a distribution from its payments and their corrections:
 * a reversed payment counts neither in the totals nor in the number of cheques.
 */
export function expectedCloseout(
	ops: readonly LedgerOperation[],
	distributionId: string
): CloseoutExpected {
	const standing = standingPayments(ops, distributionId);
	const total = (method: LedgerOperation['method']) =>
		sumCents(standing.filter((op) => op.method === method).map((op) => op.amountCents));
	return {
		cashCents: total('cash'),
		chequeCount: standing.filter((op) => op.method === 'cheque').length,
		chequeTotalCents: total('cheque'),
		cardTerminalCents: total('card_terminal'),
		transferCents: total('transfer')
	};
}

/**
 * Counted minus expected, exact to the cent. Cash: counted − float − expected, so a box that
 * held a 50 € float and took 35,85 € is right at 85,85 €.
 */
export function closeoutDifferences(
	expected: CloseoutExpected,
	count: CloseoutCount
): CloseoutDifferences {
	return {
		cashCents: subtractCents(
			subtractCents(count.cashCountedCents, count.cashFloatCents),
			expected.cashCents
		),
		chequeCount: count.chequeCount - expected.chequeCount,
		chequeTotalCents: subtractCents(count.chequeTotalCents, expected.chequeTotalCents),
		cardTerminalCents: subtractCents(count.cardTerminalBatchCents, expected.cardTerminalCents)
	};
}

/** Whether every difference is zero: the count matches the payments. */
export function isCloseoutBalanced(d: CloseoutDifferences): boolean {
	return (
		d.cashCents === 0 &&
		d.chequeCount === 0 &&
		d.chequeTotalCents === 0 &&
		d.cardTerminalCents === 0
	);
}

/** One cheque of a deposit slip. */
export type DepositCheque = {
	operationId: string;
	memberId: string;
	number: string;
	bank: string;
	/** Who signed the cheque: the reference's drawer, or the member's name. */
	drawer: string;
	amountCents: Cents;
};

const FRENCH = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/**
 * The cheques of a distribution to deposit: standing cheque payments (reversed ones left
 * out), the drawer taken from the reference or else the member's name, sorted by drawer then
 * cheque number.
 */
export function chequesToDeposit(
	ops: readonly LedgerOperation[],
	distributionId: string,
	memberNames: ReadonlyMap<string, string>
): DepositCheque[] {
	return standingPayments(ops, distributionId)
		.filter((op) => op.method === 'cheque')
		.map((op) => ({
			operationId: op.id,
			memberId: op.memberId,
			number: op.reference?.chequeNumber?.trim() ?? '',
			bank: op.reference?.bank?.trim() ?? '',
			drawer: op.reference?.drawer?.trim() || (memberNames.get(op.memberId) ?? ''),
			amountCents: op.amountCents
		}))
		.sort(
			(a, b) =>
				FRENCH.compare(a.drawer, b.drawer) ||
				FRENCH.compare(a.number, b.number) ||
				(a.operationId < b.operationId ? -1 : a.operationId > b.operationId ? 1 : 0)
		);
}

/** Number and total of the cheques of a slip. */
export function depositTotals(cheques: readonly DepositCheque[]): {
	count: number;
	totalCents: Cents;
} {
	return { count: cheques.length, totalCents: sumCents(cheques.map((c) => c.amountCents)) };
}

// --- Close-out wire shapes -----------------------------------------------------------------

const countedCents = (what: string) =>
	z
		.number({ message: `${what} : nombre entier de centimes attendu` })
		.int(`${what} : nombre entier de centimes attendu`)
		.min(0, `${what} : le montant ne peut pas être négatif`)
		.max(MAX_CLOSEOUT_CENTS, `${what} : montant trop grand`)
		.transform((n) => cents(n));

const chequeCount = z
	.number({ message: 'Nombre de chèques : nombre entier attendu' })
	.int('Nombre de chèques : nombre entier attendu')
	.min(0, 'Le nombre de chèques ne peut pas être négatif')
	.max(MAX_CHEQUE_COUNT, `Au plus ${MAX_CHEQUE_COUNT} chèques`);

const COUNT_FIELDS = {
	cashFloatCents: countedCents('Fond de caisse'),
	cashCountedCents: countedCents('Espèces comptées'),
	chequeCount,
	chequeTotalCents: countedCents('Total des chèques'),
	cardTerminalBatchCents: countedCents('Total du terminal de paiement')
};

/** `PUT …/closeout`: the count, every field required, non-negative and bounded. */
export const CloseoutCountSchema = z.strictObject(COUNT_FIELDS) satisfies z.ZodType<CloseoutCount>;

export const CloseoutExpectedSchema = z.object({
	cashCents: CentsSchema,
	chequeCount: z.number().int().min(0),
	chequeTotalCents: CentsSchema,
	cardTerminalCents: CentsSchema,
	transferCents: CentsSchema
}) satisfies z.ZodType<CloseoutExpected>;

export const CloseoutDifferencesSchema = z.object({
	cashCents: CentsSchema,
	chequeCount: z.number().int(),
	chequeTotalCents: CentsSchema,
	cardTerminalCents: CentsSchema
}) satisfies z.ZodType<CloseoutDifferences>;

/** Who did something, by their login. */
export const ActorSchema = z.object({ userId: UuidSchema, name: NameSchema });
export type Actor = z.infer<typeof ActorSchema>;

/** The latest count as stored: the figures, who entered them and when (server clock). */
export const CloseoutCountedSchema = z.object({
	...COUNT_FIELDS,
	recordedBy: ActorSchema,
	recordedAt: IsoDateTimeSchema
});
export type CloseoutCounted = z.infer<typeof CloseoutCountedSchema>;

/** `GET` / `PUT …/closeout`: `counted` and `differences` are null until a first count. */
export const CloseoutSchema = z.object({
	distributionId: UuidSchema,
	expected: CloseoutExpectedSchema,
	counted: CloseoutCountedSchema.nullable(),
	differences: CloseoutDifferencesSchema.nullable()
});
export type Closeout = z.infer<typeof CloseoutSchema>;

// --- Cheque deposit slip -------------------------------------------------------------------

/** The query of `GET …/cheque-slip`: a printable HTML page by default, or JSON. */
export const ChequeSlipQuerySchema = z.object({
	format: z
		.enum(['html', 'json'], { message: 'Format inconnu : html ou json attendu' })
		.optional()
		.describe('`json` pour les données (défaut : page HTML imprimable).')
});

export const ChequeSlipChequeSchema = z.object({
	operationId: UuidSchema,
	number: z.string().max(50),
	bank: z.string().max(100),
	drawer: z.string().max(200),
	amountCents: CentsSchema
});

/** `GET …/cheque-slip?format=json`. */
export const ChequeSlipSchema = z.object({
	cheques: z.array(ChequeSlipChequeSchema),
	count: z.number().int().min(0),
	totalCents: CentsSchema
});
export type ChequeSlip = z.infer<typeof ChequeSlipSchema>;

// --- Review queue --------------------------------------------------------------------------

export const REVIEW_KINDS = ['duplicate', 'late_payment', 'device_rejected'] as const;
export type ReviewKind = (typeof REVIEW_KINDS)[number];
export const DEVICE_REPORT_STATUSES = ['rejected', 'conflict'] as const;
export const REVIEW_RESOLUTIONS = ['keep', 'reverse'] as const;
/** Most reports one request may carry, and the largest reported operation kept (JSON chars). */
export const MAX_DEVICE_REPORTS = 500;
export const MAX_REPORTED_OPERATION_CHARS = 10_000;

/**
 * One thing that needs the coordinator. `operationIds` name the operations involved (for a
 * duplicate, every copy); member and amount are given when known; a device report carries its
 * status, code and the operation as the device sent it.
 */
export const ReviewItemSchema = z.object({
	id: UuidSchema,
	kind: z.enum(REVIEW_KINDS),
	operationIds: z.array(UuidSchema),
	memberId: UuidSchema.optional(),
	memberName: NameSchema.optional(),
	amountCents: CentsSchema.optional(),
	method: OperationMethodSchema.optional(),
	reference: PaymentReferenceSchema.optional(),
	distributionId: UuidSchema.optional(),
	deviceIds: z.array(z.string().max(100)).optional(),
	reportStatus: z.enum(DEVICE_REPORT_STATUSES).optional(),
	code: z.string().max(100).optional(),
	operation: z.unknown().optional(),
	reason: z.string().max(2000),
	createdAt: IsoDateTimeSchema
});
export type ReviewItem = z.infer<typeof ReviewItemSchema>;

/** `GET /api/groups/:groupId/review`: the open items, oldest first. */
export const ReviewListSchema = z.object({ items: z.array(ReviewItemSchema) });
export type ReviewList = z.infer<typeof ReviewListSchema>;

/** One operation a device could not get accepted, as it reports it. */
export const DeviceReportSchema = z.strictObject({
	operationId: UuidSchema,
	status: z.enum(DEVICE_REPORT_STATUSES, { message: 'Statut inconnu : rejected ou conflict' }),
	code: z.string().max(100).optional(),
	reason: z.string().trim().min(1, 'La raison est obligatoire').max(2000),
	operation: z
		.unknown()
		.refine(
			(v) => (JSON.stringify(v) ?? '').length <= MAX_REPORTED_OPERATION_CHARS,
			'Opération signalée trop grande'
		)
		.optional()
});
export type DeviceReport = z.infer<typeof DeviceReportSchema>;

/** `POST /api/groups/:groupId/review/reports`. */
export const DeviceReportsBodySchema = z.strictObject({
	deviceId: DeviceIdSchema,
	reports: z.array(DeviceReportSchema).max(MAX_DEVICE_REPORTS)
});
export type DeviceReportsBody = z.infer<typeof DeviceReportsBodySchema>;

/** One answer per report: `stored` the first time, `known` when already reported. */
export const DeviceReportsResultSchema = z.object({
	results: z.array(
		z.object({
			operationId: UuidSchema,
			itemId: UuidSchema,
			status: z.enum(['stored', 'known'])
		})
	)
});
export type DeviceReportsResult = z.infer<typeof DeviceReportsResultSchema>;

/** `POST …/review/:itemId/resolve`: keep as is, or reverse one of the item's operations. */
export const ReviewResolveSchema = z.discriminatedUnion('resolution', [
	z.strictObject({ resolution: z.literal('keep') }),
	z.strictObject({
		resolution: z.literal('reverse'),
		operationId: UuidSchema,
		reason: z.string().trim().min(1).max(200).optional()
	})
]);
export type ReviewResolve = z.infer<typeof ReviewResolveSchema>;

export const ResolvedReviewItemSchema = ReviewItemSchema.extend({
	resolution: z.enum(REVIEW_RESOLUTIONS),
	resolvedBy: ActorSchema,
	resolvedAt: IsoDateTimeSchema
});
export type ResolvedReviewItem = z.infer<typeof ResolvedReviewItemSchema>;

/** The answer of a resolution: the item, and the correction written when reversing. */
export const ReviewResolutionSchema = z.object({
	item: ResolvedReviewItemSchema,
	correction: OperationShapeSchema.optional()
});
export type ReviewResolution = z.infer<typeof ReviewResolutionSchema>;
