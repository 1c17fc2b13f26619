// A page behind middleware. v4: `withAuth` (next-auth/next/middleware.js) calling `getToken`
// (next-auth/jwt/index.js) with secureCookie inferred from NEXTAUTH_URL. Auth.js: the app's own
// middleware calling `getToken({ req, secret, secureCookie?, cookieName?, salt? })` (@auth/core/jwt.js):
// secureCookie false unless passed, salt = cookie name. Both answer null on any decode failure; the
// trace records why (for Auth.js, trying the other salts the token could have been made with).
import type { EngineErrorCode } from '../errors'
import type { FlowResult, GetTokenNullReason, HeaderLine } from '../trace'
import { expireCookies, respond } from './browser'
import type { FlowContext } from './flowContext'
import { defaultCookies, opensWithSalt, parseCookieHeader, resolveCookies } from './ports'
import { hasSecret, parseSiteUrl } from './resolveOptions'
import { openSessionStore } from './routes/sessionStore'
import { decodeSessionToken, tokenFlavor } from './sessionToken'
import type { ProtectedPageInput } from './types'
import { logUncaught, logV4Error } from './serverLog'

/** withAuth's pages without a `pages` option: fixed paths, whatever NEXTAUTH_URL's path is. */
const V4_SIGN_IN_PAGE = '/api/auth/signin'
const V4_ERROR_PAGE = '/api/auth/error'

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
  const signInUrl = new URL(isV4 ? V4_SIGN_IN_PAGE : `${site.path}/signin`, site.origin)
  signInUrl.searchParams.append('callbackUrl', path)
  const pathname = path.split(/[?#]/)[0]!

  const finish = (token: Record<string, unknown> | null, authorized: boolean, status: number, redirectTo?: string): FlowResult => {
    ctx.trace.emit('middleware', source, { kind: 'middleware.decided', authorized, ...(redirectTo ? { redirectTo } : {}) })
    respond(ctx, requestId, url, { status, headers: redirectTo ? [['Location', redirectTo]] : [['Content-Type', 'text/html']], setCookies: [] }, 'middleware', source)
    return { flow: 'visitProtectedPage', token, authorized, ...(redirectTo ? { redirectTo } : {}) }
  }

  // withAuth never guards the auth routes, its sign-in and error pages, /_next or /favicon.ico. The Auth.js
  // app's own middleware gets the matcher such apps use, which leaves the same paths out.
  const isPublic = pathname.startsWith(site.path) || (isV4 && [V4_SIGN_IN_PAGE, V4_ERROR_PAGE].includes(pathname)) || pathname.startsWith('/_next') || pathname.startsWith('/favicon.ico')
  if (isPublic) return finish(null, true, 200)

  const secret = hasSecret(config.secret) ? (Array.isArray(config.secret) ? (isV4 ? config.secret[0] : config.secret) : config.secret) : undefined
  const options = config.middleware ?? {}
  // v4 getToken: `NEXTAUTH_URL?.startsWith("https://")`, the raw setting (a bare host is not https here, though the handler makes it so).
  const secureCookie = isV4 ? config.siteUrl.startsWith('https://') : (options.secureCookie ?? false)
  const cookieName = (isV4 ? config.cookies?.sessionToken?.name : options.cookieName) ?? resolveCookies(config.flavor, secureCookie).sessionToken.name
  // v4 getToken passes no salt; Auth.js defaults it to the cookie name.
  const salt = isV4 ? '' : (options.salt ?? cookieName)
  const store = openSessionStore(ctx, { name: cookieName, options: {} }, parseCookieHeader(cookieHeader), ctx.sources.getToken, 'middleware')
  const token = store.value

  const resolved = (claims: Record<string, unknown> | null, nullReason?: GetTokenNullReason, workingSalt?: string) =>
    ctx.trace.emit('middleware', ctx.sources.getToken, {
      kind: 'getToken.resolved',
      cookieName,
      secureCookie,
      token: claims,
      ...(nullReason ? { nullReason } : {}),
      ...(isV4 ? {} : { salt }),
      ...(workingSalt === undefined ? {} : { workingSalt }),
    })

  if (secret === undefined) {
    if (isV4) {
      // withAuth checks the secret before it looks for a token.
      logV4Error(ctx, 'NO_SECRET', '', 'middleware')
      return finish(null, false, 307, `${site.origin}${V4_ERROR_PAGE}?error=Configuration`)
    }
    if (token) {
      // Auth.js getToken throws MissingSecret when a token is present: the middleware crashes.
      resolved(null, 'no-secret')
      ctx.trace.emit('middleware', ctx.sources.getToken, { kind: 'flow.failed', error: { code: 'NO_SECRET', message: 'Must pass `secret` if not set to JWT getToken()', details: {} } })
      logUncaught(ctx, 'MissingSecret: Must pass `secret` if not set to JWT getToken(). Read more at https://errors.authjs.dev#missingsecret', 'middleware')
      ctx.trace.emit('middleware', source, { kind: 'middleware.decided', authorized: false })
      respond(ctx, requestId, url, { status: 500, headers: [['Content-Type', 'text/plain']], body: 'Internal Server Error', setCookies: [] }, 'middleware', source)
      return { flow: 'visitProtectedPage', token: null, authorized: false }
    }
  }
  if (!token) {
    resolved(null, 'no-cookie')
    return finish(null, false, 307, signInUrl.toString())
  }
  const decoded = await decodeSessionToken(ctx, secret, salt, token, ctx.sources.getToken)
  if (!decoded.ok) {
    const workingSalt = isV4 || secret === undefined || !SALT_SENSITIVE.includes(decoded.error.code) ? undefined : await saltThatOpens(ctx, secret, token, salt, cookieName)
    resolved(null, workingSalt === undefined ? (NULL_REASONS[decoded.error.code] ?? 'malformed') : 'wrong-salt', workingSalt)
    return finish(null, false, 307, signInUrl.toString())
  }
  resolved(decoded.claims)
  return decoded.claims ? finish(decoded.claims, true, 200) : finish(null, false, 307, signInUrl.toString())
}

/** The failures a wrong salt gives (a kid that no secret derives, or a key that does not decrypt). */
const SALT_SENSITIVE: EngineErrorCode[] = ['JWT_NO_MATCHING_SECRET', 'JWT_DECRYPT_FAILED']

/**
 * Auth.js: the salt, among the ones the token could have been made with (the handler's session cookie
 * name, either default name, getToken's cookie name), that opens the token with the same secret.
 */
async function saltThatOpens(ctx: FlowContext, secret: string | string[], token: string, tried: string, cookieName: string): Promise<string | undefined> {
  if (ctx.config.tokenModel !== 'real') return undefined
  const candidates = [ctx.options?.cookies.sessionToken.name, defaultCookies('authjs', false).sessionToken.name, defaultCookies('authjs', true).sessionToken.name, cookieName]
  const secrets = Array.isArray(secret) ? secret : [secret]
  for (const salt of new Set(candidates)) {
    if (salt === undefined || salt === tried) continue
    if (await opensWithSalt({ token, secrets, salt, flavor: tokenFlavor(ctx), nowSec: ctx.clock.nowSec() })) return salt
  }
  return undefined
}
