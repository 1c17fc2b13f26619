import { describe, expect, it } from 'vitest'
import { defaultCookies, isEngineError, serializeSetCookie } from '../../../src/engine/index'
import type { FlowFlavor } from '../../../src/engine/index'
import type { SetCookieOptions } from '../../../src/engine/cookies/types'
import { loadAuthjs, v4SetCookieLines, type RealCookie } from './realLibraries'

const authjs = await loadAuthjs()
const EXPIRES_SEC = 1_769_817_600 // 2026-01-31T00:00:00Z

/** The real line for one cookie: v4 through `next/utils.js` setCookie, Auth.js through `toResponse`. */
function realLine(flavor: FlowFlavor, cookie: RealCookie): string {
  if (flavor === 'next-auth-v4') return v4SetCookieLines([cookie])[0]!
  return authjs.web.toResponse({ cookies: [cookie] }).headers.getSetCookie()[0]!
}

function toReal(name: string, value: string, options: SetCookieOptions): RealCookie {
  const { expiresAtSec, ...rest } = options
  return { name, value, options: { ...rest, ...(expiresAtSec === undefined ? {} : { expires: new Date(expiresAtSec * 1000) }) } }
}

describe('serializeSetCookie', () => {
  for (const flavor of ['next-auth-v4', 'authjs'] as const) {
    for (const secure of [false, true]) {
      const table = defaultCookies(flavor, secure)
      const cases: [string, string, string, SetCookieOptions][] = [
        ['session set', table.sessionToken.name, 'eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..iv.ct.tag', { ...table.sessionToken.options, expiresAtSec: EXPIRES_SEC }],
        ['session clear', table.sessionToken.name, '', { ...table.sessionToken.options, maxAge: 0 }],
        ['csrf with a pipe', table.csrfToken.name, `${'ab'.repeat(32)}|${'cd'.repeat(32)}`, table.csrfToken.options],
        ['callback url', table.callbackUrl.name, 'http://localhost:3000/dashboard?x=1&y=2', table.callbackUrl.options],
        ['pkce with Max-Age and Expires', table.pkceCodeVerifier.name, 'v', { ...table.pkceCodeVerifier.options, expiresAtSec: EXPIRES_SEC }],
        ['domain and strict', table.sessionToken.name, 'v', { ...table.sessionToken.options, domain: '.example.com', sameSite: 'strict' }],
        ['SameSite=None', table.sessionToken.name, 'v', { ...table.sessionToken.options, sameSite: 'none' }],
        ['unicode value', 'n', 'héllo wörld;', { path: '/' }],
      ]
      for (const [label, name, value, options] of cases) {
        it(`writes the same line as real ${flavor} for ${label} (secure=${secure})`, () => {
          expect(serializeSetCookie(name, value, options, flavor)).toBe(realLine(flavor, toReal(name, value, options)))
        })
      }
    }
  }

  it('writes the documented clear line: Max-Age=0 and no Expires', () => {
    const { name, options } = defaultCookies('next-auth-v4', true).sessionToken
    expect(serializeSetCookie(name, '', { ...options, maxAge: 0 })).toBe('__Secure-next-auth.session-token=; Max-Age=0; Path=/; HttpOnly; Secure; SameSite=Lax')
  })

  it('floors a fractional maxAge for v4 (cookie@0.7) and rejects it for Auth.js, like the real serialisers', () => {
    const options = { path: '/', maxAge: 90.7 }
    expect(serializeSetCookie('a', 'b', options, 'next-auth-v4')).toBe(realLine('next-auth-v4', toReal('a', 'b', options)))
    expect(() => realLine('authjs', toReal('a', 'b', options))).toThrow(TypeError)
    expect(() => serializeSetCookie('a', 'b', options, 'authjs')).toThrow(/maxAge/)
  })

  it('turns a name the serialiser refuses into CONFIG_INVALID', () => {
    let caught: unknown
    try {
      serializeSetCookie('my session', 'v', { path: '/' })
    } catch (error) {
      caught = error
    }
    expect(isEngineError(caught, 'CONFIG_INVALID')).toBe(true)
  })

  it.each(['next-auth-v4', 'authjs'] as const)('refuses a name the app\'s cookie@1 accepts but real %s does not, with the real TypeError as cause', (flavor) => {
    let real: unknown
    try {
      realLine(flavor, toReal('my@session', 'v', { path: '/' }))
    } catch (error) {
      real = error
    }
    let caught: unknown
    try {
      serializeSetCookie('my@session', 'v', { path: '/' }, flavor)
    } catch (error) {
      caught = error
    }
    expect(real).toBeInstanceOf(TypeError)
    expect(isEngineError(caught, 'CONFIG_INVALID')).toBe(true)
    const error = caught as Error & { details: unknown }
    expect(error.cause).toBeInstanceOf(TypeError)
    expect((error.cause as Error).message).toBe((real as Error).message)
    expect(error.details).toEqual({ setting: 'cookies', cookieName: 'my@session' })
  })
})
