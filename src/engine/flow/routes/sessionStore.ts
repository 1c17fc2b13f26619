// Reading the session cookie the way the route's `SessionStore` does (next-auth/core/lib/cookie.js,
// @auth/core/lib/utils/cookie.js), recording which cookies it joined.
import type { FlowContext } from '../flowContext'
import { createSessionStore, type ChunkingLogPayload, type ResolvedCookie } from '../ports'

export function openSessionStore(ctx: FlowContext, cookie: ResolvedCookie, requestCookies: Record<string, string>, source: string, actor: 'routeHandler' | 'middleware' = 'routeHandler') {
  const logger = {
    // Sent to logger.debug whenever the token is split; the default logger prints it only with `debug: true`.
    debug(code: 'CHUNKING_SESSION_COOKIE', payload: ChunkingLogPayload) {
      ctx.trace.emit('routeHandler', ctx.sources.sessionStore, { kind: 'log.written', level: 'debug', code, text: JSON.stringify(payload) })
    },
  }
  const store = createSessionStore({ flavor: ctx.config.flavor, cookie, requestCookies, logger })
  // Prefix match, as the real store does (Auth.js also skips empty values).
  const names = Object.keys(requestCookies).filter((name) => name.startsWith(cookie.name) && (ctx.config.flavor === 'next-auth-v4' || requestCookies[name] !== ''))
  const value = store.value || null
  ctx.trace.emit(actor, source, { kind: 'cookies.read', cookieName: cookie.name, names, chunked: names.some((name) => name !== cookie.name), value })
  return store
}
