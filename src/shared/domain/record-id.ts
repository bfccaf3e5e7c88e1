// UUIDv7 (RFC 9562): time-ordered, made on the device, so records sort by creation and two
// offline phones never pick the same id.
// Web Crypto exists in browsers, workers and Node >= 19; `shared` compiles without DOM/Node types.
declare const crypto: { getRandomValues<T extends Uint8Array>(array: T): T };

export function newRecordId(
  nowMs: number = Date.now(),
  fillRandom: (bytes: Uint8Array) => void = (bytes) => crypto.getRandomValues(bytes),
): string {
  const bytes = new Uint8Array(16);
  fillRandom(bytes);
  let ms = nowMs;
  for (let i = 5; i >= 0; i--) {
    bytes[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
