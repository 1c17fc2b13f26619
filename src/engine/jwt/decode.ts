// Reading the session token back: `decode()` of `next-auth/jwt/index.js` (v4) and `@auth/core/jwt.js`
// (Auth.js, with secret rotation by `kid`), plus the simplified HS256 picture. The shapes the libraries
// produce take a fast path (jweDirect.ts); every other header goes through jose, as in the libraries.
//
// What we accept, per flavour:
// - next-auth-v4: like the real decode (jose with no algorithm allow-list and the 32-byte key): dir +
//   A256GCM, and whatever else jose 6 opens with that key: dir + A128CBC-HS256, A256KW, A256GCMKW,
//   zip "DEF", tokens without `exp` (they never expire). Deliberate differences: PBES2 is refused
//   (jose 6 needs an explicit allow-list for it; jose 4 in v4 would try it) and `false`/`0` as a token
//   are JWT_MALFORMED rather than `null`.
// - authjs: exactly the real allow-list: dir with A256CBC-HS512 or A256GCM; the key comes from the
//   first secret whose thumbprint equals `kid`, or the first secret when there is no `kid`.
// - simplified-hs256: HS256 only, verified with the raw secret (each secret of a list in turn).
import { compactDecrypt, compactVerify, type CompactJWEHeaderParameters } from 'jose'
import { decodeBase64url } from './base64url'
import { checkClaimTimes, isPlainObject, parseClaims, type Claims } from './claims'
import { JWT_CONSTANTS, type DirectEncryption, type TokenFlavor } from './constants'
import { defaultNowSec } from './defaults'
import { assertFlavor, assertSecret, getDerivedKey, getReadyKey, keyBytesFor, resolveSalt, secretList, type DerivedKey } from './deriveKey'
import { fromDecodeError, jwtError, malformed } from './jwtErrors'
import { decryptDirect } from './jweDirect'
import type { DecodeParams, DecodeResult } from './types'
import type { EngineErrorDetails } from '../errors'

const headerDecoder = new TextDecoder()
const V4 = JWT_CONSTANTS['next-auth-v4']

/** The protected header as jose reads it: base64url → UTF-8 → JSON object, else "Protected Header is invalid". */
function parseHeader(segment: string, kind: 'JWE' | 'JWS'): Record<string, unknown> {
  if (segment === V4.headerSegment) return { alg: V4.alg, enc: V4.enc }
  let header: unknown
  try {
    header = JSON.parse(headerDecoder.decode(decodeBase64url(segment)))
  } catch (cause) {
    throw malformed('header', `${kind} Protected Header is invalid`, cause)
  }
  if (!isPlainObject(header)) throw malformed('header', `${kind} Protected Header is invalid`)
  return header
}

/** The header shapes the libraries write: only alg/enc/kid, `dir`, an encryption we do by hand. */
function directEncryptionOf(header: Record<string, unknown>, allowed: readonly DirectEncryption[]): DirectEncryption | undefined {
  if (header.alg !== 'dir' || !allowed.includes(header.enc as DirectEncryption)) return undefined
  for (const name in header) if (name !== 'alg' && name !== 'enc' && name !== 'kid') return undefined
  return header.enc as DirectEncryption
}

function contextOf(flavor: TokenFlavor, header?: Record<string, unknown>): EngineErrorDetails {
  const details: EngineErrorDetails = { flavor }
  for (const name of ['alg', 'enc', 'kid'] as const) if (typeof header?.[name] === 'string') details[name] = header[name] as string
  return details
}

function splitCompact(token: string, count: 5 | 3): string[] {
  const parts = token.split('.')
  if (parts.length !== count) throw malformed('token', count === 5 ? 'Invalid Compact JWE' : 'Invalid Compact JWS', undefined, { segments: parts.length, expectedSegments: count })
  return parts
}

interface Opened {
  header: Record<string, unknown>
  plaintext: Uint8Array
  key: DerivedKey
}

async function openV4(token: string, secrets: unknown, saltIn: unknown): Promise<Opened> {
  // v4 derives its one key before it looks at the token.
  const secret = secretList(secrets, 'next-auth-v4')[0]
  assertSecret(secret)
  const salt = resolveSalt(saltIn, 'next-auth-v4')
  const keyBytes = JWT_CONSTANTS['next-auth-v4'].keyBytes
  const key = getReadyKey('next-auth-v4', secret, salt, keyBytes) ?? (await getDerivedKey('next-auth-v4', secret, salt, keyBytes))
  const [headerSegment, encryptedKey, iv, ciphertext, tag] = splitCompact(token, 5) as [string, string, string, string, string]
  const header = parseHeader(headerSegment, 'JWE')
  try {
    const enc = encryptedKey === '' ? directEncryptionOf(header, ['A256GCM']) : undefined
    if (enc) return { header, key, plaintext: await decryptDirect(enc, key, headerSegment, { iv, ciphertext, tag }) }
    const { plaintext } = await compactDecrypt(token, key.raw)
    return { header, key, plaintext }
  } catch (error) {
    throw fromDecodeError(error, contextOf('next-auth-v4', header))
  }
}

async function openAuthjs(token: string, secretsIn: unknown, saltIn: unknown): Promise<Opened> {
  const secrets = secretList(secretsIn, 'authjs')
  const [headerSegment, encryptedKey, iv, ciphertext, tag] = splitCompact(token, 5) as [string, string, string, string, string]
  const header = parseHeader(headerSegment, 'JWE')
  let opened: DerivedKey | undefined
  // The key resolver of `@auth/core/jwt.js`: each secret in order; no kid → the first secret's key.
  const resolve = async ({ kid, enc }: { kid?: unknown; enc?: unknown }): Promise<DerivedKey> => {
    const lengthBytes = keyBytesFor(enc)
    for (const [index, secret] of secrets.entries()) {
      assertSecret(secret, index)
      const salt = resolveSalt(saltIn, 'authjs')
      const key = getReadyKey('authjs', secret, salt, lengthBytes) ?? (await getDerivedKey('authjs', secret, salt, lengthBytes))
      if (kid === undefined || kid === key.view.kid) return (opened = key)
    }
    throw jwtError('JWT_NO_MATCHING_SECRET', 'no matching decryption secret', { kid: typeof kid === 'string' ? kid : null, enc: String(enc), secretsTried: secrets.length }, new Error('no matching decryption secret'))
  }
  try {
    const enc = encryptedKey === '' ? directEncryptionOf(header, ['A256CBC-HS512', 'A256GCM']) : undefined
    if (enc) {
      const key = await resolve(header)
      return { header, key, plaintext: await decryptDirect(enc, key, headerSegment, { iv, ciphertext, tag }) }
    }
    const { plaintext } = await compactDecrypt(token, async (h: CompactJWEHeaderParameters) => (await resolve(h)).raw, {
      keyManagementAlgorithms: [JWT_CONSTANTS.authjs.alg],
      contentEncryptionAlgorithms: [JWT_CONSTANTS.authjs.enc, ...JWT_CONSTANTS.authjs.alsoDecodes],
    })
    return { header, key: opened!, plaintext }
  } catch (error) {
    throw fromDecodeError(error, contextOf('authjs', header))
  }
}

async function openSimplified(token: string, secretsIn: unknown): Promise<Opened> {
  const secrets = secretList(secretsIn, 'simplified-hs256')
  const [headerSegment] = splitCompact(token, 3) as [string]
  const header = parseHeader(headerSegment, 'JWS')
  let lastError: unknown
  for (const [index, secret] of secrets.entries()) {
    assertSecret(secret, index)
    const key = await getDerivedKey('simplified-hs256', secret, '', new TextEncoder().encode(secret).length)
    try {
      const { payload } = await compactVerify(token, key.hmac!, { algorithms: [JWT_CONSTANTS['simplified-hs256'].alg] })
      return { header, key, plaintext: payload }
    } catch (error) {
      lastError = error
      if ((error as { code?: unknown }).code !== 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED') break
    }
  }
  throw fromDecodeError(lastError, contextOf('simplified-hs256', header))
}

async function decodeInternal(params: DecodeParams): Promise<DecodeResult | null> {
  const { token, secret, salt, nowSec = defaultNowSec() } = params ?? ({} as DecodeParams)
  const flavor = assertFlavor(params?.flavor)
  if (typeof nowSec !== 'number' || !Number.isFinite(nowSec)) throw new TypeError(`nowSec must be a finite number, got ${String(nowSec)}`)
  if (token === '' || token === null || token === undefined) return null
  if (typeof token !== 'string') throw malformed('token', `the token must be a string, got ${typeof token}`, undefined, { reason: 'not-a-string' })
  try {
    const { header, plaintext, key } = flavor === 'next-auth-v4' ? await openV4(token, secret, salt) : flavor === 'authjs' ? await openAuthjs(token, secret, salt) : await openSimplified(token, secret)
    const claims: Claims = parseClaims(plaintext, flavor)
    checkClaimTimes(claims, nowSec)
    return { header, claims, key: { ...key.view } }
  } catch (error) {
    throw fromDecodeError(error, { flavor })
  }
}

/**
 * Decodes a session token as the chosen library does: decrypt (or verify), then check `exp`/`nbf`
 * with 15 s of tolerance. `''`/`null`/`undefined` give `null`; every failure is an EngineError.
 * @example const claims = await decode({ token: cookieValue, secret: 's3cr3t', nowSec: clock.nowSec() })
 */
export async function decode(params: DecodeParams): Promise<Claims | null> {
  return (await decodeInternal(params))?.claims ?? null
}

/** Like `decode`, and also returns the protected header and the key that opened the token. */
export async function decodeDetailed(params: DecodeParams): Promise<DecodeResult | null> {
  return decodeInternal(params)
}

