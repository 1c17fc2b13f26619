// The cookie engine's public list: the browser jar and NextAuth's cookie helpers (names, options,
// `Set-Cookie` serialisation, session-cookie chunking, the CSRF cookie).
export { createCookieJar, cookieSizeBytes } from './createCookieJar'
export type { CookieJar } from './createCookieJar'
export { defaultCookies, resolveCookies, hasCookieKey, OAUTH_CHECK_COOKIE_MAX_AGE_SEC } from './defaultCookies'
export { serializeSetCookie, serializeOutgoingCookie } from './serializeSetCookie'
export { isCookieName } from './isCookieName'
export { parseCookieHeader, parseSetCookie, parseSetCookieLines } from './parseCookies'
export type { ParseCookieHeaderOptions, ParsedSetCookie } from './parseCookies'
export { createSessionStore } from './createSessionStore'
export type { ChunkingLogPayload, SessionStore, SessionStoreInput, SessionStoreLogger } from './createSessionStore'
export { createCsrfToken, csrfHash } from './createCsrfToken'
export type { CsrfTokenInput, CsrfTokenResult } from './createCsrfToken'
export {
  ALLOWED_COOKIE_SIZE,
  BROWSER_MAX_COOKIE_AGE_SEC,
  BROWSER_MAX_NAME_VALUE_BYTES,
  CHUNK_SIZE,
  ESTIMATED_EMPTY_COOKIE_SIZE,
} from './constants'
export { COOKIE_REJECT_REASONS } from './types'
export type {
  AuthjsCookieDefinitions,
  CookieChange,
  CookieDefinition,
  CookieDefinitions,
  CookieOptions,
  CookieRejectReason,
  OutgoingCookie,
  ResolvedCookie,
  ResolvedCookies,
  SetCookieOptions,
  V4CookieDefinitions,
  V4CookieKey,
} from './types'
export { defaultPath, domainMatches, isSecureForCookies, pathMatches } from './urlRules'
