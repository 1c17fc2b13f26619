// The parameter and result shapes of the session token engine (encode/decode/inspect/deriveKey),
// modelled on `encode`/`decode` in `next-auth/jwt/index.js` and `@auth/core/jwt.js`.
import type { RandomSource } from '../random'
import type { KeyView } from '../trace'
import type { TokenFlavor } from './constants'

/** A secret as configured; an array means rotation and only Auth.js reads it as such. */
export type JwtSecret = string | readonly string[]

export interface EncodeParams {
  /** The claims (what the `jwt` callback returned); `iat`, `exp` and `jti` are set over it. */
  token?: unknown
  secret: JwtSecret | null | undefined
  /** Seconds from now until `exp`; defaults to 30 days. */
  maxAge?: number
  /** v4: `''` for session tokens; Auth.js: the session cookie name (required). */
  salt?: string
  flavor?: TokenFlavor
  /** The simulated "now", Unix seconds; defaults to the real clock (see `defaults.ts`). */
  nowSec?: number
  /** Where the IV and `jti` come from; defaults to `cryptoRandom`. */
  random?: RandomSource
}

export interface DecodeParams {
  /** The compact token; `''`, `null` and `undefined` decode to `null` as in both libraries. */
  token: unknown
  secret: JwtSecret | null | undefined
  salt?: string
  flavor?: TokenFlavor
  nowSec?: number
}

export interface DeriveKeyParams {
  secret: JwtSecret | null | undefined
  salt?: string
  flavor?: TokenFlavor
  /** Picks the key length where a flavour accepts several (Auth.js: `A256GCM` → 32 bytes). */
  enc?: string
}

export interface EncodeResult {
  token: string
  header: Record<string, unknown>
  /** The claims as the token carries them (after JSON serialisation). */
  claims: Record<string, unknown>
  key: KeyView
}

export interface DecodeResult {
  header: Record<string, unknown>
  claims: Record<string, unknown>
  /** The key that opened the token (for Auth.js rotation: the matching secret's key). */
  key: KeyView
}

export type { KeyView, TokenFlavor }
