// The real libraries, loaded for comparison: next-auth 4.24.15 (CommonJS, some files only by path)
// and @auth/core 0.41.3 (ESM). Tokens and cookies in the lab tests are made with these at test time.
import { createRequire } from 'node:module'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

const require = createRequire(resolve('package.json'))

type Claims = Record<string, unknown>
interface V4Jwt {
  encode(params: { token?: Claims; secret: string; maxAge?: number; salt?: string }): Promise<string>
  decode(params: { token: string; secret: string; salt?: string }): Promise<Claims | null>
}
interface AuthjsJwt {
  encode(params: { token?: Claims; secret: string | string[]; maxAge?: number; salt: string }): Promise<string>
  decode(params: { token: string; secret: string | string[]; salt: string }): Promise<Claims | null>
}
interface CookieOption {
  name: string
  options: Record<string, unknown>
}
interface RealCookie {
  name: string
  value: string
  options: Record<string, unknown>
}
interface SessionStoreInstance {
  value: string
  chunk(value: string, options: Record<string, unknown>): RealCookie[]
}
type DefaultCookies = (secure: boolean) => Record<string, CookieOption>

const quietLogger = { debug() {}, error() {}, warn() {} }

export const v4Jwt = require('next-auth/jwt') as V4Jwt
const v4Cookie = require('./node_modules/next-auth/core/lib/cookie.js') as {
  SessionStore: new (option: CookieOption, req: { cookies: Record<string, string> }, logger: unknown) => SessionStoreInstance
  defaultCookies: DefaultCookies
}

export async function authjsJwt(): Promise<AuthjsJwt> {
  return (await import('@auth/core/jwt')) as unknown as AuthjsJwt
}

async function authjsCookie() {
  return (await import(pathToFileURL(resolve('node_modules/@auth/core/lib/utils/cookie.js')).href)) as {
    SessionStore: new (option: CookieOption, cookies: Record<string, string>, logger: unknown) => SessionStoreInstance
    defaultCookies: DefaultCookies
  }
}

export type Flavor = 'next-auth-v4' | 'authjs'

/** The real `defaultCookies(secure)` of a flavour. */
export async function realDefaultCookies(flavor: Flavor, secure: boolean): Promise<Record<string, CookieOption>> {
  return flavor === 'next-auth-v4' ? v4Cookie.defaultCookies(secure) : (await authjsCookie()).defaultCookies(secure)
}

/** The real SessionStore reading `cookies` (in that insertion order). */
export async function realSessionValue(flavor: Flavor, cookieName: string, cookies: [string, string][]): Promise<string> {
  const record = Object.fromEntries(cookies)
  const option = { name: cookieName, options: {} }
  const store = flavor === 'next-auth-v4' ? new v4Cookie.SessionStore(option, { cookies: record }, quietLogger) : new (await authjsCookie()).SessionStore(option, record, quietLogger)
  return store.value
}

/**
 * What the real server reads from a `Cookie` header: the library's own `cookie.parse` (cookie@0.7 for
 * v4, the copy vendored in @auth/core), then its SessionStore joining the session cookie's chunks.
 */
export async function realSessionValueFromHeader(flavor: Flavor, cookieName: string, header: string): Promise<string> {
  const parse =
    flavor === 'next-auth-v4'
      ? (require('./node_modules/next-auth/node_modules/cookie/index.js') as { parse(text: string): Record<string, string> }).parse
      : ((await import(pathToFileURL(resolve('node_modules/@auth/core/lib/vendored/cookie.js')).href)) as { parse(text: string): Record<string, string> }).parse
  return realSessionValue(flavor, cookieName, Object.entries(parse(header)))
}

/** The real cookies the handler writes for `token` (chunked when large), as name/value/options. */
export async function realChunk(flavor: Flavor, secure: boolean, token: string, expires: Date): Promise<RealCookie[]> {
  const option = (await realDefaultCookies(flavor, secure)).sessionToken!
  const store = flavor === 'next-auth-v4' ? new v4Cookie.SessionStore(option, { cookies: {} }, quietLogger) : new (await authjsCookie()).SessionStore(option, {}, quietLogger)
  return store.chunk(token, { expires })
}

/** The real `Set-Cookie` serialisation (the `cookie` package NextAuth v4 uses, same attribute order). */
export function realSerialize(cookie: RealCookie): string {
  const { serialize } = require('./node_modules/next-auth/node_modules/cookie/index.js') as { serialize(name: string, value: string, options: Record<string, unknown>): string }
  return serialize(cookie.name, cookie.value, cookie.options)
}

/** A claims object with enough random text to need `bytes` characters of token. */
export function bigClaims(bytes: number): Claims {
  let filler = ''
  let seed = 7
  while (filler.length < bytes) {
    seed = (seed * 48271) % 2147483647
    filler += seed.toString(36)
  }
  return { name: 'Ada Lovelace', email: 'ada@example.com', sub: '1', filler: filler.slice(0, bytes) }
}
