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
