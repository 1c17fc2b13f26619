// NextAuth's cookie table and how the app's `cookies` option changes it. Follows `defaultCookies()` in
// `next-auth/core/lib/cookie.js` / `@auth/core/lib/utils/cookie.js`, and the merge in each `init.js`.
import type { CookieKey, CookieOverride, FlowFlavor } from '../flow/types'
import type {
  AuthjsCookieDefinitions,
  CookieDefinitions,
  CookieOptions,
  ResolvedCookie,
  ResolvedCookies,
  V4CookieDefinitions,
} from './types'

/** Seconds the OAuth check cookies live (`maxAge: 60 * 15` in the real table). */
export const OAUTH_CHECK_COOKIE_MAX_AGE_SEC = 60 * 15

const BASE_NAMES: Readonly<Record<FlowFlavor, string>> = { 'next-auth-v4': 'next-auth', authjs: 'authjs' }

/**
 * The real `defaultCookies(useSecureCookies)`: `__Secure-` names (and `__Host-` for the CSRF cookie)
 * and `secure: true` when secure cookies are used. v4's table has no `webauthnChallenge` key.
 */
export function defaultCookies(flavor: 'next-auth-v4', useSecureCookies: boolean): V4CookieDefinitions
export function defaultCookies(flavor: 'authjs', useSecureCookies: boolean): AuthjsCookieDefinitions
export function defaultCookies(flavor: FlowFlavor, useSecureCookies: boolean): CookieDefinitions
export function defaultCookies(flavor: FlowFlavor, useSecureCookies: boolean): CookieDefinitions {
  const prefix = useSecureCookies ? '__Secure-' : ''
  const base = BASE_NAMES[flavor]
  const options = (maxAge?: number): CookieOptions => ({
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: useSecureCookies,
    ...(maxAge === undefined ? {} : { maxAge }),
  })
  const table: CookieDefinitions = {
    sessionToken: { name: `${prefix}${base}.session-token`, options: options() },
    callbackUrl: { name: `${prefix}${base}.callback-url`, options: options() },
    csrfToken: { name: `${useSecureCookies ? '__Host-' : ''}${base}.csrf-token`, options: options() },
    pkceCodeVerifier: { name: `${prefix}${base}.pkce.code_verifier`, options: options(OAUTH_CHECK_COOKIE_MAX_AGE_SEC) },
    state: { name: `${prefix}${base}.state`, options: options(OAUTH_CHECK_COOKIE_MAX_AGE_SEC) },
    nonce: { name: `${prefix}${base}.nonce`, options: options() },
  }
  if (flavor === 'authjs') table.webauthnChallenge = { name: `${prefix}${base}.challenge`, options: options(OAUTH_CHECK_COOKIE_MAX_AGE_SEC) }
  return table
}

/**
 * The cookie table after the app's `cookies` option. v4 (`core/init.js`) spreads the overrides over
 * the defaults one level deep, so an overridden key is replaced whole; Auth.js (`lib/init.js`)
 * deep-merges them, skipping `undefined` values.
 */
export function resolveCookies(
  flavor: FlowFlavor,
  useSecureCookies: boolean,
  overrides?: Partial<Record<CookieKey, CookieOverride>>,
): ResolvedCookies {
  const table: ResolvedCookies = defaultCookies(flavor, useSecureCookies)
  if (!overrides) return table
  for (const key of Object.keys(overrides) as CookieKey[]) {
    const override = overrides[key]
    // An explicit `undefined` entry would make the real v4 handler crash on `.name`; we ignore it.
    if (!isObject(override)) continue
    const current = table[key]
    if (flavor === 'next-auth-v4' || current === undefined) table[key] = replaceWhole(override)
    else table[key] = mergeInto(current, override)
  }
  return table
}

/** v4: `{ ...defaults, ...authOptions.cookies }` – the override object is the definition. */
function replaceWhole(override: CookieOverride): ResolvedCookie {
  const missing: ('name' | 'options')[] = []
  if (override.name === undefined) missing.push('name')
  if (override.options === undefined) missing.push('options')
  // A missing name is `undefined`, which `startsWith` and `serialize` turn into the text "undefined".
  const resolved: ResolvedCookie = { name: String(override.name), options: { ...override.options } }
  if (missing.length > 0) resolved.missing = missing
  return resolved
}

/** Auth.js `merge()` for one key: objects merge recursively, `undefined` never overwrites. */
function mergeInto(target: ResolvedCookie, override: CookieOverride): ResolvedCookie {
  const merged: ResolvedCookie = { name: target.name, options: { ...target.options } }
  if (override.name !== undefined) merged.name = override.name
  if (isObject(override.options)) {
    for (const [option, value] of Object.entries(override.options)) {
      if (value !== undefined) (merged.options as Record<string, unknown>)[option] = value
    }
  }
  return merged
}

function isObject(value: unknown): value is object {
  return value !== null && typeof value === 'object'
}

/** True when `table` has the key; v4's table never has `webauthnChallenge`. */
export function hasCookieKey(table: CookieDefinitions | ResolvedCookies, key: CookieKey): boolean {
  return Object.prototype.hasOwnProperty.call(table, key)
}
