// The engine's route handler behind a `fetch`, so a real client library (next-auth/react, next-auth@5's
// react.js) can talk to it: each request becomes the handler's InternalRequest, its answer a Web
// Response, and the Set-Cookie lines land in a browser-like jar (the engine's own cookie jar).
import { createSimClock } from '../../../../src/engine/clock/createSimClock'
import { createCookieJar } from '../../../../src/engine/cookies/index'
import { SOURCES } from '../../../../src/engine/flow/constants'
import type { FlowContext } from '../../../../src/engine/flow/flowContext'
import { parseCookieHeader } from '../../../../src/engine/flow/ports'
import { handleAuthRequest } from '../../../../src/engine/flow/routeHandler'
import type { AuthAction } from '../../../../src/engine/flow/routes/types'
import { createTraceBuilder } from '../../../../src/engine/flow/traceBuilder'
import { createSeededRandom, type PlaygroundConfig } from '../../../../src/engine/index'
import type { ScenarioCallbacks } from './realHandlers'
import { runnerFrom, T0 } from './scenario'

/** A request as a client sent it: what the comparison looks at. */
export interface ClientRequest {
  method: string
  /** Path and query, e.g. `/api/auth/callback/credentials?`. */
  url: string
  contentType: string | null
  returnRedirect: boolean
  /** The parsed body: form fields in order, or the JSON; the CSRF token masked. */
  body?: unknown
}

export function maskCsrf(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === 'csrfToken' && typeof v === 'string' && /^[0-9a-f]{64}$/.test(v) ? '<csrf>' : v]))
}

/**
 * A request to the route handler in the shape the comparison looks at, and its parsed body: the
 * routed fetch and the engine's own trace both go through this, so the two cannot shape it apart.
 * `form` says the body is form fields even without a form content type (a URLSearchParams body).
 */
export function clientRequest(request: { method: string; url: string; headers: HeadersInit; body?: string; form?: boolean }): { request: ClientRequest; body?: Record<string, unknown> } {
  const url = new URL(request.url, 'http://localhost:3000')
  const headers = new Headers(request.headers)
  const contentType = headers.get('content-type')
  const text = request.body
  const body = text === undefined ? undefined : request.form || contentType?.includes('x-www-form-urlencoded') ? Object.fromEntries(new URLSearchParams(text)) : (JSON.parse(text) as Record<string, unknown>)
  const seen: ClientRequest = {
    method: request.method,
    url: `${url.pathname}${url.href.includes('?') ? url.search || '?' : ''}`,
    contentType,
    returnRedirect: headers.has('x-auth-return-redirect'),
    ...(body === undefined ? {} : { body: maskCsrf(body) }),
  }
  return { request: seen, ...(body === undefined ? {} : { body }) }
}

export function createEngineServer(config: PlaygroundConfig, callbacks: ScenarioCallbacks, seed = 7) {
  const clock = createSimClock(T0)
  const jar = createCookieJar(clock)
  const ctx: FlowContext = {
    config,
    clock,
    jar,
    runner: runnerFrom(callbacks),
    random: createSeededRandom(seed),
    timer: () => 0,
    trace: createTraceBuilder(clock, jar),
    sources: SOURCES[config.flavor],
    server: { warnedNoSecret: false, knownCsrfCookies: new Set() },
    client: { session: undefined, pageUrl: 'http://localhost:3000/' },
  }
  const requests: ClientRequest[] = []
  /** The v4 client's error beacons (`POST /api/auth/_log`), kept apart: the engine does not model them. */
  const beacons: ClientRequest[] = []

  async function fetch(input: string | URL | Request, init: RequestInit = {}): Promise<Response> {
    const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url, 'http://localhost:3000')
    const headers = new Headers(init.headers)
    const method = (init.method ?? 'GET').toUpperCase() as 'GET' | 'POST'
    const text = init.body === undefined || init.body === null ? undefined : String(init.body)
    const { request: seen, body } = clientRequest({ method, url: url.href, headers, ...(text === undefined ? {} : { body: text }), form: init.body instanceof URLSearchParams })
    const [, , , action, providerId] = url.pathname.split('/')
    if (action === '_log') {
      beacons.push(seen)
      return new Response(null, { status: 200 })
    }
    requests.push(seen)
    const cookieHeader = jar.cookieHeader(url.href)
    const lines: [string, string][] = [...headers].map(([n, v]) => [n, v])
    const result = await handleAuthRequest(ctx, {
      method,
      action: action as AuthAction,
      ...(providerId ? { providerId } : {}),
      url: url.href,
      headers: lines,
      cookies: parseCookieHeader(cookieHeader),
      ...(body ? { body } : {}),
      query: Object.fromEntries(url.searchParams),
    })
    for (const { line } of result.setCookies) jar.apply(line, url.href)
    const responseHeaders = new Headers(result.headers.filter(([n]) => n.toLowerCase() !== 'location'))
    const payload = result.body === undefined ? null : typeof result.body === 'string' ? result.body : JSON.stringify(result.body)
    return new Response(payload, { status: result.status, headers: responseHeaders })
  }

  return { fetch, requests, beacons, jar, ctx }
}
