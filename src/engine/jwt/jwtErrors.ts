// Turns every way a token, secret or payload can be wrong into one EngineError code, keeping jose's
// error (or the one the real library would throw) as `cause`. Follows the failure table of
// `next-auth/jwt/index.js` / `@auth/core/jwt.js` on top of jose's `util/errors`.
import { errors as joseErrors } from 'jose'
import { EngineError, type EngineErrorCode, type EngineErrorDetails } from '../errors'

/** The parts of a compact token a failure can point at. */
export type TokenPart = 'token' | 'header' | 'encryptedKey' | 'iv' | 'ciphertext' | 'tag' | 'payload' | 'signature'

/**
 * jose's error class names by their `ERR_…` code, from jose's own export list: jose names an error after
 * its constructor, which a minified build renames (`JWEDecryptionFailed` would read `Mt`).
 */
const JOSE_ERROR_NAMES: ReadonlyMap<string, string> = new Map(Object.entries(joseErrors).map(([name, errorClass]) => [errorClass.code, name]))

/** The real class name of a jose error (by its `ERR_…` code), whatever a minified build named it; else undefined. */
export function joseErrorName(cause: unknown): string | undefined {
  const code = cause instanceof Error ? (cause as { code?: unknown }).code : undefined
  return typeof code === 'string' ? JOSE_ERROR_NAMES.get(code) : undefined
}

/** The EngineError for a token failure; a jose `cause` keeps its real class name for the serialised form. */
export function jwtError(code: EngineErrorCode, message: string, details: EngineErrorDetails = {}, cause?: unknown): EngineError {
  return new EngineError(code, message, { details, cause, causeName: joseErrorName(cause) })
}

/**
 * JWT_MALFORMED for one part. `cause` is the jose error the real library throws for it (JWEInvalid,
 * JWSInvalid…); its message is the `reason`, so the UI and the logs can show jose's own words.
 */
export function malformed(part: TokenPart, cause: Error, extra: EngineErrorDetails = {}): EngineError {
  const where = part === 'token' ? 'the token' : `the token's ${part}`
  return jwtError('JWT_MALFORMED', `${where} is malformed: ${cause.message}`, { part, reason: cause.message, ...extra }, cause)
}

interface JoseLikeError {
  name?: unknown
  code?: unknown
  message?: unknown
  claim?: unknown
  reason?: unknown
}

/** Which part a jose `JWEInvalid`/`JWSInvalid` message is about. */
function partOf(message: string): TokenPart {
  if (/encrypted.?key/i.test(message)) return 'encryptedKey'
  if (/initialization vector|\biv\b/i.test(message)) return 'iv'
  if (/authentication tag|\btag\b/i.test(message)) return 'tag'
  if (/ciphertext|decompress/i.test(message)) return 'ciphertext'
  if (/signature/i.test(message)) return 'signature'
  if (/payload|claims set/i.test(message)) return 'payload'
  if (/header|\b(alg|enc|zip|crit|b64|p2c|p2s)\b/i.test(message)) return 'header'
  return 'token'
}

/**
 * Maps an error thrown while decoding (by jose, by Web Crypto, or by our own checks) to an
 * EngineError. EngineErrors pass through; anything unknown becomes JWT_DECRYPT_FAILED with the
 * original as `cause`, so no raw error ever reaches a caller.
 */
export function fromDecodeError(error: unknown, context: EngineErrorDetails = {}): EngineError {
  if (error instanceof EngineError) {
    // Add what the caller knows (flavour, alg, enc, kid) without overwriting the error's own details.
    for (const [name, value] of Object.entries(context)) if (!(name in error.details)) error.details[name] = value
    return error
  }
  const e = (typeof error === 'object' && error !== null ? error : {}) as JoseLikeError
  const message = typeof e.message === 'string' ? e.message : String(error)
  switch (e.code) {
    case 'ERR_JWE_DECRYPTION_FAILED':
      return jwtError('JWT_DECRYPT_FAILED', 'the token could not be decrypted with the derived key', context, error)
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
      return jwtError('JWT_SIGNATURE_INVALID', 'the signature does not match', context, error)
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
    case 'ERR_JOSE_NOT_SUPPORTED':
      return jwtError('JWT_UNSUPPORTED_ALG', message, context, error)
    case 'ERR_JWT_EXPIRED':
      return jwtError('JWT_EXPIRED', message, context, error)
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      return e.reason === 'check_failed'
        ? jwtError('JWT_NOT_YET_VALID', message, { ...context, claim: String(e.claim) }, error)
        : jwtError('JWT_CLAIMS_INVALID', message, { ...context, claim: String(e.claim) }, error)
    case 'ERR_JWT_INVALID':
      return jwtError('JWT_CLAIMS_INVALID', message, { ...context, claim: null, reason: 'payload-not-object' }, error)
    case 'ERR_JWE_INVALID':
    case 'ERR_JWS_INVALID':
      if (/Content Encryption Key length|key length/i.test(message)) return jwtError('JWT_INVALID_KEY', message, context, error)
      return malformed(partOf(message), error as Error, context)
  }
  // A key-wrapping alg whose key size is not the derived key's (jose 4: "Invalid key size for alg").
  if (error instanceof TypeError && /key size|algorithm\.length must be/i.test(message)) return jwtError('JWT_INVALID_KEY', message, context, error)
  // jose rejects a symmetric key for asymmetric algorithms with a TypeError about the key type.
  if (error instanceof TypeError && /key|algorithm/i.test(message)) return jwtError('JWT_UNSUPPORTED_ALG', message, context, error)
  if (error instanceof TypeError && /decode|encoded/i.test(message)) return malformed('token', error, context)
  return jwtError('JWT_DECRYPT_FAILED', message, context, error)
}
