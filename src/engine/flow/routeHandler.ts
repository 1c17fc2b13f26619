// The NextAuth route handler for one request: the configuration check (next-auth/core/lib/assert.js,
// @auth/core/lib/utils/assert.js), `init` (csrf-token.js, callback-url.js), the action switch
// (next-auth/core/index.js, @auth/core/lib/index.js), and the framework adapter that turns the
// internal result into HTTP (next-auth/next/index.js with `json=true`, @auth/core/index.js `Auth()`).
import { EngineError, isEngineError, type SerializedEngineError } from '../errors'
import type { HeaderLine } from '../trace'
import { AUTHJS_CLIENT_SAFE_ERRORS, CONFIG_ERROR_MESSAGE, CREDENTIALS_PROVIDER, NO_CACHE_HEADERS } from './constants'
import type { FlowContext } from './flowContext'
import { flagOddReturn, invokeCallback } from './invokeCallback'
import { createCsrfToken, serializeSetCookie, type OutgoingCookie } from './ports'
import { resolveOptions, type ResolvedOptions } from './resolveOptions'
import { credentialsCallbackRoute } from './routes/credentialsCallback'
import { sessionRoute } from './routes/sessionRoute'
import { signoutRoute } from './routes/signoutRoute'
import type { HttpResult, InitResult, InternalRequest, RouteResult, UnhandledError, WrittenCookie } from './routes/types'
import { logAuthjsError, logAuthjsPlainError, logUncaught, logV4Error, logV4Warn } from './serverLog'

export async function handleAuthRequest(ctx: FlowContext, req: InternalRequest): Promise<HttpResult> {
  const options = await resolveOptions(ctx)

  if (!assertConfig(ctx, options)) {
    return { status: 500, headers: [['Content-Type', 'application/json']], body: { message: CONFIG_ERROR_MESSAGE[ctx.config.flavor] }, setCookies: [] }
  }

  const init = await runInit(ctx, options, req)
  if ('unhandled' in init) return toHttp(ctx, req, options, { cookies: [], unhandled: init.unhandled })

  let result: RouteResult
  const { action, method } = req
  if (isProvidersRequest(req)) result = providersRoute(options)
  else if (method === 'GET' && action === 'csrf') result = { headers: NO_CACHE_HEADERS[ctx.config.flavor], body: { csrfToken: init.csrfToken }, cookies: init.cookies }
  else if (action === 'session' && (method === 'GET' || init.csrfTokenVerified)) {
    result = await sessionRoute(ctx, req, init, method === 'POST' ? { isUpdate: true, newSession: req.body?.data } : { isUpdate: false })
  } else if (action === 'session') result = csrfRejected(ctx, req, init)
  else if (method === 'POST' && action === 'callback') result = init.csrfTokenVerified ? await credentialsCallbackRoute(ctx, req, init) : csrfRejected(ctx, req, init)
  else if (method === 'POST' && action === 'signout') result = init.csrfTokenVerified ? await signoutRoute(ctx, req, init) : csrfRejected(ctx, req, init)
  else {
    result = { status: 400, body: `Error: This action with HTTP ${method} is not supported by NextAuth.js`, cookies: [] }
  }
  return toHttp(ctx, req, options, result)
}

/** The configuration check: a missing secret (production v4, any Auth.js) answers 500. */
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
  // No authorize check: `CredentialsProvider({ … })` without `authorize` keeps the helper's `authorize: () => null`
  // (next-auth/providers/credentials.js, @auth/core/providers/credentials.js), so the real `MissingAuthorize` /
  // `CALLBACK_CREDENTIALS_HANDLER_ERROR` needs a hand-written provider object the playground cannot express.
  return true
}

/** `init`: verify or issue the CSRF cookie, then pick the callback URL (through `redirect`). */
async function runInit(ctx: FlowContext, options: ResolvedOptions, req: InternalRequest): Promise<InitResult | { unhandled: UnhandledError }> {
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
    // GET /providers answers without the cookies init made (providersRoute).
    ...(csrf.cookieValue !== undefined && isProvidersRequest(req) ? { withheld: true as const } : {}),
  })
  if (csrf.cookieValue !== undefined) cookies.push({ name: csrfCookie.name, value: csrf.cookieValue, options: csrfCookie.options })

  const callbackCookie = options.cookies.callbackUrl
  const callbackCookieValue = req.cookies[callbackCookie.name]
  const paramValue = (typeof req.body?.callbackUrl === 'string' ? req.body.callbackUrl : undefined) ?? req.query.callbackUrl
  let callbackUrl: unknown = options.url.origin
  const asked = paramValue || callbackCookieValue
  if (asked) {
    const redirect = await invokeCallback(ctx, 'redirect', { url: asked, baseUrl: options.url.origin }, ctx.sources.callbackUrl)
    if (!redirect.ok) return { unhandled: { message: redirect.message, name: redirect.error.cause?.name ?? 'Error', fromInit: true } }
    flagOddReturn(ctx, 'redirect', redirect.value, ctx.sources.callbackUrl)
    // Kept as it is: v4 answers `{ url: <value> }` with whatever the callback returned.
    callbackUrl = redirect.value
  }
  // Both `init`s set the cookie only `if (callbackUrlCookie)`: a falsy answer sets nothing.
  if (callbackUrl && callbackUrl !== callbackCookieValue) cookies.push({ name: callbackCookie.name, value: String(callbackUrl), options: callbackCookie.options })
  const csrfFailure = isPost && !csrf.csrfTokenVerified ? csrfFailureOf(ctx, req, csrf, bodyToken) : undefined
  return { options, csrfToken: csrf.csrfToken, csrfTokenVerified: csrf.csrfTokenVerified, ...(csrfFailure ? { csrfFailure } : {}), callbackUrl, cookies }
}

/**
 * What a POST whose CSRF token did not verify reports: `CSRF_MISSING` when the body carried none, else `CSRF_INVALID`.
 * v4 answers a failed sign-in or sign-out with 200 and `{ url: …?csrf=true }`, which the client takes for success.
 */
function csrfFailureOf(ctx: FlowContext, req: InternalRequest, csrf: { cookiePresent: boolean; hashValid: boolean }, bodyToken: string | undefined): SerializedEngineError {
  const code = bodyToken ? 'CSRF_INVALID' : 'CSRF_MISSING'
  const isV4 = ctx.config.flavor === 'next-auth-v4'
  const message = code === 'CSRF_MISSING' ? `no CSRF token in the body of POST ${req.action}` : `the CSRF token in the body of POST ${req.action} does not match the CSRF cookie`
  const details = { flavor: ctx.config.flavor, action: req.action, cookiePresent: csrf.cookiePresent, hashValid: csrf.hashValid, looksLikeSuccess: isV4 && req.action !== 'session' }
  return new EngineError(code, message, { details }).toJSON()
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

function isProvidersRequest(req: InternalRequest): boolean {
  return req.method === 'GET' && req.action === 'providers'
}

/**
 * `GET /providers`: the client-safe provider list. It does not send the cookies `init` prepared (v4
 * `routes.providers(options.providers)` in core/index.js, Auth.js `render.providers(…)` in lib/index.js:
 * neither result carries `cookies`).
 */
function providersRoute(options: ResolvedOptions): RouteResult {
  const { id, name, type } = CREDENTIALS_PROVIDER
  return {
    headers: [['Content-Type', 'application/json']],
    body: { [id]: { id, name, type, signinUrl: `${options.url.base}/signin/${id}`, callbackUrl: `${options.url.base}/callback/${id}` } },
    cookies: [],
  }
}

/**
 * A POST to session, callback or signout whose CSRF token did not verify: the failure `init` found, then
 * v4's answer (400 for session, else 200 with `…?csrf=true`), or Auth.js `validateCSRF` throwing `MissingCSRF`.
 */
function csrfRejected(ctx: FlowContext, req: InternalRequest, init: InitResult): RouteResult {
  ctx.trace.emit('routeHandler', ctx.sources.handler, { kind: 'flow.failed', error: init.csrfFailure! })
  const { action } = req
  if (ctx.config.flavor !== 'next-auth-v4') return { cookies: init.cookies, authjsError: { type: 'MissingCSRF', kind: 'signIn', message: `CSRF token was missing during an action ${action}` } }
  if (action === 'session') return { status: 400, body: {}, cookies: init.cookies }
  return { redirect: `${init.options.url.base}/${action === 'callback' ? 'signin' : 'signout'}?csrf=true`, cookies: init.cookies }
}

/**
 * The framework adapter: v4 pages-router handler, or Auth.js `Auth()` with `X-Auth-Return-Redirect`.
 * It also writes the `Set-Cookie` lines: a cookie the configuration makes unserialisable (a name with a
 * space, a fractional Auth.js `maxAge`, an invalid `Expires`) fails there, as `cookie.serialize` throws in
 * v4's `setCookie` (Next answers a bare 500) and inside `Auth()`'s try (the `Configuration` error path).
 */
function toHttp(ctx: FlowContext, req: InternalRequest, options: ResolvedOptions, result: RouteResult): HttpResult {
  const { cookies = [], ...http } = adapt(ctx, req, options, result)
  const setCookies: WrittenCookie[] = []
  for (const cookie of cookies) {
    try {
      setCookies.push({ cookie, line: serializeSetCookie(cookie.name, cookie.value, cookie.options, ctx.config.flavor) })
    } catch (cause) {
      if (!isEngineError(cause, 'CONFIG_INVALID')) throw cause
      ctx.trace.emit('routeHandler', ctx.sources.serialize, { kind: 'flow.failed', error: cause.toJSON() })
      const reason = cause.cause instanceof Error ? cause.cause : cause
      // v4: `setCookie(res, cookie)` throws one cookie in; the lines already on `res` go out with Next's 500.
      if (ctx.config.flavor === 'next-auth-v4') return { ...frameworkError(ctx, `${reason.name}: ${reason.message}`), setCookies }
      logAuthjsPlainError(ctx, reason.name, reason.message)
      return { ...authjsErrorAnswer(req, options, 'Configuration', undefined, 'error'), setCookies: [] }
    }
  }
  return { ...http, setCookies }
}

/** The response before its cookies are written: no `Set-Cookie` lines yet, the cookies still to serialise. */
type HttpAnswer = Omit<HttpResult, 'setCookies'>

/**
 * Next's answer to an exception nothing caught: `sendError(res, 500, 'Internal Server Error')`, a bare
 * text body with no headers of its own, keeping the `Set-Cookie` lines written before the throw. Next.js
 * prints the error to the server console; NextAuth's logger never sees it.
 */
function frameworkError(ctx: FlowContext, message: string): HttpAnswer {
  logUncaught(ctx, message)
  return { status: 500, headers: [], body: 'Internal Server Error' }
}

/** Next's `res.send(body)` (`sendData`): a JSON-like body goes out as JSON with `Content-Type: application/json`, in the header's place if the route set one. */
function nextSend(headers: HeaderLine[], body: unknown): HeaderLine[] {
  if (body === null || body === undefined || !['object', 'number', 'boolean'].includes(typeof body)) return headers
  const at = headers.findIndex(([name]) => name.toLowerCase() === 'content-type')
  if (at < 0) return [...headers, ['Content-Type', 'application/json']]
  return headers.map((header, i): HeaderLine => (i === at ? ['Content-Type', 'application/json'] : header))
}

/** The `catch` of Auth.js `Auth()`: an error page URL, as JSON with `X-Auth-Return-Redirect`, else a 302; no cookies. */
function authjsErrorAnswer(req: InternalRequest, options: ResolvedOptions, type: string, code: string | undefined, kind: 'signIn' | 'error'): HttpAnswer {
  // A failed request to POST /session is an API error, not a page.
  if (req.method === 'POST' && req.action === 'session') return { status: 400, headers: [['Content-Type', 'application/json']], body: null }
  const params = new URLSearchParams({ error: AUTHJS_CLIENT_SAFE_ERRORS.includes(type) ? type : 'Configuration' })
  if (code !== undefined) params.set('code', code)
  const url = `${options.url.origin}${options.url.path}/${kind.toLowerCase()}?${params}`
  if (isReturnRedirect(req)) return { status: 200, headers: [['Content-Type', 'application/json']], body: { url } }
  return { status: 302, headers: [['Location', url]] }
}

function isReturnRedirect(req: InternalRequest): boolean {
  return req.headers.some(([name]) => name.toLowerCase() === 'x-auth-return-redirect')
}

function adapt(ctx: FlowContext, req: InternalRequest, options: ResolvedOptions, result: RouteResult): HttpAnswer & { cookies?: OutgoingCookie[] } {
  if (ctx.config.flavor === 'next-auth-v4') {
    // Nothing in the credentials route catches an encode error: Next answers with its 500 page.
    if (result.unhandled) return frameworkError(ctx, result.unhandled.message)
    const status = result.status ?? 200
    const headers: HeaderLine[] = [...(result.headers ?? [])]
    // next/index.js: `if (handler.redirect)`, so a falsy redirect (a `redirect` callback returning nothing) falls through to `res.send(body)`.
    if (result.redirect) {
      if (req.body?.json !== 'true') return { status: 302, headers: [...headers, ['Location', String(result.redirect)]], cookies: result.cookies }
      return { status, headers: [...headers, ['Content-Type', 'application/json']], body: { url: result.redirect }, cookies: result.cookies }
    }
    // `res.send(null)` / `res.send(undefined)` end the response with an empty body.
    return { status, headers: nextSend(headers, result.body), ...(result.body === null || result.body === undefined ? {} : { body: result.body }), cookies: result.cookies }
  }

  if (result.unhandled?.fromInit) {
    // Thrown in `init`, outside the callback route's wrapping: `Auth()` logs the error itself.
    logAuthjsPlainError(ctx, result.unhandled.name ?? 'Error', result.unhandled.message)
    return authjsErrorAnswer(req, options, 'Configuration', undefined, 'error')
  }
  if (result.authjsError || result.unhandled) {
    if (!result.authjsError) {
      // The callback route's catch wraps the error as CallbackRouteError and tells logger.debug first.
      const details = { method: req.method, query: req.query, body: req.body }
      ctx.trace.emit('routeHandler', ctx.sources.callback, { kind: 'log.written', level: 'debug', code: 'callback route error details', text: JSON.stringify(details) })
    }
    const error = result.authjsError ?? { type: 'CallbackRouteError', kind: 'error' as const, causeMessage: result.unhandled?.message }
    if (error.loggedMessage !== undefined) logAuthjsPlainError(ctx, error.type, error.loggedMessage)
    else logAuthjsError(ctx, error.type, error.message ?? '', error.causeMessage)
    return authjsErrorAnswer(req, options, error.type, error.code, error.kind)
  }
  const headers: HeaderLine[] = [...(result.headers ?? [])]
  // toResponse: `if (res.redirect)`; the Location header holds the value as text.
  if (result.redirect) {
    const location = String(result.redirect)
    headers.push(['Location', location])
    if (isReturnRedirect(req)) return { status: 200, headers: [...headers, ['Content-Type', 'application/json']], body: { url: location }, cookies: result.cookies }
    return { status: 302, headers, cookies: result.cookies }
  }
  return { status: result.status ?? 200, headers, ...(result.body === undefined ? {} : { body: result.body }), cookies: result.cookies }
}
