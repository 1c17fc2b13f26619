// Which cookie names NextAuth can write: the name check of the serialiser each library ships
// (next-auth v4's `cookie@0.7` and @auth/core's `lib/vendored/cookie.js`, both the RFC 6265 `token`).

/** RFC 6265 §4.1.1 `cookie-name` (an RFC 2616 `token`), the `cookieNameRegExp` of both real serialisers. */
const COOKIE_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/

/**
 * Whether NextAuth's cookie serialiser accepts `name`: letters, digits and ``!#$%&'*+-.^_`|~``, no
 * spaces, separators (`()<>@,;:\"/[]?={}`) or anything outside ASCII.
 * @example isCookieName('next-auth.session-token') // true
 * isCookieName('my@session') // false: both libraries throw TypeError('argument name is invalid')
 */
export function isCookieName(name: string): boolean {
  return COOKIE_NAME.test(name)
}
