import { describe, expect, it } from 'vitest'
import { createCookieJar, createSimClock, defaultCookies, isEngineError, serializeSetCookie, BROWSER_MAX_COOKIE_AGE_SEC } from '../../../src/engine/index'
import type { CookieChange, CookieJar } from '../../../src/engine/index'

const NOW_SEC = 1_767_225_600 // 2026-01-01T00:00:00Z
const HTTP = 'http://app.example.com/api/auth/callback/credentials'
const HTTPS = 'https://app.example.com/api/auth/callback/credentials'
const LOCALHOST = 'http://localhost:3000/api/auth/callback/credentials'

function setup() {
  const clock = createSimClock(NOW_SEC)
  return { clock, jar: createCookieJar(clock) }
}

function rejection(change: CookieChange) {
  if (change.kind !== 'rejected') throw new Error(`expected a rejection, got ${change.kind}`)
  return { code: change.error.code, reason: change.error.details.reason }
}

const httpDate = (sec: number) => new Date(sec * 1000).toUTCString()

describe('createCookieJar', () => {
  describe('storing and sending', () => {
    it('stores a NextAuth session cookie and sends it back, but hides it from document.cookie', () => {
      const { jar } = setup()
      const line = serializeSetCookie('next-auth.session-token', 'abc', { ...defaultCookies('next-auth-v4', false).sessionToken.options, expiresAtSec: NOW_SEC + 2_592_000 })
      const change = jar.apply(line, HTTP)
      expect(change).toEqual({
        kind: 'set',
        cookie: {
          name: 'next-auth.session-token',
          value: 'abc',
          domain: 'app.example.com',
          path: '/',
          expiresAtSec: NOW_SEC + 2_592_000,
          httpOnly: true,
          secure: false,
          sameSite: 'Lax',
          sizeBytes: 'next-auth.session-token'.length + 3,
        },
      })
      jar.apply('theme=dark; Path=/', HTTP)
      expect(jar.cookieHeader('http://app.example.com/api/auth/session')).toBe('next-auth.session-token=abc; theme=dark')
      expect(jar.documentCookie('http://app.example.com/dashboard')).toBe('theme=dark')
    })

    it('stores the value as sent (percent-encoded), as a browser does', () => {
      const { jar } = setup()
      jar.apply(serializeSetCookie('next-auth.csrf-token', 'tok|hash', { path: '/', httpOnly: true, sameSite: 'lax' }), HTTP)
      expect(jar.get('next-auth.csrf-token')?.value).toBe('tok%7Chash')
    })

    it('overwrites a cookie with the same name, domain and path; a new value moves it last, as in Chromium', () => {
      const { jar } = setup()
      jar.apply('a=1; Path=/', HTTP)
      jar.apply('b=2; Path=/', HTTP)
      jar.apply('a=3; Path=/', HTTP)
      expect(jar.cookieHeader(HTTP)).toBe('b=2; a=3')
      expect(jar.list()).toHaveLength(2)
      jar.apply('b=2; Path=/; HttpOnly', HTTP)
      expect(jar.cookieHeader(HTTP)).toBe('b=2; a=3')
      expect(jar.get('b')?.httpOnly).toBe(true)
    })

    it('sends longer paths first, then older cookies first', () => {
      const { jar } = setup()
      jar.apply('short=1; Path=/', HTTP)
      jar.apply('long=1; Path=/api/auth', HTTP)
      jar.apply('short2=1; Path=/', HTTP)
      jar.apply('mid=1; Path=/api', HTTP)
      expect(jar.cookieHeader('http://app.example.com/api/auth/session')).toBe('long=1; mid=1; short=1; short2=1')
    })

    it('keeps a nameless cookie and sends its value alone, as Chromium does', () => {
      const { jar } = setup()
      expect(jar.apply('justvalue; Path=/', HTTP)).toMatchObject({ kind: 'set', cookie: { name: '', value: 'justvalue' } })
      jar.apply('a=1; Path=/', HTTP)
      expect(jar.cookieHeader(HTTP)).toBe('justvalue; a=1')
    })
  })

  describe('paths', () => {
    it('defaults the path to the directory of the request URL', () => {
      const { jar } = setup()
      const change = jar.apply('nopath=1', HTTP)
      expect(change).toMatchObject({ kind: 'set', cookie: { path: '/api/auth/callback' } })
      expect(jar.cookieHeader('http://app.example.com/api/auth/callback/x')).toBe('nopath=1')
      expect(jar.cookieHeader('http://app.example.com/api/auth/session')).toBe('')
      jar.apply('relative=1; Path=api', 'http://app.example.com/a/b')
      expect(jar.get('relative')?.path).toBe('/a')
    })

    it('path-matches on segment boundaries only', () => {
      const { jar } = setup()
      jar.apply('p=1; Path=/api', HTTP)
      expect(jar.cookieHeader('http://app.example.com/api')).toBe('p=1')
      expect(jar.cookieHeader('http://app.example.com/api/x')).toBe('p=1')
      expect(jar.cookieHeader('http://app.example.com/apix')).toBe('')
    })
  })

  describe('expiry on the simulated clock', () => {
    it('keeps a cookie until its Expires, then drops it', () => {
      const { jar, clock } = setup()
      jar.apply(`e=1; Path=/; Expires=${httpDate(NOW_SEC + 60)}`, HTTP)
      clock.advanceBy(59)
      expect(jar.cookieHeader(HTTP)).toBe('e=1')
      clock.advanceBy(1)
      expect(jar.cookieHeader(HTTP)).toBe('')
      expect(jar.list()).toEqual([])
      expect(jar.get('e')).toBeUndefined()
      expect(jar.snapshot()).toHaveLength(1)
      expect(jar.removeExpired().map((c) => c.name)).toEqual(['e'])
      expect(jar.snapshot()).toEqual([])
    })

    it('lets Max-Age win over Expires', () => {
      const { jar } = setup()
      jar.apply(`m=1; Max-Age=10; Path=/; Expires=${httpDate(NOW_SEC + 9999)}`, HTTP)
      expect(jar.get('m')?.expiresAtSec).toBe(NOW_SEC + 10)
      jar.apply(`n=1; Max-Age=100; Path=/; Expires=${httpDate(NOW_SEC - 10)}`, HTTP)
      expect(jar.get('n')?.expiresAtSec).toBe(NOW_SEC + 100)
    })

    it('deletes with Max-Age=0 (what NextAuth sends) and with an Expires in the past', () => {
      const { jar } = setup()
      jar.apply('next-auth.session-token=abc; Path=/; HttpOnly; SameSite=Lax', HTTP)
      const stored = jar.get('next-auth.session-token')
      expect(jar.apply('next-auth.session-token=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax', HTTP)).toEqual({ kind: 'deleted', name: 'next-auth.session-token', removed: stored })
      expect(jar.apply(`x=; Path=/; Expires=${httpDate(0)}`, HTTP)).toEqual({ kind: 'deleted', name: 'x', removed: null })
      expect(jar.list()).toEqual([])
    })

    it('does not delete a cookie stored under another path', () => {
      const { jar } = setup()
      jar.apply('s=1; Path=/api', HTTP)
      expect(jar.apply('s=; Max-Age=0; Path=/', HTTP)).toMatchObject({ kind: 'deleted', removed: null })
      expect(jar.get('s')).toBeDefined()
    })

    it('treats a cookie without Expires or Max-Age as a session cookie (no expiry)', () => {
      const { jar, clock } = setup()
      jar.apply('s=1; Path=/', HTTP)
      clock.advanceBy(10 * 365 * 86400)
      expect(jar.get('s')?.expiresAtSec).toBeUndefined()
    })

    it('caps a lifetime at 400 days, as Chromium does', () => {
      const { jar } = setup()
      jar.apply('long=1; Path=/; Max-Age=99999999', HTTP)
      expect(jar.get('long')?.expiresAtSec).toBe(NOW_SEC + BROWSER_MAX_COOKIE_AGE_SEC)
      expect(BROWSER_MAX_COOKIE_AGE_SEC).toBe(400 * 86400)
    })
  })

  describe('Secure and prefixes', () => {
    it('refuses a Secure cookie from plain http, but takes it from https and from http://localhost (Chromium)', () => {
      const { jar } = setup()
      expect(rejection(jar.apply('s=1; Path=/; Secure', HTTP))).toEqual({ code: 'COOKIE_REJECTED', reason: 'secure-from-insecure-url' })
      expect(jar.apply('s=1; Path=/; Secure', HTTPS).kind).toBe('set')
      expect(jar.apply('l=1; Path=/; Secure', LOCALHOST).kind).toBe('set')
      expect(jar.apply('ip=1; Path=/; Secure', 'http://127.0.0.1:3000/').kind).toBe('set')
    })

    it('sends Secure cookies only to https (and localhost)', () => {
      const { jar } = setup()
      jar.apply('s=1; Path=/; Secure', HTTPS)
      jar.apply('p=1; Path=/', HTTPS)
      expect(jar.cookieHeader('https://app.example.com/')).toBe('s=1; p=1')
      expect(jar.cookieHeader('http://app.example.com/')).toBe('p=1')
      jar.apply('l=1; Path=/; Secure', LOCALHOST)
      expect(jar.cookieHeader('http://localhost:3000/')).toBe('l=1')
    })

    it('refuses the secure NextAuth cookies over plain http: the useSecureCookies trap', () => {
      const { jar } = setup()
      const { sessionToken, csrfToken } = defaultCookies('next-auth-v4', true)
      const session = serializeSetCookie(sessionToken.name, 'abc', { ...sessionToken.options, expiresAtSec: NOW_SEC + 60 })
      expect(rejection(jar.apply(session, HTTP)).reason).toBe('secure-from-insecure-url')
      expect(jar.apply(session, HTTPS).kind).toBe('set')
      expect(jar.apply(serializeSetCookie(csrfToken.name, 'x|y', csrfToken.options), HTTPS).kind).toBe('set')
    })

    it('enforces __Secure- and __Host- (case-insensitively)', () => {
      const { jar } = setup()
      expect(rejection(jar.apply('__Secure-a=1; Path=/', HTTPS)).reason).toBe('secure-prefix-needs-secure')
      expect(rejection(jar.apply('__Host-a=1; Path=/', HTTPS)).reason).toBe('host-prefix-needs-secure')
      expect(rejection(jar.apply('__Host-a=1; Path=/; Secure; Domain=app.example.com', HTTPS)).reason).toBe('host-prefix-forbids-domain')
      expect(rejection(jar.apply('__Host-a=1; Secure', 'https://app.example.com/'))).toEqual({ code: 'COOKIE_REJECTED', reason: 'host-prefix-needs-root-path' })
      expect(rejection(jar.apply('__Host-a=1; Path=/api; Secure', HTTPS)).reason).toBe('host-prefix-needs-root-path')
      expect(rejection(jar.apply('__host-lower=1; Path=/', HTTPS)).reason).toBe('host-prefix-needs-secure')
      expect(rejection(jar.apply('__Secure-smuggled; Path=/', HTTPS)).reason).toBe('secure-prefix-needs-secure')
      expect(jar.apply('__Host-ok=1; Path=/; Secure', HTTPS).kind).toBe('set')
      expect(jar.apply('__Secure-ok=1; Path=/; Secure; Domain=example.com', HTTPS).kind).toBe('set')
    })

    it('refuses SameSite=None without Secure', () => {
      const { jar } = setup()
      expect(rejection(jar.apply('n=1; Path=/; SameSite=None', HTTPS)).reason).toBe('samesite-none-needs-secure')
      expect(jar.apply('n=1; Path=/; SameSite=None; Secure', HTTPS)).toMatchObject({ kind: 'set', cookie: { sameSite: 'None' } })
    })

    it('does not let plain http replace a Secure cookie of the same name', () => {
      const { jar } = setup()
      jar.apply('s=secure; Path=/; Secure', HTTPS)
      expect(rejection(jar.apply('s=plain; Path=/', HTTP)).reason).toBe('overwrite-secure-from-insecure-url')
      expect(jar.get('s')?.value).toBe('secure')
    })
  })

  describe('domains', () => {
    it('makes cookies host-only by default and domain cookies with Domain', () => {
      const { jar } = setup()
      jar.apply('host=1; Path=/', HTTP)
      jar.apply('dom=1; Path=/; Domain=example.com', HTTP)
      expect(jar.get('dom')?.domain).toBe('.example.com')
      expect(jar.get('host')?.domain).toBe('app.example.com')
      expect(jar.cookieHeader('http://other.example.com/')).toBe('dom=1')
      expect(jar.cookieHeader('http://example.com/')).toBe('dom=1')
      expect(jar.cookieHeader('http://example.org/')).toBe('')
    })

    it('refuses a Domain the host does not belong to, or a bare top-level domain', () => {
      const { jar } = setup()
      expect(rejection(jar.apply('x=1; Domain=other.com', HTTP)).reason).toBe('domain-mismatch')
      expect(rejection(jar.apply('x=1; Domain=com', HTTP)).reason).toBe('domain-mismatch')
      expect(rejection(jar.apply('x=1; Domain=example.com', 'http://127.0.0.1/')).reason).toBe('domain-mismatch')
      expect(jar.apply('x=1; Domain=localhost', LOCALHOST)).toMatchObject({ kind: 'set', cookie: { domain: 'localhost' } })
    })

    it('ignores the port, as cookies do', () => {
      const { jar } = setup()
      jar.apply('a=1; Path=/', 'http://localhost:3000/')
      expect(jar.cookieHeader('http://localhost:4000/')).toBe('a=1')
    })
  })

  describe('size', () => {
    it('keeps 4096 bytes of name and value and refuses 4097 with COOKIE_TOO_LARGE', () => {
      const { jar } = setup()
      expect(jar.apply(`big=${'x'.repeat(4093)}; Path=/`, HTTP)).toMatchObject({ kind: 'set', cookie: { sizeBytes: 4096 } })
      const change = jar.apply(`bigger=${'x'.repeat(4091)}; Path=/`, HTTP)
      expect(change.kind === 'rejected' && change.error.code).toBe('COOKIE_TOO_LARGE')
      expect(change.kind === 'rejected' && change.error.details).toMatchObject({ sizeBytes: 4097, limitBytes: 4096 })
    })

    it('counts UTF-8 bytes, not characters', () => {
      const { jar } = setup()
      expect(jar.apply('u=é€; Path=/', HTTP)).toMatchObject({ kind: 'set', cookie: { sizeBytes: 1 + 2 + 3 } })
    })
  })

  describe('malformed lines', () => {
    for (const line of ['', '   ', '=', '; Path=/', 'a=1\u0000; Path=/', 'a=1\nb=2']) {
      it(`rejects ${JSON.stringify(line)} with COOKIE_MALFORMED`, () => {
        const { jar } = setup()
        const change = jar.apply(line, HTTP)
        expect(change.kind === 'rejected' && isEngineError(change.error, 'COOKIE_MALFORMED')).toBe(true)
        expect(jar.list()).toEqual([])
      })
    }
  })

  describe('snapshot, restore, clear', () => {
    it('restores a snapshot exactly, keeping the creation order', () => {
      const { jar, clock } = setup()
      jar.apply('a=1; Path=/', HTTP)
      jar.apply('b=2; Path=/api; Max-Age=60', HTTP)
      jar.apply('c=3; Path=/', HTTP)
      const snapshot = jar.snapshot()
      const other: CookieJar = createCookieJar(clock)
      other.restore(snapshot)
      expect(other.snapshot()).toEqual(snapshot)
      expect(other.cookieHeader('http://app.example.com/api/x')).toBe(jar.cookieHeader('http://app.example.com/api/x'))
      snapshot[0]!.value = 'mutated'
      expect(jar.get('a')?.value).toBe('1')
      jar.clear()
      expect(jar.list()).toEqual([])
    })
  })
})
