import { describe, expect, it } from 'vitest'
import { findSessionCookie } from '../../../src/engine/lab/findSessionCookie'
import { parseTokenInput } from '../../../src/engine/lab/parseTokenInput'
import { SESSION_COOKIE_NAMES } from '../../../src/engine/lab/sessionCookieNames'
import { realDefaultCookies, realSessionValue, realSessionValueFromHeader, type Flavor } from './realLibs'

const cookiesOf = (text: string) => parseTokenInput(text).cookies
const pairs = (text: string) => cookiesOf(text).map((c) => [c.name, c.value] as [string, string])

describe('SESSION_COOKIE_NAMES', () => {
  it('are the real default session cookie names of both libraries, plain and __Secure-', async () => {
    for (const entry of SESSION_COOKIE_NAMES) {
      expect((await realDefaultCookies(entry.flavor, entry.secure)).sessionToken!.name).toBe(entry.name)
    }
    expect(SESSION_COOKIE_NAMES).toHaveLength(4)
  })
})

describe(findSessionCookie, () => {
  it('finds a plain session cookie among others and names its flavour and prefix', () => {
    const { match, candidates, others } = findSessionCookie(cookiesOf('next-auth.csrf-token=x; __Secure-next-auth.session-token=a.b.c.d.e; next-auth.callback-url=y'))
    expect(candidates).toEqual(['__Secure-next-auth.session-token'])
    expect(match).toMatchObject({ cookieName: '__Secure-next-auth.session-token', flavorFromName: 'next-auth-v4', securePrefix: true, value: 'a.b.c.d.e', reordered: false })
    expect(others).toEqual(['next-auth.csrf-token', 'next-auth.callback-url'])
  })

  const cases: { title: string; flavor: Flavor; name: string; text: string }[] = [
    { title: 'chunks in order', flavor: 'authjs', name: 'authjs.session-token', text: 'authjs.session-token.0=AAA; authjs.session-token.1=BBB; authjs.session-token.2=CC' },
    { title: 'chunks out of order', flavor: 'next-auth-v4', name: 'next-auth.session-token', text: 'next-auth.session-token.2=CC; next-auth.session-token.0=AAA; x=1; next-auth.session-token.1=BBB' },
    { title: '.10 sorts after .2', flavor: 'next-auth-v4', name: 'next-auth.session-token', text: Array.from({ length: 11 }, (_, i) => `next-auth.session-token.${10 - i}=v${10 - i}`).join('; ') },
    { title: 'a -legacy cookie swept in by the prefix match', flavor: 'next-auth-v4', name: 'next-auth.session-token', text: 'next-auth.session-token-legacy=OLD; next-auth.session-token=NEW' },
    { title: 'the bare name beside chunks', flavor: 'authjs', name: 'authjs.session-token', text: 'authjs.session-token.1=B; authjs.session-token=X; authjs.session-token.0=A' },
    { title: 'an empty chunk (Auth.js skips it, v4 keeps it)', flavor: 'authjs', name: 'authjs.session-token', text: 'authjs.session-token.0=A; authjs.session-token.1=; authjs.session-token.2=C' },
    { title: 'an empty chunk in v4', flavor: 'next-auth-v4', name: 'next-auth.session-token', text: 'next-auth.session-token.0=A; next-auth.session-token.1=; next-auth.session-token.2=C' },
  ]
  for (const { title, flavor, name, text } of cases) {
    it(`joins ${title} exactly as the real SessionStore does`, async () => {
      const { match } = findSessionCookie(cookiesOf(text))
      expect(match!.cookieName).toBe(name)
      expect(match!.value).toBe(await realSessionValue(flavor, name, pairs(text)))
    })
  }

  it('reports the order it fixed, the chunks, and the anomalies', () => {
    const reordered = findSessionCookie(cookiesOf('next-auth.session-token.1=BB; next-auth.session-token.0=AAA')).match!
    expect(reordered.reordered).toBe(true)
    expect(reordered.chunks).toEqual([
      { name: 'next-auth.session-token.0', index: 0, length: 3, position: 1 },
      { name: 'next-auth.session-token.1', index: 1, length: 2, position: 0 },
    ])
    expect(findSessionCookie(cookiesOf('authjs.session-token.0=A; authjs.session-token=X')).match!.bareAndChunks).toBe(true)
    expect(findSessionCookie(cookiesOf('next-auth.session-token-legacy=O; next-auth.session-token=N')).match!.sweptIn).toEqual(['next-auth.session-token-legacy'])
    expect(findSessionCookie(cookiesOf('authjs.session-token.0=A; authjs.session-token.1=')).match!.skippedEmpty).toEqual(['authjs.session-token.1'])
  })

  it('ignores Set-Cookie deletions, as a browser would', () => {
    const { match } = findSessionCookie(cookiesOf('Set-Cookie: next-auth.session-token=; Max-Age=0; Path=/\nSet-Cookie: next-auth.session-token.0=A; Path=/\nSet-Cookie: next-auth.session-token.1=B; Path=/'))
    expect(match!.value).toBe('AB')
    expect(match!.bareAndChunks).toBe(false)
  })

  it('lists every session cookie found and reads the one asked for', () => {
    const text = 'next-auth.session-token=v4.a.b.c.d; authjs.session-token=aj.a.b.c.d'
    expect(findSessionCookie(cookiesOf(text)).candidates).toEqual(['next-auth.session-token', 'authjs.session-token'])
    expect(findSessionCookie(cookiesOf(text), 'authjs.session-token').match!.value).toBe('aj.a.b.c.d')
    expect(findSessionCookie(cookiesOf(text), 'not-there').match!.cookieName).toBe('next-auth.session-token')
  })

  it('accepts a custom cookie name when its value (or joined chunks) looks like a token', () => {
    const single = findSessionCookie(cookiesOf('theme=dark; my-app.session=aaa.bbb.ccc.ddd.eee'))
    expect(single.match).toMatchObject({ cookieName: 'my-app.session', flavorFromName: null, value: 'aaa.bbb.ccc.ddd.eee' })
    const chunked = findSessionCookie(cookiesOf('my-app.session.1=ccc.ddd.eee; my-app.session.0=aaa.bbb'))
    expect(chunked.match).toMatchObject({ cookieName: 'my-app.session', value: 'aaa.bbb' + 'ccc.ddd.eee' })
    expect(findSessionCookie(cookiesOf('theme=dark; lang=en')).match).toBeNull()
  })

  describe('a name pasted twice with different values', () => {
    const headers: { flavor: Flavor; name: string; header: string }[] = [
      { flavor: 'next-auth-v4', name: 'next-auth.session-token', header: 'next-auth.session-token=OLD.a.b.c.d; theme=dark; next-auth.session-token=NEW.a.b.c.d' },
      { flavor: 'authjs', name: 'authjs.session-token', header: 'authjs.session-token.0=OLD0; authjs.session-token.1=T1; authjs.session-token.0=NEW0' },
    ]
    for (const { flavor, name, header } of headers) {
      it(`reads the first value of a Cookie header, as the real ${flavor} cookie.parse + SessionStore do`, async () => {
        const { match } = findSessionCookie(cookiesOf(`Cookie: ${header}`))
        expect(match!.value).toBe(await realSessionValueFromHeader(flavor, name, header))
        expect(match!.duplicates).toEqual([
          expect.objectContaining({ rule: 'first-sent', values: [expect.objectContaining({ position: 0, read: true }), expect.objectContaining({ read: false, source: 'cookie-header' })] }),
        ])
        // The chunk table names the position of the value it read.
        expect(match!.chunks[0]!.position).toBe(0)
      })
    }

    it('reads the first row of a devtools table or a JSON cookie list, but says their order is not the request’s', () => {
      const table = 'Name\tValue\tDomain\tPath\nnext-auth.session-token\tOLD.a.b.c.d\tapp.example.com\t/\nnext-auth.session-token\tNEW.a.b.c.d\t.example.com\t/'
      const json = JSON.stringify([{ name: 'next-auth.session-token', value: 'OLD.a.b.c.d' }, { name: 'next-auth.session-token', value: 'NEW.a.b.c.d' }])
      const mixed = 'Cookie: next-auth.session-token=OLD.a.b.c.d\nnext-auth.session-token\tNEW.a.b.c.d\tapp.example.com\t/'
      for (const [text, sources] of [
        [table, ['devtools-table', 'devtools-table']],
        [json, ['devtools-table', 'devtools-table']],
        [mixed, ['cookie-header', 'devtools-table']],
      ] as const) {
        const { match } = findSessionCookie(cookiesOf(text))
        expect(match!.value).toBe('OLD.a.b.c.d')
        expect(match!.duplicates).toEqual([
          {
            name: 'next-auth.session-token',
            rule: 'first-listed',
            values: [expect.objectContaining({ source: sources[0], read: true }), expect.objectContaining({ source: sources[1], read: false, tail: 'NEW.a.b.c.d'.slice(-8) })],
          },
        ])
        // The other value can still be picked.
        const other = match!.duplicates[0]!.values[1]!.position
        expect(findSessionCookie(cookiesOf(text), null, { 'next-auth.session-token': other }).match).toMatchObject({ value: 'NEW.a.b.c.d', duplicates: [{ rule: 'picked' }] })
      }
    })

    it('reads the last Set-Cookie value, as the browser keeps it', () => {
      const { match } = findSessionCookie(cookiesOf('Set-Cookie: next-auth.session-token=OLD.a.b.c.d; Path=/\nSet-Cookie: next-auth.session-token=NEW.a.b.c.d; Path=/'))
      expect(match!.value).toBe('NEW.a.b.c.d')
      expect(match!.duplicates[0]).toMatchObject({ name: 'next-auth.session-token', rule: 'last-set', values: [{ position: 0, read: false }, { position: 1, read: true }] })
    })

    it('prefers a Set-Cookie value over the request’s Cookie header, and says so', () => {
      const { match } = findSessionCookie(cookiesOf('set-cookie\nnext-auth.session-token=NEW.a.b.c.d; Path=/; HttpOnly\ncookie\nnext-auth.session-token=OLD.a.b.c.d'))
      expect(match!.value).toBe('NEW.a.b.c.d')
      expect(match!.duplicates[0]).toMatchObject({ rule: 'set-over-sent', values: [{ source: 'set-cookie', read: true }, { source: 'cookie-header', read: false, tail: 'OLD.a.b.c.d'.slice(-8) }] })
    })

    it('reads the value picked by its position instead', () => {
      const { match } = findSessionCookie(cookiesOf('next-auth.session-token=OLD.a.b.c.d; next-auth.session-token=NEW.a.b.c.d'), null, { 'next-auth.session-token': 1 })
      expect(match!.value).toBe('NEW.a.b.c.d')
      expect(match!.duplicates[0]).toMatchObject({ rule: 'picked', values: [{ read: false }, { read: true }] })
    })

    it('says nothing when the same value was pasted twice', () => {
      expect(findSessionCookie(cookiesOf('next-auth.session-token=SAME.a.b.c.d; next-auth.session-token=SAME.a.b.c.d')).match!.duplicates).toEqual([])
    })
  })
})
