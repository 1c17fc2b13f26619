// Every constant the flows teach, compared with the real packages (loaded by file path).
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { BASE_PATH, CONFIG_ERROR_MESSAGE, CREDENTIALS_PROVIDER, DEFAULT_MAX_AGE_SEC, DEFAULT_ORIGIN, DEFAULT_UPDATE_AGE_SEC, NO_CACHE_HEADERS, SOURCES } from '../../../src/engine/flow/constants'
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

  it('the no-cache headers of GET /csrf in Auth.js order, and both 500 messages', async () => {
    const { Auth } = await import('@auth/core')
    const res = await Auth(new Request('http://localhost:3000/api/auth/csrf'), { basePath: '/api/auth', trustHost: true, secret: 'x', providers: [], logger: { error() {} } })
    const headers = [...res.headers].map(([k, v]) => [k.toLowerCase(), v])
    expect(headers).toEqual(expect.arrayContaining(NO_CACHE_HEADERS.authjs.map(([k, v]) => [k.toLowerCase(), v])))
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
    for (const flavor of Object.values(SOURCES)) {
      for (const file of Object.values(flavor)) {
        // next-auth@5's client files are not installed (v4 is); their names follow next-auth@5.0.0-beta.
        if (file.startsWith('next-auth/react.js') || file.startsWith('next-auth/lib/client.js')) continue
        expect(existsSync(join(modules, file)), file).toBe(true)
      }
    }
  })
})
