// The claims set: how `encode` sets iat/exp/jti over the token (jose's `ProduceJWT` in v4,
// `JWTClaimsBuilder` in Auth.js) and how decode checks it (jose's `lib/jwt_claims_set.js`, both versions).
import { errors } from 'jose'
import { jwtError } from './jwtErrors'
import { CLOCK_TOLERANCE_SEC, type TokenFlavor } from './constants'

export type Claims = Record<string, unknown>

/** jose's `isObject`: a plain object (prototype `Object.prototype` or null), not an array, Date, Map… */
export function isPlainObject(value: unknown): value is Claims {
  if (typeof value !== 'object' || value === null || Object.prototype.toString.call(value) !== '[object Object]') return false
  const proto = Object.getPrototypeOf(value)
  return proto === null || Object.getPrototypeOf(proto) === null
}

/**
 * The claims `encode` serialises: the token's own claims in their order, then `iat`, `exp`, `jti`
 * (overwritten in place when present, appended in that order when not). `exp` is absolute:
 * `(now | 0) + maxAge`, with the libraries' own `| 0` truncation of the clock.
 */
export function buildClaims(token: unknown, flavor: TokenFlavor, nowSec: number, maxAgeSec: unknown, jti: string): Claims {
  const source = token === undefined ? {} : token
  if (!readsAsPlainObject(source)) throw jwtError('JWT_CLAIMS_INVALID', 'JWT Claims Set MUST be an object', { claim: null, reason: 'payload-not-object', got: describe(source) }, new TypeError('JWT Claims Set MUST be an object'))
  // Deliberate difference: the libraries concatenate a string maxAge onto the clock; we refuse it.
  if (typeof maxAgeSec !== 'number') throw jwtError('JWT_CLAIMS_INVALID', `maxAge must be a number of seconds, got ${describe(maxAgeSec)}`, { claim: 'exp', reason: 'maxAge-not-a-number' })
  let claims: Claims
  if (flavor === 'authjs') {
    // jose 6 copies the payload with structuredClone, so a function inside it throws (v4 just drops it).
    try {
      claims = structuredClone(source)
    } catch (cause) {
      throw jwtError('JWT_CLAIMS_INVALID', 'the token could not be copied (structuredClone): it holds a function or another non-cloneable value', { claim: null, reason: 'not-cloneable' }, cause)
    }
  } else {
    // jose 4 copies it with a spread, which runs getters: a throwing one is the learner's error.
    try {
      claims = { ...source }
    } catch (cause) {
      throw unreadable(cause)
    }
  }
  claims.iat = nowSec
  claims.exp = (nowSec | 0) + maxAgeSec
  claims.jti = jti
  if (flavor === 'authjs') {
    // jose 6 refuses non-finite numeric dates (v4's jose 4 writes them as null).
    for (const claim of ['iat', 'nbf', 'exp'] as const) {
      const value = claims[claim]
      if (typeof value === 'number' && !Number.isFinite(value)) throw jwtError('JWT_CLAIMS_INVALID', `"${claim}" claim must be a finite number`, { claim, reason: 'not-finite' }, new TypeError(`"${claim}" claim must be a finite number`))
    }
  }
  return claims
}

const unreadable = (cause: unknown) =>
  jwtError('JWT_CLAIMS_INVALID', `the token could not be read: ${cause instanceof Error ? cause.message : String(cause)}`, { claim: null, reason: 'not-readable' }, cause)

/** isPlainObject for a value the learner made: a Proxy whose traps throw is unreadable, not our bug. */
function readsAsPlainObject(value: unknown): value is Claims {
  try {
    return isPlainObject(value)
  } catch (cause) {
    throw unreadable(cause)
  }
}

/** JSON.stringify as jose does; a BigInt or a cycle is the learner's, so it becomes a coded error. */
export function serializeClaims(claims: Claims): string {
  try {
    return JSON.stringify(claims)
  } catch (cause) {
    throw jwtError('JWT_CLAIMS_INVALID', 'the token cannot be written as JSON (a BigInt or a circular reference)', { claim: null, reason: 'not-serializable' }, cause)
  }
}

const lenientDecoder = new TextDecoder()
const strictDecoder = new TextDecoder('utf-8', { fatal: true })

/** Decrypted bytes → claims object. jose 4 (v4) decodes UTF-8 leniently, jose 6 strictly. */
export function parseClaims(plaintext: Uint8Array, flavor: TokenFlavor): Claims {
  let claims: unknown
  try {
    claims = JSON.parse((flavor === 'next-auth-v4' ? lenientDecoder : strictDecoder).decode(plaintext))
  } catch (cause) {
    throw jwtError('JWT_CLAIMS_INVALID', 'JWT Claims Set must be a top-level JSON object', { claim: null, reason: 'payload-not-json' }, new errors.JWTInvalid('JWT Claims Set must be a top-level JSON object', { cause }))
  }
  if (!isPlainObject(claims)) throw jwtError('JWT_CLAIMS_INVALID', 'JWT Claims Set must be a top-level JSON object', { claim: null, reason: 'payload-not-object' }, new errors.JWTInvalid('JWT Claims Set must be a top-level JSON object'))
  return claims
}

/**
 * jose's time checks with `clockTolerance: 15`, in jose's order: iat must be a number (no other iat
 * check: neither library sets `maxTokenAge`), nbf must not be after now + 15, exp must be after now − 15.
 * The cause is the jose error the real library would throw.
 */
export function checkClaimTimes(claims: Claims, nowSec: number): void {
  const now = Math.floor(nowSec)
  const tolerance = CLOCK_TOLERANCE_SEC
  const notANumber = (claim: string) => {
    const message = `"${claim}" claim must be a number`
    return jwtError('JWT_CLAIMS_INVALID', message, { claim, reason: 'not-a-number', got: describe(claims[claim]) }, new errors.JWTClaimValidationFailed(message, claims, claim, 'invalid'))
  }
  if (claims.iat !== undefined && typeof claims.iat !== 'number') throw notANumber('iat')
  if (claims.nbf !== undefined) {
    if (typeof claims.nbf !== 'number') throw notANumber('nbf')
    if (claims.nbf > now + tolerance) {
      const message = '"nbf" claim timestamp check failed'
      throw jwtError('JWT_NOT_YET_VALID', message, { claim: 'nbf', nbf: claims.nbf, nowSec: now, toleranceSec: tolerance, validInSec: claims.nbf - now - tolerance }, new errors.JWTClaimValidationFailed(message, claims, 'nbf', 'check_failed'))
    }
  }
  if (claims.exp !== undefined) {
    if (typeof claims.exp !== 'number') throw notANumber('exp')
    if (claims.exp <= now - tolerance) {
      const message = '"exp" claim timestamp check failed'
      throw jwtError('JWT_EXPIRED', message, { claim: 'exp', exp: claims.exp, nowSec: now, toleranceSec: tolerance, expiredBySec: now - claims.exp }, new errors.JWTExpired(message, claims, 'exp', 'check_failed'))
    }
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  if (typeof value === 'object') return Object.prototype.toString.call(value).slice(8, -1)
  return typeof value
}

/**
 * The last check of jose's `jwtDecrypt` (jose 4 and 6 alike): a header copy of `iss`, `sub` or `aud`
 * must equal the claim (`aud` compared as JSON).
 */
export function checkReplicatedClaims(header: Record<string, unknown>, claims: Claims): void {
  for (const claim of ['iss', 'sub', 'aud'] as const) {
    if (header[claim] === undefined) continue
    const same = claim === 'aud' ? JSON.stringify(header.aud) === JSON.stringify(claims.aud) : header[claim] === claims[claim]
    if (same) continue
    const message = `replicated "${claim}" claim header parameter mismatch`
    throw jwtError('JWT_CLAIMS_INVALID', message, { claim, reason: 'header-mismatch' }, new errors.JWTClaimValidationFailed(message, claims, claim, 'mismatch'))
  }
}
