// The token and cookie engines the flows call, gathered in one place.
export { encodeDetailed, decodeDetailed, deriveKey } from '../jwt/index'
export { createCookieJar, createSessionStore, createCsrfToken, serializeSetCookie, parseCookieHeader } from '../cookies/index'
export type { CookieJar } from '../cookies/index'
