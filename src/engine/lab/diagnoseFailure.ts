// Why a pasted token does not open: which key was derived from each secret, the token's `kid`
// against theirs, the usual causes in order of likelihood, and (by trying the other libraries'
// salts with the same secrets) the setting that does open it, if any.
import { isEngineError, type EngineErrorCode, type SerializedEngineError } from '../errors'
import type { FlowFlavor } from '../flow/types'
import type { KeyView } from '../trace'
import { decodeDetailed, deriveKey } from './engines'
import type { TokenDetection } from './openToken'
import { SESSION_COOKIE_NAMES } from './sessionCookieNames'

export type FailureCause =
  /** The app's secret is not the one the token was made with (changed, or another environment's). */
  | 'secret-changed'
  /** Auth.js: the secret that made the token was rotated out of the list. */
  | 'rotated-secret-missing'
  /** Auth.js: the salt is the cookie name, so `__Secure-` (https) and plain (http) give different keys. */
  | 'secure-prefix-salt'
  /** A v4 token read as Auth.js (other HKDF info, salt and enc). */
  | 'v4-token-as-authjs'
  /** An Auth.js token read by v4 (64-byte key needed, v4 derives 32). */
  | 'authjs-token-as-v4'
  /** v4 session tokens always use the empty salt; a salt was set. */
  | 'v4-salt-set'
  /** A byte of the header, IV, ciphertext or tag changed. */
  | 'tampered'
  /** A chunk is missing, or was copied without the others. */
  | 'chunks-incomplete'
  /** The bare cookie and `.N` chunks were both sent; the real store joins them into garbage. */
  | 'bare-and-chunks'
  /** A cookie whose name merely starts with the session cookie name was joined in. */
  | 'swept-in'
  /** The value was cut short or has extra characters (quotes, spaces, the cookie name). */
  | 'copy-incomplete'
  /** A secret line begins or ends with whitespace, which is part of the secret. */
  | 'secret-whitespace'
  /** The clocks of the machines that made and read the token disagree. */
  | 'clock-skew'
  /** The header names an alg/enc NextAuth never makes. */
  | 'foreign-token'

export interface DerivedKeyForSecret {
  secretIndex: number
  key: KeyView
}

export interface FailureDiagnosis {
  code: EngineErrorCode
  /** The key each secret derives with the flavour, salt and enc the lab used. */
  keys: DerivedKeyForSecret[]
  tokenKid: string | null
  causes: FailureCause[]
  /** The setting that does open the token with one of the given secrets, found by trying the others. */
  opensWith: { flavor: FlowFlavor; salt: string; secretIndex: number; expired: boolean } | null
  /** For malformed tokens: which part and why (from the JWT engine's inspection). */
  malformed: { part: string; reason: string } | null
  /** Secrets (0-based line) with leading or trailing whitespace. */
  whitespaceSecrets: number[]
}

export interface DiagnoseRequest {
  detection: TokenDetection
  error: SerializedEngineError
  secrets: string[]
  nowSec: number
}

export async function diagnoseFailure({ detection, error, secrets, nowSec }: DiagnoseRequest): Promise<FailureDiagnosis> {
  const keys = await keysFor(detection, secrets)
  const whitespaceSecrets = secrets.flatMap((secret, index) => (secret.trim() !== secret ? [index] : []))
  const cryptoFailure = error.code === 'JWT_DECRYPT_FAILED' || error.code === 'JWT_NO_MATCHING_SECRET' || error.code === 'JWT_INVALID_KEY'
  const opensWith = cryptoFailure && secrets.length > 0 ? await probe(detection, secrets, nowSec) : null
  const malformed = error.code === 'JWT_MALFORMED' ? { part: String(error.details.part ?? 'token'), reason: String(error.details.reason ?? error.message) } : null
  return {
    code: error.code,
    keys,
    tokenKid: detection.kid,
    causes: rankCauses(detection, error.code, opensWith, whitespaceSecrets.length > 0),
    opensWith,
    malformed,
    whitespaceSecrets,
  }
}

async function keysFor(detection: TokenDetection, secrets: string[]): Promise<DerivedKeyForSecret[]> {
  const enc = detection.flavor === 'authjs' && detection.enc === 'A256GCM' ? 'A256GCM' : undefined
  const keys: DerivedKeyForSecret[] = []
  for (const [secretIndex, secret] of secrets.entries()) {
    try {
      keys.push({ secretIndex, key: await deriveKey({ secret, salt: detection.salt, flavor: detection.flavor, enc }) })
    } catch (error) {
      if (!isEngineError(error)) throw error // a secret that cannot derive a key is already explained by the error
    }
  }
  return keys
}

/** Tries the other library and the other default salts with each secret; the first that opens wins. */
async function probe(detection: TokenDetection, secrets: string[], nowSec: number): Promise<FailureDiagnosis['opensWith']> {
  const settings: { flavor: FlowFlavor; salt: string }[] = [{ flavor: 'next-auth-v4', salt: '' }]
  const authjsSalts = [detection.cookies.match?.cookieName, ...SESSION_COOKIE_NAMES.filter((entry) => entry.flavor === 'authjs').map((entry) => entry.name)]
  for (const salt of authjsSalts) if (salt && !settings.some((s) => s.flavor === 'authjs' && s.salt === salt)) settings.push({ flavor: 'authjs', salt })
  for (const setting of settings) {
    if (setting.flavor === detection.flavor && setting.salt === detection.salt) continue
    for (const [secretIndex, secret] of secrets.entries()) {
      try {
        await decodeDetailed({ token: detection.token, secret, salt: setting.salt, flavor: setting.flavor, nowSec })
        return { ...setting, secretIndex, expired: false }
      } catch (error) {
        if (isEngineError(error, 'JWT_EXPIRED')) return { ...setting, secretIndex, expired: true }
        if (!isEngineError(error)) throw error
      }
    }
  }
  return null
}

function rankCauses(detection: TokenDetection, code: EngineErrorCode, opensWith: FailureDiagnosis['opensWith'], whitespace: boolean): FailureCause[] {
  const causes: FailureCause[] = []
  const add = (...more: FailureCause[]) => more.forEach((cause) => causes.includes(cause) || causes.push(cause))
  const match = detection.cookies.match
  if (match?.bareAndChunks) add('bare-and-chunks')
  if (detection.missingChunks.length > 0) add('chunks-incomplete')
  if (match && match.sweptIn.length > 0) add('swept-in')
  if (opensWith) {
    if (opensWith.flavor !== detection.flavor) add(opensWith.flavor === 'next-auth-v4' ? 'v4-token-as-authjs' : 'authjs-token-as-v4')
    else if (stripSecure(opensWith.salt) === stripSecure(detection.salt)) add('secure-prefix-salt')
    else add('secret-changed')
  }
  if (whitespace) add('secret-whitespace')
  switch (code) {
    case 'JWT_MALFORMED':
      add('copy-incomplete', 'chunks-incomplete')
      break
    case 'JWT_DECRYPT_FAILED':
      if (detection.flavor === 'next-auth-v4' && detection.salt !== '') add('v4-salt-set')
      if (detection.flavor === 'authjs' && detection.flavorFromHeader === 'next-auth-v4') add('v4-token-as-authjs')
      // Auth.js found the key by kid, so the key is right and the bytes are not.
      if (detection.secretKids.some((kid) => kid.matches)) add('tampered', 'copy-incomplete')
      else {
        add('secret-changed', 'tampered')
        // Only suspect the other library when the header does not already say which one made it.
        if (detection.flavorFromHeader !== detection.flavor) add(detection.flavor === 'authjs' ? 'v4-token-as-authjs' : 'authjs-token-as-v4')
      }
      break
    case 'JWT_NO_MATCHING_SECRET':
      add('rotated-secret-missing', 'secure-prefix-salt', 'secret-changed')
      break
    case 'JWT_INVALID_KEY':
      add(detection.flavor === 'next-auth-v4' ? 'authjs-token-as-v4' : 'v4-token-as-authjs')
      break
    case 'JWT_UNSUPPORTED_ALG':
      add('foreign-token')
      break
    case 'JWT_NOT_YET_VALID':
    case 'JWT_EXPIRED':
      add('clock-skew')
      break
    default:
      break
  }
  return causes
}

function stripSecure(salt: string): string {
  return salt.replace(/^__Secure-/, '')
}
