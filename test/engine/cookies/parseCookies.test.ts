import { pathToFileURL } from 'node:url'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { isEngineError, parseCookieHeader, parseSetCookie, parseSetCookieLines } from '../../../src/engine/index'

// Auth.js parses the Cookie header with its vendored copy of `cookie` (`lib/utils/web.js`).
const vendored = (await import(/* @vite-ignore */ pathToFileURL(resolve('node_modules/@auth/core/lib/vendored/cookie.js')).href)) as {
  parse(header: string): Record<string, string>
}

describe('parseCookieHeader', () => {
  const headers = [
    'next-auth.session-token=eyJ.a.b.c.d; next-auth.csrf-token=abc%7Cdef',
    'a=1; a=2; b=3',
    ' spaced = x ;  other=y ',
    'bad=%E0%A4%A; ok=%20',
    'nameless; a=1',
    'q="quoted"',
  ]
  for (const header of headers) {
    it(`reads ${JSON.stringify(header)} as Auth.js's server does`, () => {
      expect(parseCookieHeader(header)).toEqual({ ...vendored.parse(header) })
    })
  }

  it('ignores a pasted "Cookie:" prefix and line breaks', () => {
    expect(parseCookieHeader('Cookie: a=1;\n b=2')).toEqual({ a: '1', b: '2' })
  })

  it('can keep the raw, percent-encoded values', () => {
    expect(parseCookieHeader('c=abc%7Cdef', { decode: false })).toEqual({ c: 'abc%7Cdef' })
  })
})

describe('parseSetCookie', () => {
  it('reads a devtools line with its prefix, keeping the raw value and decoding a copy', () => {
    expect(parseSetCookie('Set-Cookie: __Host-next-auth.csrf-token=abc%7Cdef; Path=/; HttpOnly; Secure; SameSite=Lax')).toEqual({
      name: '__Host-next-auth.csrf-token',
      value: 'abc%7Cdef',
      decodedValue: 'abc|def',
      path: '/',
      httpOnly: true,
      secure: true,
      sameSite: 'Lax',
      partitioned: false,
    })
  })

  it('reads Expires as Unix seconds and Max-Age as seconds, the last repeat winning', () => {
    const parsed = parseSetCookie('a=1; Expires=Sat, 31 Jan 2026 00:00:00 GMT; Max-Age=5; max-age=7; Domain=.example.com; samesite=strict')
    expect(parsed).toMatchObject({ expiresAtSec: 1_769_817_600, maxAgeSec: 7, domain: '.example.com', sameSite: 'Strict' })
  })

  it('ignores attributes it cannot read instead of failing', () => {
    expect(parseSetCookie('a=1; Max-Age=soon; Expires=never; SameSite=sometimes')).toEqual({
      name: 'a',
      value: '1',
      decodedValue: '1',
      secure: false,
      httpOnly: false,
      partitioned: false,
    })
  })

  it('throws COOKIE_MALFORMED for an empty line and for control characters', () => {
    for (const line of ['', 'Set-Cookie:', '=', 'a=\u0007']) {
      let caught: unknown
      try {
        parseSetCookie(line)
      } catch (error) {
        caught = error
      }
      expect(isEngineError(caught, 'COOKIE_MALFORMED')).toBe(true)
    }
  })

  it('splits several pasted lines', () => {
    expect(parseSetCookieLines('a=1; Path=/\r\n\nb=2; Path=/').map((c) => c.name)).toEqual(['a', 'b'])
  })
})
