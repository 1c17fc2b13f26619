// Size limits: NextAuth's session-cookie chunking constants (`next-auth/core/lib/cookie.js`,
// `@auth/core/lib/utils/cookie.js`) and the browser's own cookie limits (Chromium's cookie store).
import type { FlowFlavor } from '../flow/types'

/** The size NextAuth aims to keep each session cookie under (both flavours). */
export const ALLOWED_COOKIE_SIZE = 4096

/** NextAuth's estimate of a `Set-Cookie` line with an empty value, per flavour. */
export const ESTIMATED_EMPTY_COOKIE_SIZE: Readonly<Record<FlowFlavor, number>> = {
  'next-auth-v4': 163,
  authjs: 160,
}

/** Characters of session-token value per cookie before NextAuth splits it: 3933 (v4) / 3936 (Auth.js). */
export const CHUNK_SIZE: Readonly<Record<FlowFlavor, number>> = {
  'next-auth-v4': ALLOWED_COOKIE_SIZE - ESTIMATED_EMPTY_COOKIE_SIZE['next-auth-v4'],
  authjs: ALLOWED_COOKIE_SIZE - ESTIMATED_EMPTY_COOKIE_SIZE.authjs,
}

/** A browser drops a cookie whose name plus value exceed this many bytes (Chromium: 4096 accepted, 4097 not). */
export const BROWSER_MAX_NAME_VALUE_BYTES = 4096

/** Chromium caps any cookie's lifetime at 400 days from when it is set (Max-Age or Expires beyond that are clamped). */
export const BROWSER_MAX_COOKIE_AGE_SEC = 400 * 24 * 60 * 60
