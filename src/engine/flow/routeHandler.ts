// The NextAuth route handler for one request: the configuration check (next-auth/core/lib/assert.js,
// @auth/core/lib/utils/assert.js), `init` (csrf-token.js, callback-url.js), the action switch
// (next-auth/core/index.js, @auth/core/lib/index.js), and the framework adapter that turns the
// internal result into HTTP (next-auth/next/index.js with `json=true`, @auth/core/index.js `Auth()`).
import type { HeaderLine } from '../trace'
import { CONFIG_ERROR_MESSAGE, CREDENTIALS_PROVIDER, NO_CACHE_HEADERS } from './constants'
import type { FlowContext } from './flowContext'
import { invokeCallback } from './invokeCallback'
import { createCsrfToken, type OutgoingCookie } from './ports'
import { resolveOptions, type ResolvedOptions } from './resolveOptions'
import { credentialsCallbackRoute } from './routes/credentialsCallback'
import { sessionRoute } from './routes/sessionRoute'
import { signoutRoute } from './routes/signoutRoute'
import type { HttpResult, InitResult, InternalRequest, RouteResult } from './routes/types'
import { logAuthjsError, logV4Error, logV4Warn } from './serverLog'

export async function handleAuthRequest(ctx: FlowContext, req: InternalRequest): Promise<HttpResult> {
  const options = await resolveOptions(ctx)
  const isV4 = ctx.config.flavor === 'next-auth-v4'

  if (!assertConfig(ctx, options)) {
    return { status: 500, headers: [['Content-Type', 'application/json']], body: { message: CONFIG_ERROR_MESSAGE[ctx.config.flavor] }, setCookies: [] }
  }

  const init = await runInit(ctx, options, req)
  if ('unhandled' in init) return toHttp(ctx, req, options, { cookies: [], unhandled: init.unhandled })

  let result: RouteResult
  const { action, method } = req
  if (method === 'GET' && action === 'providers') result = providersRoute(options)
  else if (method === 'GET' && action === 'csrf') result = { headers: NO_CACHE_HEADERS[ctx.config.flavor], body: { csrfToken: init.csrfToken }, cookies: init.cookies }
  else if (action === 'session' && (method === 'GET' || init.csrfTokenVerified)) {
    result = await sessionRoute(ctx, req, init, method === 'POST' ? { isUpdate: true, newSession: req.body?.data } : { isUpdate: false })
  } else if (action === 'session') {
    result = isV4 ? { status: 400, body: {}, cookies: init.cookies } : missingCsrf('session', init)
  } else if (method === 'POST' && action === 'callback') {
    if (!init.csrfTokenVerified) result = isV4 ? { redirect: `${options.url.base}/signin?csrf=true`, cookies: init.cookies } : missingCsrf('callback', init)
    else result = await credentialsCallbackRoute(ctx, req, init)
  } else if (method === 'POST' && action === 'signout') {
    if (!init.csrfTokenVerified) result = isV4 ? { redirect: `${options.url.base}/signout?csrf=true`, cookies: init.cookies } : missingCsrf('signout', init)
    else result = await signoutRoute(ctx, req, init)
  } else {
    result = { status: 400, body: `Error: This action with HTTP ${method} is not supported by NextAuth.js`, cookies: [] }
  }
  return toHttp(ctx, req, options, result)
}

/** The configuration check: a missing secret (production v4, any Auth.js) or a missing authorize answers 500. */
function assertConfig(ctx: FlowContext, options: ResolvedOptions): boolean {
  const { config, sources } = ctx
  const isV4 = config.flavor === 'next-auth-v4'
  if (options.secretSource === 'fallback' && !ctx.server.warnedNoSecret) {
    ctx.server.warnedNoSecret = true
    logV4Warn(ctx, 'NO_SECRET')
  }
  if (options.secretSource === 'none') {
    if (isV4) logV4Error(ctx, 'NO_SECRET', 'Please define a `secret` in production.')
    else logAuthjsError(ctx, 'MissingSecret', 'Please define a `secret`')
    ctx.trace.emit('routeHandler', sources.assert, { kind: 'flow.failed', error: { code: 'NO_SECRET', message: 'no secret configured', details: { flavor: config.flavor, nodeEnv: config.nodeEnv } } })
    return false
  }
  if (config.callbacks.authorize !== true) {
    const message = 'Must define an authorize() handler to use credentials authentication provider'
    if (isV4) logV4Error(ctx, 'CALLBACK_CREDENTIALS_HANDLER_ERROR', message)
    else logAuthjsError(ctx, 'MissingAuthorize', message)
    ctx.trace.emit('routeHandler', sources.assert, { kind: 'flow.failed', error: { code: 'CONFIG_INVALID', message, details: { missing: 'authorize' } } })
    return false
  }
  return true
}

/** `init`: verify or issue the CSRF cookie, then pick the callback URL (through `redirect`). */
async function runInit(ctx: FlowContext, options: ResolvedOptions, req: InternalRequest): Promise<InitResult | { unhandled: { message: string } }> {
  const cookies: OutgoingCookie[] = []
  const csrfCookie = options.cookies.csrfToken
  const cookieValue = req.cookies[csrfCookie.name]
  const isPost = req.method === 'POST'
  const bodyToken = typeof req.body?.csrfToken === 'string' ? req.body.csrfToken : undefined
  const csrf = await checkCsrf(ctx, options.secret ?? '', cookieValue, isPost, bodyToken)
  ctx.trace.emit('routeHandler', ctx.sources.csrf, {
    kind: 'csrf.checked',
    cookiePresent: csrf.cookiePresent,
    hashValid: csrf.hashValid,
    bodyTokenMatches: isPost ? csrf.hashValid && bodyToken === csrf.csrfToken : null,
    verified: csrf.csrfTokenVerified,
    issuedNew: csrf.cookieValue !== undefined,
  })
  if (csrf.cookieValue !== undefined) cookies.push({ name: csrfCookie.name, value: csrf.cookieValue, options: csrfCookie.options })

  const callbackCookie = options.cookies.callbackUrl
  const callbackCookieValue = req.cookies[callbackCookie.name]
  const paramValue = (typeof req.body?.callbackUrl === 'string' ? req.body.callbackUrl : undefined) ?? req.query.callbackUrl
  let callbackUrl = options.url.origin
  const asked = paramValue || callbackCookieValue
  if (asked) {
    const redirect = await invokeCallback(ctx, 'redirect', { url: asked, baseUrl: options.url.origin }, ctx.sources.callbackUrl)
    if (!redirect.ok) return { unhandled: { message: redirect.message } }
    callbackUrl = String(redirect.value)
  }
  if (callbackUrl !== callbackCookieValue) cookies.push({ name: callbackCookie.name, value: callbackUrl, options: callbackCookie.options })
  return { options, csrfToken: csrf.csrfToken, csrfTokenVerified: csrf.csrfTokenVerified, callbackUrl, cookies }
}

/** `createCSRFToken`, remembering the cookies whose hash already matched this secret (same result, one hash less). */
async function checkCsrf(ctx: FlowContext, secret: string | string[], cookieValue: string | undefined, isPost: boolean, bodyToken: string | undefined) {
  const key = (value: string) => JSON.stringify([secret, value])
  if (cookieValue && ctx.server.knownCsrfCookies.has(key(cookieValue))) {
    const csrfToken = cookieValue.split('|')[0]!
    return { csrfToken, csrfTokenVerified: isPost && csrfToken === bodyToken, cookiePresent: true, hashValid: true, cookieValue: undefined }
  }
  const csrf = await createCsrfToken({ secret, cookieValue, isPost, bodyToken, random: ctx.random })
  if (csrf.hashValid && cookieValue) ctx.server.knownCsrfCookies.add(key(cookieValue))
  if (csrf.cookieValue !== undefined) ctx.server.knownCsrfCookies.add(key(csrf.cookieValue))
  return csrf
}

/** `GET /providers`: the client-safe provider list. It does not send the cookies `init` prepared. */
function providersRoute(options: ResolvedOptions): RouteResult {
  const { id, name, type } = CREDENTIALS_PROVIDER
  return {
    headers: [['Content-Type', 'application/json']],
    body: { [id]: { id, name, type, signinUrl: `${options.url.base}/signin/${id}`, callbackUrl: `${options.url.base}/callback/${id}` } },
    cookies: [],
  }
}

/** Auth.js `validateCSRF` throws `MissingCSRF`. */
function missingCsrf(action: string, init: InitResult): RouteResult {
  return { cookies: init.cookies, authjsError: { type: 'MissingCSRF', kind: 'signIn', message: `CSRF token was missing during an action ${action}` } }
}

/** The framework adapter: v4 pages-router handler, or Auth.js `Auth()` with `X-Auth-Return-Redirect`. */
function toHttp(ctx: FlowContext, req: InternalRequest, options: ResolvedOptions, result: RouteResult): HttpResult {
  if (ctx.config.flavor === 'next-auth-v4') {
    if (result.unhandled) {
      // Nothing in the credentials route catches an encode error: Next answers with its 500 page.
      ctx.trace.emit('routeHandler', ctx.sources.adapter, { kind: 'log.written', level: 'error', code: 'UNHANDLED', text: result.unhandled.message })
      return { status: 500, headers: [['Content-Type', 'text/plain']], body: 'Internal Server Error', setCookies: [] }
    }
    const status = result.status ?? 200
    const headers: HeaderLine[] = [...(result.headers ?? [])]
    if (result.redirect !== undefined) {
      if (req.body?.json !== 'true') return { status: 302, headers: [...headers, ['Location', result.redirect]], setCookies: result.cookies }
      return { status, headers: [...headers, ['Content-Type', 'application/json']], body: { url: result.redirect }, setCookies: result.cookies }
    }
    return { status, headers, body: result.body, setCookies: result.cookies }
  }

  const isRedirect = req.headers.some(([name]) => name.toLowerCase() === 'x-auth-return-redirect')
  if (result.authjsError || result.unhandled) {
    const error = result.authjsError ?? { type: 'CallbackRouteError', kind: 'error' as const, causeMessage: result.unhandled?.message }
    logAuthjsError(ctx, error.type, error.message ?? '', error.causeMessage)
    // A failed CSRF check on POST /session is an API error, not a page.
    if (req.method === 'POST' && req.action === 'session') return { status: 400, headers: [['Content-Type', 'application/json']], body: null, setCookies: [] }
    const clientSafe = ['CredentialsSignin', 'OAuthAccountNotLinked', 'OAuthCallbackError', 'AccessDenied', 'Verification', 'MissingCSRF', 'AccountNotLinked', 'WebAuthnVerificationError']
    const params = new URLSearchParams({ error: clientSafe.includes(error.type) ? error.type : 'Configuration' })
    if (error.code !== undefined) params.set('code', error.code)
    const url = `${options.url.origin}${options.url.path}/${error.kind.toLowerCase()}?${params}`
    if (isRedirect) return { status: 200, headers: [['Content-Type', 'application/json']], body: { url }, setCookies: [] }
    return { status: 302, headers: [['Location', url]], setCookies: [] }
  }
  const headers: HeaderLine[] = [...(result.headers ?? [])]
  if (result.redirect !== undefined) {
    headers.push(['Location', result.redirect])
    if (isRedirect) return { status: 200, headers: [...headers, ['Content-Type', 'application/json']], body: { url: result.redirect }, setCookies: result.cookies }
    return { status: 302, headers, setCookies: result.cookies }
  }
  return { status: result.status ?? 200, headers, body: result.body, setCookies: result.cookies }
}
