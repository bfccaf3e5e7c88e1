// The server's side of the sealed outbox ([K3]-[K5]): its ECDH P-256 key pair (made on first use,
// kept in `seal_keys`, published at GET /api/session), and opening sealed push entries BEFORE the
// push is parsed and validated, so a sealed mutation meets exactly the same rules as a plain one.
import { randomBytes, webcrypto } from 'node:crypto';
import * as v from 'valibot';
import type { Queryable } from '../store/store';
import { HttpError, messages } from '../http/api-error';
import {
  fromBase64url,
  sealAdditionalData,
  sealedMutationSchema,
  sealKeyBytes,
  toBase64url,
  type SealKey,
} from '../../shared/sync/sealed-envelope';

const { subtle } = webcrypto;
const ECDH = { name: 'ECDH', namedCurve: 'P-256' } as const;

interface KeyPair {
  kid: string;
  privateKey: webcrypto.CryptoKey;
  publicKey: string;
}

/** Per store: its key pairs by kid, and derived AES keys by kid + device public key. */
const caches = new WeakMap<
  Queryable,
  { pairs: Map<string, Promise<KeyPair | undefined>>; current?: Promise<KeyPair> }
>();
const derived = new Map<string, Promise<webcrypto.CryptoKey>>();
const MAX_DERIVED = 1_000;

function cacheOf(db: Queryable) {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = { pairs: new Map() }));
  return cache;
}

/** The key the phones seal to: the newest; made (once, race-safe) when there is none. */
export async function currentSealKey(db: Queryable, now = new Date()): Promise<SealKey> {
  const cache = cacheOf(db);
  cache.current ??= loadOrCreate(db, now).catch((error: unknown) => {
    cache.current = undefined;
    throw error;
  });
  const pair = await cache.current;
  return { kid: pair.kid, publicKey: pair.publicKey };
}

async function loadOrCreate(db: Queryable, now: Date): Promise<KeyPair> {
  const newest = async () => {
    const [row] = await db.query<{ kid: string }>(
      'SELECT kid FROM seal_keys ORDER BY created_at DESC, kid LIMIT 1',
    );
    return row ? keyPair(db, row.kid) : undefined;
  };
  const existing = await newest();
  if (existing) return existing;
  const pair = await subtle.generateKey(ECDH, true, ['deriveBits']);
  await db.query(
    `INSERT INTO seal_keys (kid, private_jwk, public_jwk, created_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (kid) DO NOTHING`,
    [
      randomBytes(9).toString('base64url'),
      JSON.stringify(await subtle.exportKey('jwk', pair.privateKey)),
      JSON.stringify(await subtle.exportKey('jwk', pair.publicKey)),
      now.toISOString(),
    ],
  );
  // Two servers starting at once may both insert: every phone then uses the one read back here.
  return (await newest())!;
}

function keyPair(db: Queryable, kid: string): Promise<KeyPair | undefined> {
  const cache = cacheOf(db);
  let pair = cache.pairs.get(kid);
  if (!pair) {
    pair = (async () => {
      const [row] = await db.query<{ private_jwk: unknown; public_jwk: unknown }>(
        'SELECT private_jwk, public_jwk FROM seal_keys WHERE kid = $1',
        [kid],
      );
      if (!row) return undefined;
      const jwk = (value: unknown) =>
        (typeof value === 'string' ? JSON.parse(value) : value) as webcrypto.JsonWebKey;
      const privateKey = await subtle.importKey('jwk', jwk(row.private_jwk), ECDH, false, [
        'deriveBits',
      ]);
      const publicKey = await subtle.importKey('jwk', jwk(row.public_jwk), ECDH, true, []);
      const raw = new Uint8Array(await subtle.exportKey('raw', publicKey));
      return { kid, privateKey, publicKey: toBase64url(raw) };
    })();
    pair.catch(() => cache.pairs.delete(kid));
    cache.pairs.set(kid, pair);
  }
  return pair;
}

function refused(): HttpError {
  return new HttpError(400, 'invalid_sealed', messages.invalidSealed);
}

async function aesKey(db: Queryable, kid: string, epk: string): Promise<webcrypto.CryptoKey> {
  const cacheKey = `${kid}|${epk}`;
  let key = derived.get(cacheKey);
  if (!key) {
    key = (async () => {
      const pair = await keyPair(db, kid);
      if (!pair) throw refused();
      let devicePublic: webcrypto.CryptoKey;
      try {
        devicePublic = await subtle.importKey('raw', fromBase64url(epk), ECDH, false, []);
      } catch {
        throw refused();
      }
      const secret = await subtle.deriveBits(
        { name: 'ECDH', public: devicePublic },
        pair.privateKey,
        256,
      );
      const bytes = await sealKeyBytes(secret, kid);
      return subtle.importKey('raw', bytes as Uint8Array<ArrayBuffer>, 'AES-GCM', false, [
        'decrypt',
      ]);
    })();
    key.catch(() => derived.delete(cacheKey));
    if (derived.size >= MAX_DERIVED) derived.delete(derived.keys().next().value!);
    derived.set(cacheKey, key);
  }
  return key;
}

/**
 * A push body with every sealed entry replaced by the mutation it carries ([K4]). The opened
 * mutation must carry the envelope's id; a tampered envelope, an unknown key or a mismatch refuses
 * the whole push with 400 and stores nothing. Plain entries pass through unchanged.
 */
export async function openSealedPush(db: Queryable, body: unknown): Promise<unknown> {
  const mutations = (body as { mutations?: unknown } | null)?.mutations;
  if (!Array.isArray(mutations) || !mutations.some((m) => isObject(m) && 'sealed' in m)) {
    return body;
  }
  const opened = await Promise.all(
    mutations.map(async (entry: unknown) => {
      if (!isObject(entry) || !('sealed' in entry)) return entry;
      const parsed = v.safeParse(sealedMutationSchema, entry);
      if (!parsed.success) throw refused();
      const { id, sealed } = parsed.output;
      const key = await aesKey(db, sealed.kid, sealed.epk);
      let plain: ArrayBuffer;
      try {
        plain = await subtle.decrypt(
          {
            name: 'AES-GCM',
            iv: fromBase64url(sealed.iv),
            additionalData: sealAdditionalData(id) as Uint8Array<ArrayBuffer>,
          },
          key,
          fromBase64url(sealed.ct),
        );
      } catch {
        throw refused();
      }
      let mutation: unknown;
      try {
        mutation = JSON.parse(new TextDecoder().decode(plain));
      } catch {
        throw refused();
      }
      if (!isObject(mutation) || mutation.id !== id) throw refused();
      return mutation;
    }),
  );
  return { ...(body as object), mutations: opened };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
