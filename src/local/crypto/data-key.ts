// The data key and its two wraps ([K2]), all through WebCrypto: a random 256-bit key per user
// database, wrapped with AES-GCM under (a) a PBKDF2-SHA-256 key from the PIN or passphrase and
// (b) an HKDF key from the user's recovery secret (handed out only on a password sign-in). The
// GCM tag tells a wrong PIN from a right one; nothing else about the PIN is stored.

/** OWASP's 2023 figure for PBKDF2-HMAC-SHA-256. */
export const PIN_ITERATIONS = 600_000;
const SALT_BYTES = 16;
const IV_BYTES = 12;

export interface PinWrap {
  kind: 'pin' | 'passphrase';
  salt: Uint8Array;
  iterations: number;
  iv: Uint8Array;
  wrapped: Uint8Array;
}

export interface RecoveryWrap {
  iv: Uint8Array;
  wrapped: Uint8Array;
}

type Bytes = Uint8Array<ArrayBuffer>;
const bytes = (data: Uint8Array): Bytes => new Uint8Array(data) as Bytes;
const text = (value: string): Bytes => new TextEncoder().encode(value) as Bytes;

export function newDataKey(): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(32));
}

export async function pinKey(
  pin: string,
  salt: Uint8Array,
  iterations: number,
): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey(
    'raw',
    text(pin.normalize('NFC')),
    'PBKDF2',
    false,
    ['deriveKey'],
  );
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: bytes(salt), iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

async function recoveryKey(secret: string, userId: string): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', text(secret), 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: text(userId), info: text('feldakte-recovery-v1') },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

async function wrap(key: CryptoKey, dataKey: Uint8Array, label: string) {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const wrapped = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: text(label) },
    key,
    bytes(dataKey),
  );
  return { iv, wrapped: new Uint8Array(wrapped) };
}

/** null: the tag did not verify (wrong PIN, another user's secret, a changed wrap). */
async function unwrap(
  key: CryptoKey,
  entry: { iv: Uint8Array; wrapped: Uint8Array },
  label: string,
) {
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: bytes(entry.iv), additionalData: text(label) },
      key,
      bytes(entry.wrapped),
    );
    return new Uint8Array(plain);
  } catch {
    return null;
  }
}

export async function wrapWithPin(
  dataKey: Uint8Array,
  pin: string,
  kind: PinWrap['kind'],
  iterations = PIN_ITERATIONS,
): Promise<PinWrap> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const key = await pinKey(pin, salt, iterations);
  return { kind, salt, iterations, ...(await wrap(key, dataKey, 'feldakte-data-key|pin')) };
}

export async function unwrapWithPin(entry: PinWrap, pin: string): Promise<Uint8Array | null> {
  const key = await pinKey(pin, entry.salt, entry.iterations);
  return unwrap(key, entry, 'feldakte-data-key|pin');
}

export async function wrapWithRecovery(
  dataKey: Uint8Array,
  secret: string,
  userId: string,
): Promise<RecoveryWrap> {
  return wrap(await recoveryKey(secret, userId), dataKey, 'feldakte-data-key|recovery');
}

export async function unwrapWithRecovery(
  entry: RecoveryWrap,
  secret: string,
  userId: string,
): Promise<Uint8Array | null> {
  return unwrap(await recoveryKey(secret, userId), entry, 'feldakte-data-key|recovery');
}

/** A PIN of at least 6 digits, or a passphrase of at least 8 characters; null when acceptable. */
export function pinProblem(pin: string): 'tooShort' | 'tooSimple' | 'passphraseTooShort' | null {
  if (/^\d+$/.test(pin)) {
    if (pin.length < 6) return 'tooShort';
    const same = /^(\d)\1+$/.test(pin);
    const digits = [...pin].map(Number);
    const step = digits[1]! - digits[0]!;
    const sequence =
      Math.abs(step) === 1 && digits.every((d, i) => i === 0 || d - digits[i - 1]! === step);
    return same || sequence ? 'tooSimple' : null;
  }
  return [...pin].length < 8 ? 'passphraseTooShort' : null;
}

/**
 * [K10] The data key wrapped by the phone's hardware: a key from the WebAuthn PRF output of a
 * platform authenticator (HKDF-SHA-256), which only that authenticator gives, after the THM's
 * fingerprint or face. `credentialId` names the credential; `salt` is the PRF input.
 */
export interface HardwareWrap {
  credentialId: Uint8Array;
  salt: Uint8Array;
  iv: Uint8Array;
  wrapped: Uint8Array;
}

async function hardwareKey(prfOutput: Uint8Array): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', bytes(prfOutput), 'HKDF', false, [
    'deriveKey',
  ]);
  return crypto.subtle.deriveKey(
    {
      name: 'HKDF',
      hash: 'SHA-256',
      salt: new Uint8Array(0),
      info: text('feldakte-hardware-v1'),
    },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

export async function wrapWithHardware(
  dataKey: Uint8Array,
  prfOutput: Uint8Array,
  credentialId: Uint8Array,
  salt: Uint8Array,
): Promise<HardwareWrap> {
  const sealed = await wrap(await hardwareKey(prfOutput), dataKey, 'feldakte-data-key|hardware');
  return { credentialId, salt, ...sealed };
}

export async function unwrapWithHardware(
  entry: HardwareWrap,
  prfOutput: Uint8Array,
): Promise<Uint8Array | null> {
  return unwrap(await hardwareKey(prfOutput), entry, 'feldakte-data-key|hardware');
}
