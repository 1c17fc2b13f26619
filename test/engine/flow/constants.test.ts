// Every constant the flows teach, compared with the real packages (loaded by file path).
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { AUTHJS_CLIENT_SAFE_ERRORS, BASE_PATH, CONFIG_ERROR_MESSAGE, CREDENTIALS_PROVIDER, DEFAULT_MAX_AGE_SEC, DEFAULT_ORIGIN, DEFAULT_UPDATE_AGE_SEC, NO_CACHE_HEADERS, SOURCES } from '../../../src/engine/flow/constants'
import { defaultRedirect, libraryDefaultCallback } from '../../../src/engine/flow/defaultCallbacks'

const require = createRequire(import.meta.url)
const modules = join(process.cwd(), 'node_modules')
const v4Init = require(join(modules, 'next-auth/core/init.js')) as { init: (p: unknown) => Promise<{ options: Record<string, any> }> } // eslint-disable-line @typescript-eslint/no-explicit-any
const v4Defaults = require(join(modules, 'next-auth/core/lib/default-callbacks.js')).defaultCallbacks as Record<string, (a: unknown) => unknown>
const v4ParseUrl = require(join(modules, 'next-auth/utils/parse-url.js')).default as (u?: string) => { origin: string; path: string }
const V4Credentials = require(join(modules, 'next-auth/providers/credentials.js')).default as (o: unknown) => Record<string, unknown>
const { AuthHandler } = require(join(modules, 'next-auth/core/index.js')) as { AuthHandler: (p: unknown) => Promise<{ headers?: { key: string; value: string }[] }> }
const authjsInit = () => import(pathToFileURL(join(modules, '@auth/core/lib/init.js')).href) as Promise<{ init: (p: unknown) => Promise<{ options: Record<string, any> }>; defaultCallbacks: Record<string, (a: unknown) => unknown> }> // eslint-disable-line @typescript-eslint/no-explicit-any

describe('flow constants', () => {
  it('session.maxAge, updateAge and jwt.maxAge default as in v4 init', async () => {
    const { options } = await v4Init.init({ authOptions: { providers: [], secret: 'x' }, action: 'session', origin: 'http://localhost:3000', cookies: {}, isPost: false })
    expect([options.session.maxAge, options.session.updateAge, options.jwt.maxAge]).toEqual([DEFAULT_MAX_AGE_SEC, DEFAULT_UPDATE_AGE_SEC, DEFAULT_MAX_AGE_SEC])
    const withSession = await v4Init.init({ authOptions: { providers: [], secret: 'x', session: { maxAge: 60 } }, action: 'session', origin: 'http://localhost:3000', cookies: {}, isPost: false })
    // v4: jwt.maxAge does not follow session.maxAge.
    expect(withSession.options.jwt.maxAge).toBe(DEFAULT_MAX_AGE_SEC)
  })

  it('session.maxAge, updateAge and jwt.maxAge default as in Auth.js init (jwt.maxAge follows session.maxAge)', async () => {
    const { init } = await authjsInit()
    const base = { providerId: undefined, action: 'session', url: new URL('http://localhost:3000/api/auth/session'), cookies: {}, isPost: false }
    const { options } = await init({ ...base, authOptions: { providers: [], secret: 'x', basePath: '/api/auth' } })
    expect([options.session.maxAge, options.session.updateAge, options.jwt.maxAge]).toEqual([DEFAULT_MAX_AGE_SEC, DEFAULT_UPDATE_AGE_SEC, DEFAULT_MAX_AGE_SEC])
    const withSession = await init({ ...base, authOptions: { providers: [], secret: 'x', basePath: '/api/auth', session: { maxAge: 60 } } })
    expect(withSession.options.jwt.maxAge).toBe(60)
  })

  it('the default origin and base path are v4 parseUrl\'s', () => {
    expect(v4ParseUrl(undefined)).toMatchObject({ origin: DEFAULT_ORIGIN, path: BASE_PATH })
  })

  it('the credentials provider id, name and type', () => {
    const provider = V4Credentials({})
    expect({ id: provider.id, name: provider.name, type: provider.type }).toEqual(CREDENTIALS_PROVIDER)
  })

  it('the no-cache headers of GET /csrf in v4 order', async () => {
    process.env.NEXTAUTH_URL = 'http://localhost:3000'
    const res = await AuthHandler({ req: { method: 'GET', action: 'csrf', headers: { host: 'localhost:3000' }, cookies: {}, query: {} }, options: { providers: [], secret: 'x' } })
    expect(res.headers!.map((h) => [h.key, h.value])).toEqual(NO_CACHE_HEADERS['next-auth-v4'])
    delete process.env.NEXTAUTH_URL
  })

  it('the no-cache headers of GET /session in v4 order, and only Content-Type on the update POST', async () => {
    process.env.NEXTAUTH_URL = 'http://localhost:3000'
    const cookieName = 'next-auth.session-token'
    const get = await AuthHandler({ req: { method: 'GET', action: 'session', headers: { host: 'localhost:3000' }, cookies: { [cookieName]: 'x' }, query: {} }, options: { providers: [], secret: 'x', logger: { error() {} } } })
    expect(get.headers!.map((h) => [h.key, h.value])).toEqual(NO_CACHE_HEADERS['next-auth-v4'])
    delete process.env.NEXTAUTH_URL
  })

  it('the no-cache headers of GET /csrf and GET /session in the order Auth.js writes them (its internal response, before a Web Response sorts them)', async () => {
    const [{ AuthInternal }, { toInternalRequest }, { setLogger }] = await Promise.all([
      import(pathToFileURL(join(modules, '@auth/core/lib/index.js')).href) as Promise<{ AuthInternal: (r: unknown, c: unknown) => Promise<{ headers?: Record<string, string> }> }>,
      import(pathToFileURL(join(modules, '@auth/core/lib/utils/web.js')).href) as Promise<{ toInternalRequest: (r: Request, c: unknown) => Promise<unknown> }>,
      import(pathToFileURL(join(modules, '@auth/core/lib/utils/logger.js')).href) as Promise<{ setLogger: (c: unknown) => unknown }>,
    ])
    const internal = async (path: string, init?: RequestInit) => {
      const config = { basePath: '/api/auth', trustHost: true, secret: 'x', providers: [], logger: { error() {} } }
      setLogger(config)
      return AuthInternal(await toInternalRequest(new Request(`http://localhost:3000/api/auth/${path}`, init), config), config)
    }
    for (const path of ['csrf', 'session']) expect(Object.entries((await internal(path)).headers!), path).toEqual(NO_CACHE_HEADERS.authjs)
    // The order matters to this test: the same pairs in another order fail it.
    expect(NO_CACHE_HEADERS.authjs.map(([name]) => name)).not.toEqual(NO_CACHE_HEADERS['next-auth-v4'].map(([name]) => name))
  })

  it('the Auth.js error types that reach the error page URL are isClientError\'s', async () => {
    const errors = (await import('@auth/core/errors')) as unknown as Record<string, unknown> & { isClientError: (e: unknown) => boolean }
    const types = Object.values(errors).flatMap((value) => (typeof value === 'function' && typeof (value as { type?: unknown }).type === 'string' ? [value as (new (m?: string) => Error) & { type: string }] : []))
    expect(types.length).toBeGreaterThan(20)
    const clientSafe = types.filter((ErrorType) => errors.isClientError(new ErrorType('x'))).map((ErrorType) => ErrorType.type)
    expect([...new Set(clientSafe)].sort()).toEqual([...AUTHJS_CLIENT_SAFE_ERRORS].sort())
  })

  it('both 500 messages', async () => {
    const { Auth } = await import('@auth/core')
    const broken = await Auth(new Request('http://localhost:3000/api/auth/session'), { basePath: '/api/auth', trustHost: true, providers: [], logger: { error() {} } })
    expect(await broken.json()).toEqual({ message: CONFIG_ERROR_MESSAGE.authjs })
    const before = process.env.NODE_ENV
    process.env.NODE_ENV = 'production'
    try {
      const v4Prod = (await AuthHandler({ req: { method: 'GET', action: 'session', headers: {}, cookies: {}, query: {} }, options: { providers: [], logger: { error() {}, warn() {} } } })) as { body?: unknown }
      expect(v4Prod.body).toEqual({ message: CONFIG_ERROR_MESSAGE['next-auth-v4'] })
    } finally {
      process.env.NODE_ENV = before
    }
  })

  it('the library default callbacks behave like the real ones', async () => {
    const { defaultCallbacks: authjsDefaults } = await authjsInit()
    for (const args of [{ url: '/x', baseUrl: 'http://a.test' }, { url: 'http://a.test/y', baseUrl: 'http://a.test' }, { url: 'http://evil.test/', baseUrl: 'http://a.test' }]) {
      expect(defaultRedirect(args)).toBe(v4Defaults.redirect!(args))
      expect(defaultRedirect(args)).toBe(authjsDefaults.redirect!(args))
    }
    const session = { user: { name: 'n', email: 'e', image: 'i', extra: 1 }, expires: '2026-01-01T00:00:00.000Z', extra: 2 }
    expect(libraryDefaultCallback('next-auth-v4', 'session')({ session, token: {} })).toEqual(v4Defaults.session!({ session, token: {} }))
    expect(libraryDefaultCallback('authjs', 'session')({ session, token: {} })).toEqual(authjsDefaults.session!({ session, token: {} }))
    expect(libraryDefaultCallback('authjs', 'signIn')({})).toBe(authjsDefaults.signIn!({}))
    expect(libraryDefaultCallback('next-auth-v4', 'jwt')({ token: { a: 1 } })).toEqual(v4Defaults.jwt!({ token: { a: 1 } }))
  })

  it('every source file a trace step names exists in the installed packages', () => {
    for (const [flavor, files] of Object.entries(SOURCES)) {
      for (const file of Object.values(files)) {
        // The Auth.js flavour's client is next-auth@5, installed beside v4 as the alias next-auth-v5.
        const installed = flavor === 'authjs' && file.startsWith('next-auth/') ? file.replace(/^next-auth\//, 'next-auth-v5/') : file
        expect(existsSync(join(modules, installed)), file).toBe(true)
      }
    }
    expect(JSON.parse(readFileSync(join(modules, 'next-auth-v5/package.json'), 'utf8'))).toMatchObject({ name: 'next-auth', version: '5.0.0-beta.32', dependencies: { '@auth/core': '0.41.3' } })
  })
})
