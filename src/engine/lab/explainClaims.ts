// Explains a decoded session token claim by claim, as data the UI words: who sets each claim and,
// for the time claims, where they stand against "now" with jose's 15 s clock tolerance
// (`jwt_claims_set.js`: expired when exp <= now - 15, not yet valid when nbf > now + 15).
import { CLOCK_TOLERANCE_SEC } from '../jwt/constants'

/** Who puts the claim into the token. */
export type ClaimOrigin =
  | 'encode' // iat, exp, jti: written by encode() on every save, overwriting what the jwt callback returned
  | 'default-token' // name, email, picture, sub: the default token NextAuth builds from the user
  | 'registered' // other RFC 7519 claims (nbf, iss, aud): NextAuth never sets them
  | 'custom' // anything the app's jwt callback added

export type TimeStanding =
  | { kind: 'past'; agoSec: number }
  | { kind: 'future'; inSec: number }

export type ExpiryStatus =
  | { kind: 'valid'; remainingSec: number }
  /** Past exp but still inside the 15 s tolerance: NextAuth still accepts it. */
  | { kind: 'grace'; expiredBySec: number; graceLeftSec: number }
  | { kind: 'expired'; expiredBySec: number }
  | { kind: 'missing' }
  | { kind: 'invalid' }

export interface ClaimExplanation {
  name: string
  value: unknown
  origin: ClaimOrigin
  /** For iat, exp, nbf: the Unix time in seconds and how far it is from now. */
  time?: { atSec: number; standing: TimeStanding }
}

export interface ClaimsExplanation {
  claims: ClaimExplanation[]
  expiry: ExpiryStatus
  /** exp − iat: the maxAge the token was made with, when both are numbers. */
  lifetimeSec: number | null
  nowSec: number
}

const ENCODE_CLAIMS = new Set(['iat', 'exp', 'jti'])
const DEFAULT_TOKEN_CLAIMS = new Set(['name', 'email', 'picture', 'sub'])
const REGISTERED_CLAIMS = new Set(['nbf', 'iss', 'aud'])
const TIME_CLAIMS = new Set(['iat', 'exp', 'nbf'])

export function explainClaims(claims: Record<string, unknown>, nowSec: number): ClaimsExplanation {
  const list = Object.entries(claims).map(([name, value]): ClaimExplanation => {
    const origin: ClaimOrigin = ENCODE_CLAIMS.has(name) ? 'encode' : DEFAULT_TOKEN_CLAIMS.has(name) ? 'default-token' : REGISTERED_CLAIMS.has(name) ? 'registered' : 'custom'
    const explanation: ClaimExplanation = { name, value, origin }
    if (TIME_CLAIMS.has(name) && typeof value === 'number' && Number.isFinite(value)) {
      explanation.time = { atSec: value, standing: value <= nowSec ? { kind: 'past', agoSec: nowSec - value } : { kind: 'future', inSec: value - nowSec } }
    }
    return explanation
  })
  const { iat, exp } = claims
  return {
    claims: list,
    expiry: expiryStatus(exp, nowSec),
    lifetimeSec: typeof iat === 'number' && typeof exp === 'number' ? exp - iat : null,
    nowSec,
  }
}

export function expiryStatus(exp: unknown, nowSec: number): ExpiryStatus {
  if (exp === undefined) return { kind: 'missing' }
  if (typeof exp !== 'number' || !Number.isFinite(exp)) return { kind: 'invalid' }
  if (exp > nowSec) return { kind: 'valid', remainingSec: exp - nowSec }
  const expiredBySec = nowSec - exp
  if (exp <= nowSec - CLOCK_TOLERANCE_SEC) return { kind: 'expired', expiredBySec }
  return { kind: 'grace', expiredBySec, graceLeftSec: CLOCK_TOLERANCE_SEC - expiredBySec }
}
