// A browser's cookie store, driven by the simulated clock. Follows RFC 6265bis §5.6–5.8 as Chromium
// applies it (checked against Chromium 156): Secure/prefix/SameSite rules, default path, 400-day cap,
// and Chromium's overwrite rule (a changed value counts as a new cookie for the header order).
import type { SimClock } from '../clock/createSimClock'
import { EngineError } from '../errors'
import type { CookieView } from '../trace'
import { BROWSER_MAX_COOKIE_AGE_SEC, BROWSER_MAX_NAME_VALUE_BYTES } from './constants'
import { parseSetCookie, type ParsedSetCookie } from './parseCookies'
import type { CookieChange, CookieRejectReason } from './types'
import { defaultPath, domainMatches, isIpAddress, isSecureForCookies, pathMatches } from './urlRules'

export interface CookieJar {
  /** Applies one `Set-Cookie` line received from `requestUrl`. */
  apply(setCookie: string, requestUrl: string): CookieChange
  /** The `Cookie` header the browser sends to `requestUrl` ('' when none): longer paths first, then oldest first. */
  cookieHeader(requestUrl: string): string
  /** What `document.cookie` shows on `pageUrl`: the same cookies without the HttpOnly ones. */
  documentCookie(pageUrl: string): string
  /** Cookies not yet expired, oldest first. */
  list(): CookieView[]
  /** Drops the cookies whose `Expires` has passed on the clock and returns them. */
  removeExpired(): CookieView[]
  /** Every stored cookie, oldest first (expired ones not yet removed included), for `restore`. */
  snapshot(): CookieView[]
  /** Replaces the whole jar; the array order becomes the creation order. */
  restore(cookies: CookieView[]): void
  clear(): void
  /** The oldest unexpired cookie called `name`, if any. */
  get(name: string): CookieView | undefined
}

interface StoredCookie {
  view: CookieView
  /** Creation order; an overwrite with the same value keeps it, a new value gets a new one (Chromium). */
  seq: number
}

const utf8 = new TextEncoder()

/** UTF-8 bytes of name plus value: what the 4096-byte browser limit counts. */
export function cookieSizeBytes(name: string, value: string): number {
  return utf8.encode(name).length + utf8.encode(value).length
}

/**
 * A cookie jar that behaves like Chromium's for the requests the playground makes (all same-site).
 * @example
 * const jar = createCookieJar(createSimClock(1_700_000_000))
 * jar.apply('next-auth.session-token=abc; Path=/; HttpOnly; SameSite=Lax', 'http://localhost:3000/api/auth/callback/credentials')
 * jar.cookieHeader('http://localhost:3000/api/auth/session') // 'next-auth.session-token=abc'
 */
export function createCookieJar(clock: SimClock): CookieJar {
  let stored: StoredCookie[] = []
  let nextSeq = 0

  const isExpired = (view: CookieView) => view.expiresAtSec !== undefined && view.expiresAtSec * 1000 <= clock.nowMs()
  const alive = () => stored.filter((entry) => !isExpired(entry.view))

  function matching(requestUrl: string, withHttpOnly: boolean): CookieView[] {
    const url = new URL(requestUrl)
    const host = url.hostname.toLowerCase()
    const secure = isSecureForCookies(url)
    return alive()
      .filter(({ view }) => domainMatches(host, view.domain) && pathMatches(url.pathname, view.path))
      .filter(({ view }) => (secure || !view.secure) && (withHttpOnly || !view.httpOnly))
      .sort((a, b) => b.view.path.length - a.view.path.length || a.seq - b.seq)
      .map(({ view }) => view)
  }

  const pairs = (views: CookieView[]) => views.map((view) => (view.name === '' ? view.value : `${view.name}=${view.value}`)).join('; ')

  return {
    apply(setCookie, requestUrl) {
      const url = new URL(requestUrl)
      let parsed: ParsedSetCookie
      try {
        parsed = parseSetCookie(setCookie)
      } catch (error) {
        if (error instanceof EngineError) return { kind: 'rejected', name: '', error }
        throw error
      }
      const { name } = parsed
      const sizeBytes = cookieSizeBytes(name, parsed.value)
      if (sizeBytes > BROWSER_MAX_NAME_VALUE_BYTES) {
        const error = new EngineError('COOKIE_TOO_LARGE', `${name}: ${sizeBytes} bytes of name and value exceed ${BROWSER_MAX_NAME_VALUE_BYTES}`, {
          details: { name, sizeBytes, limitBytes: BROWSER_MAX_NAME_VALUE_BYTES },
        })
        return { kind: 'rejected', name, error }
      }
      const host = url.hostname.toLowerCase()
      const domain = cookieDomain(host, parsed.domain)
      const path = parsed.path?.startsWith('/') ? parsed.path : defaultPath(url.pathname)
      const secureUrl = isSecureForCookies(url)
      const reason = domain === null ? 'domain-mismatch' : rejectReason(parsed, domain, secureUrl, path, stored)
      if (reason || domain === null) {
        const error = new EngineError('COOKIE_REJECTED', `${name}: rejected (${reason}) from ${url.origin}`, {
          details: { name, reason, url: url.origin + url.pathname },
        })
        return { kind: 'rejected', name, error }
      }

      const expiresAtSec = expiryOf(parsed, clock)
      const sameKey = (entry: StoredCookie) => entry.view.name === name && entry.view.domain === domain && entry.view.path === path
      const existing = stored.find(sameKey)
      if (expiresAtSec !== undefined && expiresAtSec * 1000 <= clock.nowMs()) {
        stored = stored.filter((entry) => !sameKey(entry))
        return { kind: 'deleted', name, removed: existing && !isExpired(existing.view) ? existing.view : null }
      }
      const view: CookieView = {
        name,
        value: parsed.value,
        domain,
        path,
        ...(expiresAtSec === undefined ? {} : { expiresAtSec }),
        httpOnly: parsed.httpOnly,
        secure: parsed.secure,
        ...(parsed.sameSite === undefined ? {} : { sameSite: parsed.sameSite }),
        sizeBytes,
      }
      // Chromium keeps the old creation time (and so the header position) only when the value is unchanged.
      if (existing && existing.view.value === view.value) existing.view = view
      else {
        if (existing) stored = stored.filter((entry) => entry !== existing)
        stored.push({ view, seq: nextSeq++ })
      }
      return { kind: 'set', cookie: view }
    },
    cookieHeader: (requestUrl) => pairs(matching(requestUrl, true)),
    documentCookie: (pageUrl) => pairs(matching(pageUrl, false)),
    list: () => alive().map(({ view }) => view),
    removeExpired() {
      const expired = stored.filter((entry) => isExpired(entry.view))
      stored = stored.filter((entry) => !isExpired(entry.view))
      return expired.map(({ view }) => view)
    },
    snapshot: () => stored.map(({ view }) => ({ ...view })),
    restore(cookies) {
      stored = cookies.map((cookie) => ({ view: { ...cookie, sizeBytes: cookieSizeBytes(cookie.name, cookie.value) }, seq: nextSeq++ }))
    },
    clear() {
      stored = []
    },
    get: (name) => alive().find(({ view }) => view.name === name)?.view,
  }
}

/**
 * The stored domain: the request host for a host-only cookie, `.domain` for a `Domain` cookie.
 * Returns null when the attribute names a domain the host does not belong to.
 */
function cookieDomain(host: string, attribute: string | undefined): string | null {
  const wanted = attribute?.toLowerCase().replace(/^\./, '')
  if (!wanted) return host
  if (wanted === host && (isIpAddress(host) || !host.includes('.'))) return host
  if (isIpAddress(host)) return null
  // Simplified: no public-suffix list; a single-label domain (`com`, `test`) is refused as Chromium does for TLDs.
  if (!wanted.includes('.')) return null
  return host === wanted || host.endsWith(`.${wanted}`) ? `.${wanted}` : null
}

function hasPrefix(text: string, prefix: string): boolean {
  return text.slice(0, prefix.length).toLowerCase() === prefix.toLowerCase()
}

function rejectReason(
  cookie: ParsedSetCookie,
  domain: string,
  secureUrl: boolean,
  path: string,
  stored: StoredCookie[],
): CookieRejectReason | null {
  if (cookie.secure && !secureUrl) return 'secure-from-insecure-url'
  // Prefixes are matched case-insensitively; a nameless cookie may not smuggle one in its value.
  const prefixed = cookie.name === '' ? cookie.value : cookie.name
  if (hasPrefix(prefixed, '__Secure-') && !cookie.secure) return 'secure-prefix-needs-secure'
  if (hasPrefix(prefixed, '__Host-')) {
    if (!cookie.secure) return 'host-prefix-needs-secure'
    if (cookie.domain !== undefined) return 'host-prefix-forbids-domain'
    if (cookie.path !== '/') return 'host-prefix-needs-root-path'
  }
  if (cookie.sameSite === 'None' && !cookie.secure) return 'samesite-none-needs-secure'
  if (!cookie.secure && !secureUrl) {
    const shadowsSecure = stored.some(
      ({ view }) =>
        view.secure &&
        view.name === cookie.name &&
        (domainMatches(bareDomain(view.domain), domain) || domainMatches(bareDomain(domain), view.domain)) &&
        pathMatches(view.path, path),
    )
    if (shadowsSecure) return 'overwrite-secure-from-insecure-url'
  }
  return null
}

const bareDomain = (domain: string) => domain.replace(/^\./, '')

/** Max-Age wins over Expires; either is capped at 400 days from now. Undefined: a session cookie. */
function expiryOf(cookie: ParsedSetCookie, clock: SimClock): number | undefined {
  const nowSec = clock.nowSec()
  const expiresAtSec = cookie.maxAgeSec !== undefined ? nowSec + cookie.maxAgeSec : cookie.expiresAtSec
  if (expiresAtSec === undefined) return undefined
  return Math.min(expiresAtSec, nowSec + BROWSER_MAX_COOKIE_AGE_SEC)
}
