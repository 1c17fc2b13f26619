// The token and cookie engines the flows call (src/engine/jwt, src/engine/cookies), gathered in one place.
export { encodeDetailed, decodeDetailed, deriveKey, decodeBase64url, encodeBase64url, opensWithSalt } from '../jwt/index'
export { createCookieJar, createSessionStore, createCsrfToken, defaultCookies, resolveCookies, serializeSetCookie, parseCookieHeader } from '../cookies/index'
export type { ChunkingLogPayload, CookieJar, OutgoingCookie, ResolvedCookie, ResolvedCookies } from '../cookies/index'
