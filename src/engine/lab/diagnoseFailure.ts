// Why a pasted token does not open: which key was derived from each secret, the token's `kid`
// against theirs, the usual causes in order of likelihood, and (by trying the other libraries'
// salts with the same secrets) the setting that does open it, if any. When a secret the user gave
// opens the token with other settings, the settings are the cause, never the secret.
import { isEngineError, type EngineErrorCode, type SerializedEngineError } from '../errors'
import type { FlowFlavor } from '../flow/types'
import type { KeyView } from '../trace'
import { JWT_CONSTANTS, deriveKey, opensWithSalt } from './engines'
import type { TokenDetection } from './openToken'
import { AUTHJS_SALT_GUESSES } from './sessionCookieNames'

export type FailureCause =
  /** The app's secret is not the one the token was made with (changed, or another environment's). */
  | 'secret-changed'
  /** Auth.js: the secret that made the token was rotated out of the list. */
  | 'rotated-secret-missing'
  /** Auth.js: the salt is the cookie name, so `__Secure-` (https) and plain (http) give different keys. */
  | 'secure-prefix-salt'
  /** Auth.js: the token opens with another cookie name as the salt (a custom name, a proxy, `__Host-`). */
  | 'cookie-name-salt'
  /** Auth.js: nothing the lab tried opens it; an app with its own `cookies.sessionToken.name` salts with that name. */
  | 'custom-cookie-name'
  /** v4: the header is not the one every v4 token starts with, and the header is authenticated. */
  | 'header-altered'
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
  /** A name was pasted twice with different values; the lab read the one the server reads, and the other may be the good one. */
  | 'duplicate-cookie'
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
  /** The settings tried with every secret, the one the lab used first (empty when nothing was probed). */
  tried: { flavor: FlowFlavor; salt: string }[]
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
  const probed = cryptoFailure && secrets.length > 0 ? await probe(detection, secrets, nowSec) : { opensWith: null, tried: [] }
  const { opensWith } = probed
  const malformed = error.code === 'JWT_MALFORMED' ? { part: String(error.details.part ?? 'token'), reason: String(error.details.reason ?? error.message) } : null
  return {
    code: error.code,
    keys,
    tokenKid: detection.kid,
    causes: rankCauses({ detection, code: error.code, opensWith, whitespace: whitespaceSecrets.length > 0, secretCount: secrets.length }),
    opensWith,
    tried: probed.tried,
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

type Setting = { flavor: FlowFlavor; salt: string }

/** Tries the other library and the usual salts with each secret; the first that opens wins. */
async function probe(detection: TokenDetection, secrets: string[], nowSec: number): Promise<Pick<FailureDiagnosis, 'opensWith' | 'tried'>> {
  const settings: Setting[] = [{ flavor: detection.flavor, salt: detection.salt }, { flavor: 'next-auth-v4', salt: '' }]
  for (const salt of [detection.cookies.match?.cookieName, ...AUTHJS_SALT_GUESSES]) {
    if (salt && !settings.some((s) => s.flavor === 'authjs' && s.salt === salt)) settings.push({ flavor: 'authjs', salt })
  }
  const tried = settings.filter((setting, i) => settings.findIndex((s) => s.flavor === setting.flavor && s.salt === setting.salt) === i)
  for (const setting of tried.slice(1)) {
    const opened = await opensWithSalt({ token: detection.token, secrets, salt: setting.salt, flavor: setting.flavor, nowSec })
    if (opened) return { opensWith: { ...setting, ...opened }, tried }
  }
  return { opensWith: null, tried }
}

interface RankInput {
  detection: TokenDetection
  code: EngineErrorCode
  opensWith: FailureDiagnosis['opensWith']
  whitespace: boolean
  secretCount: number
}

function rankCauses({ detection, code, opensWith, whitespace, secretCount }: RankInput): FailureCause[] {
  const causes: FailureCause[] = []
  const add = (...more: FailureCause[]) => more.forEach((cause) => causes.includes(cause) || causes.push(cause))
  if (opensWith) {
    // A secret the user gave opens it with other settings: the settings are the cause, not the secret,
    // the bytes or the chunks (the value decrypts, so it is whole).
    if (opensWith.flavor !== detection.flavor) add(opensWith.flavor === 'next-auth-v4' ? 'v4-token-as-authjs' : 'authjs-token-as-v4')
    else if (opensWith.flavor === 'next-auth-v4') add('v4-salt-set')
    else if (opensWith.salt.replace(/^__Secure-/, '') === detection.salt.replace(/^__Secure-/, '')) add('secure-prefix-salt')
    else add('cookie-name-salt')
    if (whitespace) add('secret-whitespace')
    return causes
  }
  const match = detection.cookies.match
  if (match && match.duplicates.length > 0) add('duplicate-cookie')
  if (detection.missingChunks.length > 0 || detection.missingAfterChunk) add('chunks-incomplete')
  if (match?.bareAndChunks) add('bare-and-chunks')
  if (match && match.sweptIn.length > 0) add('swept-in')
  if (whitespace) add('secret-whitespace')
  switch (code) {
    case 'JWT_MALFORMED':
      add('copy-incomplete', 'chunks-incomplete')
      break
    case 'JWT_DECRYPT_FAILED':
      if (isAlteredV4Header(detection)) add('header-altered')
      if (detection.flavor === 'authjs' && detection.flavorFromHeader === 'next-auth-v4') add('v4-token-as-authjs')
      // Auth.js found the key by kid, so the key is right and the bytes are not.
      if (detection.secretKids.some((kid) => kid.matches)) add('tampered', 'copy-incomplete')
      else {
        add('secret-changed')
        // The lab tried the empty salt with every secret, so a salt alone does not explain it.
        if (detection.flavor === 'next-auth-v4' && detection.salt !== '') add('v4-salt-set')
        add('tampered')
        // Only suspect the other library when the header does not already say which one made it.
        if (detection.flavorFromHeader !== detection.flavor) add(detection.flavor === 'authjs' ? 'v4-token-as-authjs' : 'authjs-token-as-v4')
        if (detection.flavor === 'authjs') add('custom-cookie-name')
      }
      break
    case 'JWT_NO_MATCHING_SECRET':
      // The lab already tried the `__Secure-` and plain names as salts: the prefix is not the cause.
      if (secretCount > 1) add('rotated-secret-missing', 'secret-changed')
      else add('secret-changed', 'rotated-secret-missing')
      add('custom-cookie-name')
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

/** Every v4 token starts with the same header segment; any other spelling of it fails the tag (the header is the AAD). */
function isAlteredV4Header(detection: TokenDetection): boolean {
  const v4 = JWT_CONSTANTS['next-auth-v4']
  return detection.flavorFromHeader === 'next-auth-v4' && detection.kid === null && detection.token.split('.')[0] !== v4.headerSegment
}
