import { describe, expect, it } from 'vitest'
import { parseTokenInput } from '../../../src/engine/lab/parseTokenInput'

const JWE = 'eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..aaaabbbbccccdddd.cipher-text_x.tag'

describe(parseTokenInput, () => {
  it('reads nothing from blank input', () => {
    expect(parseTokenInput('  \n ')).toEqual({ format: 'empty', token: null, cookies: [] })
  })

  it('takes a bare token, dropping quotes and whitespace around and inside it', () => {
    expect(parseTokenInput(`  "${JWE}"\n`)).toMatchObject({ format: 'token', token: JWE, cookies: [] })
    expect(parseTokenInput(`${JWE.slice(0, 30)}\n${JWE.slice(30)}`)).toMatchObject({ format: 'token', token: JWE })
  })

  it('takes the token out of an Authorization: Bearer header', () => {
    expect(parseTokenInput(`Authorization: Bearer ${JWE}`)).toMatchObject({ format: 'bearer', token: JWE })
    expect(parseTokenInput(`Bearer ${encodeURIComponent(JWE)}`)).toMatchObject({ format: 'bearer', token: JWE })
  })

  it('splits a Cookie header into its cookies, in order, decoding percent-encoding', () => {
    const parsed = parseTokenInput(`Cookie: next-auth.csrf-token=abc%7Cdef; next-auth.session-token=${JWE}; theme=dark`)
    expect(parsed.format).toBe('cookie-header')
    expect(parsed.cookies.map((c) => [c.name, c.value, c.position])).toEqual([
      ['next-auth.csrf-token', 'abc|def', 0],
      ['next-auth.session-token', JWE, 1],
      ['theme', 'dark', 2],
    ])
  })

  it('reads a document.cookie string (no header name)', () => {
    const parsed = parseTokenInput(`a=1; authjs.session-token.1=tail; authjs.session-token.0=head`)
    expect(parsed.format).toBe('cookie-header')
    expect(parsed.cookies.map((c) => c.name)).toEqual(['a', 'authjs.session-token.1', 'authjs.session-token.0'])
  })

  it('reads Set-Cookie lines, with or without the header name, keeping only name=value and the attributes', () => {
    const parsed = parseTokenInput(
      [
        `Set-Cookie: next-auth.session-token.0=part0; Path=/; Expires=Tue, 01 Jan 2030 00:00:00 GMT; HttpOnly; SameSite=Lax`,
        `next-auth.session-token.1=part1; Path=/; HttpOnly; Secure; SameSite=Lax`,
        'set-cookie',
        'next-auth.session-token=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax',
      ].join('\n'),
    )
    expect(parsed.format).toBe('set-cookie')
    expect(parsed.cookies.map((c) => [c.name, c.value, c.deletion])).toEqual([
      ['next-auth.session-token.0', 'part0', false],
      ['next-auth.session-token.1', 'part1', false],
      ['next-auth.session-token', '', true],
    ])
    expect(parsed.cookies[0]!.attributes).toEqual({ Path: '/', Expires: 'Tue, 01 Jan 2030 00:00:00 GMT', HttpOnly: true, SameSite: 'Lax' })
  })

  it('reads rows copied from the devtools cookie table (tab-separated), skipping the header row', () => {
    const parsed = parseTokenInput(['Name\tValue\tDomain\tPath', `__Secure-authjs.session-token\t${JWE}\texample.com\t/\t2030-01-01T00:00:00.000Z\t500\t✓\t✓\tLax`].join('\n'))
    expect(parsed.format).toBe('devtools-table')
    expect(parsed.cookies.map((c) => [c.name, c.value])).toEqual([['__Secure-authjs.session-token', JWE]])
  })

  it('says mixed when lines come in different shapes, and unrecognised when nothing is a cookie', () => {
    expect(parseTokenInput('a=1; b=2\nSet-Cookie: c=3; Path=/').format).toBe('mixed')
    expect(parseTokenInput('hello world').format).toBe('unrecognised')
  })
})
