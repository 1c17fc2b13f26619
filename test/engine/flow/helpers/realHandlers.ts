// Drives the real handlers in Node with a tiny cookie-carrying client: next-auth@4.24.15's core
// `AuthHandler` behind the pages-router adapter (next-auth/next/index.js), and @auth/core@0.41.3's
// `Auth()`. Each exchange is reduced to what both sides can be compared on.
import { createRequire } from 'node:module'
import { join } from 'node:path'
import type { PlaygroundConfig } from '../../../../src/engine/index'
import { toTraceValue } from '../../../../src/engine/flow/plain'

const require = createRequire(import.meta.url)
const nextAuthDir = join(process.cwd(), 'node_modules/next-auth')
const { AuthHandler } = require(join(nextAuthDir, 'core/index.js')) as { AuthHandler: (params: unknown) => Promise<V4Internal> }
const V4Credentials = (require(join(nextAuthDir, 'providers/credentials.js')) as { default: (o: unknown) => unknown }).default
const v4Cookie = createRequire(join(nextAuthDir, 'core/index.js'))('cookie') as { serialize: (n: string, v: string, o: unknown) => string; parse: (h: string) => Record<string, string> }

interface V4Internal {
  status?: number
  headers?: { key: string; value: string }[]
  body?: unknown
  redirect?: string
  cookies?: { name: string; value: string; options: unknown }[]
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
  body: unknown
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
  /** The raw Cookie header the real client would send now. */
  cookieHeader(): string
  setCookieValue(name: string, value: string): void
  cookieValue(name: string): string | undefined
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

/** A browser-ish jar for the real side: name → raw (encoded) value; Max-Age=0 deletes; Expires is checked against (fake) Date.now(). */
function createJar() {
  const cookies = new Map<string, string>()
  const expires = new Map<string, number>()
  const dropExpired = () => {
    for (const [name, atMs] of expires) if (atMs <= Date.now()) {
      cookies.delete(name)
      expires.delete(name)
    }
  }
  return {
    cookies,
    apply(line: string) {
      const [pair] = line.split(';')
      const eq = pair!.indexOf('=')
      const name = pair!.slice(0, eq)
      const value = pair!.slice(eq + 1)
      if (/;\s*Max-Age=0(;|$)/i.test(line)) {
        cookies.delete(name)
        expires.delete(name)
        return
      }
      cookies.set(name, value)
      const match = /;\s*Expires=([^;]+)/i.exec(line)
      if (match) expires.set(name, Date.parse(match[1]!))
      else expires.delete(name)
    },
    header: () => {
      dropExpired()
      return [...cookies].map(([n, v]) => `${n}=${v}`).join('; ')
    },
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

export function createRealSide(config: PlaygroundConfig, callbacks: ScenarioCallbacks): RealSide {
  return config.flavor === 'next-auth-v4' ? createRealV4(config, callbacks) : createRealAuthjs(config, callbacks)
}

function createRealV4(config: PlaygroundConfig, callbacks: ScenarioCallbacks): RealSide {
  const calls: RecordedCall[] = []
  const jar = createJar()
  const secret = Array.isArray(config.secret) ? config.secret[0] : config.secret
  const options = {
    ...(secret ? { secret } : {}),
    providers: [V4Credentials({ authorize: recorder(calls, 'authorize', callbacks.authorize) })],
    session: { maxAge: config.session.maxAge, updateAge: config.session.updateAge },
    ...(config.jwt.maxAge !== undefined ? { jwt: { maxAge: config.jwt.maxAge } } : {}),
    ...(config.cookies ? { cookies: config.cookies } : {}),
    ...(config.useSecureCookies !== undefined ? { useSecureCookies: config.useSecureCookies } : {}),
    callbacks: Object.fromEntries(
      (['signIn', 'redirect', 'jwt', 'session'] as const).flatMap((name) => (config.callbacks[name] && callbacks[name] ? [[name, recorder(calls, name, callbacks[name])]] : [])),
    ),
    logger: { error() {}, warn() {}, debug() {} },
  }
  const csrfName = () => [...jar.cookies.keys()].find((n) => n.endsWith('next-auth.csrf-token'))
  return {
    calls,
    cookieHeader: jar.header,
    setCookieValue: (name, value) => jar.cookies.set(name, value),
    cookieValue: (name) => jar.cookies.get(name),
    async send(request) {
      process.env.NEXTAUTH_URL = config.siteUrl
      const url = new URL(request.path, config.siteUrl)
      const [, , , action, providerId] = url.pathname.split('/')
      const contentType = request.headers.find(([n]) => n.toLowerCase() === 'content-type')?.[1] ?? ''
      const csrfCookie = csrfName()
      const csrfToken = csrfCookie ? decodeURIComponent(jar.cookies.get(csrfCookie)!).split('|')[0] : undefined
      const text = withCsrf(request.body, contentType, csrfToken)
      const body = text === undefined ? undefined : contentType.includes('json') ? JSON.parse(text) : Object.fromEntries(new URLSearchParams(text))
      const cookieHeader = jar.header()
      let internal: V4Internal
      try {
        internal = await AuthHandler({
          req: { method: request.method, action, providerId, headers: { host: url.host, 'content-type': contentType }, cookies: v4Cookie.parse(cookieHeader), body, query: {} },
          options: { ...options, callbacks: { ...options.callbacks } },
        })
      } catch {
        // Nothing inside caught it: Next answers with its 500 page.
        return { method: request.method, path: url.pathname, status: 500, setCookies: [], body: 'Internal Server Error' }
      }
      // next-auth/next/index.js (pages router)
      let status = internal.status ?? 200
      const setCookies = (internal.cookies ?? []).map((c) => v4Cookie.serialize(c.name, c.value, c.options))
      let responseBody: unknown = internal.body
      if (internal.redirect) {
        if (body?.json !== 'true') {
          status = 302
          responseBody = undefined
        } else responseBody = { url: internal.redirect }
      }
      setCookies.forEach(jar.apply)
      return { method: request.method, path: url.pathname, status, setCookies, body: responseBody }
    },
  }
}

function createRealAuthjs(config: PlaygroundConfig, callbacks: ScenarioCallbacks): RealSide {
  const calls: RecordedCall[] = []
  const jar = createJar()
  let modules: Promise<{ Auth: (r: Request, c: unknown) => Promise<Response>; Credentials: (o: unknown) => unknown }> | undefined
  const load = () =>
    (modules ??= Promise.all([import('@auth/core'), import('@auth/core/providers/credentials')]).then(([core, cred]) => ({
      Auth: core.Auth as unknown as (r: Request, c: unknown) => Promise<Response>,
      Credentials: cred.default as unknown as (o: unknown) => unknown,
    })))
  const csrfName = () => [...jar.cookies.keys()].find((n) => n.endsWith('authjs.csrf-token'))
  return {
    calls,
    cookieHeader: jar.header,
    setCookieValue: (name, value) => jar.cookies.set(name, value),
    cookieValue: (name) => jar.cookies.get(name),
    async send(request) {
      const { Auth, Credentials } = await load()
      const secret = Array.isArray(config.secret) ? config.secret.filter(Boolean) : config.secret
      const authConfig = {
        basePath: '/api/auth',
        trustHost: true,
        ...(secret && secret.length > 0 ? { secret } : {}),
        providers: [Credentials({ authorize: recorder(calls, 'authorize', callbacks.authorize) })],
        session: { maxAge: config.session.maxAge, updateAge: config.session.updateAge },
        ...(config.jwt.maxAge !== undefined ? { jwt: { maxAge: config.jwt.maxAge } } : {}),
        ...(config.cookies ? { cookies: config.cookies } : {}),
        ...(config.useSecureCookies !== undefined ? { useSecureCookies: config.useSecureCookies } : {}),
        callbacks: Object.fromEntries(
          (['signIn', 'redirect', 'jwt', 'session'] as const).flatMap((name) => (config.callbacks[name] && callbacks[name] ? [[name, recorder(calls, name, callbacks[name])]] : [])),
        ),
        logger: { error() {}, warn() {}, debug() {} },
      }
      const url = new URL(request.path, config.siteUrl)
      const contentType = request.headers.find(([n]) => n.toLowerCase() === 'content-type')?.[1] ?? ''
      const csrfCookie = csrfName()
      const csrfToken = csrfCookie ? decodeURIComponent(jar.cookies.get(csrfCookie)!).split('|')[0] : undefined
      const text = withCsrf(request.body, contentType, csrfToken)
      const headers = new Headers(request.headers.filter(([n]) => n.toLowerCase() !== 'cookie'))
      const cookieHeader = jar.header()
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
      setCookies.forEach(jar.apply)
      return { method: request.method, path: url.pathname, status: response.status, setCookies, body }
    },
  }
}
