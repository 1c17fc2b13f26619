// getSession / useSession: decode, jwt callback without trigger, the default session, the rolling
// re-encode on every call, the three expiries, and what a failed decode does in each flavour.
import { describe, expect, it } from 'vitest'
import type { FlowFlavor } from '../../../src/engine/index'
import { callbackCalls, eventsOf, logs, responses } from './helpers/traceQueries'
import { ADA, playgroundFor, scenarioConfig, seedScenario, T0 } from './helpers/scenario'

const FLAVORS: FlowFlavor[] = ['next-auth-v4', 'authjs']

describe.each(FLAVORS)('getSession (%s)', (flavor) => {
  const isV4 = flavor === 'next-auth-v4'
  const config = (patch = {}) => scenarioConfig({ flavor, ...patch })
  const sessionCookie = isV4 ? 'next-auth.session-token' : 'authjs.session-token'

  it('calls jwt with token and session: undefined (no trigger) and returns the session callback result', async () => {
    const playground = playgroundFor(config())
    await playground.run('signIn', ADA)
    playground.advanceClock(90)
    const trace = await playground.run('getSession')
    const jwt = callbackCalls(trace, 'jwt')[0]!
    expect(Object.keys(jwt.args)).toEqual(['token'])
    expect(jwt.undefinedArgs).toEqual(['session'])
    expect(jwt).not.toHaveProperty('trigger')
    expect(Object.keys(callbackCalls(trace, 'session')[0]!.args)).toEqual(['session', 'token'])
    expect(trace.result).toEqual({
      flow: 'getSession',
      status: 'authenticated',
      session: { user: { name: 'Ada Lovelace', email: 'ada@example.com', image: 'https://example.com/ada.png', id: '1' }, expires: new Date((T0 + 90 + 2_592_000) * 1000).toISOString() },
    })
    const headers = eventsOf(trace, 'http.responded')[0]!.response.headers.filter(([n]) => n !== 'Set-Cookie').map(([n]) => n)
    expect(headers).toEqual(isV4 ? ['Content-Type', 'Cache-Control', 'Pragma', 'Expires'] : ['Content-Type', 'Cache-Control', 'Expires', 'Pragma'])
  })

  it('re-encodes and re-sets the cookie on every call: fresh iat, exp and jti; updateAge ignored', async () => {
    const playground = playgroundFor(config({ session: { maxAge: 600, updateAge: 86400 } }))
    await playground.run('signIn', ADA)
    playground.advanceClock(100)
    const first = await playground.run('getSession')
    playground.advanceClock(100)
    const second = await playground.run('getSession')
    const [a, b] = [eventsOf(first, 'jwt.encoded')[0]!, eventsOf(second, 'jwt.encoded')[0]!]
    expect([a.claims.iat, a.claims.exp]).toEqual([T0 + 100, T0 + 100 + 600])
    expect([b.claims.iat, b.claims.exp]).toEqual([T0 + 200, T0 + 200 + 600])
    expect(a.claims.jti).not.toEqual(b.claims.jti)
    expect(eventsOf(second, 'cookie.set').find((e) => e.name === sessionCookie)!.expiresAtSec).toBe(T0 + 200 + 600)
    expect(eventsOf(second, 'config.resolved')[0]!.notes).toContain('update-age-ignored')
    expect(eventsOf(second, 'session.expiries')[0]).toMatchObject({ tokenExpSec: T0 + 800, cookieExpiresAtSec: T0 + 800, sessionExpiresIso: new Date((T0 + 800) * 1000).toISOString() })
  })

  it(isV4 ? 'v4: the first token follows jwt.maxAge (30 days) while the cookie follows session.maxAge' : 'Auth.js: jwt.maxAge defaults to session.maxAge', async () => {
    const playground = playgroundFor(config({ session: { maxAge: 60, updateAge: 86400 } }))
    const signIn = await playground.run('signIn', ADA)
    const expiries = eventsOf(signIn, 'session.expiries')[0]!
    expect(expiries.cookieExpiresAtSec).toBe(T0 + 60)
    expect(expiries.tokenExpSec).toBe(isV4 ? T0 + 2_592_000 : T0 + 60)
    expect(eventsOf(signIn, 'config.resolved')[0]!.notes.includes('jwt-max-age-differs')).toBe(isV4)
    // The session refresh inside signIn re-encodes with session.maxAge in both.
    expect(eventsOf(signIn, 'jwt.encoded')[1]!.claims.exp).toBe(T0 + 60)
  })

  it('deletes the cookie and answers an empty session when the token was tampered with', async () => {
    const playground = playgroundFor(config())
    await playground.run('signIn', ADA)
    const tamper = playground.tamperSessionCookie()
    const tampered = eventsOf(tamper, 'cookie.tampered')[0]!
    expect(tampered.part).toBe('ciphertext')
    // A byte in the middle, not the spare bits of the last character.
    const diff = [...tampered.value].findIndex((c, i) => c !== tampered.valueBefore[i])
    expect(diff).toBeGreaterThan(0)
    expect(diff).toBeLessThan(tampered.value.lastIndexOf('.') - 2)
    const trace = await playground.run('getSession')
    expect(eventsOf(trace, 'jwt.decodeFailed')[0]!.error.code).toBe('JWT_DECRYPT_FAILED')
    expect(logs(trace)).toContain(isV4 ? 'JWT_SESSION_ERROR' : 'JWTSessionError')
    expect(responses(trace)[0]).toMatchObject({ status: 200, body: isV4 ? {} : null })
    expect(eventsOf(trace, 'cookie.deleted').map((e) => e.setCookie)).toEqual([`${sessionCookie}=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax`])
    expect(trace.result).toEqual({ flow: 'getSession', session: null, status: 'unauthenticated' })
  })

  it(isV4 ? 'v4: the browser drops the cookie at Expires, which equals exp after a refresh' : 'Auth.js: the token is accepted until exp + 14 s and rejected from exp + 15 s while the cookie lives on', async () => {
    const config3600 = config({ session: { maxAge: 3600, updateAge: 86400 }, jwt: { maxAge: 60 } })
    if (isV4) {
      const playground = playgroundFor(config3600)
      await playground.run('signIn', ADA)
      expect(playground.advanceClock(3599).result).toMatchObject({ expired: [] })
      expect(playground.advanceClock(1).result).toMatchObject({ expired: [sessionCookie] })
      const trace = await playground.run('getSession')
      expect(eventsOf(trace, 'jwt.decodeFailed')).toEqual([])
      expect(trace.result).toMatchObject({ session: null, status: 'unauthenticated' })
      return
    }
    const early = playgroundFor(config3600)
    await early.run('signIn', ADA)
    early.advanceClock(60 + 14)
    expect((await early.run('getSession')).result).toMatchObject({ status: 'authenticated' })
    const late = playgroundFor(config3600)
    await late.run('signIn', ADA)
    late.advanceClock(60 + 15)
    const trace = await late.run('getSession')
    expect(eventsOf(trace, 'cookie.expired')).toEqual([])
    expect(eventsOf(trace, 'jwt.decodeFailed')[0]!.error).toMatchObject({ code: 'JWT_EXPIRED' })
    expect(eventsOf(trace, 'cookie.deleted').map((e) => e.name)).toEqual([sessionCookie])
    expect(trace.result).toMatchObject({ session: null, status: 'unauthenticated' })
  })

  it(isV4 ? 'v4: a jwt callback returning null still returns the session, logs JWT_SESSION_ERROR and deletes the cookie' : 'Auth.js: a jwt callback returning null signs out quietly', async () => {
    const callbacks = seedScenario()
    let drop = false
    callbacks.jwt = ({ token }) => (drop ? null : token)
    // The library's session callback (the seed's would read token.id from null and fail first).
    const playground = playgroundFor(config({ callbacks: { authorize: true, jwt: true } }), callbacks)
    await playground.run('signIn', ADA)
    drop = true
    const trace = await playground.run('getSession')
    expect(eventsOf(trace, 'cookie.deleted').map((e) => e.name)).toEqual([sessionCookie])
    if (isV4) {
      expect(logs(trace)).toContain('JWT_SESSION_ERROR')
      expect(trace.result).toMatchObject({ status: 'authenticated', session: { user: { name: 'Ada Lovelace' } } })
    } else {
      expect(logs(trace)).toEqual([])
      expect(trace.result).toEqual({ flow: 'getSession', session: null, status: 'unauthenticated' })
    }
  })

  it(isV4 ? 'v4: a session callback returning null is sent as an empty body, so the client logs CLIENT_FETCH_ERROR' : 'Auth.js: a session callback returning null is sent as the JSON null', async () => {
    const playground = playgroundFor(config(), { ...seedScenario(), session: () => null })
    const trace = await playground.run('signIn', ADA)
    const session = responses(trace).at(-1)!
    if (isV4) {
      expect(session.body).toBeUndefined()
      expect(eventsOf(trace, 'log.written').map((e) => [e.actor, e.code])).toContainEqual(['browser', 'CLIENT_FETCH_ERROR'])
    } else {
      expect(session.body).toBeNull()
      expect(eventsOf(trace, 'log.written').filter((e) => e.actor === 'browser')).toEqual([])
    }
    expect(eventsOf(trace, 'client.updated').at(-1)).toMatchObject({ status: 'unauthenticated' })
  })

  it('answers an empty session without clearing anything when there is no cookie', async () => {
    const trace = await playgroundFor(config()).run('getSession')
    expect(responses(trace)[0]).toMatchObject({ status: 200, body: isV4 ? {} : null })
    expect(eventsOf(trace, 'cookie.deleted')).toEqual([])
    expect(eventsOf(trace, 'client.updated').map((e) => e.status)).toEqual(['loading', 'unauthenticated'])
  })

  it('fails to decode after the secret changes (the secret is read on the next request)', async () => {
    const playground = playgroundFor(config())
    await playground.run('signIn', ADA)
    playground.setConfig({ secret: 'a-different-secret' })
    const trace = await playground.run('getSession')
    expect(eventsOf(trace, 'jwt.decodeFailed')[0]!.error.code).toBe(isV4 ? 'JWT_DECRYPT_FAILED' : 'JWT_NO_MATCHING_SECRET')
    expect(trace.result).toMatchObject({ status: 'unauthenticated' })
  })
})
