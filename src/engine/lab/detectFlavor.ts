// Works out which library made a token and which salt its key needs, from the protected header
// (`enc` A256GCM without `kid` → v4, `next-auth/jwt/index.js`; A256CBC-HS512 with `kid` → Auth.js,
// `@auth/core/jwt.js`) and the cookie name it came in (the Auth.js salt is the session cookie name,
// `__Secure-` prefix included).
import type { FlowFlavor } from '../flow/types'
import type { SessionCookieMatch } from './findSessionCookie'
import { sessionCookieName } from './sessionCookieNames'

export type FlavorSource = 'override' | 'header' | 'cookie-name' | 'default'
export type SaltSource = 'override' | 'cookie-name' | 'v4-session' | 'kid' | 'default'

export interface FlavorDetection {
  flavor: FlowFlavor
  flavorFrom: FlavorSource
  /** What the header alone says; null when it says nothing recognisable. */
  flavorFromHeader: FlowFlavor | null
  salt: string
  saltFrom: SaltSource
  enc: string | null
  kid: string | null
  /** The header says one library and the cookie name the other (e.g. a v4 token in an Auth.js cookie). */
  nameMismatch: boolean
}

export interface FlavorOverrides {
  flavor?: FlowFlavor | null
  salt?: string | null
}

export function flavorFromHeader(header: Record<string, unknown> | null): FlowFlavor | null {
  if (!header || header.alg !== 'dir') return null
  if (typeof header.kid === 'string') return 'authjs'
  if (header.enc === 'A256CBC-HS512') return 'authjs'
  if (header.enc === 'A256GCM') return 'next-auth-v4'
  return null
}

export function detectFlavor(header: Record<string, unknown> | null, match: SessionCookieMatch | null, overrides: FlavorOverrides = {}): FlavorDetection {
  const fromHeader = flavorFromHeader(header)
  const fromName = match?.flavorFromName ?? null
  let flavor: FlowFlavor
  let flavorFrom: FlavorSource
  if (overrides.flavor) [flavor, flavorFrom] = [overrides.flavor, 'override']
  else if (fromHeader) [flavor, flavorFrom] = [fromHeader, 'header']
  else if (fromName) [flavor, flavorFrom] = [fromName, 'cookie-name']
  else [flavor, flavorFrom] = ['next-auth-v4', 'default']

  let salt: string
  let saltFrom: SaltSource
  if (overrides.salt !== undefined && overrides.salt !== null) [salt, saltFrom] = [overrides.salt, 'override']
  else if (flavor === 'next-auth-v4') [salt, saltFrom] = ['', 'v4-session'] // v4 session tokens always use the empty salt
  else if (match) [salt, saltFrom] = [match.cookieName, 'cookie-name']
  else [salt, saltFrom] = [sessionCookieName('authjs', false), 'default']

  return {
    flavor,
    flavorFrom,
    flavorFromHeader: fromHeader,
    salt,
    saltFrom,
    enc: typeof header?.enc === 'string' ? header.enc : null,
    kid: typeof header?.kid === 'string' ? header.kid : null,
    nameMismatch: fromHeader !== null && fromName !== null && fromHeader !== fromName,
  }
}
