import { describe, expect, it } from 'vitest';
import { csvDate, csvDateTime, csvFile, FEC_HEADER } from './exports-csv';

describe('export CSV helpers', () => {
	it('writes instants as Paris date and time, summer and winter', () => {
		expect(csvDateTime('2025-01-10T17:05:00Z')).toBe('10/01/2025 18:05:00');
		expect(csvDateTime('2025-07-10T22:30:05.120Z')).toBe('11/07/2025 00:30:05');
		// The night clocks go back: 02:30 happens twice, the offset tells them apart.
		expect(csvDateTime('2025-10-26T00:30:00Z')).toBe('26/10/2025 02:30:00');
		expect(csvDateTime('2025-10-26T01:30:00Z')).toBe('26/10/2025 02:30:00');
		expect(csvDate('2025-01-17')).toBe('17/01/2025');
	});

	it('starts with a BOM and ends every line with CRLF', () => {
		expect(
			csvFile([
				['a', 'b'],
				['1', '2']
			])
		).toBe('\uFEFFa;b\r\n1;2\r\n');
	});

	it('has the 18 FEC columns', () => {
		expect(FEC_HEADER).toHaveLength(18);
	});
});
