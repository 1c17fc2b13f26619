// "Make": tokens made by the lab open with the real libraries, and the Set-Cookie lines equal what
// the real SessionStore + cookie serialisation produce for the same token and expiry.
import { describe, expect, it } from 'vitest'
import { DATE_LIMIT_SEC } from '../../../src/engine/clock/dateLimit'
import { makeSessionCookie, parseMaxAgeText, type MakeSessionCookieResult } from '../../../src/engine/lab/makeSessionCookie'
import { authjsJwt, bigClaims, realChunk, realSerialize, v4Jwt } from './realLibs'

const SECRET = 'make-test-secret'
const nowSec = () => Math.floor(Date.now() / 1000)

function ok(result: MakeSessionCookieResult): Extract<MakeSessionCookieResult, { ok: true }> {
  if (!result.ok) throw new Error(`expected a token, got ${JSON.stringify(result)}`)
  return result
}

describe(makeSessionCookie, () => {
  it('makes a v4 token the real decode opens, with the real Set-Cookie line', async () => {
    const now = nowSec()
    const made = ok(await makeSessionCookie({ payloadJson: '{"name":"Ada","sub":"1","iat":1}', secret: SECRET, flavor: 'next-auth-v4', maxAgeSec: 3600, cookieName: 'next-auth.session-token', nowSec: now }))
    const claims = await v4Jwt.decode({ token: made.token, secret: SECRET })
    expect(claims).toMatchObject({ name: 'Ada', sub: '1', iat: now, exp: now + 3600 })
    expect(made.header).toEqual({ alg: 'dir', enc: 'A256GCM' })
    const real = await realChunk('next-auth-v4', false, made.token, new Date(made.expiresAtSec * 1000))
    expect(made.cookies.map((c) => c.setCookie)).toEqual(real.map(realSerialize))
    expect(made.cookies[0]!.setCookie).toMatch(/^next-auth\.session-token=eyJ[^;]+; Path=\/; Expires=[^;]+ GMT; HttpOnly; SameSite=Lax$/)
  })

  it('makes a __Secure- Auth.js token salted with the cookie name, chunked like the real handler', async () => {
    const cookieName = '__Secure-authjs.session-token'
    const made = ok(await makeSessionCookie({ payloadJson: JSON.stringify(bigClaims(7000)), secret: [SECRET, 'older'], flavor: 'authjs', maxAgeSec: 2592000, cookieName, nowSec: nowSec() }))
    const { decode } = await authjsJwt()
    expect(await decode({ token: made.token, secret: SECRET, salt: cookieName })).toMatchObject({ filler: bigClaims(7000).filler })
    const real = await realChunk('authjs', true, made.token, new Date(made.expiresAtSec * 1000))
    expect(real.length).toBeGreaterThan(1)
    expect(made.cookies.map((c) => c.setCookie)).toEqual(real.map(realSerialize))
    expect(made.secure).toBe(true)
    expect(made.cookies.map((c) => c.value).join('')).toBe(made.token)
    expect(made.consoleSnippet.split('\n')).toHaveLength(made.cookies.length)
    expect(made.consoleSnippet).toContain('; Secure"')
  })

  it('refuses what the real encode refuses, with a reason', async () => {
    const base = { secret: SECRET, flavor: 'next-auth-v4' as const, maxAgeSec: 60, cookieName: 'next-auth.session-token', nowSec: 0 }
    expect(await makeSessionCookie({ ...base, payloadJson: '{nope' })).toMatchObject({ ok: false, problem: 'payload-not-json' })
    expect(await makeSessionCookie({ ...base, payloadJson: '[1]' })).toMatchObject({ ok: false, problem: 'payload-not-object' })
    expect(await makeSessionCookie({ ...base, payloadJson: '{}', maxAgeSec: Number.NaN })).toMatchObject({ ok: false, problem: 'max-age-invalid' })
    expect(await makeSessionCookie({ ...base, payloadJson: '{}', cookieName: 'a b' })).toMatchObject({ ok: false, problem: 'cookie-name-invalid' })
    // Refused by both libraries' serialisers, though the app's cookie@1 would write it.
    expect(await makeSessionCookie({ ...base, payloadJson: '{}', cookieName: 'my@session' })).toMatchObject({ ok: false, problem: 'cookie-name-invalid' })
    expect(await makeSessionCookie({ ...base, payloadJson: '{}', secret: '' })).toMatchObject({ ok: false, problem: 'engine', error: { code: 'NO_SECRET' } })
  })

  it('keeps Expires a valid date: a maxAge beyond the Date range is refused with the bounds', async () => {
    const now = 1_800_000_000
    const base = { payloadJson: '{}', secret: SECRET, flavor: 'next-auth-v4' as const, cookieName: 'next-auth.session-token', nowSec: now }
    const refused = await makeSessionCookie({ ...base, maxAgeSec: 1e20 })
    expect(refused).toEqual({ ok: false, problem: 'max-age-out-of-range', minSec: -DATE_LIMIT_SEC - now, maxSec: DATE_LIMIT_SEC - now })
    expect(await makeSessionCookie({ ...base, maxAgeSec: -1e20 })).toMatchObject({ ok: false, problem: 'max-age-out-of-range' })
    // The bound itself is still a date the handler can write.
    const made = ok(await makeSessionCookie({ ...base, maxAgeSec: DATE_LIMIT_SEC - now }))
    expect(made.cookies[0]!.setCookie).toContain('Expires=Sat, 13 Sep 275760 00:00:00 GMT')
    expect(await v4Jwt.decode({ token: made.token, secret: SECRET }).catch(() => 'rejected')).not.toBe('rejected')
  })
})

describe(parseMaxAgeText, () => {
  it('reads plain decimal seconds only', () => {
    expect(['2592000', ' 3600 ', '-60', '+5', '1.5', '.5', '0'].map(parseMaxAgeText)).toEqual([2592000, 3600, -60, 5, 1.5, 0.5, 0])
    for (const text of ['', ' ', '0x10', '1e3', '30d', 'Infinity', 'NaN', '1,000', '--1', '0b1']) expect(parseMaxAgeText(text), text).toBeNaN()
  })
})

