import type { CookieView } from '../../engine/index'

const DEFAULT_SESSION_COOKIE = /(^|[.-])session-token(\.\d+)?$/

/** The session cookie (or its first chunk) in the jar; `overrideName` is `cookies.sessionToken.name` when set. */
export function findSessionCookie(jar: CookieView[], overrideName?: string): CookieView | undefined {
  const matches = (name: string) => (overrideName ? name === overrideName || new RegExp(`^${escape(overrideName)}\\.\\d+$`).test(name) : DEFAULT_SESSION_COOKIE.test(name))
  return jar.find((cookie) => matches(cookie.name))
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
