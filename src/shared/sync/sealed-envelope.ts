// The sealed outbox envelope ([K3]-[K5] in SPEC.md): an outbox entry encrypted to the server's
// public key, so the service worker can push it while the device is locked (the data key is gone)
// and nobody holding the phone can read it. ECDH P-256 between the device's unlock-session key pair
// and the server's key `kid`, HKDF-SHA-256 to an AES-GCM-256 key, a fresh 96-bit IV per entry.
import * as v from 'valibot';

export const SEAL_VERSION = 1;
/** HKDF info: binds the derived key to this protocol and version. */
export const SEAL_INFO = 'feldakte-sealed-outbox-v1';

const base64url = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]+$/), v.maxLength(2_000_000));

export const sealedEnvelopeSchema = v.strictObject({
  v: v.literal(SEAL_VERSION),
  /** Which server key the entry is sealed to. */
  kid: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/)),
  /** The device's ephemeral public key, raw uncompressed P-256 point (65 bytes). */
  epk: base64url,
  /** 12 bytes. */
  iv: base64url,
  /** AES-GCM ciphertext with its 16-byte tag, of the mutation's JSON. */
  ct: base64url,
});
export type SealedEnvelope = v.InferOutput<typeof sealedEnvelopeSchema>;

/** A push entry carrying only its id and the sealed mutation ([K4]). */
export const sealedMutationSchema = v.strictObject({
  id: v.pipe(v.number(), v.integer(), v.minValue(1)),
  sealed: sealedEnvelopeSchema,
});
export type SealedMutation = v.InferOutput<typeof sealedMutationSchema>;

/** The server's public key as published at GET /api/session. */
export interface SealKey {
  kid: string;
  /** Raw uncompressed P-256 point, base64url. */
  publicKey: string;
}

/** Additional data of the AES-GCM seal: the mutation id, so an envelope cannot pose as another. */
export function sealAdditionalData(mutationId: number): Uint8Array {
  return new TextEncoder().encode(`${SEAL_INFO}|${mutationId}`);
}

export function toBase64url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

export function fromBase64url(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** HKDF-SHA-256 of an ECDH shared secret to the AES-GCM-256 key bytes (WebCrypto, both sides). */
export async function sealKeyBytes(sharedSecret: ArrayBuffer, kid: string): Promise<Uint8Array> {
  const ikm = await crypto.subtle.importKey('raw', sharedSecret, 'HKDF', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits(
    {
      name: 'HKDF',
      hash: 'SHA-256',
      salt: new Uint8Array(32),
      info: new TextEncoder().encode(`${SEAL_INFO}|${kid}`),
    },
    ikm,
    256,
  );
  return new Uint8Array(bits);
}
