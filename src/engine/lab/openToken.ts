// "Open" in the Token lab: from pasted text and secrets to a decoded, explained session token, or
// to a diagnosis of why it does not open. Decoding follows the real `decode()` of each library
// (`next-auth/jwt/index.js`, `@auth/core/jwt.js`) through the JWT engine; the lab only adds
// detection, explanation and probing for the likely cause.
import { EngineError, isEngineError, type SerializedEngineError } from '../errors'
import type { FlowFlavor } from '../flow/types'
import type { KeyView } from '../trace'
import { CHUNK_SIZE, decodeDetailed, deriveKey, inspect, type TokenInspection } from './engines'
import { detectFlavor, type FlavorDetection } from './detectFlavor'
import { explainClaims, type ClaimsExplanation } from './explainClaims'
import { findSessionCookie, type CookiePicks, type SessionCookieSearch } from './findSessionCookie'
import { parseTokenInput, type LabInputFormat } from './parseTokenInput'
import { AUTHJS_SALT_GUESSES } from './sessionCookieNames'
import { diagnoseFailure, type FailureDiagnosis } from './diagnoseFailure'

export interface OpenTokenRequest {
  /** What was pasted into "Token". */
  input: string
  /** One entry per line of "Secret" (see `splitSecrets`). */
  secrets: string[]
  /** The time to check `exp` against, Unix seconds (the real clock unless the user picks a date). */
  nowSec: number
  /** User overrides; null/undefined = detect. */
  flavor?: FlowFlavor | null
  salt?: string | null
  /** Which session cookie to read when several were pasted. */
  cookieName?: string | null
  /** For a name pasted more than once with different values: the position of the value to read. */
  cookiePicks?: CookiePicks
}

export interface SecretKid {
  secretIndex: number
  kid: string
  matches: boolean
}

export interface TokenDetection extends FlavorDetection {
  format: LabInputFormat
  cookies: SessionCookieSearch
  token: string
  header: Record<string, unknown> | null
  /** The JWT engine's key-less reading: parts, byte lengths, header, JWS payload, problems. */
  shape: TokenInspection
  /** `.N` chunk numbers missing between 0 and the highest one present. */
  missingChunks: number[]
  /**
   * The highest chunk pasted, when chunks after it are probably missing: a lone `.0` (NextAuth only
   * numbers a value it splits in two or more), or a last chunk of the full chunk size. Null once the token opens.
   */
  missingAfterChunk: { index: number; length: number; full: boolean } | null
  /** Auth.js: the kid each secret derives under the chosen salt, and whether it is the token's. */
  secretKids: SecretKid[]
}

export type OpenTokenResult =
  | { status: 'empty' }
  /** Cookies were pasted, but none looks like a session token. */
  | { status: 'no-token'; format: LabInputFormat; cookieNames: string[] }
  | { status: 'needs-secret'; detection: TokenDetection }
  | { status: 'decoded'; detection: TokenDetection; header: Record<string, unknown>; claims: Record<string, unknown>; key: KeyView; secretIndex: number; explanation: ClaimsExplanation }
  /** Decrypted with the right key but past exp + 15 s: the real decode throws; the lab still shows the claims. */
  | { status: 'expired'; detection: TokenDetection; header: Record<string, unknown>; claims: Record<string, unknown>; key: KeyView; secretIndex: number; explanation: ClaimsExplanation; error: SerializedEngineError }
  /** A JWS (three parts): signed, not encrypted, so not a NextAuth session token; its parts are readable anyway. */
  | { status: 'signed'; detection: TokenDetection; header: Record<string, unknown> | null; payload: unknown }
  | { status: 'failed'; detection: TokenDetection; error: SerializedEngineError; diagnosis: FailureDiagnosis }

export async function openToken(request: OpenTokenRequest): Promise<OpenTokenResult> {
  const parsed = parseTokenInput(request.input)
  if (parsed.format === 'empty') return { status: 'empty' }
  const cookies = findSessionCookie(parsed.cookies, request.cookieName, request.cookiePicks)
  const token = parsed.token ?? cookies.match?.value ?? null
  if (token === null || token === '') return { status: 'no-token', format: parsed.format, cookieNames: parsed.cookies.map((cookie) => cookie.name) }

  const shape = inspect(token)
  const header = shape.header
  const flavor = await saltFromKid(detectFlavor(header, cookies.match, { flavor: request.flavor, salt: request.salt }), request.secrets)
  const detection: TokenDetection = {
    ...flavor,
    format: parsed.format,
    cookies,
    token,
    header,
    shape,
    missingChunks: missingChunks(cookies),
    missingAfterChunk: missingAfterChunk(cookies, flavor.flavor),
    secretKids: await secretKids(flavor, request.secrets),
  }
  // It opened, so nothing was missing after all (a token of exactly n full chunks).
  const opened: TokenDetection = { ...detection, missingAfterChunk: null }

  if (shape.kind === 'jws' && shape.header !== null) return { status: 'signed', detection, header: shape.header, payload: shape.payload }
  // inspect() reads strictly (as jose 6); v4's decode is as lenient as Node's Buffer and may still open
  // what it flags, as the real one does. So with a secret the decode decides, and the shape only explains a failure.
  const problem = shape.problems[0]
  const malformed = problem ? new EngineError('JWT_MALFORMED', `${problem.part === 'token' ? 'the token' : `the token's ${problem.part}`} is malformed: ${problem.reason}`, { details: { ...problem } }) : null
  if (request.secrets.length === 0) return malformed ? fail(detection, request, malformed) : { status: 'needs-secret', detection }

  const attempt = await decodeWithSecrets(token, request.secrets, flavor, request.nowSec, detection.secretKids)
  if (attempt.ok) {
    const { header: decodedHeader, claims, key } = attempt.decoded
    return { status: 'decoded', detection: opened, header: decodedHeader, claims, key, secretIndex: attempt.secretIndex, explanation: explainClaims(claims, request.nowSec) }
  }
  if (isEngineError(attempt.error, 'JWT_EXPIRED')) {
    const expired = await openExpired(token, request.secrets, flavor, attempt.error, detection.secretKids)
    if (expired) return { status: 'expired', detection: opened, ...expired, explanation: explainClaims(expired.claims, request.nowSec), error: attempt.error.toJSON() }
  }
  // The decode's own answer when it is more specific than the shape (an enc no library supports).
  return fail(detection, request, malformed && !isEngineError(attempt.error, 'JWT_UNSUPPORTED_ALG') ? malformed : attempt.error)
}

type DecodedToken = { header: Record<string, unknown>; claims: Record<string, unknown>; key: KeyView }
type Attempt = { ok: true; decoded: DecodedToken; secretIndex: number } | { ok: false; error: unknown }

/**
 * Auth.js takes the whole list (it picks the key by `kid`, as the real decode does). v4 has one
 * secret; with several lines the lab tries each in turn and reports which one opened the token.
 */
async function decodeWithSecrets(token: string, secrets: string[], flavor: FlavorDetection, nowSec: number, kids: SecretKid[]): Promise<Attempt> {
  if (flavor.flavor === 'authjs') {
    try {
      const decoded = await decodeDetailed({ token, secret: secrets, salt: flavor.salt, flavor: 'authjs', nowSec })
      if (!decoded) throw new Error('decode returned null for a non-empty token')
      // Without a kid the real decode uses the first secret.
      const matched = kids.find((kid) => kid.matches)
      return { ok: true, decoded, secretIndex: matched?.secretIndex ?? 0 }
    } catch (error) {
      return { ok: false, error }
    }
  }
  let firstError: unknown
  for (const [secretIndex, secret] of secrets.entries()) {
    try {
      const decoded = await decodeDetailed({ token, secret, salt: flavor.salt, flavor: flavor.flavor, nowSec })
      if (decoded) return { ok: true, decoded, secretIndex }
    } catch (error) {
      // An expired token was opened by this secret: that is the answer, no need to try the others.
      if (isEngineError(error, 'JWT_EXPIRED')) return { ok: false, error }
      firstError ??= error
    }
  }
  return { ok: false, error: firstError }
}

/** Decrypts an expired token at its own `exp`, so the lab can show what it held. */
async function openExpired(token: string, secrets: string[], flavor: FlavorDetection, error: EngineError, kids: SecretKid[]): Promise<(DecodedToken & { secretIndex: number }) | null> {
  const exp = error.details.exp
  if (typeof exp !== 'number') return null
  const attempt = await decodeWithSecrets(token, secrets, flavor, Math.floor(exp), kids)
  return attempt.ok ? { ...attempt.decoded, secretIndex: attempt.secretIndex } : null
}

async function fail(detection: TokenDetection, request: OpenTokenRequest, error: unknown): Promise<OpenTokenResult> {
  const serialized = serializeError(error)
  const diagnosis = await diagnoseFailure({ detection, error: serialized, secrets: request.secrets, nowSec: request.nowSec })
  return { status: 'failed', detection, error: serialized, diagnosis }
}

async function secretKids(flavor: FlavorDetection, secrets: string[]): Promise<SecretKid[]> {
  if (flavor.flavor !== 'authjs' || flavor.kid === null) return []
  const enc = flavor.enc === 'A256GCM' ? 'A256GCM' : 'A256CBC-HS512'
  const kids: SecretKid[] = []
  for (const [secretIndex, secret] of secrets.entries()) {
    const key = await deriveKey({ secret, salt: flavor.salt, flavor: 'authjs', enc })
    if (key.kid) kids.push({ secretIndex, kid: key.kid, matches: key.kid === flavor.kid })
  }
  return kids
}

/**
 * A bare Auth.js token does not say which cookie it came from; its kid does, given the secret:
 * try the usual cookie names (Auth.js plain, `__Secure-`, `__Host-`, and the v4 names an upgraded
 * app may keep) as salts and keep the one whose kid matches.
 */
async function saltFromKid(flavor: FlavorDetection, secrets: string[]): Promise<FlavorDetection> {
  if (flavor.flavor !== 'authjs' || flavor.saltFrom !== 'default' || flavor.kid === null) return flavor
  for (const name of AUTHJS_SALT_GUESSES) {
    const kids = await secretKids({ ...flavor, salt: name }, secrets)
    if (kids.some((kid) => kid.matches)) return { ...flavor, salt: name, saltFrom: 'kid' }
  }
  return flavor
}

function missingChunks(search: SessionCookieSearch): number[] {
  const indexes = (search.match?.chunks ?? []).map((chunk) => chunk.index).filter((index): index is number => index !== null)
  if (indexes.length === 0) return []
  const missing: number[] = []
  for (let i = 0; i <= Math.max(...indexes); i++) if (!indexes.includes(i)) missing.push(i)
  return missing
}

function missingAfterChunk(search: SessionCookieSearch, flavor: FlowFlavor): TokenDetection['missingAfterChunk'] {
  const chunks = (search.match?.chunks ?? []).filter((chunk) => chunk.index !== null)
  if (chunks.length === 0) return null
  const last = chunks.reduce((a, b) => (b.index! > a.index! ? b : a))
  const full = last.length >= CHUNK_SIZE[flavor]
  return full || last.index === 0 ? { index: last.index!, length: last.length, full } : null
}

function serializeError(error: unknown): SerializedEngineError {
  if (isEngineError(error)) return error.toJSON()
  // Our own bug, not the learner's: keep it visible instead of pretending it is a token problem.
  throw error instanceof Error ? error : new Error(String(error))
}
