import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMoney } from './money';
import {
	detectSeparator,
	MAX_IMPORT_BYTES,
	normalizeImportText,
	OpeningImportBodySchema,
	parseOpeningImport,
	resolveMember,
	type ImportMember
} from './opening-import';
import { uuid } from './test-fixtures';

const MARIE: ImportMember = { id: uuid(1), name: 'Marie Membre', email: 'marie@test.example' };
const MARC: ImportMember = { id: uuid(2), name: 'Marc Second', email: 'Marc@Test.example' };
const ELODIE: ImportMember = { id: uuid(3), name: 'Élodie Évrard', email: null };
const JEAN_A: ImportMember = { id: uuid(4), name: 'Jean Dupont', email: 'jean.a@test.example' };
const JEAN_B: ImportMember = { id: uuid(5), name: 'jean dupont', email: 'jean.b@test.example' };
const QUOTED: ImportMember = { id: uuid(6), name: 'Dupont; "Jo"', email: null };
const MEMBERS = [MARIE, MARC, ELODIE, JEAN_A, JEAN_B, QUOTED];

function summary(csv: string, members = MEMBERS) {
	return parseOpeningImport(csv, members).lines.map((l) =>
		l.error === undefined ? [l.line, l.member?.id, l.amountCents] : [l.line, l.code]
	);
}

describe('parseOpeningImport', () => {
	it('reads a French file: header, semicolons, comma decimals, CRLF and a BOM', () => {
		const csv = '\uFEFFAdhérent;Montant\r\nmarie@test.example;12,50\r\nMarc Second;-8,40\r\n';
		const r = parseOpeningImport(csv, MEMBERS);
		expect(r.separator).toBe(';');
		expect(r.hasHeader).toBe(true);
		expect(r.lines).toEqual([
			{
				line: 2,
				text: 'marie@test.example;12,50',
				member: { id: MARIE.id, name: MARIE.name },
				amountCents: 1250
			},
			{
				line: 3,
				text: 'Marc Second;-8,40',
				member: { id: MARC.id, name: MARC.name },
				amountCents: -840
			}
		]);
		expect([r.validCount, r.errorCount, r.totalCents]).toEqual([2, 0, 410]);
	});

	it('reads commas as separator, the amount being the rest of the line', () => {
		const r = parseOpeningImport('marie@test.example,12,50\nMarc Second,-8.4\n', MEMBERS);
		expect(r.separator).toBe(',');
		expect(r.hasHeader).toBe(false);
		expect(summary('marie@test.example,12,50\nMarc Second,-8.4\n')).toEqual([
			[1, MARIE.id, 1250],
			[2, MARC.id, -840]
		]);
		expect(summary('"Élodie Évrard","1 234,56 €"')).toEqual([[1, ELODIE.id, 123456]]);
	});

	it('reads tabs (a copy from a spreadsheet)', () => {
		expect(summary('Nom\tSolde\nmarie@test.example\t3,00\n')).toEqual([[2, MARIE.id, 300]]);
	});

	it('finds members by e-mail in any case, and by name ignoring case, accents and order', () => {
		const csv = [
			'MARIE@TEST.EXAMPLE;1',
			'marc@test.example;2',
			'elodie evrard;3',
			'  Évrard   Élodie ;4'
		].join('\n');
		// Élodie twice: the second line is a duplicate, found in another spelling.
		expect(summary(csv)).toEqual([
			[1, MARIE.id, 100],
			[2, MARC.id, 200],
			[3, ELODIE.id, 300],
			[4, 'DUPLICATE_MEMBER']
		]);
	});

	it('prefers an exact name to a looser match', () => {
		expect(resolveMember('Jean Dupont', MEMBERS)).toMatchObject({ ok: true, member: JEAN_A });
		expect(resolveMember('jean dupont', MEMBERS)).toMatchObject({ ok: true, member: JEAN_B });
		expect(resolveMember('JEAN DUPONT', MEMBERS)).toMatchObject({
			ok: false,
			code: 'AMBIGUOUS_MEMBER'
		});
	});

	it('gives an error per bad line, in French, and keeps what it could read', () => {
		const csv = [
			'Adhérent;Montant',
			'inconnu@test.example;5',
			'Personne Inconnue;5',
			'JEAN DUPONT;5',
			';5',
			'Marie Membre;',
			'Marie Membre;douze',
			'Marie Membre;0,00',
			'Marie Membre;1234,567',
			'Marie Membre;2000000',
			'Marie Membre;1;commentaire',
			'Marie Membre;10',
			'marie@test.example;11',
			'',
			'Marc Second;-0,01;;'
		].join('\n');
		const r = parseOpeningImport(csv, MEMBERS);
		expect(r.lines.map((l) => [l.line, l.code ?? 'ok'])).toEqual([
			[2, 'UNKNOWN_MEMBER'],
			[3, 'UNKNOWN_MEMBER'],
			[4, 'AMBIGUOUS_MEMBER'],
			[5, 'MISSING_MEMBER'],
			[6, 'MISSING_AMOUNT'],
			[7, 'BAD_AMOUNT'],
			[8, 'ZERO_AMOUNT'],
			[9, 'BAD_AMOUNT'],
			[10, 'AMOUNT_TOO_LARGE'],
			[11, 'EXTRA_COLUMNS'],
			[12, 'ok'],
			[13, 'DUPLICATE_MEMBER'],
			[15, 'ok']
		]);
		const errors = Object.fromEntries(r.lines.map((l) => [l.line, l.error]));
		expect(errors[2]).toBe('Aucun adhérent du groupe n’a l’adresse « inconnu@test.example ».');
		expect(errors[3]).toBe('Aucun adhérent du groupe ne s’appelle « Personne Inconnue ».');
		expect(errors[4]).toBe(
			'« JEAN DUPONT » désigne 2 adhérents (Jean Dupont, jean dupont) : indiquez plutôt l’adresse e-mail.'
		);
		expect(errors[7]).toBe('« douze » : Montant invalide : lettres non permises.');
		expect(errors[9]).toBe('« 1234,567 » : Au plus deux décimales.');
		expect(errors[13]).toBe(
			'Marie Membre figure déjà ligne 12 : une seule reprise par adhérent dans un fichier.'
		);
		// A bad amount still names the member it found, and the other way round.
		expect(r.lines.find((l) => l.line === 7)?.member?.id).toBe(MARIE.id);
		expect(r.lines.find((l) => l.line === 4)?.amountCents).toBe(500);
		expect([r.validCount, r.errorCount, r.totalCents]).toEqual([2, 11, 999]);
	});

	it('reads quoted fields with separators, doubled quotes and line breaks', () => {
		const csv = '"Dupont; ""Jo""";"12,50"\n"Marie\nMembre";1\nMarc Second;2';
		const r = parseOpeningImport(csv, MEMBERS);
		expect(r.lines.map((l) => [l.line, l.member?.id ?? l.code, l.amountCents])).toEqual([
			[1, QUOTED.id, 1250],
			// A line break inside quotes is not a line end (it reads as a space in a name).
			[2, MARIE.id, 100],
			[4, MARC.id, 200]
		]);
		expect(summary('Marie Membre;"12,50\nMarc Second;3')).toEqual([[1, 'UNCLOSED_QUOTE']]);
	});

	it('treats a first line as a header only when its amount has letters', () => {
		expect(parseOpeningImport('E-mail;Solde repris\n', MEMBERS).hasHeader).toBe(true);
		expect(parseOpeningImport('Marie Membre;12\n', MEMBERS).hasHeader).toBe(false);
		// A first data line with a bad number is an error, not a header.
		expect(summary('Marie Membre;12,,5\n')).toEqual([[1, 'BAD_AMOUNT']]);
	});

	it('answers an empty or blank file with no lines', () => {
		for (const csv of ['', '\uFEFF', '\r\n\r\n', 'Adhérent;Montant\r\n']) {
			const r = parseOpeningImport(csv, MEMBERS);
			expect(r.lines).toEqual([]);
			expect([r.validCount, r.errorCount, r.totalCents]).toEqual([0, 0, 0]);
		}
	});

	it('reads back any amount formatted the French way, to the cent', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: -100_000_000, max: 100_000_000 }).filter((n) => n !== 0),
				(n) => {
					const amount = formatMoney(n as never);
					const r = parseOpeningImport(`Marie Membre;${amount}`, MEMBERS);
					expect(r.lines[0]?.amountCents).toBe(n);
					expect(r.totalCents).toBe(n);
				}
			)
		);
	});

	it('totals exactly the valid lines of any file', () => {
		const lineArb = fc.record({
			who: fc.constantFrom(MARIE, MARC, ELODIE, JEAN_A),
			cents: fc.integer({ min: -5_000_000, max: 5_000_000 })
		});
		fc.assert(
			fc.property(fc.array(lineArb, { maxLength: 10 }), (rows) => {
				const csv = rows
					.map((r) => `${r.who.email ?? r.who.name};${formatMoney(r.cents as never)}`)
					.join('\r\n');
				const parsed = parseOpeningImport(csv, MEMBERS);
				const seen = new Set<string>();
				let total = 0;
				let valid = 0;
				for (const r of rows) {
					if (r.cents === 0 || seen.has(r.who.id)) continue;
					seen.add(r.who.id);
					total += r.cents;
					valid += 1;
				}
				expect(parsed.totalCents).toBe(total);
				expect(parsed.validCount).toBe(valid);
				expect(parsed.errorCount).toBe(rows.length - valid);
			})
		);
	});
});

describe('detectSeparator and normalizeImportText', () => {
	it('detects the separator outside quotes', () => {
		expect(detectSeparator('a;b')).toBe(';');
		expect(detectSeparator('"a;b",1')).toBe(',');
		expect(detectSeparator('\n\na\tb')).toBe('\t');
		expect(detectSeparator('')).toBe(';');
	});

	it('makes the same text of a file saved on another system', () => {
		const unix = 'Adhérent;Montant\nmarie@test.example;12,50\n';
		const windows = '\uFEFFAdhérent;Montant  \r\n\r\nmarie@test.example;12,50\r\n\r\n';
		expect(normalizeImportText(windows)).toBe(normalizeImportText(unix));
		expect(normalizeImportText(unix)).not.toBe(normalizeImportText(unix.replace('12,50', '12,51')));
	});
});

describe('OpeningImportBodySchema', () => {
	it('takes the file’s text and an optional date, nothing else', () => {
		expect(OpeningImportBodySchema.safeParse({ csv: 'a;1' }).success).toBe(true);
		expect(OpeningImportBodySchema.safeParse({ csv: 'a;1', date: '2025-01-01' }).success).toBe(
			true
		);
		for (const bad of [{}, { csv: 1 }, { csv: 'a', date: '01/01/2025' }, { csv: 'a', x: 1 }]) {
			expect(OpeningImportBodySchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
		}
	});

	it('refuses more than 1 MB of UTF-8', () => {
		expect(OpeningImportBodySchema.safeParse({ csv: 'a'.repeat(MAX_IMPORT_BYTES) }).success).toBe(
			true
		);
		const accents = 'é'.repeat(MAX_IMPORT_BYTES / 2 + 1);
		const r = OpeningImportBodySchema.safeParse({ csv: accents });
		expect(r.success).toBe(false);
		expect(r.error?.issues[0]?.message).toBe('Fichier trop volumineux : 1 Mo au plus');
	});
});
