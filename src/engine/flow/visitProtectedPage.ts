// A page behind middleware. v4: `withAuth` (next-auth/next/middleware.js) calling `getToken`
// (next-auth/jwt/index.js) with secureCookie inferred from NEXTAUTH_URL. Auth.js: the app's own
// middleware calling `getToken({ req, secret })` (@auth/core/jwt.js): secureCookie false unless
// passed, salt = cookie name. Both answer null on any decode failure; the trace records why.
import type { EngineErrorCode } from '../errors'
import type { FlowResult, GetTokenNullReason, HeaderLine } from '../trace'
import { expireCookies, respond } from './browser'
import type { FlowContext } from './flowContext'
import { parseCookieHeader, resolveCookies } from './ports'
import { hasSecret, parseSiteUrl } from './resolveOptions'
import { openSessionStore } from './routes/sessionStore'
import { decodeSessionToken } from './sessionToken'
import type { ProtectedPageInput } from './types'
import { logV4Error } from './serverLog'

const NULL_REASONS: Partial<Record<EngineErrorCode, GetTokenNullReason>> = {
  JWT_DECRYPT_FAILED: 'decrypt-failed',
  JWT_SIGNATURE_INVALID: 'decrypt-failed',
  JWT_NO_MATCHING_SECRET: 'no-matching-secret',
  JWT_EXPIRED: 'expired',
  JWT_NOT_YET_VALID: 'not-yet-valid',
  NO_SECRET: 'no-secret',
}

export async function visitProtectedPageFlow(ctx: FlowContext, input: ProtectedPageInput): Promise<FlowResult> {
  const { config } = ctx
  const isV4 = config.flavor === 'next-auth-v4'
  const site = parseSiteUrl(config.siteUrl)
  const path = input.path && input.path.startsWith('/') ? input.path : '/dashboard'
  const url = `${site.origin}${path}`
  const source = ctx.sources.middleware
  expireCookies(ctx)
  const cookieHeader = ctx.jar.cookieHeader(url)
  const headers: HeaderLine[] = cookieHeader ? [['Cookie', cookieHeader]] : []
  const requestId = ctx.trace.nextRequestId()
  ctx.trace.emit('browser', undefined, { kind: 'http.requested', requestId, from: 'browser', to: 'middleware', request: { method: 'GET', url, headers } })
  const signInUrl = new URL(`${site.path}/signin`, site.origin)
  signInUrl.searchParams.append('callbackUrl', path)

  const finish = (token: Record<string, unknown> | null, authorized: boolean, status: number, redirectTo?: string): FlowResult => {
    ctx.trace.emit('middleware', source, { kind: 'middleware.decided', authorized, ...(redirectTo ? { redirectTo } : {}) })
    respond(ctx, requestId, url, { status, headers: redirectTo ? [['Location', redirectTo]] : [['Content-Type', 'text/html']], setCookies: [] }, 'middleware', source)
    return { flow: 'visitProtectedPage', token, authorized, ...(redirectTo ? { redirectTo } : {}) }
  }

  // withAuth never guards the auth routes, the sign-in and error pages, /_next or /favicon.ico.
  if (isV4 && (path.startsWith(site.path) || path.startsWith('/_next') || path.startsWith('/favicon.ico'))) return finish(null, true, 200)

  const secret = hasSecret(config.secret) ? (Array.isArray(config.secret) ? (isV4 ? config.secret[0] : config.secret) : config.secret) : undefined
  const secureCookie = isV4 ? site.base.startsWith('https://') : false
  const cookieName = (isV4 ? config.cookies?.sessionToken?.name : undefined) ?? resolveCookies(config.flavor, secureCookie).sessionToken.name
  const store = openSessionStore(ctx, { name: cookieName, options: {} }, parseCookieHeader(cookieHeader), ctx.sources.getToken, 'middleware')
  const token = store.value

  const resolved = (claims: Record<string, unknown> | null, nullReason?: GetTokenNullReason) =>
    ctx.trace.emit('middleware', ctx.sources.getToken, { kind: 'getToken.resolved', cookieName, secureCookie, token: claims, ...(nullReason ? { nullReason } : {}) })

  if (secret === undefined) {
    if (isV4) {
      // withAuth checks the secret before it looks for a token.
      logV4Error(ctx, 'NO_SECRET', '')
      return finish(null, false, 307, `${site.origin}${site.path}/error?error=Configuration`)
    }
    if (token) {
      // Auth.js getToken throws MissingSecret when a token is present: the middleware crashes.
      resolved(null, 'no-secret')
      ctx.trace.emit('middleware', ctx.sources.getToken, { kind: 'flow.failed', error: { code: 'NO_SECRET', message: 'Must pass `secret` if not set to JWT getToken()', details: {} } })
      ctx.trace.emit('middleware', source, { kind: 'middleware.decided', authorized: false })
      respond(ctx, requestId, url, { status: 500, headers: [['Content-Type', 'text/plain']], body: 'Internal Server Error', setCookies: [] }, 'middleware', source)
      return { flow: 'visitProtectedPage', token: null, authorized: false }
    }
  }
  if (!token) {
    resolved(null, 'no-cookie')
    return finish(null, false, 307, signInUrl.toString())
  }
  const decoded = await decodeSessionToken(ctx, secret, isV4 ? '' : cookieName, token, ctx.sources.getToken)
  if (!decoded.ok) {
    resolved(null, NULL_REASONS[decoded.error.code] ?? 'malformed')
    return finish(null, false, 307, signInUrl.toString())
  }
  resolved(decoded.claims)
  return decoded.claims ? finish(decoded.claims, true, 200) : finish(null, false, 307, signInUrl.toString())
}
