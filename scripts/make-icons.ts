/**
 * Draws Fineprint's toolbar icons (public/icon-{16,32,48,128}.png) with no image library and no download:
 * a rounded blue card with lines of "fine print", one of them highlighted. Run: `npx tsx scripts/make-icons.ts`.
 * @module
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { deflateSync } from 'node:zlib';

type RGBA = [number, number, number, number];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const body = Buffer.concat([head.subarray(4), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body), 0);
  return Buffer.concat([head.subarray(0, 4), body, crc]);
}

/** Encodes straight RGBA pixels as a PNG (colour type 6, no filtering). */
export function encodePng(size: number, pixels: Uint8Array): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    Buffer.from(pixels.buffer, pixels.byteOffset + y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array()),
  ]);
}

const BLUE: RGBA = [11, 92, 173, 255];
const WHITE: RGBA = [255, 255, 255, 255];
const PINK: RGBA = [214, 51, 108, 255];

/** The colour at a point of the unit square (0..1), or null for transparent. */
function shade(x: number, y: number): RGBA | null {
  const r = 0.2; // corner radius
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return null;
  // Four lines of text; the third is highlighted (a marker stroke behind a shorter white line).
  const lines = [
    { y: 0.26, end: 0.8 },
    { y: 0.42, end: 0.72 },
    { y: 0.58, end: 0.8, mark: true },
    { y: 0.74, end: 0.6 },
  ];
  for (const line of lines) {
    if (line.mark && Math.abs(y - line.y) < 0.085 && x > 0.14 && x < 0.86) {
      return Math.abs(y - line.y) < 0.04 && x > 0.2 && x < line.end ? WHITE : PINK;
    }
    if (Math.abs(y - line.y) < 0.045 && x > 0.2 && x < line.end) return WHITE;
  }
  return BLUE;
}

/** Renders one size with 4×4 supersampling so small icons keep smooth corners. */
export function renderIcon(size: number): Uint8Array {
  const out = new Uint8Array(size * size * 4);
  const ss = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const c = shade((px + (sx + 0.5) / ss) / size, (py + (sy + 0.5) / ss) / size);
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          a += 255;
        }
      }
      const n = ss * ss;
      const covered = a / 255;
      const i = (py * size + px) * 4;
      out[i] = covered ? Math.round(r / covered) : 0;
      out[i + 1] = covered ? Math.round(g / covered) : 0;
      out[i + 2] = covered ? Math.round(b / covered) : 0;
      out[i + 3] = Math.round(a / n);
    }
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const size of [16, 32, 48, 128]) {
    const file = resolve(import.meta.dirname, '../public', `icon-${size}.png`);
    writeFileSync(file, encodePng(size, renderIcon(size)));
    console.log(`wrote ${file}`);
  }
}
