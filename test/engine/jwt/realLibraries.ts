// The real libraries, loaded as the app's users run them: next-auth 4.24.15 (`next-auth/jwt`, CJS, with
// its own jose 4) and @auth/core 0.41.3 (`@auth/core/jwt`, ESM, jose 6), plus helpers to run them at a
// fixed "now" (they read the real clock) and to compare outcomes with ours.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { resolve } from 'node:path'
import { isEngineError, type EngineErrorCode } from '../../../src/engine/errors'

const require = createRequire(import.meta.url)

type Params = Record<string, unknown>
interface JwtModule {
  encode(params: Params): Promise<string>
  decode(params: Params): Promise<Record<string, unknown> | null>
}

export const realV4 = require('next-auth/jwt') as JwtModule
export const realAuthjs = (await import('@auth/core/jwt')) as unknown as JwtModule
/** next-auth's own jose 4, to craft tokens the way v4's dependency would. */
export const jose4 = createRequire(require.resolve('next-auth/jwt'))('jose') as typeof import('jose')

export const V4_SOURCE_PATH = require.resolve('next-auth/jwt')
export const AUTHJS_SOURCE_PATH = resolve('node_modules/@auth/core/jwt.js')
export const V4_SOURCE = readFileSync(V4_SOURCE_PATH, 'utf8')
export const AUTHJS_SOURCE = readFileSync(AUTHJS_SOURCE_PATH, 'utf8')

/** A fixed simulated "now": 2027-01-15T08:00:00Z. */
export const NOW_SEC = 1_800_000_000

/** Runs `fn` with the real clock frozen at `nowSec`, so the real libraries and ours agree on "now". */
export { atTime } from '../../helpers/atTime'

export type RealOutcome = { ok: true; value: unknown } | { ok: false; name: string; code?: string; message: string; error: unknown }
export type OurOutcome = { ok: true; value: unknown } | { ok: false; code: EngineErrorCode | 'NOT_AN_ENGINE_ERROR'; details?: Record<string, unknown>; error: unknown }

export async function realOutcome(run: () => Promise<unknown>): Promise<RealOutcome> {
  try {
    return { ok: true, value: await run() }
  } catch (error) {
    const e = error as { name?: string; code?: string; message?: string }
    return { ok: false, name: String(e?.name), code: e?.code, message: String(e?.message), error }
  }
}

export async function ourOutcome(run: () => Promise<unknown>): Promise<OurOutcome> {
  try {
    return { ok: true, value: await run() }
  } catch (error) {
    return isEngineError(error) ? { ok: false, code: error.code, details: error.details, error } : { ok: false, code: 'NOT_AN_ENGINE_ERROR', error }
  }
}

/**
 * The EngineError code a real library's outcome corresponds to: jose's error code (and, for the few
 * plain errors the libraries throw, its message) mapped the way `jwtErrors.ts` maps it. 'ok' for a success.
 */
export function realCode(outcome: RealOutcome): EngineErrorCode | 'ok' | `UNMAPPED ${string}` {
  if (outcome.ok) return 'ok'
  const { code, message, error } = outcome
  if (message === 'no matching decryption secret') return 'JWT_NO_MATCHING_SECRET'
  switch (code) {
    case 'ERR_JWE_DECRYPTION_FAILED':
      return 'JWT_DECRYPT_FAILED'
    case 'ERR_JWE_INVALID':
    case 'ERR_JWS_INVALID':
      return /Content Encryption Key length/.test(message) ? 'JWT_INVALID_KEY' : 'JWT_MALFORMED'
    case 'ERR_JWT_EXPIRED':
      return 'JWT_EXPIRED'
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      return (error as { reason?: string }).reason === 'check_failed' ? 'JWT_NOT_YET_VALID' : 'JWT_CLAIMS_INVALID'
    case 'ERR_JWT_INVALID':
      return 'JWT_CLAIMS_INVALID'
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
    case 'ERR_JOSE_NOT_SUPPORTED':
      return 'JWT_UNSUPPORTED_ALG'
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
      return 'JWT_SIGNATURE_INVALID'
  }
  if (error instanceof TypeError && /^"(ikm|salt)"/.test(message)) return /salt/.test(message) ? 'JWT_INVALID_KEY' : 'NO_SECRET'
  if (error instanceof TypeError && /key size/.test(message)) return 'JWT_INVALID_KEY'
  if (error instanceof TypeError && /Key for the .* algorithm must be/.test(message)) return 'JWT_UNSUPPORTED_ALG'
  return `UNMAPPED ${outcome.name}: ${message}`
}

/** Name, code and message of an error (ours: of its cause), for comparing ours with theirs. */
export function errorSignature(error: unknown): { name: string; code?: string; message: string } | undefined {
  if (!(error instanceof Error)) return undefined
  const code = (error as { code?: unknown }).code
  return { name: error.name, ...(typeof code === 'string' ? { code } : {}), message: error.message }
}

/** Flips the middle byte of one segment (decoded, changed, re-encoded), so the bytes really change. */
export function flipByteInPart(token: string, index: number): string {
  const parts = token.split('.')
  const bytes = Buffer.from(parts[index]!, 'base64url')
  bytes[bytes.length >> 1]! ^= 0x01
  parts[index] = bytes.toString('base64url')
  return parts.join('.')
}

/** Changes only the spare (padding) bits of a segment's last character: the decoded bytes stay the same. */
export function flipSpareBitsOfLastChar(token: string, index: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
  const parts = token.split('.')
  const part = parts[index]!
  const value = alphabet.indexOf(part.at(-1)!)
  parts[index] = part.slice(0, -1) + alphabet[value ^ 1]
  return parts.join('.')
}
