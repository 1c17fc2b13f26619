// Types shared by the cookie engine: NextAuth's cookie definitions (`CookiesOptions` in
// `next-auth/core/types.ts` and `@auth/core/types.ts`) and the browser jar's change records.
import type { EngineError } from '../errors'
import type { CookieKey } from '../flow/types'
import type { CookieView } from '../trace'

/** The options NextAuth passes to `cookie.serialize` for one of its cookies. */
export interface CookieOptions {
  httpOnly: boolean
  sameSite: 'lax' | 'strict' | 'none'
  path: string
  secure: boolean
  maxAge?: number
  domain?: string
}

/** One entry of `defaultCookies()`: the cookie's name and the options it is written with. */
export interface CookieDefinition {
  name: string
  options: CookieOptions
}

/** The keys v4's `defaultCookies` has; Auth.js adds `webauthnChallenge`. */
export type V4CookieKey = Exclude<CookieKey, 'webauthnChallenge'>

/** v4's table: no `webauthnChallenge` key at all (`'webauthnChallenge' in table` is false). */
export type V4CookieDefinitions = Record<V4CookieKey, CookieDefinition>
/** Auth.js's table: all seven keys. */
export type AuthjsCookieDefinitions = Record<CookieKey, CookieDefinition>
/** Either flavour's table: `webauthnChallenge` is present only for Auth.js. */
export type CookieDefinitions = V4CookieDefinitions & { webauthnChallenge?: CookieDefinition }

/**
 * A cookie definition after the app's `cookies` option was applied. v4 replaces a whole key, so an
 * override without `name` or `options` loses them: the real object then holds `undefined`, which
 * NextAuth turns into a cookie literally named `undefined` and one written with no attributes. We
 * keep that behaviour (name `'undefined'`, options `{}`) and list what was lost in `missing`.
 */
export interface ResolvedCookie {
  name: string
  options: Partial<CookieOptions>
  /** v4 only: the parts the override did not supply and the shallow spread therefore dropped. */
  missing?: ('name' | 'options')[]
}

export type ResolvedCookies = Record<V4CookieKey, ResolvedCookie> & { webauthnChallenge?: ResolvedCookie }

/** Options for one `Set-Cookie` line: NextAuth's options, with `expires` as simulated seconds. */
export type SetCookieOptions = Partial<CookieOptions> & { expiresAtSec?: number }

/** A cookie a NextAuth route wants to send, before serialisation (`{ name, value, options }` in the real code). */
export interface OutgoingCookie {
  name: string
  value: string
  options: SetCookieOptions
}

/** Why the jar refused a cookie (`details.reason` of a `COOKIE_REJECTED` error). */
export const COOKIE_REJECT_REASONS = [
  'secure-from-insecure-url', // `Secure` set by a plain-http page that is not localhost
  'secure-prefix-needs-secure', // `__Secure-` without `Secure` (or from an insecure URL)
  'host-prefix-needs-secure', // `__Host-` without `Secure` (or from an insecure URL)
  'host-prefix-forbids-domain', // `__Host-` with a `Domain` attribute
  'host-prefix-needs-root-path', // `__Host-` without `Path=/`
  'domain-mismatch', // `Domain` that the request host does not belong to
  'samesite-none-needs-secure', // `SameSite=None` without `Secure`
  'overwrite-secure-from-insecure-url', // an insecure URL trying to replace a `Secure` cookie
] as const

export type CookieRejectReason = (typeof COOKIE_REJECT_REASONS)[number]

/** What applying one `Set-Cookie` line did to the jar. */
export type CookieChange =
  | { kind: 'set'; cookie: CookieView }
  /** `removed` is the cookie the line deleted, or null when there was none under that name, domain and path. */
  | { kind: 'deleted'; name: string; removed: CookieView | null }
  | { kind: 'rejected'; name: string; error: EngineError }
