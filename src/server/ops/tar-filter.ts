// Drops entries from a tar archive (ustar, as PGlite's dumpDataDir writes it). PGlite's dump takes
// every file under its data directory, and the embedded default keeps its backups in
// DATA_DIR/backups: without this, every backup would hold all the backups before it.
const BLOCK = 512;

export function filterTar(tar: Uint8Array, keep: (path: string) => boolean): Uint8Array {
  const parts: Uint8Array[] = [];
  let offset = 0;
  while (offset + BLOCK <= tar.length) {
    const header = tar.subarray(offset, offset + BLOCK);
    if (header.every((byte) => byte === 0)) break;
    const size = parseInt(text(header, 124, 12).trim() || '0', 8);
    const prefix = text(header, 345, 155);
    const name = text(header, 0, 100);
    const path = prefix ? `${prefix}/${name}` : name;
    const length = BLOCK + Math.ceil(size / BLOCK) * BLOCK;
    if (keep(path)) parts.push(tar.subarray(offset, offset + length));
    offset += length;
  }
  parts.push(new Uint8Array(BLOCK * 2));
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

function text(block: Uint8Array, start: number, length: number): string {
  const field = block.subarray(start, start + length);
  const end = field.indexOf(0);
  return Buffer.from(end < 0 ? field : field.subarray(0, end)).toString('utf8');
}
