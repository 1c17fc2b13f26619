// Drives the real handlers in Node with a tiny cookie-carrying client: next-auth@4.24.15's pages-router
// handler (`NextAuth(req, res, options)` from next-auth/next/index.js, with a `res` that behaves like
// Next's API response), and @auth/core@0.41.3's `Auth()`. Each exchange is reduced to what both sides
// can be compared on, including the response headers and what the server's logger was told.
import { realpathSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import type { FlowFlavor, PlaygroundConfig } from '../../../../src/engine/index'
import { toTraceValue } from '../../../../src/engine/flow/plain'

const require = createRequire(import.meta.url)
// The real path: require.cache keys resolve symlinks.
const nextAuthDir = realpathSync(join(process.cwd(), 'node_modules/next-auth'))
const v4Cookie = createRequire(join(nextAuthDir, 'core/index.js'))('cookie') as { parse: (h: string) => Record<string, string> }

/**
 * next-auth as a fresh server process would load it: its module state (the once-per-process
 * `NO_SECRET` warning of core/lib/assert.js) starts over, as the engine's does for each playground.
 */
function loadFreshV4() {
  for (const id of Object.keys(require.cache)) if (id.startsWith(nextAuthDir) && !id.startsWith(join(nextAuthDir, 'node_modules'))) delete require.cache[id]
  return {
    NextAuth: (require(join(nextAuthDir, 'next/index.js')) as { default: (req: unknown, res: unknown, options: unknown) => Promise<unknown> }).default,
    V4Credentials: (require(join(nextAuthDir, 'providers/credentials.js')) as { default: (o: unknown) => unknown }).default,
  }
}

/** The callbacks a scenario uses, as plain functions, called by the real handler and by our engine alike. */
export interface ScenarioCallbacks {
  authorize: (credentials: Record<string, unknown>, req: unknown) => unknown
  signIn?: (args: Record<string, any>) => unknown // eslint-disable-line @typescript-eslint/no-explicit-any
  redirect?: (args: { url: string; baseUrl: string }) => unknown
  jwt?: (args: Record<string, any>) => unknown // eslint-disable-line @typescript-eslint/no-explicit-any
  session?: (args: Record<string, any>) => unknown // eslint-disable-line @typescript-eslint/no-explicit-any
}

export interface RecordedCall {
  callback: string
  args: Record<string, unknown>
  undefinedArgs: string[]
}

/** One request/response as both sides can be compared on. */
export interface Exchange {
  method: string
  path: string
  status: number
  setCookies: string[]
  /**
   * The other response headers: in the order v4's handler and Next's `res` wrote them; for Auth.js
   * lower-cased and sorted, as a Web `Response` keeps them (the source order is pinned in constants.test.ts).
   */
  headers: [string, string][]
  body: unknown
  /** What the server's logger was called with during this request, as `level:code` (v4 code, Auth.js error type or name). */
  logs: string[]
}

export interface RealRequest {
  method: 'GET' | 'POST'
  /** Path under the site, e.g. `/api/auth/callback/credentials`. */
  path: string
  headers: [string, string][]
  /** Body text as the engine's client sent it; `csrfToken` is replaced by the real side's own token. */
  body?: string
}

export interface RealSide {
  send(request: RealRequest): Promise<Exchange>
  calls: RecordedCall[]
  /** The raw Cookie header the real client would send now to `path` (default `/`). */
  cookieHeader(path?: string): string
  setCookieValue(name: string, value: string): void
  cookieValue(name: string): string | undefined
  /** Changes the configuration for the next request (a redeploy with new options). */
  setConfig(patch: Partial<PlaygroundConfig>): void
}

function recorder(calls: RecordedCall[], name: string, fn: ((...a: any[]) => unknown) | undefined) { // eslint-disable-line @typescript-eslint/no-explicit-any
  if (!fn) return undefined
  return async (...args: any[]) => { // eslint-disable-line @typescript-eslint/no-explicit-any
    const first = name === 'authorize' ? { credentials: args[0] } : args[0]
    // Recorded the way our trace records them: plain data, plus the keys present but undefined.
    const undefinedArgs = Object.keys(first).filter((key) => first[key] === undefined)
    calls.push({ callback: name, args: toTraceValue(first) as Record<string, unknown>, undefinedArgs })
    return fn(...args)
  }
}

/**
 * A browser-ish jar for the real side: (name, path) → raw (encoded) value; `Max-Age=0` deletes;
 * `Expires` is checked against (fake) Date.now(); a cookie is sent to paths under its `Path`.
 */
function createJar() {
  const cookies = new Map<string, { name: string; value: string; path: string; expiresAtMs?: number }>()
  const key = (name: string, path: string) => `${name}\u0000${path}`
  const dropExpired = () => {
    for (const [k, cookie] of cookies) if (cookie.expiresAtMs !== undefined && cookie.expiresAtMs <= Date.now()) cookies.delete(k)
  }
  const visible = (requestPath: string) => {
    dropExpired()
    // Longer paths first, as browsers order the Cookie header.
    return [...cookies.values()].filter((c) => requestPath === c.path || requestPath.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`)).sort((a, b) => b.path.length - a.path.length)
  }
  return {
    apply(line: string, requestPath: string) {
      const [pair, ...attributes] = line.split(';')
      const eq = pair!.indexOf('=')
      const name = pair!.slice(0, eq)
      const value = pair!.slice(eq + 1)
      const attr = (n: string) => attributes.map((a) => a.trim()).find((a) => a.toLowerCase().startsWith(`${n.toLowerCase()}=`))?.slice(n.length + 1)
      // No Path attribute: the default path is the request path's directory.
      const path = attr('Path') ?? (requestPath.lastIndexOf('/') > 0 ? requestPath.slice(0, requestPath.lastIndexOf('/')) : '/')
      if (attr('Max-Age') === '0') {
        cookies.delete(key(name, path))
        return
      }
      const expires = attr('Expires')
      cookies.set(key(name, path), { name, value, path, ...(expires ? { expiresAtMs: Date.parse(expires) } : {}) })
    },
    header: (requestPath = '/') => visible(requestPath).map((c) => `${c.name}=${c.value}`).join('; '),
    set: (name: string, value: string) => {
      const existing = [...cookies.values()].find((c) => c.name === name)
      cookies.set(key(name, existing?.path ?? '/'), { ...(existing ?? { name, path: '/' }), value })
    },
    get: (name: string) => [...cookies.values()].find((c) => c.name === name)?.value,
    names: () => [...cookies.values()].map((c) => c.name),
  }
}

function withCsrf(body: string | undefined, contentType: string, csrfToken: string | undefined): string | undefined {
  if (body === undefined) return undefined
  if (contentType.includes('json')) {
    const data = JSON.parse(body) as Record<string, unknown>
    if (typeof data.csrfToken === 'string' && data.csrfToken.length === 64 && csrfToken) data.csrfToken = csrfToken
    return JSON.stringify(data)
  }
  const params = new URLSearchParams(body)
  const sent = params.get('csrfToken')
  if (sent && sent.length === 64 && csrfToken) params.set('csrfToken', csrfToken)
  return params.toString()
}

function callbacksFor(config: PlaygroundConfig, callbacks: ScenarioCallbacks, calls: RecordedCall[]) {
  return Object.fromEntries((['signIn', 'redirect', 'jwt', 'session'] as const).flatMap((name) => (config.callbacks[name] && callbacks[name] ? [[name, recorder(calls, name, callbacks[name])]] : [])))
}

export function createRealSide(config: PlaygroundConfig, callbacks: ScenarioCallbacks): RealSide {
  return config.flavor === 'next-auth-v4' ? createRealV4(config, callbacks) : createRealAuthjs(config, callbacks)
}

/** What Next's API `res` does with the calls next-auth/next/index.js makes (`sendData`, `sendJson`, and the 500 of an uncaught error). */
function createNextResponse() {
  const headers: [string, string][] = []
  const state: { status: number; body?: unknown } = { status: 200 }
  const find = (name: string) => headers.findIndex(([n]) => n.toLowerCase() === name.toLowerCase())
  const res = {
    headers,
    state,
    getHeader: (name: string) => headers[find(name)]?.[1],
    setHeader(name: string, value: unknown) {
      // Node keeps a header's first position when it is set again.
      const entry: [string, string] = [name, value as string]
      const at = find(name)
      if (at >= 0) headers[at] = entry
      else headers.push(entry)
      return res
    },
    status(code: number) {
      state.status = code
      return res
    },
    json(body: unknown) {
      res.setHeader('Content-Type', 'application/json')
      state.body = JSON.parse(JSON.stringify(body))
      return res
    },
    send(body: unknown) {
      // sendData: null or undefined end the response empty; JSON-like values go out as JSON; text as it is.
      if (body === null || body === undefined) return res
      if (['object', 'number', 'boolean'].includes(typeof body)) return res.json(body)
      state.body = body
      return res
    },
    end: () => res,
  }
  return res
}

/**
 * The options both libraries take the same way: the credentials provider (with the app's recorded
 * `authorize` when it defines one), session and jwt lifetimes, cookie overrides, secure cookies and
 * the recorded callbacks.
 */
function commonOptions(config: PlaygroundConfig, callbacks: ScenarioCallbacks, calls: RecordedCall[], credentials: (options: Record<string, unknown>) => unknown) {
  return {
    providers: [credentials({ ...(config.callbacks.authorize ? { authorize: recorder(calls, 'authorize', callbacks.authorize) } : {}) })],
    session: { maxAge: config.session.maxAge, updateAge: config.session.updateAge },
    ...(config.jwt.maxAge !== undefined ? { jwt: { maxAge: config.jwt.maxAge } } : {}),
    ...(config.cookies ? { cookies: config.cookies } : {}),
    ...(config.useSecureCookies !== undefined ? { useSecureCookies: config.useSecureCookies } : {}),
    callbacks: callbacksFor(config, callbacks, calls),
  }
}

function createRealV4(initial: PlaygroundConfig, callbacks: ScenarioCallbacks): RealSide {
  let { NextAuth, V4Credentials } = loadFreshV4()
  const calls: RecordedCall[] = []
  const jar = createJar()
  let config = initial
  let logs: string[] = []
  const options = () => {
    const secret = Array.isArray(config.secret) ? config.secret[0] : config.secret
    return {
      ...(secret ? { secret } : {}),
      ...commonOptions(config, callbacks, calls, V4Credentials),
      logger: {
        error: (code: string) => void logs.push(`error:${code}`),
        warn: (code: string) => void logs.push(`warn:${code}`),
        debug: (code: string) => void logs.push(`debug:${code}`),
      },
    }
  }
  const csrfName = () => jar.names().find((n) => n.endsWith('next-auth.csrf-token'))
  return {
    calls,
    cookieHeader: jar.header,
    setCookieValue: jar.set,
    cookieValue: jar.get,
    setConfig(patch) {
      // New options mean a restarted server, as the engine's setConfig does.
      config = { ...config, ...patch }
      ;({ NextAuth, V4Credentials } = loadFreshV4())
    },
    async send(request) {
      process.env.NEXTAUTH_URL = config.siteUrl
      logs = []
      const url = new URL(request.path, config.siteUrl)
      const [, , , action, providerId] = url.pathname.split('/')
      const contentType = request.headers.find(([n]) => n.toLowerCase() === 'content-type')?.[1] ?? ''
      const csrfCookie = csrfName()
      const csrfToken = csrfCookie ? decodeURIComponent(jar.get(csrfCookie)!).split('|')[0] : undefined
      const text = withCsrf(request.body, contentType, csrfToken)
      const body = text === undefined ? undefined : contentType.includes('json') ? JSON.parse(text) : Object.fromEntries(new URLSearchParams(text))
      const cookieHeader = jar.header(url.pathname)
      const res = createNextResponse()
      const req = {
        method: request.method,
        query: { nextauth: providerId ? [action, providerId] : [action] },
        headers: { host: url.host, 'content-type': contentType },
        cookies: v4Cookie.parse(cookieHeader),
        body,
      }
      try {
        await NextAuth(req, res, options())
      } catch {
        // Nothing inside caught it: Next's apiResolver answers `sendError(res, 500, 'Internal Server Error')`,
        // keeping whatever headers (Set-Cookie lines) were set before the throw.
        res.state.status = 500
        res.state.body = 'Internal Server Error'
      }
      const setCookies = (res.getHeader('Set-Cookie') as unknown as string[] | undefined) ?? []
      setCookies.forEach((line) => jar.apply(line, url.pathname))
      return { method: request.method, path: url.pathname, status: res.state.status, setCookies, headers: res.headers.filter(([n]) => n !== 'Set-Cookie'), body: res.state.body, logs }
    },
  }
}

function createRealAuthjs(initial: PlaygroundConfig, callbacks: ScenarioCallbacks): RealSide {
  const calls: RecordedCall[] = []
  const jar = createJar()
  let config = initial
  let modules: Promise<{ Auth: (r: Request, c: unknown) => Promise<Response>; Credentials: (o: unknown) => unknown }> | undefined
  const load = () =>
    (modules ??= Promise.all([import('@auth/core'), import('@auth/core/providers/credentials')]).then(([core, cred]) => ({
      Auth: core.Auth as unknown as (r: Request, c: unknown) => Promise<Response>,
      Credentials: cred.default as unknown as (o: unknown) => unknown,
    })))
  const csrfName = () => jar.names().find((n) => n.endsWith('authjs.csrf-token'))
  return {
    calls,
    cookieHeader: jar.header,
    setCookieValue: jar.set,
    cookieValue: jar.get,
    setConfig: (patch) => void (config = { ...config, ...patch }),
    async send(request) {
      const { Auth, Credentials } = await load()
      const logs: string[] = []
      const secret = Array.isArray(config.secret) ? (config.secret.some(Boolean) ? config.secret : []) : config.secret
      const authConfig = {
        basePath: '/api/auth',
        trustHost: true,
        ...(secret && secret.length > 0 ? { secret } : {}),
        ...commonOptions(config, callbacks, calls, Credentials),
        logger: {
          error: (error: Error & { type?: string }) => void logs.push(`error:${error.type ?? error.name}`),
          warn: (code: string) => void logs.push(`warn:${code}`),
          debug: (message: string) => void logs.push(`debug:${message}`),
        },
      }
      const url = new URL(request.path, config.siteUrl)
      const contentType = request.headers.find(([n]) => n.toLowerCase() === 'content-type')?.[1] ?? ''
      const csrfCookie = csrfName()
      const csrfToken = csrfCookie ? decodeURIComponent(jar.get(csrfCookie)!).split('|')[0] : undefined
      const text = withCsrf(request.body, contentType, csrfToken)
      const headers = new Headers(request.headers.filter(([n]) => n.toLowerCase() !== 'cookie'))
      const cookieHeader = jar.header(url.pathname)
      if (cookieHeader) headers.set('cookie', cookieHeader)
      const response = await Auth(new Request(url, { method: request.method, headers, ...(text === undefined ? {} : { body: text }) }), authConfig)
      const setCookies = response.headers.getSetCookie()
      const raw = await response.text()
      let body: unknown = undefined
      if (raw !== '') {
        try {
          body = JSON.parse(raw)
        } catch {
          body = raw
        }
      }
      setCookies.forEach((line) => jar.apply(line, url.pathname))
      return { method: request.method, path: url.pathname, status: response.status, setCookies, headers: [...response.headers].filter(([n]) => n !== 'set-cookie'), body, logs }
    },
  }
}

/** How a flavour's exchange headers are compared (see `Exchange.headers`). */
export function comparableHeaders(flavor: FlowFlavor, headers: [string, string][]): [string, string][] {
  if (flavor === 'next-auth-v4') return headers
  return headers.map(([n, v]): [string, string] => [n.toLowerCase(), v]).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
}
