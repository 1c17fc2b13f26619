// `GET /api/auth/session` and `POST /api/auth/session` (update) with JWT sessions: decode, `jwt`
// callback, default session, `session` callback, re-encode and re-set the cookie on every call.
// Follows next-auth/core/routes/session.js and @auth/core/lib/actions/session.js.
import type { OutgoingCookie } from '../ports'
import { libraryMessageOf } from '../../errors'
import { NO_CACHE_HEADERS } from '../constants'
import type { FlowContext } from '../flowContext'
import { flagOddReturn, invokeCallback } from '../invokeCallback'
import { logAuthjsError, logV4Error } from '../serverLog'
import { decodeSessionToken, encodeSessionToken, sessionSalt } from '../sessionToken'
import { openSessionStore } from './sessionStore'
import type { InitResult, InternalRequest, RouteResult } from './types'

type AnyRecord = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

export async function sessionRoute(ctx: FlowContext, req: InternalRequest, init: InitResult, update: { isUpdate: boolean; newSession?: unknown }): Promise<RouteResult> {
  const { options } = init
  const isV4 = ctx.config.flavor === 'next-auth-v4'
  const source = ctx.sources.session
  const cookies: OutgoingCookie[] = [...init.cookies]
  const result: RouteResult = {
    body: isV4 ? {} : null,
    headers: update.isUpdate ? [['Content-Type', 'application/json']] : NO_CACHE_HEADERS[ctx.config.flavor],
    cookies,
  }
  const store = openSessionStore(ctx, options.cookies.sessionToken, req.cookies, source)
  const sessionToken = store.value
  if (!sessionToken) return result

  const fail = (message: string, cause?: string) => {
    if (isV4) logV4Error(ctx, 'JWT_SESSION_ERROR', message)
    else logAuthjsError(ctx, 'JWTSessionError', '', cause ?? message)
    cookies.push(...store.clean())
    return result
  }

  const salt = sessionSalt(ctx, options)
  const decoded = await decodeSessionToken(ctx, options.secret, salt, sessionToken, source)
  if (!decoded.ok) return fail(libraryMessageOf(decoded.error))
  if (!decoded.claims) return fail(isV4 ? 'JWT invalid' : 'Invalid JWT')
  const decodedToken = decoded.claims

  const jwt = await invokeCallback(ctx, 'jwt', { token: decodedToken, ...(update.isUpdate ? { trigger: 'update' } : {}), session: update.newSession }, source)
  if (!jwt.ok) return fail(jwt.message)
  flagOddReturn(ctx, 'jwt', jwt.value, source)
  const token = jwt.value as AnyRecord | null | undefined

  const nowMs = ctx.clock.nowMs()
  const newExpiresMs = nowMs + options.sessionMaxAgeSec * 1000
  // `fromDate(session.maxAge).toISOString()`: a maxAge that is not a number gives an Invalid Date, and a RangeError inside the route's try.
  const expiresIso = isoTime(newExpiresMs)
  const invalidTime = 'Invalid time value'

  if (!isV4 && token === null) {
    // Auth.js: a `jwt` callback returning null signs the user out, quietly.
    cookies.push(...store.clean())
    return result
  }

  // v4 builds `session.user` from the decoded token (an in-place edit by the callback shows, a new object does not);
  // Auth.js from the token the callback returned.
  const userFrom = isV4 && jwt.returnedArgument !== 'token' ? 'decodedToken' : 'returnedToken'
  const userSource = (userFrom === 'decodedToken' ? decodedToken : token) as AnyRecord | undefined
  // Auth.js reads `token.name` straight away: a callback that returned nothing makes that throw.
  if (userSource === undefined) return fail("Cannot read properties of undefined (reading 'name')")
  if (expiresIso === null) return fail(invalidTime)
  const session = { user: { name: userSource.name, email: userSource.email, image: userSource.picture }, expires: expiresIso }
  ctx.trace.emit('routeHandler', source, { kind: 'session.built', session, expiresIso, userFrom, staleFields: staleUserFields(userFrom, decodedToken, token) })

  const sessionCallback = await invokeCallback(ctx, 'session', { session, token }, source)
  if (!sessionCallback.ok) return fail(sessionCallback.message)
  flagOddReturn(ctx, 'session', sessionCallback.value, source)
  result.body = sessionCallback.value

  // v4 re-encodes with session.maxAge; Auth.js with jwt.maxAge (which defaults to session.maxAge).
  const maxAgeSec = isV4 ? options.sessionMaxAgeSec : options.jwtMaxAgeSec
  const maxAgeFrom = isV4 || options.jwtMaxAgeFrom !== 'jwt.maxAge' ? 'session.maxAge' : 'jwt.maxAge'
  const encoded = await encodeSessionToken(ctx, options, token, maxAgeSec, maxAgeFrom)
  if (!encoded.ok) return fail(libraryMessageOf(encoded.error))

  const expiresAtSec = Math.floor(newExpiresMs / 1000)
  cookies.push(...store.chunk(encoded.token, { expiresAtSec }))
  ctx.trace.emit('routeHandler', source, {
    kind: 'session.expiries',
    ...(typeof encoded.claims.exp === 'number' ? { tokenExpSec: encoded.claims.exp } : {}),
    cookieExpiresAtSec: expiresAtSec,
    sessionExpiresIso: expiresIso,
  })
  return result
}

/** An ISO date string, or null for a time `Date` cannot hold (NaN, beyond ±8.64e15 ms), where `toISOString` throws. */
function isoTime(ms: number): string | null {
  const date = new Date(ms)
  return Number.isNaN(date.getTime()) ? null : date.toISOString()
}

/** v4: the `session.user` fields (name, email, image ← picture) the returned token changed, which a session built from the decoded token does not show. */
function staleUserFields(userFrom: 'decodedToken' | 'returnedToken', decoded: Record<string, unknown>, returned: unknown): string[] {
  if (userFrom === 'returnedToken' || returned === null || typeof returned !== 'object') return []
  const claims = returned as Record<string, unknown>
  const fields = [['name', 'name'], ['email', 'email'], ['image', 'picture']] as const
  return fields.filter(([, claim]) => JSON.stringify(decoded[claim]) !== JSON.stringify(claims[claim])).map(([field]) => field)
}
