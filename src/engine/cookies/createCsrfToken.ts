// NextAuth's double-submit CSRF cookie: `<token>|sha256hex(token + secret)`. Follows `createCSRFToken`
// in `next-auth/core/lib/csrf-token.js` (v4) and `@auth/core/lib/actions/callback/oauth/csrf-token.js`.
import type { RandomSource } from '../random'

export interface CsrfTokenInput {
  /** The app's secret. An array (Auth.js rotation) is placed in a template string, so it hashes as `"a,b"`. */
  secret: string | readonly string[]
  /** The CSRF cookie's value as the server parsed it (`|` already decoded), if the request had one. */
  cookieValue?: string
  isPost: boolean
  /** `csrfToken` from the request body. */
  bodyToken?: string
  random: RandomSource
}

export interface CsrfTokenResult {
  /** The token the app would get from `/api/auth/csrf` (the first half of the cookie). */
  csrfToken: string
  /** Set when a new CSRF cookie must be issued (no cookie, or its hash did not match). */
  cookieValue?: string
  /** True only for a POST whose body token equals the trusted cookie's token. */
  csrfTokenVerified: boolean
  /** Whether the request carried a CSRF cookie at all (empty counts as absent, as in the real code). */
  cookiePresent: boolean
  /** Whether that cookie's hash matched `token + secret`. */
  hashValid: boolean
}

/** Checks the request's CSRF cookie against the secret and issues a new one when it is missing or forged. */
export async function createCsrfToken({ secret, cookieValue, isPost, bodyToken, random }: CsrfTokenInput): Promise<CsrfTokenResult> {
  if (cookieValue) {
    // Like the real code: only the first two `|`-separated parts are looked at.
    const [csrfToken = '', csrfTokenHash] = cookieValue.split('|')
    if (csrfTokenHash === (await csrfHash(csrfToken, secret))) {
      return { csrfToken, csrfTokenVerified: isPost && csrfToken === bodyToken, cookiePresent: true, hashValid: true }
    }
  }
  const csrfToken = toHex(random.bytes(32))
  const newCookieValue = `${csrfToken}|${await csrfHash(csrfToken, secret)}`
  return { csrfToken, cookieValue: newCookieValue, csrfTokenVerified: false, cookiePresent: Boolean(cookieValue), hashValid: false }
}

/** Lowercase hex SHA-256 of the UTF-8 text `token + secret` (no separator). */
export async function csrfHash(csrfToken: string, secret: string | readonly string[]): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${csrfToken}${String(secret)}`))
  return toHex(new Uint8Array(digest))
}

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}
