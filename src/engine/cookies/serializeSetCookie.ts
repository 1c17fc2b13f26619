// The `Set-Cookie` line NextAuth sends for a cookie: the `cookie` package's `serialize`, as called by
// `next-auth/next/utils.js` (`setCookie`, `toResponse`) and `@auth/core/lib/utils/web.js` (`toResponse`).
// The app's `cookie@1` accepts more names than the libraries' own serialisers, so names are checked
// here first, with their rule (isCookieName).
import { serialize } from 'cookie'
import { EngineError } from '../errors'
import type { FlowFlavor } from '../flow/types'
import { isCookieName } from './isCookieName'
import type { OutgoingCookie, SetCookieOptions } from './types'

/**
 * The exact `Set-Cookie` line: value through `encodeURIComponent`, attributes in the `cookie`
 * package's fixed order (Max-Age, Domain, Path, Expires, HttpOnly, Secure, SameSite), `Expires`
 * via `toUTCString()`. v4's `cookie@0.7` floors a fractional `maxAge`; Auth.js's copy throws. A name
 * either library refuses (see isCookieName) is `CONFIG_INVALID`, with that library's TypeError as cause.
 * @example serializeSetCookie('next-auth.session-token', '', { path: '/', httpOnly: true, sameSite: 'lax', maxAge: 0 })
 * // 'next-auth.session-token=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax'
 */
export function serializeSetCookie(name: string, value: string, options: SetCookieOptions = {}, flavor: FlowFlavor = 'authjs'): string {
  const { expiresAtSec, maxAge, ...rest } = options
  try {
    // The TypeError each library's serialiser throws for the name (cookie@0.7's has no name in it).
    if (!isCookieName(name)) throw new TypeError(flavor === 'next-auth-v4' ? 'argument name is invalid' : `argument name is invalid: ${name}`)
    return serialize(name, value, {
      ...rest,
      maxAge: maxAge === undefined || flavor === 'authjs' ? maxAge : Math.floor(maxAge),
      expires: expiresAtSec === undefined ? undefined : new Date(expiresAtSec * 1000),
    })
  } catch (cause) {
    // The real handler throws the same TypeError (e.g. a cookie name with a space in `cookies`).
    throw new EngineError('CONFIG_INVALID', `cannot serialise cookie ${name}: ${(cause as Error).message}`, {
      cause,
      details: { setting: 'cookies', cookieName: name },
    })
  }
}

/** `serializeSetCookie` for a `{ name, value, options }` cookie as the real routes return them. */
export function serializeOutgoingCookie(cookie: OutgoingCookie, flavor?: FlowFlavor): string {
  return serializeSetCookie(cookie.name, cookie.value, cookie.options, flavor)
}
