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

  it('takes a token out of the quotes, backticks and trailing ; or , it was copied with', () => {
    for (const text of [`${JWE};`, `'${JWE}'`, `\`${JWE}\``, `${JWE},`, `"${JWE}";`, `'${JWE}',`]) {
      expect(parseTokenInput(text), text).toMatchObject({ format: 'token', token: JWE })
    }
  })

  it('reads text that starts like a JOSE header, or is dotted without =, as a token for inspect() to judge', () => {
    const plus = JWE.replace('cipher-text', 'cipher+text')
    expect(parseTokenInput(plus)).toMatchObject({ format: 'token', token: plus })
    expect(parseTokenInput(`${JWE.slice(0, 50)}%2${JWE.slice(50)}`)).toMatchObject({ format: 'token' })
    expect(parseTokenInput(`${JWE.slice(0, 40)}…`)).toMatchObject({ format: 'token' })
    expect(parseTokenInput('abc.def.ghi.jkl')).toMatchObject({ format: 'token', token: 'abc.def.ghi.jkl' })
    // Prose and cookie lines stay what they are.
    expect(parseTokenInput('hello, world. bye. now').format).toBe('unrecognised')
    expect(parseTokenInput('theme=dark.mode.x').format).toBe('cookie-header')
  })

  it('reads the cookies of a request copied as cURL or as fetch, not the code around them', () => {
    const curl = [
      `curl 'https://app.example/api/auth/session' \\`,
      `  -H 'accept: */*' \\`,
      `  -H 'cookie: next-auth.csrf-token=abc%7Cdef; next-auth.session-token=${JWE}' \\`,
      `  -H 'user-agent: Mozilla/5.0'`,
    ].join('\n')
    for (const text of [curl, `curl -b 'next-auth.csrf-token=abc%7Cdef; next-auth.session-token=${JWE}' https://app.example/`]) {
      const parsed = parseTokenInput(text)
      expect(parsed.format).toBe('cookie-header')
      expect(parsed.cookies.map((c) => [c.name, c.value])).toEqual([['next-auth.csrf-token', 'abc|def'], ['next-auth.session-token', JWE]])
    }
    const fetchCall = `fetch("https://app.example/api/auth/session", {\n  "headers": {\n    "accept": "*/*",\n    "cookie": "theme=dark; authjs.session-token=${JWE}"\n  },\n  "method": "GET"\n});`
    expect(parseTokenInput(fetchCall).cookies.map((c) => c.name)).toEqual(['theme', 'authjs.session-token'])
  })

  it('reads the JSON array of headers.getSetCookie()', () => {
    const parsed = parseTokenInput(JSON.stringify([`next-auth.session-token.0=part0; Path=/; HttpOnly`, `next-auth.session-token.1=part1; Path=/; HttpOnly`]))
    expect(parsed.format).toBe('set-cookie')
    expect(parsed.cookies.map((c) => [c.name, c.value])).toEqual([['next-auth.session-token.0', 'part0'], ['next-auth.session-token.1', 'part1']])
  })

  it('reads { name, value } cookies as JSON: one, a list, or a Playwright storage state', () => {
    const one = { name: 'next-auth.session-token', value: JWE, domain: 'localhost', path: '/' }
    for (const value of [one, [{ name: 'theme', value: 'dark' }, one], { cookies: [one], origins: [] }]) {
      const parsed = parseTokenInput(JSON.stringify(value, null, 2))
      expect(parsed.format).toBe('devtools-table')
      expect(parsed.cookies.at(-1)).toMatchObject({ name: 'next-auth.session-token', value: JWE })
    }
    expect(parseTokenInput('{"sub":"1"}').format).toBe('unrecognised')
  })
})

