import { describe, expect, it } from 'vitest'
import { defaultCookies, resolveCookies } from '../../../src/engine/cookies/index'
import type { CookieKey, CookieOverride, FlowFlavor } from '../../../src/engine/flow/types'
import { loadAuthjs, v4 } from './realLibraries'

const authjs = await loadAuthjs()
const real = { 'next-auth-v4': v4.cookie, authjs: authjs.cookie } as const
const FLAVORS: FlowFlavor[] = ['next-auth-v4', 'authjs']

describe('defaultCookies', () => {
  for (const flavor of FLAVORS) {
    for (const secure of [false, true]) {
      it(`equals the real ${flavor} table with useSecureCookies=${secure} (keys, order, names, options)`, () => {
        const ours = defaultCookies(flavor, secure)
        const theirs = real[flavor].defaultCookies(secure)
        expect(Object.keys(ours)).toEqual(Object.keys(theirs))
        expect(ours).toStrictEqual(theirs)
      })
    }
  }

  it('has no webauthnChallenge key for v4, and one for Auth.js', () => {
    expect('webauthnChallenge' in defaultCookies('next-auth-v4', true)).toBe(false)
    expect('webauthnChallenge' in v4.cookie.defaultCookies(true)).toBe(false)
    expect(defaultCookies('authjs', true).webauthnChallenge?.name).toBe(authjs.cookie.defaultCookies(true).webauthnChallenge!.name)
  })

  it('gives the CSRF cookie the stricter __Host- prefix and the others __Secure-', () => {
    const table = defaultCookies('next-auth-v4', true)
    expect(table.csrfToken.name.startsWith('__Host-')).toBe(true)
    expect(table.sessionToken.name.startsWith('__Secure-')).toBe(true)
  })
})

/** The cookie table the real `init` of each flavour builds from `cookies` overrides. */
async function realResolved(flavor: FlowFlavor, useSecureCookies: boolean, overrides: object | undefined) {
  const authOptions = { providers: [], secret: 's3cr3t', useSecureCookies, ...(overrides ? { cookies: overrides } : {}) }
  if (flavor === 'next-auth-v4') {
    return (await v4.init.init({ authOptions, action: 'session', origin: 'http://localhost:3000', cookies: {}, isPost: false })).options.cookies
  }
  const url = new URL('http://localhost:3000/auth/session')
  return (await authjs.init.init({ authOptions, action: 'session', url, cookies: {}, isPost: false })).options.cookies
}

const OVERRIDES: Record<string, Partial<Record<CookieKey, CookieOverride>> | undefined> = {
  none: undefined,
  'name and options': { sessionToken: { name: 'my-session', options: { httpOnly: true, sameSite: 'strict', path: '/', secure: false } } },
  'options only (domain)': { sessionToken: { options: { domain: 'example.com' } } },
  'name only': { csrfToken: { name: 'csrf' } },
  'undefined option value': { callbackUrl: { options: { maxAge: undefined, sameSite: 'none' } } },
  'several keys': { sessionToken: { name: 's', options: { maxAge: 60 } }, state: { options: { maxAge: 30 } } },
}

describe('resolveCookies', () => {
  for (const flavor of FLAVORS) {
    for (const secure of [false, true]) {
      for (const [label, overrides] of Object.entries(OVERRIDES)) {
        it(`matches the real ${flavor} init with ${label} (secure=${secure})`, async () => {
          const theirs = await realResolved(flavor, secure, overrides)
          const ours = resolveCookies(flavor, secure, overrides)
          expect(Object.keys(ours)).toEqual(Object.keys(theirs))
          for (const key of Object.keys(theirs)) {
            const { name, options } = theirs[key]
            // v4 loses a missing name/options: the real value is undefined; we keep what it turns into.
            expect(ours[key as CookieKey]).toStrictEqual({
              name: String(name),
              options: { ...options },
              ...(name === undefined || options === undefined
                ? { missing: [...(name === undefined ? ['name'] : []), ...(options === undefined ? ['options'] : [])] }
                : {}),
            })
          }
        })
      }
    }
  }

  it('v4 replaces an overridden key whole, Auth.js merges into it', () => {
    const overrides = { sessionToken: { options: { domain: 'example.com' } } }
    expect(resolveCookies('next-auth-v4', false, overrides).sessionToken).toEqual({ name: 'undefined', options: { domain: 'example.com' }, missing: ['name'] })
    expect(resolveCookies('authjs', false, overrides).sessionToken).toEqual({
      name: 'authjs.session-token',
      options: { httpOnly: true, sameSite: 'lax', path: '/', secure: false, domain: 'example.com' },
    })
  })
})
