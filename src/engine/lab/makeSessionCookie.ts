// "Make" in the Token lab: a session token from a JSON payload, and the exact `Set-Cookie` lines the
// real handler sends for it — `encode()` (`next-auth/jwt/index.js`, `@auth/core/jwt.js`), then
// `SessionStore.chunk()` with `expires = now + maxAge` and `cookie.serialize` (`core/lib/cookie.js`).
import { DATE_LIMIT_SEC } from '../clock/dateLimit'
import { isEngineError, type SerializedEngineError } from '../errors'
import type { FlowFlavor } from '../flow/types'
import type { RandomSource } from '../random'
import type { KeyView } from '../trace'
import { createSessionStore, defaultCookies, encodeDetailed, isCookieName, serializeSetCookie, CHUNK_SIZE } from './engines'

export interface MakeSessionCookieRequest {
  /** The token as JSON text, as typed. */
  payloadJson: string
  /** Auth.js: the first secret encrypts (as `secret[0]` in the real encode). */
  secret: string | string[]
  flavor: FlowFlavor
  maxAgeSec: number
  /** The session cookie name; for Auth.js it is also the salt. */
  cookieName: string
  nowSec: number
  random?: RandomSource
}

export interface MadeCookie {
  name: string
  value: string
  setCookie: string
}

export type MakeProblem = 'payload-not-json' | 'payload-not-object' | 'max-age-invalid' | 'max-age-out-of-range' | 'cookie-name-invalid'

/** Plain decimal seconds as typed ("2592000", "-60", "1.5"); NaN for anything else (hex, exponents, units, blank). */
export function parseMaxAgeText(text: string): number {
  return /^\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)\s*$/.test(text) ? Number(text) : Number.NaN
}

export type MakeSessionCookieResult =
  | {
      ok: true
      token: string
      header: Record<string, unknown>
      claims: Record<string, unknown>
      key: KeyView
      /** The cookies the handler writes, in order: one, or `.0`, `.1`, … when the token is longer than a chunk. */
      cookies: MadeCookie[]
      chunkSize: number
      /** The cookie's `Expires`: now + maxAge, as the handler sets it (whole seconds here). */
      expiresAtSec: number
      secure: boolean
      /** `document.cookie = "…"` lines for the devtools console (no HttpOnly: scripts cannot set it). */
      consoleSnippet: string
    }
  | { ok: false; problem: Exclude<MakeProblem, 'max-age-out-of-range'>; message?: string }
  /** `Expires` (now + maxAge) would not be a date: maxAge must lie within these bounds, whole seconds. */
  | { ok: false; problem: 'max-age-out-of-range'; minSec: number; maxSec: number }
  | { ok: false; problem: 'engine'; error: SerializedEngineError }

export async function makeSessionCookie(request: MakeSessionCookieRequest): Promise<MakeSessionCookieResult> {
  let payload: unknown
  try {
    payload = JSON.parse(request.payloadJson)
  } catch (error) {
    return { ok: false, problem: 'payload-not-json', message: (error as Error).message }
  }
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) return { ok: false, problem: 'payload-not-object' }
  if (!Number.isFinite(request.maxAgeSec)) return { ok: false, problem: 'max-age-invalid' }
  const maxSec = Math.floor(DATE_LIMIT_SEC - request.nowSec)
  const minSec = Math.ceil(-DATE_LIMIT_SEC - request.nowSec)
  if (request.maxAgeSec > maxSec || request.maxAgeSec < minSec) return { ok: false, problem: 'max-age-out-of-range', minSec, maxSec }
  if (!isCookieName(request.cookieName)) return { ok: false, problem: 'cookie-name-invalid' }

  const { flavor, cookieName, nowSec, maxAgeSec } = request
  const secret = flavor === 'authjs' ? request.secret : Array.isArray(request.secret) ? (request.secret[0] ?? '') : request.secret
  const secure = cookieName.startsWith('__Secure-') || cookieName.startsWith('__Host-')
  try {
    const encoded = await encodeDetailed({
      token: payload,
      secret,
      maxAge: maxAgeSec,
      // v4 session tokens always use the empty salt; Auth.js salts with the cookie name.
      salt: flavor === 'authjs' ? cookieName : '',
      flavor,
      nowSec,
      random: request.random,
    })
    // The handler: `sessionStore.chunk(token, { expires: fromDate(sessionMaxAge) })` on a fresh store.
    const options = defaultCookies(flavor, secure).sessionToken.options
    const expiresAtSec = nowSec + maxAgeSec
    const store = createSessionStore({ flavor, cookie: { name: cookieName, options }, requestCookies: {} })
    const cookies = store.chunk(encoded.token, { expiresAtSec }).map((cookie) => ({
      name: cookie.name,
      value: cookie.value,
      setCookie: serializeSetCookie(cookie.name, cookie.value, cookie.options, flavor),
    }))
    return {
      ok: true,
      token: encoded.token,
      header: encoded.header,
      claims: encoded.claims,
      key: encoded.key,
      cookies,
      chunkSize: CHUNK_SIZE[flavor],
      expiresAtSec,
      secure,
      consoleSnippet: cookies.map((cookie) => consoleLine(cookie, expiresAtSec, secure)).join('\n'),
    }
  } catch (error) {
    if (isEngineError(error)) return { ok: false, problem: 'engine', error: error.toJSON() }
    throw error
  }
}

/** One `document.cookie` assignment: same name, value, path, expiry and SameSite; HttpOnly is not settable from scripts. */
function consoleLine(cookie: MadeCookie, expiresAtSec: number, secure: boolean): string {
  const expires = new Date(expiresAtSec * 1000).toUTCString()
  const attributes = [`${cookie.name}=${encodeURIComponent(cookie.value)}`, 'path=/', `expires=${expires}`, 'SameSite=Lax', ...(secure ? ['Secure'] : [])]
  return `document.cookie = ${JSON.stringify(attributes.join('; '))}`
}
