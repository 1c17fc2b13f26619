// The URL rules a browser applies to cookies (RFC 6265bis §5.1 and Chromium's cookie_util): default
// path, path-match, domain-match, and which URLs count as secure for cookies.

/** Chromium treats these hosts as trustworthy: Secure cookies may be set and sent over plain http. */
export function isLocalhost(host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '')
  return h === 'localhost' || h.endsWith('.localhost') || /^127(\.\d{1,3}){3}$/.test(h) || h === '[::1]'
}

/** https, or plain http to localhost (checked in Chromium 156: Secure cookies are set and sent there). */
export function isSecureForCookies(url: URL): boolean {
  return url.protocol === 'https:' || url.protocol === 'wss:' || isLocalhost(url.hostname)
}

export function isIpAddress(host: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.startsWith('[')
}

/** RFC 6265 §5.1.4: the directory of the request path (`/api/auth/session` → `/api/auth`). */
export function defaultPath(pathname: string): string {
  if (!pathname.startsWith('/')) return '/'
  const lastSlash = pathname.lastIndexOf('/')
  return lastSlash === 0 ? '/' : pathname.slice(0, lastSlash)
}

/** RFC 6265 §5.1.4 path-match: `/api` matches `/api`, `/api/x`, not `/apix`. */
export function pathMatches(requestPath: string, cookiePath: string): boolean {
  if (requestPath === cookiePath) return true
  if (!requestPath.startsWith(cookiePath)) return false
  return cookiePath.endsWith('/') || requestPath.charAt(cookiePath.length) === '/'
}

/**
 * Whether `host` may receive a cookie stored under `domain`: a host-only cookie (no leading dot)
 * only goes to its own host; a domain cookie (`.example.com`) also to every subdomain.
 */
export function domainMatches(host: string, domain: string): boolean {
  if (!domain.startsWith('.')) return host === domain
  const bare = domain.slice(1)
  return host === bare || (!isIpAddress(host) && host.endsWith(domain))
}
