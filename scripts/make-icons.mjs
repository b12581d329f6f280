// Draws the app icons (PNG) without any image tool: a green tile with a light leaf.
// Run once when the design changes: node scripts/make-icons.mjs (outputs static/icons/*.png).
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

function crc32(buf) {
	let c = ~0;
	for (const b of buf) {
		c ^= b;
		for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
	}
	return ~c >>> 0;
}

function chunk(type, data) {
	const len = Buffer.alloc(4);
	len.writeUInt32BE(data.length);
	const td = Buffer.concat([Buffer.from(type), data]);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(td));
	return Buffer.concat([len, td, crc]);
}

function png(size, pixel) {
	const raw = Buffer.alloc(size * (size * 4 + 1));
	for (let y = 0; y < size; y++) {
		raw[y * (size * 4 + 1)] = 0;
		for (let x = 0; x < size; x++) {
			const [r, g, b, a] = pixel(x / size, y / size);
			const o = y * (size * 4 + 1) + 1 + x * 4;
			raw[o] = r;
			raw[o + 1] = g;
			raw[o + 2] = b;
			raw[o + 3] = a;
		}
	}
	const ihdr = Buffer.alloc(13);
	ihdr.writeUInt32BE(size, 0);
	ihdr.writeUInt32BE(size, 4);
	ihdr[8] = 8;
	ihdr[9] = 6;
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', ihdr),
		chunk('IDAT', deflateSync(raw)),
		chunk('IEND', Buffer.alloc(0))
	]);
}

const GREEN = [47, 107, 58, 255];
const LEAF = [207, 232, 196, 255];

// A leaf: intersection of two circles, tilted; `scale` shrinks it for the maskable safe zone.
function leaf(x, y, scale) {
	const cx = 0.5;
	const cy = 0.5;
	const u = (x - cx) / scale;
	const v = (y - cy) / scale;
	const r = 0.36;
	const d = 0.22;
	const a = (u - d) ** 2 + v ** 2 < r * r;
	const b = (u + d) ** 2 + v ** 2 < r * r;
	const vein = Math.abs(u) < 0.012 && Math.abs(v) < 0.3;
	return a && b && !vein;
}

function icon(size, { maskable }) {
	return png(size, (x, y) => {
		if (!maskable) {
			// Rounded tile with transparent corners.
			const m = 0.18;
			const dx = Math.max(m - x, 0, x - (1 - m));
			const dy = Math.max(m - y, 0, y - (1 - m));
			if (dx * dx + dy * dy > m * m) return [0, 0, 0, 0];
		}
		return leaf(x, y, maskable ? 0.7 : 1) ? LEAF : GREEN;
	});
}

writeFileSync('static/icons/icon-192.png', icon(192, { maskable: false }));
writeFileSync('static/icons/icon-512.png', icon(512, { maskable: false }));
writeFileSync('static/icons/icon-maskable-512.png', icon(512, { maskable: true }));
console.log('icons written to static/icons/');
