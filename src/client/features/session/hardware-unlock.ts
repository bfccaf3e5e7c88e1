// [K10] Unlock bound to the phone's hardware: a WebAuthn credential of the phone's platform
// authenticator (fingerprint or face) with the PRF extension. Its PRF output for a random salt is
// a secret only that authenticator gives, after the THM's finger or face; it wraps the data key
// (local/crypto/vault.ts). Nothing of it goes to the server: the credential is made and used on
// the phone alone, and its name names no one.
import { keyFiles } from '../../../local/crypto/key-file';

type Bytes = Uint8Array<ArrayBuffer>;
const random = (length: number): Bytes => crypto.getRandomValues(new Uint8Array(length));

interface PrfOutputs {
  prf?: { enabled?: boolean; results?: { first?: BufferSource } };
}

/** A platform authenticator that verifies the user is there (the PRF check comes at set-up). */
export async function hardwareUnlockAvailable(): Promise<boolean> {
  if (!keyFiles() || typeof PublicKeyCredential === 'undefined') return false;
  return PublicKeyCredential.isUserVerifyingPlatformAuthenticatorAvailable().catch(() => false);
}

function prfResult(credential: PublicKeyCredential): Uint8Array | null {
  const first = (credential.getClientExtensionResults() as PrfOutputs).prf?.results?.first;
  if (!first) return null;
  return first instanceof ArrayBuffer
    ? new Uint8Array(first)
    : new Uint8Array(first.buffer, first.byteOffset, first.byteLength);
}

/** The authenticator's PRF output for `salt` with the credential; rejects when cancelled. */
export async function evaluateHardware(credentialId: Uint8Array, salt: Uint8Array) {
  const credential = (await navigator.credentials.get({
    publicKey: {
      challenge: random(32),
      allowCredentials: [
        { type: 'public-key', id: new Uint8Array(credentialId) as Bytes, transports: ['internal'] },
      ],
      userVerification: 'required',
      timeout: 60_000,
      extensions: { prf: { eval: { first: new Uint8Array(salt) as Bytes } } },
    } as PublicKeyCredentialRequestOptions,
  })) as PublicKeyCredential | null;
  const output = credential && prfResult(credential);
  if (!output) throw new Error('no PRF output');
  return output;
}

/**
 * Makes the credential and evaluates its PRF. 'unsupported': the authenticator has no PRF (the
 * PIN stays). Rejects when the THM cancelled or the browser refused.
 */
export async function createHardwareCredential(): Promise<
  { credentialId: Uint8Array; salt: Uint8Array; prfOutput: Uint8Array } | 'unsupported'
> {
  const salt = random(32);
  const credential = (await navigator.credentials.create({
    publicKey: {
      rp: { name: 'Feldakte' },
      // A random handle and a generic name: the phone's credential list shows "Feldakte".
      user: { id: random(16), name: 'Feldakte', displayName: 'Feldakte' },
      challenge: random(32),
      pubKeyCredParams: [
        { type: 'public-key', alg: -7 },
        { type: 'public-key', alg: -257 },
      ],
      authenticatorSelection: {
        authenticatorAttachment: 'platform',
        userVerification: 'required',
        residentKey: 'discouraged',
      },
      timeout: 60_000,
      extensions: { prf: { eval: { first: salt } } },
    } as PublicKeyCredentialCreationOptions,
  })) as PublicKeyCredential | null;
  if (!credential) return 'unsupported';
  const outputs = credential.getClientExtensionResults() as PrfOutputs;
  if (!outputs.prf?.enabled && !outputs.prf?.results) return 'unsupported';
  const credentialId = new Uint8Array(credential.rawId);
  // Some authenticators evaluate the PRF only when asked with get(), not at creation.
  const prfOutput = prfResult(credential) ?? (await evaluateHardware(credentialId, salt));
  return { credentialId, salt, prfOutput };
}
