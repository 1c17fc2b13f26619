// `POST /api/auth/callback/credentials`: authorize, the signIn callback, the default token, the
// `jwt` callback (trigger "signIn"), encode, and the session cookie. Follows the credentials branch
// of next-auth/core/routes/callback.js and of @auth/core/lib/actions/callback/index.js.
import { EngineError, libraryMessageOf } from '../../errors'
import type { OutgoingCookie } from '../ports'
import type { FlowContext } from '../flowContext'
import { credentialsSigninCodeOf, flagOddReturn, invokeCallback } from '../invokeCallback'
import { encodeSessionToken } from '../sessionToken'
import { openSessionStore } from './sessionStore'
import type { InitResult, InternalRequest, RouteResult } from './types'

type AnyRecord = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

export async function credentialsCallbackRoute(ctx: FlowContext, req: InternalRequest, init: InitResult): Promise<RouteResult> {
  return ctx.config.flavor === 'next-auth-v4' ? v4Credentials(ctx, req, init) : authjsCredentials(ctx, req, init)
}

function headerRecord(req: InternalRequest): Record<string, string> {
  return Object.fromEntries(req.headers.map(([name, value]) => [name.toLowerCase(), value]))
}

function defaultToken(user: AnyRecord, sub: unknown): Record<string, unknown> {
  return { name: user.name, email: user.email, picture: user.image, sub }
}

/**
 * `authorize` answered no user (null, undefined, false, 0, ''), or, in Auth.js, threw a CredentialsSignin
 * (`thrown`: its class name and code): the CredentialsSignin answer, as a coded step.
 */
function reportCredentialsSignin(ctx: FlowContext, returned: unknown, thrown?: { name: string; code: string }): void {
  const error = thrown
    ? new EngineError('CREDENTIALS_SIGNIN', `authorize threw ${thrown.name} (a CredentialsSignin) with code "${thrown.code}"`, { details: { flavor: ctx.config.flavor, thrown: thrown.name, code: thrown.code } })
    : new EngineError('CREDENTIALS_SIGNIN', `authorize returned ${String(returned)}: no user`, { details: { flavor: ctx.config.flavor } })
  ctx.trace.emit('routeHandler', ctx.sources.callback, { kind: 'flow.failed', error: error.toJSON() })
}

/** The `signIn` callback said no (false, nothing, or, in Auth.js, a throw): the AccessDenied answer, as a coded step. */
function reportAccessDenied(ctx: FlowContext, why: 'returned-falsy' | 'threw', returned?: unknown): void {
  const message = why === 'threw' ? 'the signIn callback threw, which Auth.js answers with AccessDenied' : `the signIn callback returned ${JSON.stringify(returned) ?? 'undefined'}: access denied`
  ctx.trace.emit('routeHandler', ctx.sources.callback, { kind: 'flow.failed', error: new EngineError('ACCESS_DENIED', message, { details: { flavor: ctx.config.flavor, why } }).toJSON() })
}

async function v4Credentials(ctx: FlowContext, req: InternalRequest, init: InitResult): Promise<RouteResult> {
  const { options } = init
  const source = ctx.sources.callback
  const url = options.url.base
  const cookies: OutgoingCookie[] = [...init.cookies]
  const credentials = req.body ?? {}

  const authorize = await invokeCallback(ctx, 'authorize', { credentials, req: { query: req.query, body: req.body, headers: headerRecord(req), method: req.method } }, source)
  if (!authorize.ok) return { status: 401, redirect: `${url}/error?error=${encodeURIComponent(authorize.message)}`, cookies }
  flagOddReturn(ctx, 'authorize', authorize.value, source)
  if (!authorize.value) {
    reportCredentialsSignin(ctx, authorize.value)
    return { status: 401, redirect: `${url}/error?${new URLSearchParams({ error: 'CredentialsSignin', provider: 'credentials' })}`, cookies }
  }
  const user = authorize.value as AnyRecord

  const account = { providerAccountId: user.id, type: 'credentials', provider: 'credentials' }
  const signIn = await invokeCallback(ctx, 'signIn', { user, account, credentials }, source)
  if (!signIn.ok) return { redirect: `${url}/error?error=${encodeURIComponent(signIn.message)}`, cookies }
  flagOddReturn(ctx, 'signIn', signIn.value, source)
  if (!signIn.value) {
    reportAccessDenied(ctx, 'returned-falsy', signIn.value)
    return { status: 403, redirect: `${url}/error?error=AccessDenied`, cookies }
  }
  if (typeof signIn.value === 'string') return { redirect: signIn.value, cookies }

  const token = defaultToken(user, user.id?.toString())
  ctx.trace.emit('routeHandler', source, { kind: 'token.defaulted', token })
  const jwt = await invokeCallback(ctx, 'jwt', { token, user, account, isNewUser: false, trigger: 'signIn' }, source)
  // Nothing here catches: a throwing jwt callback or an encode error becomes the framework's 500.
  if (!jwt.ok) return { cookies: [], unhandled: { message: jwt.message } }
  flagOddReturn(ctx, 'jwt', jwt.value, source)
  const encoded = await encodeSessionToken(ctx, options, jwt.value, options.jwtMaxAgeSec, options.jwtMaxAgeFrom)
  if (!encoded.ok) return { cookies: [], unhandled: { message: libraryMessageOf(encoded.error) } }

  // The cookie lives session.maxAge, while the token's exp came from jwt.maxAge.
  const expiresAtSec = Math.floor(ctx.clock.nowMs() / 1000) + options.sessionMaxAgeSec
  const store = openSessionStore(ctx, options.cookies.sessionToken, req.cookies, ctx.sources.sessionStore)
  cookies.push(...store.chunk(encoded.token, { expiresAtSec }))
  ctx.trace.emit('routeHandler', source, {
    kind: 'session.expiries',
    ...(typeof encoded.claims.exp === 'number' ? { tokenExpSec: encoded.claims.exp } : {}),
    ...(Number.isFinite(expiresAtSec) ? { cookieExpiresAtSec: expiresAtSec } : {}),
  })
  return { redirect: init.callbackUrl, cookies }
}

async function authjsCredentials(ctx: FlowContext, req: InternalRequest, init: InitResult): Promise<RouteResult> {
  const { options } = init
  const source = ctx.sources.callback
  const cookies: OutgoingCookie[] = [...init.cookies]
  const credentials = req.body ?? {}
  // `authorize` gets a Web Request rebuilt from the URL, headers, method and a JSON body; a Request
  // cannot cross to the sandbox worker, so the runner is told to rebuild it from this plain form.
  const request = { url: req.url, method: req.method, headers: headerRecord(req), body: JSON.stringify(req.body) }

  // A CredentialsSignin the app throws is a refusal (an AuthError leaves the callback route as it is).
  const authorize = await invokeCallback(ctx, 'authorize', { credentials, req: request }, source, { webRequestArg: true, refusal: credentialsSigninCodeOf })
  if (!authorize.ok) {
    // Its code goes into the URL, and Auth() logs the error itself.
    const code = authorize.refusedWith
    if (code === undefined) return { cookies, unhandled: { message: authorize.message } }
    reportCredentialsSignin(ctx, undefined, { name: authorize.error.cause?.name ?? 'CredentialsSignin', code })
    return { cookies, authjsError: { type: 'CredentialsSignin', kind: 'signIn', code, loggedMessage: libraryMessageOf(authorize.error) } }
  }
  flagOddReturn(ctx, 'authorize', authorize.value, source)
  if (!authorize.value) {
    reportCredentialsSignin(ctx, authorize.value)
    return { cookies, authjsError: { type: 'CredentialsSignin', kind: 'signIn', code: 'credentials' } }
  }
  if (typeof authorize.value !== 'object') return { cookies, unhandled: { message: `Cannot create property 'id' on ${typeof authorize.value} '${String(authorize.value)}'` } }
  const user = { ...(authorize.value as AnyRecord) }
  user.id = user.id?.toString() ?? ctx.random.uuid()

  const account = { providerAccountId: user.id, type: 'credentials', provider: 'credentials' }
  const signIn = await invokeCallback(ctx, 'signIn', { user, account, credentials }, source)
  if (!signIn.ok) {
    reportAccessDenied(ctx, 'threw')
    return { cookies, authjsError: { type: 'AccessDenied', kind: 'error', causeMessage: signIn.message } }
  }
  flagOddReturn(ctx, 'signIn', signIn.value, source)
  if (!signIn.value) {
    reportAccessDenied(ctx, 'returned-falsy', signIn.value)
    return { cookies, authjsError: { type: 'AccessDenied', kind: 'error', message: 'AccessDenied' } }
  }
  if (typeof signIn.value === 'string') {
    const redirect = await invokeCallback(ctx, 'redirect', { url: signIn.value, baseUrl: options.url.origin }, source)
    if (!redirect.ok) return { cookies, unhandled: { message: redirect.message } }
    flagOddReturn(ctx, 'redirect', redirect.value, source)
    return { redirect: redirect.value, cookies }
  }

  const token = defaultToken(user, user.id)
  ctx.trace.emit('routeHandler', source, { kind: 'token.defaulted', token })
  const jwt = await invokeCallback(ctx, 'jwt', { token, user, account, isNewUser: false, trigger: 'signIn' }, source)
  if (!jwt.ok) return { cookies, unhandled: { message: jwt.message } }
  flagOddReturn(ctx, 'jwt', jwt.value, source)
  const store = openSessionStore(ctx, options.cookies.sessionToken, req.cookies, ctx.sources.sessionStore)
  if (jwt.value === null) {
    cookies.push(...store.clean())
    return { redirect: init.callbackUrl, cookies }
  }
  const encoded = await encodeSessionToken(ctx, options, jwt.value, options.jwtMaxAgeSec, options.jwtMaxAgeFrom)
  if (!encoded.ok) return { cookies, unhandled: { message: libraryMessageOf(encoded.error) } }
  const expiresAtSec = Math.floor(ctx.clock.nowMs() / 1000) + options.sessionMaxAgeSec
  cookies.push(...store.chunk(encoded.token, { expiresAtSec }))
  ctx.trace.emit('routeHandler', source, {
    kind: 'session.expiries',
    ...(typeof encoded.claims.exp === 'number' ? { tokenExpSec: encoded.claims.exp } : {}),
    ...(Number.isFinite(expiresAtSec) ? { cookieExpiresAtSec: expiresAtSec } : {}),
  })
  return { redirect: init.callbackUrl, cookies }
}
