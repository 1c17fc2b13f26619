// Reading the session token back: `decode()` of `next-auth/jwt/index.js` (v4) and `@auth/core/jwt.js`
// (Auth.js, with secret rotation by `kid`), plus the simplified HS256 picture. Decryption follows each
// library's own jose: decryptV4.ts (jose 4 on Node) and decryptAuthjs.ts (jose 6); then the claims
// checks of `jwtDecrypt`, so every failure carries the error the real library throws as its cause.
//
// What we accept, per flavour:
// - next-auth-v4: what the real decode accepts (no algorithm allow-list, the 32-byte key): dir with
//   A256GCM or A128CBC-HS256, A256KW, A256GCMKW, PBES2 (p2c up to 10 000), zip "DEF", any extra
//   header members, leniently encoded segments, tokens without `exp` (they never expire). Deliberate
//   difference: `false`, `0` and `NaN` as a token are JWT_MALFORMED rather than `null`.
// - authjs: exactly the real allow-list: dir with A256CBC-HS512 or A256GCM; the key comes from the
//   first secret whose thumbprint equals `kid`, or the first secret when there is no `kid`.
// - simplified-hs256: HS256 only, verified with the raw secret (each secret of a list in turn), as
//   jose's `jwtVerify` would (which has no header-claims check).
import { compactVerify, errors } from 'jose'
import { checkClaimTimes, checkReplicatedClaims, parseClaims, type Claims } from './claims'
import { JWT_CONSTANTS, type TokenFlavor } from './constants'
import { defaultNowSec } from './defaults'
import { assertFlavor, assertSecret, getDerivedKey, getReadyKey, keyBytesFor, resolveSalt, secretList, type DerivedKey } from './deriveKey'
import { decryptAuthjs } from './decryptAuthjs'
import { decryptV4, parseLenientHeader } from './decryptV4'
import { fromDecodeError, jwtError, malformed } from './jwtErrors'
import type { DecodeParams, DecodeResult } from './types'
import type { EngineErrorDetails } from '../errors'

const V4 = JWT_CONSTANTS['next-auth-v4']
const utf8 = new TextDecoder()

function contextOf(flavor: TokenFlavor, header?: Record<string, unknown>): EngineErrorDetails {
  const details: EngineErrorDetails = { flavor }
  for (const name of ['alg', 'enc', 'kid'] as const) if (typeof header?.[name] === 'string') details[name] = header[name] as string
  return details
}

/** The header of a token that failed to open, for the error's details only; never throws. */
function peekHeader(token: string): Record<string, unknown> | undefined {
  try {
    const header = parseLenientHeader(token.slice(0, Math.max(0, token.indexOf('.'))))
    return typeof header === 'object' && header !== null ? (header as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}

/**
 * The token as jose takes it: a Uint8Array is read as UTF-8 text; anything else that is not a
 * string is jose's "must be a string or Uint8Array".
 */
function asCompact(token: unknown, kind: 'JWE' | 'JWS'): string {
  if (typeof token === 'string') return token
  if (token instanceof Uint8Array) return utf8.decode(token)
  const cause = kind === 'JWE' ? new errors.JWEInvalid('Compact JWE must be a string or Uint8Array') : new errors.JWSInvalid('Compact JWS must be a string or Uint8Array')
  throw malformed('token', cause, { reason: 'not-a-string', got: typeof token })
}

interface Opened {
  header: Record<string, unknown>
  plaintext: Uint8Array
  key: DerivedKey
}

async function openV4(token: unknown, secrets: unknown, saltIn: unknown): Promise<Opened> {
  // v4 derives its one key before it looks at the token.
  const secret = secretList(secrets, 'next-auth-v4')[0]
  assertSecret(secret)
  const salt = resolveSalt(saltIn, 'next-auth-v4')
  const key = getReadyKey('next-auth-v4', secret, salt, V4.keyBytes) ?? (await getDerivedKey('next-auth-v4', secret, salt, V4.keyBytes))
  const compact = asCompact(token, 'JWE')
  try {
    return { ...(await decryptV4(compact, key)), key }
  } catch (error) {
    throw fromDecodeError(error, contextOf('next-auth-v4', peekHeader(compact)))
  }
}

async function openAuthjs(token: unknown, secretsIn: unknown, saltIn: unknown): Promise<Opened> {
  const compact = asCompact(token, 'JWE')
  const secrets = secretList(secretsIn, 'authjs', true)
  // The key resolver of `@auth/core/jwt.js`: each secret in order; no kid → the first secret's key.
  const resolve = async ({ kid, enc }: { kid?: unknown; enc?: unknown }): Promise<DerivedKey> => {
    const lengthBytes = keyBytesFor(enc)
    for (const [index, secret] of secrets.entries()) {
      assertSecret(secret, index)
      const salt = resolveSalt(saltIn, 'authjs')
      const key = getReadyKey('authjs', secret, salt, lengthBytes) ?? (await getDerivedKey('authjs', secret, salt, lengthBytes))
      if (kid === undefined || kid === key.view.kid) return key
    }
    const message = 'no matching decryption secret'
    throw jwtError('JWT_NO_MATCHING_SECRET', message, { kid: typeof kid === 'string' ? kid : null, enc: String(enc), secretsTried: secrets.length }, new Error(message))
  }
  try {
    return await decryptAuthjs(compact, resolve)
  } catch (error) {
    throw fromDecodeError(error, contextOf('authjs', peekHeader(compact)))
  }
}

async function openSimplified(token: unknown, secretsIn: unknown): Promise<Opened> {
  const secrets = secretList(secretsIn, 'simplified-hs256')
  const compact = asCompact(token, 'JWS')
  let lastError: unknown
  for (const [index, secret] of secrets.entries()) {
    assertSecret(secret, index)
    const key = await getDerivedKey('simplified-hs256', secret, '', new TextEncoder().encode(secret).length)
    try {
      const { payload, protectedHeader } = await compactVerify(compact, key.hmac!, { algorithms: [JWT_CONSTANTS['simplified-hs256'].alg] })
      return { header: { ...protectedHeader }, key, plaintext: payload }
    } catch (error) {
      lastError = error
      if ((error as { code?: unknown }).code !== 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED') break
    }
  }
  throw fromDecodeError(lastError, contextOf('simplified-hs256', peekHeader(compact)))
}

async function decodeInternal(params: DecodeParams): Promise<DecodeResult | null> {
  const { token, secret, salt, nowSec = defaultNowSec() } = params ?? ({} as DecodeParams)
  const flavor = assertFlavor(params?.flavor)
  if (typeof nowSec !== 'number' || !Number.isFinite(nowSec)) throw new TypeError(`nowSec must be a finite number, got ${String(nowSec)}`)
  if (token === '' || token === null || token === undefined) return null
  // Deliberate difference: the libraries return null for any falsy token; a learner's `false` or `0` is a mistake worth naming.
  if (!token) asCompact(token, flavor === 'simplified-hs256' ? 'JWS' : 'JWE')
  try {
    const { header, plaintext, key } = flavor === 'next-auth-v4' ? await openV4(token, secret, salt) : flavor === 'authjs' ? await openAuthjs(token, secret, salt) : await openSimplified(token, secret)
    const claims: Claims = parseClaims(plaintext, flavor)
    checkClaimTimes(claims, nowSec)
    // jwtDecrypt's last step; jwtVerify (the simplified picture) has none.
    if (flavor !== 'simplified-hs256') checkReplicatedClaims(header, claims)
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
