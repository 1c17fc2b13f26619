// The simulated browser's side of a request: drop expired cookies, attach the `Cookie` header the
// jar would send, record the request and response, and apply each `Set-Cookie` line to the jar.
import type { Actor, HeaderLine } from '../trace'
import type { FlowContext } from './flowContext'
import { parseCookieHeader } from './ports'
import { parseSiteUrl } from './resolveOptions'
import { handleAuthRequest } from './routeHandler'
import type { AuthAction, HttpResult, InternalRequest, WrittenCookie } from './routes/types'

export interface AuthFetch {
  method: 'GET' | 'POST'
  action: AuthAction
  providerId?: string
  headers?: HeaderLine[]
  body?: { type: 'form' | 'json'; data: Record<string, unknown> }
  /** The query part as the client writes it, `?` included (the v5 client posts to `…/credentials?`). */
  search?: string
  /** The client code doing the fetch, for the `source` of the request event. */
  source: string
}

/** Drop the cookies whose `Expires` has passed, recording each. */
export function expireCookies(ctx: FlowContext): string[] {
  const expired = ctx.jar.removeExpired()
  for (const cookie of expired) ctx.trace.emit('cookieJar', undefined, { kind: 'cookie.expired', name: cookie.name, expiresAtSec: cookie.expiresAtSec ?? ctx.clock.nowSec() })
  return expired.map((cookie) => cookie.name)
}

/** One request from the page to the NextAuth route handler, and its response. */
export async function fetchAuth(ctx: FlowContext, request: AuthFetch): Promise<HttpResult> {
  expireCookies(ctx)
  const site = parseSiteUrl(ctx.config.siteUrl)
  const url = `${site.base}/${request.action}${request.providerId ? `/${request.providerId}` : ''}${request.search ?? ''}`
  const cookieHeader = ctx.jar.cookieHeader(url)
  const headers: HeaderLine[] = [...(request.headers ?? [])]
  if (cookieHeader) headers.push(['Cookie', cookieHeader])
  let bodyText: string | undefined
  if (request.body?.type === 'form') bodyText = new URLSearchParams(request.body.data as Record<string, string>).toString()
  else if (request.body?.type === 'json') bodyText = JSON.stringify(request.body.data)

  const requestId = ctx.trace.nextRequestId()
  ctx.trace.emit('browser', request.source, { kind: 'http.requested', requestId, from: 'browser', to: 'routeHandler', request: { method: request.method, url, headers, ...(bodyText === undefined ? {} : { body: bodyText }) } })

  // What the server's body parser makes of it: a form gives string values, JSON keeps its types.
  let body: Record<string, unknown> | undefined
  if (bodyText !== undefined) body = request.body?.type === 'form' ? Object.fromEntries(new URLSearchParams(bodyText)) : (JSON.parse(bodyText) as Record<string, unknown>)
  const internal: InternalRequest = { method: request.method, action: request.action, ...(request.providerId ? { providerId: request.providerId } : {}), url, headers, cookies: parseCookieHeader(cookieHeader), ...(body ? { body } : {}), query: {} }
  const result = await handleAuthRequest(ctx, internal)
  respond(ctx, requestId, url, result, 'routeHandler')
  return result
}

/** Record a response and let the jar apply its cookies. */
export function respond(ctx: FlowContext, requestId: number, url: string, result: HttpResult, from: Actor, source: string = ctx.sources.serialize): void {
  ctx.trace.emit(from, source, {
    kind: 'http.responded',
    requestId,
    from,
    to: 'browser',
    response: { status: result.status, headers: [...result.headers, ...result.setCookies.map(({ line }): HeaderLine => ['Set-Cookie', line])], ...(result.body === undefined ? {} : { body: result.body }) },
  })
  applySetCookies(ctx, url, result.setCookies)
}

/** Apply the lines the route handler's adapter wrote (it answered otherwise when one could not be written). */
function applySetCookies(ctx: FlowContext, url: string, written: WrittenCookie[]): void {
  const chunkName = /^(.*)\.(\d+)$/
  const chunkTotals = new Map<string, number>()
  for (const { cookie } of written) {
    const match = chunkName.exec(cookie.name)
    if (match && cookie.value !== '') chunkTotals.set(match[1]!, (chunkTotals.get(match[1]!) ?? 0) + 1)
  }
  for (const { cookie: { name }, line } of written) {
    const change = ctx.jar.apply(line, url)
    if (change.kind === 'set') {
      const match = chunkName.exec(name)
      const total = match ? chunkTotals.get(match[1]!) : undefined
      ctx.trace.emit('cookieJar', undefined, {
        kind: 'cookie.set',
        name,
        value: change.cookie.value,
        setCookie: line,
        ...(change.cookie.expiresAtSec === undefined ? {} : { expiresAtSec: change.cookie.expiresAtSec }),
        ...(match && total ? { chunk: { index: Number(match[2]), total } } : {}),
      })
    } else if (change.kind === 'deleted') ctx.trace.emit('cookieJar', undefined, { kind: 'cookie.deleted', name, setCookie: line })
    else ctx.trace.emit('cookieJar', undefined, { kind: 'cookie.rejected', name, setCookie: line, error: change.error.toJSON() })
  }
}
