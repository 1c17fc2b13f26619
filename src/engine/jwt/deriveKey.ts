// The key ladder: secret → HKDF-SHA-256(secret, salt, info) → content encryption key, as
// `getDerivedEncryptionKey` in `next-auth/jwt/index.js` and `@auth/core/jwt.js` (via `@panva/hkdf`),
// done with Web Crypto and cached as CryptoKeys (jose would re-import raw bytes on every call).
import { base64url, calculateJwkThumbprint } from 'jose'
import type { KeyView } from '../trace'
import { encodeUtf8, toHex } from './base64url'
import { CONTENT_ENCRYPTION, HKDF_HASH, JWT_CONSTANTS, hkdfInfo, type TokenFlavor } from './constants'
import { createLruCache } from './createLruCache'
import { jwtError } from './jwtErrors'
import { importCbcKeys, type CbcKeys } from './jweDirect'
import type { DeriveKeyParams, JwtSecret } from './types'

/** A derived key with the CryptoKeys its encryption needs, ready for reuse. */
export interface DerivedKey {
  view: KeyView
  raw: Uint8Array<ArrayBuffer>
  /** 32-byte keys: AES-256-GCM. */
  gcm?: CryptoKey
  /** 64-byte keys (A256CBC-HS512, RFC 7518 §5.2.2.1): MAC key = first half, AES-CBC key = second half. */
  cbc?: CbcKeys
  /** simplified-hs256: HMAC-SHA-256 over the raw secret. */
  hmac?: CryptoKey
}

/** How many (secret, salt, flavour, length) keys stay cached. */
export const KEY_CACHE_MAX_ENTRIES = 32

const cache = createLruCache<string, Promise<DerivedKey>>(KEY_CACHE_MAX_ENTRIES)
/** The same keys once derived, so a hit needs no await (the hot path of encode/decode). */
const ready = createLruCache<string, DerivedKey>(KEY_CACHE_MAX_ENTRIES)

/** Empties the key cache (tests; or after the learner clears every secret). */
export function clearKeyCache(): void {
  cache.clear()
  ready.clear()
  last = undefined
}

// What @panva/hkdf (both libraries' HKDF) throws for input it cannot use, kept as the cause.
const notBytes = (label: 'ikm' | 'salt') => new TypeError(`"${label}"" must be an instance of Uint8Array or a string`)

/**
 * The secrets in the order a flavour tries them; throws NO_SECRET when there is none. Auth.js's
 * decode loops over the list, so an empty list there is "no matching decryption secret" (`decoding`).
 */
export function secretList(secret: unknown, flavor: TokenFlavor, decoding = false): readonly unknown[] {
  if (Array.isArray(secret)) {
    // v4 has a single secret: @panva/hkdf rejects an array like any other non-string ikm.
    if (flavor === 'next-auth-v4') throw jwtError('NO_SECRET', 'next-auth v4 takes one secret string, not a list', { reason: 'array' }, notBytes('ikm'))
    if (secret.length === 0 && !(decoding && flavor === 'authjs')) throw jwtError('NO_SECRET', 'the secret list is empty', { reason: 'empty-list' }, notBytes('ikm'))
    return secret
  }
  return [secret]
}

/** One secret as HKDF input keying material; the cause is the TypeError the real HKDF throws. */
export function assertSecret(secret: unknown, index = 0): asserts secret is string {
  if (secret === undefined || secret === null) throw jwtError('NO_SECRET', 'no secret is configured', { reason: 'missing', index }, notBytes('ikm'))
  if (typeof secret !== 'string') throw jwtError('NO_SECRET', `the secret must be a string, got ${typeof secret}`, { reason: 'not-a-string', index }, notBytes('ikm'))
  if (secret.length === 0) throw jwtError('NO_SECRET', 'the secret is empty', { reason: 'empty', index }, new TypeError('"ikm" must be at least one byte in length'))
}

/** The HKDF salt a flavour uses: v4 defaults to `''`, Auth.js requires the cookie name. */
export function resolveSalt(salt: unknown, flavor: TokenFlavor): string {
  if (flavor === 'simplified-hs256') return ''
  if (salt === undefined && flavor === 'next-auth-v4') return JWT_CONSTANTS['next-auth-v4'].defaultSalt
  if ((salt === undefined || salt === null) && flavor === 'authjs')
    throw jwtError('JWT_INVALID_KEY', 'Auth.js derives the key with the session cookie name as salt, and none was given', { reason: 'salt-missing' }, notBytes('salt'))
  if (typeof salt !== 'string') throw jwtError('JWT_INVALID_KEY', `the salt must be a string, got ${salt === null ? 'null' : typeof salt}`, { reason: 'salt-not-a-string' }, notBytes('salt'))
  return salt
}

/** Key length for a content encryption; Auth.js throws this same message for anything else. */
export function keyBytesFor(enc: unknown): number {
  if (enc === 'A256CBC-HS512' || enc === 'A256GCM') return CONTENT_ENCRYPTION[enc].keyBytes
  const message = 'Unsupported JWT Content Encryption Algorithm'
  throw jwtError('JWT_UNSUPPORTED_ALG', message, { enc: typeof enc === 'string' ? enc : null }, new Error(message))
}

async function hkdf(secret: string, salt: string, info: string, lengthBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  const ikm = await crypto.subtle.importKey('raw', encodeUtf8(secret), 'HKDF', false, ['deriveBits'])
  const bits = await crypto.subtle.deriveBits({ name: 'HKDF', hash: HKDF_HASH, salt: encodeUtf8(salt), info: encodeUtf8(info) }, ikm, lengthBytes * 8)
  return new Uint8Array(bits)
}

async function createDerivedKey(flavor: TokenFlavor, secret: string, salt: string, lengthBytes: number): Promise<DerivedKey> {
  if (flavor === 'simplified-hs256') {
    const raw = encodeUtf8(secret)
    const hmac = await crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify'])
    return { raw, hmac, view: { hash: 'none', salt: '', info: '', lengthBytes: raw.length, keyHex: toHex(raw) } }
  }
  const info = hkdfInfo(flavor, salt)
  const raw = await hkdf(secret, salt, info, lengthBytes)
  const view: KeyView = { hash: HKDF_HASH, salt, info, lengthBytes, keyHex: toHex(raw) }
  if (flavor === 'authjs') view.kid = await calculateJwkThumbprint({ kty: 'oct', k: base64url.encode(raw) }, `sha${lengthBytes << 3}` as 'sha256' | 'sha512')
  const key: DerivedKey = { raw, view }
  if (lengthBytes === 32) key.gcm = await crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt'])
  if (lengthBytes === 64) key.cbc = await importCbcKeys(raw)
  return key
}

// The salt's length makes the id unambiguous whatever characters the salt and secret hold.
const cacheId = (flavor: TokenFlavor, secret: string, salt: string, lengthBytes: number) => `${flavor}:${lengthBytes}:${salt.length}:${salt}:${secret}`

/** The last key handed out: a session flow uses one key over and over. */
let last: { flavor: TokenFlavor; secret: string; salt: string; lengthBytes: number; key: DerivedKey } | undefined

/** A derived key already in the cache, or undefined. */
export function getReadyKey(flavor: TokenFlavor, secret: string, salt: string, lengthBytes: number): DerivedKey | undefined {
  if (last && last.secret === secret && last.salt === salt && last.flavor === flavor && last.lengthBytes === lengthBytes) return last.key
  const key = ready.get(cacheId(flavor, secret, salt, lengthBytes))
  if (key) last = { flavor, secret, salt, lengthBytes, key }
  return key
}

/** The derived key for one validated secret and salt, from the cache when possible. */
export function getDerivedKey(flavor: TokenFlavor, secret: string, salt: string, lengthBytes: number): Promise<DerivedKey> {
  const id = cacheId(flavor, secret, salt, lengthBytes)
  const cached = cache.get(id)
  if (cached) return cached
  const pending = createDerivedKey(flavor, secret, salt, lengthBytes)
  cache.set(id, pending)
  pending.then(
    (key) => ready.set(id, key),
    () => cache.delete(id),
  )
  return pending
}

/** The key length a flavour derives by default (the one it encodes with). */
export function defaultKeyBytes(flavor: TokenFlavor, secret: string): number {
  if (flavor === 'next-auth-v4') return JWT_CONSTANTS['next-auth-v4'].keyBytes
  if (flavor === 'authjs') return JWT_CONSTANTS.authjs.keyBytes
  return encodeUtf8(secret).length
}

/**
 * The teaching view of key derivation: HKDF inputs, the derived key as hex, and the Auth.js `kid`.
 * For Auth.js with several secrets this is the first one's key (the one `encode` uses).
 * @example await deriveKey({ secret: 's3cr3t', flavor: 'next-auth-v4' }) // { hash: 'SHA-256', salt: '', info: 'NextAuth.js Generated Encryption Key', lengthBytes: 32, keyHex: '92d1e625…' }
 */
export async function deriveKey(params: DeriveKeyParams): Promise<KeyView> {
  const { secret: secrets, salt: saltIn, enc } = params ?? ({} as Partial<DeriveKeyParams>)
  const flavor = assertFlavor(params?.flavor)
  const secret = secretList(secrets, flavor)[0]
  assertSecret(secret)
  const salt = resolveSalt(saltIn, flavor)
  // v4 derives 32 bytes whatever the token says; Auth.js picks the length by `enc`.
  const lengthBytes = flavor === 'authjs' && enc !== undefined ? keyBytesFor(enc) : defaultKeyBytes(flavor, secret)
  const { view } = await getDerivedKey(flavor, secret, salt, lengthBytes)
  return { ...view }
}

/** The flavour, defaulting to v4; an unknown flavour is a caller bug. */
export function assertFlavor(flavor: unknown): TokenFlavor {
  if (flavor === undefined) return 'next-auth-v4'
  if (flavor === 'next-auth-v4' || flavor === 'authjs' || flavor === 'simplified-hs256') return flavor
  throw new TypeError(`unknown token flavor ${String(flavor)}`)
}

export type { JwtSecret }
