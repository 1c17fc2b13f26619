// Side by side with the real handlers: the same configuration, the same callbacks and the same
// sequence of requests go to our engine and to next-auth@4.24.15's pages-router handler / @auth/core@0.41.3's
// Auth() (cookies carried by a small client, Date faked to the simulated clock). Status codes,
// Set-Cookie lines, the other headers, response bodies, the codes the server logs, the order and
// arguments of callback calls, and the claims of the last session token match.
import { afterEach, describe, expect, it } from 'vitest'
import { atTime } from '../../helpers/atTime'
import type { FlowFlavor, PlaygroundConfig } from '../../../src/engine/index'
import { engineExchanges } from './helpers/exchanges'
import { createRealSide } from './helpers/realHandlers'
import { ADA, playgroundFor, scenarioConfig, seedScenario } from './helpers/scenario'
import { expectSameAsReal, sideBySide } from './helpers/sideBySide'

afterEach(() => {
  delete process.env.NEXTAUTH_URL
})

const FLAVORS: FlowFlavor[] = ['next-auth-v4', 'authjs']

describe.each(FLAVORS)('side by side with the real %s handler', (flavor) => {
  const config = (patch: Partial<PlaygroundConfig> = {}) => scenarioConfig({ flavor, ...patch })

  it('a full round: sign in, get the session, update it, sign out', async () => {
    const callbacks = seedScenario()
    callbacks.jwt = ({ token, user, trigger, session }) => {
      if (user) token.id = user.id
      if (trigger === 'update' && session?.name) token.name = session.name
      return token
    }
    const run = await sideBySide(config(), [{ flow: 'signIn' }, { flow: 'getSession' }, { flow: 'updateSession', input: { data: { name: 'Countess' } } }, { flow: 'signOut' }], callbacks)
    expect(run.ours.length).toBeGreaterThan(8)
    await expectSameAsReal(run)
    // The first request has no CSRF cookie: a new token is made, but GET /providers sends no cookie (the real one neither).
    expect(run.theirs[0]).toMatchObject({ path: '/api/auth/providers', setCookies: [] })
    const firstCheck = run.traces[0]!.events.find((e) => e.kind === 'csrf.checked')
    expect(firstCheck).toMatchObject({ issuedNew: true, withheld: true })
    const secondCheck = run.traces[0]!.events.filter((e) => e.kind === 'csrf.checked')[1]
    expect(secondCheck).toMatchObject({ issuedNew: true })
    expect(secondCheck).not.toHaveProperty('withheld')
    expect(run.theirs[1]!.setCookies.some((line) => line.includes('csrf-token='))).toBe(true)
  })

  it('a wrong password (CredentialsSignin)', async () => {
    const run = await sideBySide(config(), [{ flow: 'signIn', input: { ...ADA, password: 'nope' } }])
    await expectSameAsReal(run)
  })

  it('authorize throwing', async () => {
    const callbacks = { ...seedScenario(), authorize: () => { throw new Error('Custom failure') } }
    const run = await sideBySide(config(), [{ flow: 'signIn' }], callbacks)
    await expectSameAsReal(run)
  })

  it('the signIn callback returning false (AccessDenied)', async () => {
    const run = await sideBySide(config(), [{ flow: 'signIn' }], { ...seedScenario(), signIn: () => false })
    await expectSameAsReal(run)
  })

  it('a forged CSRF token on sign-in, update and sign-out', async () => {
    const run = await sideBySide(config(), [
      { flow: 'signIn', input: { ...ADA, csrfTokenOverride: 'forged' } },
      { flow: 'signIn' },
      { flow: 'updateSession', input: { data: { name: 'x' }, csrfTokenOverride: 'forged' } },
      { flow: 'signOut', input: { csrfTokenOverride: 'forged' } },
    ])
    expect(run.ours.some((e) => e.path === '/api/auth/session' && e.method === 'POST' && e.status === 400)).toBe(true)
    await expectSameAsReal(run)
  })

  it('a tampered session cookie', async () => {
    const run = await sideBySide(config(), [{ flow: 'signIn' }, { tamper: true }, { flow: 'getSession' }, { flow: 'signOut' }])
    await expectSameAsReal(run)
  })

  it('the token expiring before the cookie (jwt.maxAge 30, session.maxAge 60, 15 s tolerance)', async () => {
    const run = await sideBySide(config({ session: { maxAge: 60, updateAge: 86400 }, jwt: { maxAge: 30 } }), [{ flow: 'signIn' }, { advance: 44 }, { flow: 'getSession' }, { advance: 46 }, { flow: 'getSession' }])
    await expectSameAsReal(run)
  })

  it('the cookie expiring (session.maxAge 60)', async () => {
    const run = await sideBySide(config({ session: { maxAge: 60, updateAge: 86400 } }), [{ flow: 'signIn' }, { advance: 61 }, { flow: 'getSession' }])
    await expectSameAsReal(run)
  })

  it('a large token split into chunks, re-set and deleted chunk by chunk', async () => {
    const callbacks = seedScenario()
    callbacks.jwt = ({ token, user }) => {
      if (user) token.blob = 'x'.repeat(6000)
      return token
    }
    const run = await sideBySide(config(), [{ flow: 'signIn' }, { flow: 'getSession' }, { flow: 'signOut' }], callbacks)
    expect(run.ours.some((e) => e.setCookies.some((line) => line.includes('session-token.1=')))).toBe(true)
    await expectSameAsReal(run)
  })

  it('a jwt callback that returns a new object on update', async () => {
    const callbacks = seedScenario()
    callbacks.jwt = ({ token, trigger, session }) => (trigger === 'update' ? { ...token, name: session.name } : token)
    const run = await sideBySide(config(), [{ flow: 'signIn' }, { flow: 'updateSession', input: { data: { name: 'Countess' } } }, { flow: 'getSession' }], callbacks)
    await expectSameAsReal(run)
  })

  it('a jwt callback that returns null on a session request', async () => {
    const callbacks = seedScenario()
    callbacks.jwt = ({ token, user }) => (user ? token : null)
    const run = await sideBySide(config(), [{ flow: 'signIn' }, { flow: 'getSession' }], callbacks)
    await expectSameAsReal(run)
  })

  it('an https site: secure cookie names and attributes', async () => {
    const run = await sideBySide(config({ siteUrl: 'https://app.example.com' }), [{ flow: 'signIn' }, { flow: 'getSession' }, { flow: 'signOut' }])
    expect(run.ours.some((e) => e.setCookies.some((line) => line.startsWith('__Secure-')))).toBe(true)
    await expectSameAsReal(run)
  })

  it('a relative callbackUrl, a custom session cookie name and a jwt callback that forgets to return', async () => {
    const callbacks = seedScenario()
    callbacks.jwt = ({ token, user }) => {
      if (user) token.id = user.id
      return user ? token : undefined
    }
    const cookies = { sessionToken: { name: 'my-app.session', options: { httpOnly: true, sameSite: 'lax' as const, path: '/', secure: false } } }
    const run = await sideBySide(config({ cookies }), [{ flow: 'signIn', input: { ...ADA, callbackUrl: '/dashboard' } }, { flow: 'getSession' }, { flow: 'getSession' }], callbacks)
    expect(run.ours.some((e) => e.setCookies.some((line) => line.startsWith('my-app.session=')))).toBe(true)
    await expectSameAsReal(run)
  })

  it('no secret configured (production)', async () => {
    const before = process.env.NODE_ENV
    process.env.NODE_ENV = 'production'
    try {
      const run = await sideBySide(config({ secret: '', nodeEnv: 'production' }), [{ flow: 'signIn' }, { flow: 'getSession' }])
      expect(run.ours[0]!.status).toBe(500)
      await expectSameAsReal(run)
    } finally {
      process.env.NODE_ENV = before
    }
  })

  it('no secret configured (development)', async () => {
    const run = await sideBySide(config({ secret: '', nodeEnv: 'development' }), [{ flow: 'getCsrfToken' }, { flow: 'signIn' }, { flow: 'getSession' }, { flow: 'signOut' }])
    expect(run.ours.map((e) => e.status)).toEqual(run.theirs.map((e) => e.status))
    await expectSameAsReal(run)
  })

  it('the real handler accepts the cookies our engine set (CSRF hash and session token)', async () => {
    const playground = playgroundFor(config())
    await playground.run('signIn', ADA)
    const real = createRealSide(config(), seedScenario())
    for (const cookie of playground.jar.list()) real.setCookieValue(cookie.name, cookie.value)
    const ours = await playground.run('getSession')
    const theirs = await atTime(playground.clock.nowMs() / 1000, () => real.send(engineExchanges(ours)[0]!.request))
    expect(theirs.status).toBe(200)
    expect(theirs.body).toEqual(ours.result.flow === 'getSession' ? ours.result.session : undefined)
    const csrf = playground.jar.list().find((c) => c.name.endsWith('csrf-token'))!
    // The CSRF cookie verifies on the real side: no new CSRF cookie is issued.
    expect(theirs.setCookies.some((line) => line.startsWith(csrf.name))).toBe(false)
  })

  it('a jwt callback that throws at sign-in', async () => {
    const callbacks = seedScenario()
    callbacks.jwt = () => {
      throw new Error('jwt exploded')
    }
    const run = await sideBySide(config(), [{ flow: 'signIn' }], callbacks)
    expect(run.ours.find((e) => e.method === 'POST')!.status).toBe(flavor === 'next-auth-v4' ? 500 : 200)
    await expectSameAsReal(run)
    // v4: nothing in NextAuth catches the throw, so its logger is never called; the one line is Next.js's own.
    // Auth.js catches it as CallbackRouteError and logs that.
    const uncaught = run.traces[0]!.events.filter((e) => e.kind === 'log.written' && e.logger === 'nextjs')
    if (flavor === 'next-auth-v4') {
      expect(run.theirs.find((e) => e.method === 'POST')!.logs).toEqual([])
      expect(uncaught).toHaveLength(1)
    } else {
      expect(run.theirs.find((e) => e.method === 'POST')!.logs).toContain('error:CallbackRouteError')
      expect(uncaught).toEqual([])
    }
  })

  it('update() with no argument', async () => {
    const run = await sideBySide(config(), [{ flow: 'signIn' }, { flow: 'updateSession', input: {} }])
    await expectSameAsReal(run)
  })
})
