// Sealing outbox entries to the server ([K3]): at unlock the page makes an ECDH P-256 key pair,
// agrees a key with the server's published key (WebCrypto, asynchronous, outside any transaction)
// and keeps only the derived AES key and its public half in memory. Each outbox write then seals
// its mutation synchronously inside the write transaction (fresh IV), so the locked service worker
// can push it without the data key ([K5]).
import { gcm } from '@noble/ciphers/aes.js';
import {
  SEAL_VERSION,
  fromBase64url,
  sealAdditionalData,
  sealKeyBytes,
  toBase64url,
  type SealKey,
  type SealedEnvelope,
} from '../../shared/sync/sealed-envelope';
import type { Mutation } from '../../shared/sync/protocol';
import { onKeyChange } from './keyring';

interface SealSession {
  kid: string;
  epk: string;
  key: Uint8Array;
}

const sessions = new Map<string, SealSession>();
const ECDH = { name: 'ECDH', namedCurve: 'P-256' } as const;

export async function startSealSession(dbName: string, serverKey: SealKey): Promise<void> {
  if (sessions.get(dbName)?.kid === serverKey.kid) return;
  const server = await crypto.subtle.importKey(
    'raw',
    fromBase64url(serverKey.publicKey),
    ECDH,
    false,
    [],
  );
  const pair = (await crypto.subtle.generateKey(ECDH, true, ['deriveBits'])) as CryptoKeyPair;
  const secret = await crypto.subtle.deriveBits(
    { name: 'ECDH', public: server },
    pair.privateKey,
    256,
  );
  const epk = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  sessions.set(dbName, {
    kid: serverKey.kid,
    epk: toBase64url(epk),
    key: await sealKeyBytes(secret, serverKey.kid),
  });
}

export function endSealSession(dbName: string): void {
  sessions.get(dbName)?.key.fill(0);
  sessions.delete(dbName);
}

/** The mutation sealed to the server, or undefined before the server's key is known. */
export function sealMutation(dbName: string, mutation: Mutation): SealedEnvelope | undefined {
  const session = sessions.get(dbName);
  if (!session) return undefined;
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ct = gcm(session.key, iv, sealAdditionalData(mutation.id)).encrypt(
    new TextEncoder().encode(JSON.stringify(mutation)),
  );
  return {
    v: SEAL_VERSION,
    kid: session.kid,
    epk: session.epk,
    iv: toBase64url(iv),
    ct: toBase64url(ct),
  };
}

// The seal session's key lives no longer than the data key.
onKeyChange((dbName, unlocked) => {
  if (!unlocked) endSealSession(dbName);
});
