// Draws the app icons (a white folder with a bold "F" on the theme colour) as PNGs with node:zlib,
// so the repo needs no downloaded artwork. Run `node scripts/make-icons.mjs` and commit the output.
import { Buffer } from 'node:buffer';
import process from 'node:process';
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const THEME = [0x1d, 0x4f, 0x91];
const WHITE = [0xff, 0xff, 0xff];
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'public', 'icons');

/**
 * The mark in a unit square (0..1): a folder body with a tab, and an "F" cut out of it.
 * `inset` shrinks it towards the centre (maskable icons keep it inside the 80% safe zone).
 */
function markAt(x, y, inset) {
  const u = (x - inset) / (1 - 2 * inset);
  const v = (y - inset) / (1 - 2 * inset);
  const inFolder =
    (u >= 0.16 && u <= 0.84 && v >= 0.3 && v <= 0.8) ||
    (u >= 0.16 && u <= 0.44 && v >= 0.22 && v <= 0.3);
  if (!inFolder) return false;
  const inF =
    (u >= 0.38 && u <= 0.47 && v >= 0.4 && v <= 0.72) ||
    (u >= 0.38 && u <= 0.64 && v >= 0.4 && v <= 0.48) ||
    (u >= 0.38 && u <= 0.59 && v >= 0.53 && v <= 0.6);
  return !inF;
}

/** Rounded-square coverage for the regular icon; the maskable icon fills the whole square. */
function insideShape(x, y, radius) {
  if (radius === 0) return true;
  const cx = Math.min(Math.max(x, radius), 1 - radius);
  const cy = Math.min(Math.max(y, radius), 1 - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

function drawIcon(size, { radius, inset }) {
  const samples = 4; // 4x4 supersampling for smooth edges
  const rows = [];
  for (let py = 0; py < size; py++) {
    const row = Buffer.alloc(1 + size * 4);
    row[0] = 0; // filter: none
    for (let px = 0; px < size; px++) {
      let shape = 0;
      let mark = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          if (insideShape(x, y, radius)) {
            shape++;
            if (markAt(x, y, inset)) mark++;
          }
        }
      }
      const n = samples * samples;
      const alpha = shape / n;
      const white = shape ? mark / shape : 0;
      const o = 1 + px * 4;
      for (let c = 0; c < 3; c++)
        row[o + c] = Math.round(THEME[c] * (1 - white) + WHITE[c] * white);
      row[o + 3] = Math.round(alpha * 255);
    }
    rows.push(row);
  }
  return encodePng(size, size, Buffer.concat(rows));
}

function encodePng(width, height, raw) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length, 0);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body), 0);
  return Buffer.concat([length, body, crc]);
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const icons = [
  ['icon-192.png', 192, { radius: 0.18, inset: 0 }],
  ['icon-512.png', 512, { radius: 0.18, inset: 0 }],
  ['apple-touch-icon-180.png', 180, { radius: 0, inset: 0.04 }],
  // Maskable: full bleed; the mark stays inside the central 80% safe zone.
  ['icon-maskable-512.png', 512, { radius: 0, inset: 0.12 }],
];

mkdirSync(outDir, { recursive: true });
for (const [name, size, options] of icons) {
  const file = join(outDir, name);
  writeFileSync(file, drawIcon(size, options));
  process.stdout.write(`${file} (${size}x${size})\n`);
}
