// A page behind middleware: getToken answers null silently on any failure, and the trace says why.
import { createRequire } from 'node:module'
import { describe, expect, it, vi } from 'vitest'
import type { MiddlewareOptions, Playground } from '../../../src/engine/index'
import { atTime } from '../../helpers/atTime'
import { eventsOf, logs } from './helpers/traceQueries'
import { ADA, playgroundFor, scenarioConfig } from './helpers/scenario'

describe('visitProtectedPage (v4 withAuth + getToken)', () => {
  const config = (patch = {}) => scenarioConfig({ flavor: 'next-auth-v4', ...patch })

  it('lets a signed-in user through with the decoded token, without refreshing the cookie', async () => {
    const playground = playgroundFor(config())
    await playground.run('signIn', ADA)
    const trace = await playground.run('visitProtectedPage', { path: '/dashboard' })
    expect(trace.result).toMatchObject({ flow: 'visitProtectedPage', authorized: true, token: { sub: '1', id: '1' } })
    expect(eventsOf(trace, 'getToken.resolved')[0]).toMatchObject({ cookieName: 'next-auth.session-token', secureCookie: false })
    expect(eventsOf(trace, 'cookie.set')).toEqual([])
    expect(eventsOf(trace, 'callback.called')).toEqual([])
  })

  it('redirects to the sign-in page with the path as callbackUrl when there is no cookie', async () => {
    const trace = await playgroundFor(config()).run('visitProtectedPage', { path: '/dashboard?tab=1' })
    expect(eventsOf(trace, 'getToken.resolved')[0]).toMatchObject({ token: null, nullReason: 'no-cookie' })
    expect(trace.result).toMatchObject({ authorized: false, redirectTo: 'http://localhost:3000/api/auth/signin?callbackUrl=%2Fdashboard%3Ftab%3D1' })
    expect(eventsOf(trace, 'http.responded')[0]!.response.status).toBe(307)
  })

  it('looks only for the __Secure- name on an https site, even when the handler wrote a plain cookie', async () => {
    const playground = playgroundFor(config({ siteUrl: 'https://app.example.com', useSecureCookies: false }))
    await playground.run('signIn', ADA)
    expect(playground.jar.list().map((c) => c.name)).toContain('next-auth.session-token')
    const trace = await playground.run('visitProtectedPage', {})
    expect(eventsOf(trace, 'getToken.resolved')[0]).toMatchObject({ cookieName: '__Secure-next-auth.session-token', secureCookie: true, nullReason: 'no-cookie' })
  })

  it.each([
    ['decrypt-failed', 'rotated secret', (p: Playground): void => p.setConfig({ secret: 'rotated' })],
    ['decrypt-failed', 'tampered cookie', (p: Playground): void => void p.tamperSessionCookie()],
  ] as const)('answers null with reason %s after a %s', async (reason, _why, breakIt) => {
    const playground = playgroundFor(config())
    await playground.run('signIn', ADA)
    breakIt(playground)
    const trace = await playground.run('visitProtectedPage', {})
    expect(eventsOf(trace, 'getToken.resolved')[0]).toMatchObject({ token: null, nullReason: reason })
    // Silently: nothing is logged and no cookie is touched.
    expect(logs(trace)).toEqual([])
    expect(eventsOf(trace, 'cookie.deleted')).toEqual([])
  })

  it('the real getToken() answers null for a token it cannot open, logging nothing at all (the reason the playground shows is its own)', async () => {
    const playground = playgroundFor(config())
    await playground.run('signIn', ADA)
    const token = playground.jar.list().find((c) => c.name === 'next-auth.session-token')!.value
    const { getToken } = createRequire(import.meta.url)('next-auth/jwt') as typeof import('next-auth/jwt')
    const logger = { error: vi.fn(), warn: vi.fn(), debug: vi.fn() }
    const consoleCalls = (['error', 'warn', 'log', 'debug'] as const).map((level) => vi.spyOn(console, level).mockImplementation(() => {}))
    try {
      // The right secret opens it (so the nulls below are decode failures, not a missing cookie).
      const goodReq = { cookies: { 'next-auth.session-token': token }, headers: {} } as unknown as Parameters<typeof getToken>[0]['req']
      await expect(atTime(playground.clock.nowMs() / 1000, () => getToken({ req: goodReq, secret: 's3cr3t', logger } as Parameters<typeof getToken>[0]))).resolves.toMatchObject({ sub: '1' })
      for (const cookieValue of [token, `${token.slice(0, 60)}x${token.slice(61)}`]) {
        const req = { cookies: { 'next-auth.session-token': cookieValue }, headers: {} } as unknown as Parameters<typeof getToken>[0]['req']
        await expect(getToken({ req, secret: 'not-the-secret', logger } as Parameters<typeof getToken>[0])).resolves.toBeNull()
      }
      expect([logger.error, logger.warn, logger.debug, ...consoleCalls].map((spy) => spy.mock.calls.length)).toEqual([0, 0, 0, 0, 0, 0, 0])
    } finally {
      for (const spy of consoleCalls) spy.mockRestore()
    }
    // The engine's getToken is as silent: the reason is recorded on the step, nothing is logged.
    playground.setConfig({ secret: 'not-the-secret' })
    const trace = await playground.run('visitProtectedPage', {})
    expect(logs(trace)).toEqual([])
    expect(eventsOf(trace, 'getToken.resolved')[0]).toMatchObject({ token: null, nullReason: 'decrypt-failed' })
  })

  it('sees no cookie at all once the browser dropped it at Expires (which equals exp after a refresh)', async () => {
    const playground = playgroundFor(config({ session: { maxAge: 60, updateAge: 86400 } }))
    await playground.run('signIn', ADA)
    playground.advanceClock(59)
    expect((await playground.run('visitProtectedPage', {})).result).toMatchObject({ authorized: true })
    playground.advanceClock(1)
    const trace = await playground.run('visitProtectedPage', {})
    expect(eventsOf(trace, 'getToken.resolved')[0]).toMatchObject({ token: null, nullReason: 'no-cookie' })
  })

  it('redirects to the error page with error=Configuration when no secret is set', async () => {
    const playground = playgroundFor(config({ secret: '' }))
    const trace = await playground.run('visitProtectedPage', {})
    expect(logs(trace)).toContain('NO_SECRET')
    expect(trace.result).toMatchObject({ authorized: false, redirectTo: 'http://localhost:3000/api/auth/error?error=Configuration' })
  })

  it('never guards the auth routes', async () => {
    const trace = await playgroundFor(config()).run('visitProtectedPage', { path: '/api/auth/signin' })
    expect(trace.result).toMatchObject({ authorized: true })
    expect(eventsOf(trace, 'getToken.resolved')).toEqual([])
  })

  it('uses its fixed sign-in and error pages whatever the NEXTAUTH_URL path (withAuth has no pages option here)', async () => {
    const noToken = await playgroundFor(config({ siteUrl: 'http://localhost:3000/custom/auth' })).run('visitProtectedPage', { path: '/dashboard' })
    expect(noToken.result).toMatchObject({ redirectTo: 'http://localhost:3000/api/auth/signin?callbackUrl=%2Fdashboard' })
    const noSecret = await playgroundFor(config({ siteUrl: 'http://localhost:3000/custom/auth', secret: '' })).run('visitProtectedPage', { path: '/dashboard' })
    expect(noSecret.result).toMatchObject({ redirectTo: 'http://localhost:3000/api/auth/error?error=Configuration' })
    // Those pages are never guarded either, and the custom auth path is.
    expect((await playgroundFor(config({ siteUrl: 'http://localhost:3000/custom/auth' })).run('visitProtectedPage', { path: '/api/auth/signin' })).result).toMatchObject({ authorized: true })
    expect((await playgroundFor(config({ siteUrl: 'http://localhost:3000/custom/auth' })).run('visitProtectedPage', { path: '/custom/auth/session' })).result).toMatchObject({ authorized: true })
  })

  it('infers secureCookie from the raw NEXTAUTH_URL: a bare host is not "https://", though the handler makes it https', async () => {
    const playground = playgroundFor(config({ siteUrl: 'app.example.com' }))
    await playground.run('signIn', ADA)
    expect(playground.jar.list().map((c) => c.name)).toContain('__Secure-next-auth.session-token')
    const trace = await playground.run('visitProtectedPage', {})
    expect(eventsOf(trace, 'getToken.resolved')[0]).toMatchObject({ cookieName: 'next-auth.session-token', secureCookie: false, nullReason: 'no-cookie' })
  })

  it('logs the NO_SECRET line without a trailing space', async () => {
    const trace = await playgroundFor(config({ secret: '' })).run('visitProtectedPage', {})
    expect(eventsOf(trace, 'log.written')[0]).toMatchObject({ actor: 'middleware', text: '[next-auth][error][NO_SECRET] \nhttps://next-auth.js.org/errors#no_secret' })
  })
})

describe('visitProtectedPage (Auth.js getToken)', () => {
  const config = (patch = {}) => scenarioConfig({ flavor: 'authjs', ...patch })

  /** The real `getToken` of @auth/core with the same cookies and options, at the simulated time. */
  async function realGetToken(playground: Playground, options: MiddlewareOptions) {
    const { getToken } = await import('@auth/core/jwt')
    const cookie = playground.jar.cookieHeader('https://app.example.com/dashboard')
    return atTime(playground.clock.nowMs() / 1000, () => getToken({ req: { headers: { cookie } }, secret: 's3cr3t', ...options } as Parameters<typeof getToken>[0]))
  }

  it.each([
    ['the secure name and the secure salt', { secureCookie: true }, true],
    ['the secure name passed as cookieName (the salt follows it)', { cookieName: '__Secure-authjs.session-token' }, true],
    ['the secure name with the plain salt', { cookieName: '__Secure-authjs.session-token', salt: 'authjs.session-token' }, false],
  ] as [string, MiddlewareOptions, boolean][])('on https, getToken with %s', async (_what, middleware, found) => {
    const playground = playgroundFor(config({ siteUrl: 'https://app.example.com', middleware }))
    await playground.run('signIn', ADA)
    const trace = await playground.run('visitProtectedPage', {})
    const real = await realGetToken(playground, middleware)
    expect(trace.result).toMatchObject({ authorized: found })
    expect(real === null).toBe(!found)
    const resolved = eventsOf(trace, 'getToken.resolved')[0]!
    if (found) expect(resolved).toMatchObject({ token: { sub: '1' }, salt: '__Secure-authjs.session-token' })
    // The "why is it null?" ladder: the secret is right, the salt is the plain cookie name, the token was made under the secure one.
    else expect(resolved).toMatchObject({ token: null, nullReason: 'wrong-salt', salt: 'authjs.session-token', workingSalt: '__Secure-authjs.session-token' })
  })

  it('does not call a wrong secret a wrong salt', async () => {
    const playground = playgroundFor(config({ siteUrl: 'https://app.example.com', middleware: { secureCookie: true } }))
    await playground.run('signIn', ADA)
    playground.setConfig({ secret: 'rotated' })
    expect(eventsOf(await playground.run('visitProtectedPage', {}), 'getToken.resolved')[0]).toMatchObject({ nullReason: 'no-matching-secret' })
  })

  it('leaves the auth routes alone, as the usual middleware matcher does (no redirect loop on the sign-in page)', async () => {
    const trace = await playgroundFor(config()).run('visitProtectedPage', { path: '/api/auth/signin' })
    expect(trace.result).toMatchObject({ authorized: true })
    expect(eventsOf(trace, 'getToken.resolved')).toEqual([])
  })

  it('uses the cookie name as salt and finds the token on http', async () => {
    const playground = playgroundFor(config())
    await playground.run('signIn', ADA)
    const trace = await playground.run('visitProtectedPage', {})
    expect(trace.result).toMatchObject({ authorized: true, token: { sub: '1' } })
    expect(eventsOf(trace, 'jwt.decoded')[0]!.key.salt).toBe('authjs.session-token')
  })

  it('does not infer secureCookie: on https it looks for the plain name and finds nothing', async () => {
    const playground = playgroundFor(config({ siteUrl: 'https://app.example.com' }))
    await playground.run('signIn', ADA)
    expect(playground.jar.list().map((c) => c.name)).toContain('__Secure-authjs.session-token')
    const trace = await playground.run('visitProtectedPage', {})
    expect(eventsOf(trace, 'getToken.resolved')[0]).toMatchObject({ cookieName: 'authjs.session-token', secureCookie: false, nullReason: 'no-cookie' })
  })

  it('answers null with reason expired past exp + 15 s', async () => {
    const playground = playgroundFor(config({ session: { maxAge: 3600, updateAge: 86400 }, jwt: { maxAge: 30 } }))
    await playground.run('signIn', ADA)
    playground.advanceClock(45)
    const trace = await playground.run('visitProtectedPage', {})
    expect(eventsOf(trace, 'getToken.resolved')[0]).toMatchObject({ token: null, nullReason: 'expired' })
  })

  it('answers null with reason no-matching-secret after the secret changes', async () => {
    const playground = playgroundFor(config())
    await playground.run('signIn', ADA)
    playground.setConfig({ secret: 'rotated' })
    const trace = await playground.run('visitProtectedPage', {})
    expect(eventsOf(trace, 'getToken.resolved')[0]).toMatchObject({ token: null, nullReason: 'no-matching-secret' })
  })

  it('crashes (500) when a token is present but no secret is passed', async () => {
    const playground = playgroundFor(config())
    await playground.run('signIn', ADA)
    playground.setConfig({ secret: '' })
    const trace = await playground.run('visitProtectedPage', {})
    expect(eventsOf(trace, 'getToken.resolved')[0]).toMatchObject({ nullReason: 'no-secret' })
    expect(eventsOf(trace, 'http.responded')[0]!.response.status).toBe(500)
    // Next.js prints the uncaught error as `name: message`: the real getToken's MissingSecret for the same cookie and no secret.
    const { getToken } = await import('@auth/core/jwt')
    const cookie = playground.jar.cookieHeader(`${playground.getConfig().siteUrl}/dashboard`)
    expect(cookie).toContain('authjs.session-token=')
    const thrown = await getToken({ req: { headers: { cookie } }, secret: '' } as Parameters<typeof getToken>[0]).then(
      () => null,
      (error: unknown) => error as Error,
    )
    expect(thrown?.name).toBe('MissingSecret')
    expect(eventsOf(trace, 'log.written')).toEqual([expect.objectContaining({ actor: 'middleware', code: 'UNHANDLED', logger: 'nextjs', text: `${thrown!.name}: ${thrown!.message}` })])
  })
})
