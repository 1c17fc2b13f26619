// The default session cookie names of both libraries, with and without `__Secure-`, taken from the
// cookie engine's `defaultCookies()` (which follows `next-auth/core/lib/cookie.js` and
// `@auth/core/lib/utils/cookie.js`); the lab uses them to recognise a pasted cookie.
import { defaultCookies } from '../cookies/defaultCookies'
import type { FlowFlavor } from '../flow/types'

export interface KnownSessionCookie {
  name: string
  flavor: FlowFlavor
  secure: boolean
}

const FLAVORS: readonly FlowFlavor[] = ['next-auth-v4', 'authjs']

export const SESSION_COOKIE_NAMES: readonly KnownSessionCookie[] = FLAVORS.flatMap((flavor) =>
  [false, true].map((secure) => ({ name: defaultCookies(flavor, secure).sessionToken.name, flavor, secure })),
)

/** The default session cookie name of `flavor`, with or without the `__Secure-` prefix. */
export function sessionCookieName(flavor: FlowFlavor, secure: boolean): string {
  return defaultCookies(flavor, secure).sessionToken.name
}

/**
 * Salts worth trying for an Auth.js token whose cookie name is unknown or wrong: the Auth.js default
 * names (plain and `__Secure-`), the `__Host-` variant some apps configure, and the v4 names an app
 * upgraded to Auth.js may have kept in `cookies.sessionToken.name`.
 */
export const AUTHJS_SALT_GUESSES: readonly string[] = [
  sessionCookieName('authjs', false),
  sessionCookieName('authjs', true),
  `__Host-${sessionCookieName('authjs', false)}`,
  sessionCookieName('next-auth-v4', false),
  sessionCookieName('next-auth-v4', true),
]
