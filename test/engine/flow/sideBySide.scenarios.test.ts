// More scenarios side by side with the real handlers (see sideBySide.test.ts for how they are run):
// callbacks that throw or return odd values, chunks shrinking, secret rotation, cookie options, a
// numeric user id, and configuration errors. Each also checks the coded step the engine records.
import { afterEach, describe, expect, it } from 'vitest'
import { CredentialsSignin as RealCredentialsSignin } from '@auth/core/errors'
import { CredentialsSignin, type FlowFlavor, type PlaygroundConfig, type Trace } from '../../../src/engine/index'
import { atTime } from '../../helpers/atTime'
import type { ScenarioCallbacks } from './helpers/realHandlers'
import { ADA, scenarioConfig, seedScenario } from './helpers/scenario'
import { expectSameAsReal, sideBySide } from './helpers/sideBySide'
import { eventsOf } from './helpers/traceQueries'

afterEach(() => {
  delete process.env.NEXTAUTH_URL
})

const FLAVORS: FlowFlavor[] = ['next-auth-v4', 'authjs']
type AnyRecord = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

const failures = (traces: Trace[]) => traces.flatMap((trace) => eventsOf(trace, 'flow.failed').map((e) => e.error.code))

describe.each(FLAVORS)('more scenarios side by side with the real %s handler', (flavor) => {
  const isV4 = flavor === 'next-auth-v4'
  const config = (patch: Partial<PlaygroundConfig> = {}) => scenarioConfig({ flavor, ...patch })
  const withCallbacks = (patch: Partial<ScenarioCallbacks>): ScenarioCallbacks => ({ ...seedScenario(), ...patch })

  it('getCsrfToken: the cookie is issued only when missing, kept while valid, re-issued when its hash is forged', async () => {
    const run = await sideBySide(config(), [{ flow: 'getCsrfToken' }, { flow: 'getCsrfToken' }], seedScenario())
    await expectSameAsReal(run)
    expect(run.ours.map((e) => e.setCookies.filter((line) => line.includes('csrf-token=')).length)).toEqual([1, 0])
    const [first, second] = run.traces as [Trace, Trace]
    expect(eventsOf(first, 'csrf.checked')[0]).toMatchObject({ cookiePresent: false, issuedNew: true })
    expect(eventsOf(second, 'csrf.checked')[0]).toMatchObject({ cookiePresent: true, hashValid: true, issuedNew: false })
    expect(second.result).toEqual({ flow: 'getCsrfToken', csrfToken: (first.result as { csrfToken: string }).csrfToken })

    // A cookie whose hash half was changed: both handlers ignore it and issue a fresh token.
    const forged = await sideBySide(config(), [{ flow: 'getCsrfToken' }], seedScenario())
    const name = forged.playground.jar.list().find((c) => c.name.endsWith('csrf-token'))!.name
    const [token] = decodeURIComponent(forged.real.cookieValue(name)!).split('|')
    const bad = encodeURIComponent(`${token}|${'0'.repeat(64)}`)
    forged.playground.jar.apply(`${name}=${bad}; Path=/`, 'http://localhost:3000/')
    forged.real.setCookieValue(name, bad)
    const again = await forged.playground.run('getCsrfToken')
    expect(eventsOf(again, 'csrf.checked')[0]).toMatchObject({ cookiePresent: true, hashValid: false, issuedNew: true })
    expect((again.result as { csrfToken: string }).csrfToken).not.toBe(token)
    const theirs = await atTime(forged.nowMs / 1000, () => forged.real.send({ method: 'GET', path: '/api/auth/csrf', headers: [['Content-Type', 'application/json']] }))
    expect(theirs.setCookies).toHaveLength(1)
    expect(decodeURIComponent(theirs.setCookies[0]!.split(';')[0]!.split('=')[1]!).split('|')[0]).not.toBe(token)
  })

  it('getCsrfToken when the handler fails: v4 resolves to undefined, v5 to ""', async () => {
    const before = process.env.NODE_ENV
    process.env.NODE_ENV = 'production'
    try {
      const run = await sideBySide(config({ secret: '', nodeEnv: 'production' }), [{ flow: 'getCsrfToken' }])
      await expectSameAsReal(run)
      expect(run.ours[0]!.status).toBe(500)
      const result = run.traces[0]!.result
      if (isV4) expect(result).toEqual({ flow: 'getCsrfToken' })
      else expect(result).toEqual({ flow: 'getCsrfToken', csrfToken: '' })
    } finally {
      process.env.NODE_ENV = before
    }
  })

  it('the signIn callback throwing', async () => {
    const run = await sideBySide(config(), [{ flow: 'signIn' }], withCallbacks({ signIn: () => { throw new Error('nope nope') } }))
    await expectSameAsReal(run)
    // v4 answers error=<message>; Auth.js wraps it as AccessDenied.
    expect(failures(run.traces)).toEqual(isV4 ? ['CALLBACK_THREW'] : ['CALLBACK_THREW', 'ACCESS_DENIED'])
    expect(run.traces[0]!.result).toMatchObject({ value: { error: isV4 ? 'nope nope' : 'AccessDenied' } })
  })

  it.each([
    ['a subclass with its own code', 'invalid_credentials', undefined],
    ['CredentialsSignin itself, with a message', 'credentials', 'no such user'],
  ])('authorize throwing CredentialsSignin (%s): Auth.js answers ?error=CredentialsSignin&code=…, v4 its message', async (_what, code, message) => {
    // Each side throws its own class: the real @auth/core one to the real handler, the engine's to ours.
    const subclass = <C extends abstract new (m?: string) => Error>(Base: C) => (code === 'credentials' ? Base : class InvalidLoginError extends (Base as unknown as new (m?: string) => Error) { code = code })
    const theirs = subclass(RealCredentialsSignin as never) as new (m?: string) => Error
    const ours = subclass(CredentialsSignin as never) as new (m?: string) => Error
    const run = await sideBySide(config(), [{ flow: 'signIn' }], withCallbacks({ authorize: () => { throw new theirs(message) } }), withCallbacks({ authorize: () => { throw new ours(message) } }))
    await expectSameAsReal(run)
    const post = run.ours.find((e) => e.method === 'POST')!
    const readMore = 'Read more at https://errors.authjs.dev#credentialssignin'
    const fullMessage = message ? `${message}. ${readMore}` : readMore
    if (isV4) {
      expect(post.body).toEqual({ url: `http://localhost:3000/api/auth/error?error=${encodeURIComponent(fullMessage)}` })
      expect(failures(run.traces)).toEqual(['CALLBACK_THREW'])
    } else {
      expect(post.body).toEqual({ url: `http://localhost:3000/api/auth/signin?error=CredentialsSignin&code=${code}` })
      expect(post.logs).toEqual(['error:CredentialsSignin'])
      expect(failures(run.traces)).toEqual(['CREDENTIALS_SIGNIN'])
      expect(eventsOf(run.traces[0]!, 'flow.failed')[0]!.error.details).toEqual({ flavor, thrown: code === 'credentials' ? 'CredentialsSignin' : 'InvalidLoginError', code })
      expect(eventsOf(run.traces[0]!, 'log.written').map((e) => e.text)).toContain(`[auth][error] CredentialsSignin: ${fullMessage}`)
      expect(run.traces[0]!.result).toMatchObject({ value: { error: 'CredentialsSignin', code, ok: true, status: 200, url: null } })
    }
  })

  it.each([
    ['an absolute URL string', 'http://localhost:3000/welcome'],
    ['a relative URL string', '/welcome'],
  ])('the signIn callback returning %s redirects there instead of signing in', async (_what, url) => {
    const run = await sideBySide(config(), [{ flow: 'signIn' }], withCallbacks({ signIn: () => url }))
    await expectSameAsReal(run)
    expect(failures(run.traces)).toEqual([])
    expect(run.traces[0]!.jarAfter.some((c) => c.name.endsWith('session-token'))).toBe(false)
  })

  it('the signIn callback forgetting to return: AccessDenied, flagged CALLBACK_BAD_RETURN', async () => {
    const run = await sideBySide(config(), [{ flow: 'signIn' }], withCallbacks({ signIn: () => undefined }))
    await expectSameAsReal(run)
    expect(failures(run.traces)).toEqual(['CALLBACK_BAD_RETURN', 'ACCESS_DENIED'])
    expect(eventsOf(run.traces[0]!, 'flow.failed')[0]!.error.details).toMatchObject({ callback: 'signIn', returned: 'undefined' })
  })

  it('the signIn callback returning an object: signed in as if true, flagged CALLBACK_BAD_RETURN', async () => {
    const run = await sideBySide(config(), [{ flow: 'signIn' }], withCallbacks({ signIn: () => ({ allowed: true }) }))
    await expectSameAsReal(run)
    expect(failures(run.traces)).toEqual(['CALLBACK_BAD_RETURN'])
    expect(run.traces[0]!.result).toMatchObject({ value: { ok: true } })
  })

  it('the redirect callback returning a number: v4 answers it as it is ({"url":42}), Auth.js as text; flagged', async () => {
    const run = await sideBySide(config(), [{ flow: 'signIn', input: { ...ADA, callbackUrl: '/x' } }], withCallbacks({ redirect: () => 42 }))
    await expectSameAsReal(run)
    const post = run.ours.find((e) => e.method === 'POST')!
    expect(post.body).toEqual({ url: isV4 ? 42 : '42' })
    expect(failures(run.traces)).toContain('CALLBACK_BAD_RETURN')
    // `new URL(data.url)` rejects in both clients.
    expect(run.traces[0]!.result).toMatchObject({ value: { rejectedWith: expect.stringContaining('Invalid URL') } })
  })

  it('the redirect callback forgetting to return: no new callback-URL cookie, an empty answer', async () => {
    const run = await sideBySide(config(), [{ flow: 'signIn', input: { ...ADA, callbackUrl: '/x' } }], withCallbacks({ redirect: () => undefined }))
    await expectSameAsReal(run)
    // `if (callbackUrlCookie)`: nothing to set; v4 `if (handler.redirect)` / Auth.js `if (res.redirect)`: no URL either.
    const post = run.ours.find((e) => e.method === 'POST')!
    expect(post.setCookies.some((line) => line.includes('callback-url'))).toBe(false)
    expect(post.body).toBeUndefined()
    expect(run.traces[0]!.result).toMatchObject({ value: { rejectedWith: expect.stringContaining('SyntaxError') } })
    expect(failures(run.traces)).toContain('CALLBACK_BAD_RETURN')
  })

  it('the redirect callback throwing', async () => {
    const run = await sideBySide(config(), [{ flow: 'signIn', input: { ...ADA, callbackUrl: '/x' } }], withCallbacks({ redirect: () => { throw new Error('redir boom') } }))
    await expectSameAsReal(run)
    expect(failures(run.traces)).toContain('CALLBACK_THREW')
  })

  it('the session callback throwing on GET /session (the one right after sign-in): the session cookie is deleted', async () => {
    const run = await sideBySide(config(), [{ flow: 'signIn' }, { flow: 'getSession' }], withCallbacks({ session: () => { throw new Error('sess boom') } }))
    await expectSameAsReal(run)
    expect(failures(run.traces)).toEqual(['CALLBACK_THREW'])
    expect(run.ours.flatMap((e) => e.logs)).toEqual([isV4 ? 'error:JWT_SESSION_ERROR' : 'error:JWTSessionError'])
    expect(run.traces[0]!.jarAfter.some((c) => c.name.endsWith('session-token'))).toBe(false)
  })

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['a string', 'hello'],
  ])('the session callback returning %s', async (_what, value) => {
    const run = await sideBySide(config(), [{ flow: 'signIn' }, { flow: 'getSession' }, { flow: 'getSession' }], withCallbacks({ session: () => value }))
    await expectSameAsReal(run)
    expect(failures(run.traces)).toContain('CALLBACK_BAD_RETURN')
  })

  it('the jwt callback throwing on GET /session: the session cookie is deleted', async () => {
    const jwt = ({ token, user }: AnyRecord) => {
      if (user) return token
      throw new Error('jwt s boom')
    }
    const run = await sideBySide(config(), [{ flow: 'signIn' }, { flow: 'getSession' }], withCallbacks({ jwt }))
    await expectSameAsReal(run)
    expect(failures(run.traces)).toEqual(['CALLBACK_THREW'])
    expect(run.traces[0]!.jarAfter.some((c) => c.name.endsWith('session-token'))).toBe(false)
  })

  it('the jwt callback returning a string on GET /session', async () => {
    const run = await sideBySide(config(), [{ flow: 'signIn' }, { flow: 'getSession' }], withCallbacks({ jwt: ({ token, user }: AnyRecord) => (user ? token : 'str') }))
    await expectSameAsReal(run)
    expect(failures(run.traces)).toContain('CALLBACK_BAD_RETURN')
  })

  it('chunks shrinking to one cookie: a 20 000-character token, then an update that drops the blob', async () => {
    const jwt = ({ token, user, trigger }: AnyRecord) => {
      if (user) token.blob = 'x'.repeat(20_000)
      if (trigger === 'update') delete token.blob
      return token
    }
    const run = await sideBySide(config(), [{ flow: 'signIn' }, { flow: 'updateSession', input: { data: { shrink: true } } }, { flow: 'getSession' }], withCallbacks({ jwt }))
    await expectSameAsReal(run)
    const update = run.ours.find((e) => e.method === 'POST' && e.path === '/api/auth/session')!
    const prefix = isV4 ? 'next-auth' : 'authjs'
    expect(update.setCookies.filter((line) => line.startsWith(`${prefix}.session-token.`) && line.includes('Max-Age=0')).length).toBeGreaterThanOrEqual(5)
    expect(update.setCookies.filter((line) => line.startsWith(`${prefix}.session-token=`) && !line.includes('Max-Age=0'))).toHaveLength(1)
    expect(run.traces.at(-1)!.jarAfter.map((c) => c.name).filter((n) => n.includes('session-token'))).toEqual([`${prefix}.session-token`])
  })

  it('a numeric user.id: v4 keeps the number (providerAccountId 3, token.id 3, sub "3"), Auth.js makes it "3"', async () => {
    const run = await sideBySide(config(), [{ flow: 'signIn', input: { email: 'grace@example.com', password: 'cobol' } }, { flow: 'getSession' }])
    await expectSameAsReal(run)
    const jwt = run.callsOurs.find((c) => c.callback === 'jwt')!
    expect(jwt.args).toMatchObject({ account: { providerAccountId: isV4 ? 3 : '3' }, user: { id: isV4 ? 3 : '3' }, token: { sub: '3' } })
    expect(run.traces[1]!.result).toMatchObject({ session: { user: { id: isV4 ? 3 : '3' } } })
  })

  it.each([
    ['useSecureCookies: true on http://localhost', { useSecureCookies: true }],
    ['useSecureCookies: false on https', { siteUrl: 'https://app.example.com', useSecureCookies: false }],
  ])('a %s override', async (_what, patch) => {
    const run = await sideBySide(config(patch), [{ flow: 'signIn' }, { flow: 'getSession' }, { flow: 'signOut' }])
    await expectSameAsReal(run)
    const secure = patch.useSecureCookies
    expect(run.ours.flatMap((e) => e.setCookies).every((line) => line.startsWith('__Secure-') || line.startsWith('__Host-') || !secure)).toBe(true)
  })

  it('a cookie override without options: v4 replaces the key whole, so the cookie is scoped to the request path', async () => {
    const run = await sideBySide(config({ cookies: { sessionToken: { name: 'sess' } } }), [{ flow: 'signIn' }, { flow: 'getSession' }, { flow: 'signOut' }])
    await expectSameAsReal(run)
  })

  it('the user edits copies: a signIn callback changing `user` and a session callback changing `token` change nothing for the handler (listed in README)', async () => {
    const callbacks = withCallbacks({
      signIn: ({ user }: AnyRecord) => {
        user.extra = 'fromSignIn'
        return true
      },
      jwt: ({ token, user }: AnyRecord) => (user ? { ...token, extra: user.extra ?? null } : token),
    })
    const run = await sideBySide(config(), [{ flow: 'signIn' }], callbacks)
    // The real handler passes the same object on, our runner a copy: the one known difference.
    const ours = run.callsOurs.find((c) => c.callback === 'jwt')!
    const theirs = run.callsTheirs.find((c) => c.callback === 'jwt')!
    expect(ours.args.user).not.toHaveProperty('extra')
    expect(theirs.args.user).toMatchObject({ extra: 'fromSignIn' })
  })
})

describe('Auth.js secret rotation, side by side', () => {
  const config = (patch: Partial<PlaygroundConfig> = {}) => scenarioConfig({ flavor: 'authjs', ...patch })

  it('a token made with the old secret is read with [new, old] on the session route, re-encoded with the new one, and signed out', async () => {
    const run = await sideBySide(config({ secret: 'old-secret' }), [{ flow: 'signIn' }, { config: { secret: ['new-secret', 'old-secret'] } }, { flow: 'getSession' }, { flow: 'getSession' }, { flow: 'signOut' }])
    await expectSameAsReal(run)
    const [, first, second] = run.traces as [Trace, Trace, Trace]
    expect(first.result).toMatchObject({ status: 'authenticated' })
    // The re-issued token's key comes from the first secret: the next request decodes with it.
    expect(eventsOf(second, 'jwt.decoded')[0]!.key.kid).toBe(eventsOf(first, 'jwt.encoded')[0]!.key.kid)
    expect(eventsOf(first, 'jwt.decoded')[0]!.key.kid).not.toBe(eventsOf(first, 'jwt.encoded')[0]!.key.kid)
    expect(run.traces.at(-1)!.jarAfter.some((c) => c.name.endsWith('session-token'))).toBe(false)
  })

  it.each([
    ['an empty last entry still signs in (the CSRF hash reads the list as "s3cr3t,")', ['s3cr3t', '']],
    ['an empty first entry cannot encode: Configuration', ['', 's3cr3t']],
  ])('a secret list with %s', async (_what, secret) => {
    const run = await sideBySide(config({ secret }), [{ flow: 'signIn' }, { flow: 'getSession' }, { flow: 'signOut' }])
    await expectSameAsReal(run)
  })

  it('dropping the old secret too early signs everyone out (JWTSessionError), and sign-out still clears the cookie', async () => {
    const run = await sideBySide(config({ secret: 'old-secret' }), [{ flow: 'signIn' }, { config: { secret: ['new-secret'] } }, { flow: 'signOut' }, { flow: 'signIn' }, { config: { secret: ['newer', 'other'] } }, { flow: 'getSession' }])
    await expectSameAsReal(run)
    expect(run.ours.flatMap((e) => e.logs)).toEqual(expect.arrayContaining(['error:SignOutError', 'error:JWTSessionError']))
  })
})

describe.each(FLAVORS)('configuration errors side by side with the real %s handler', (flavor) => {
  const isV4 = flavor === 'next-auth-v4'
  const config = (patch: Partial<PlaygroundConfig> = {}) => scenarioConfig({ flavor, ...patch })

  it('a CSRF cookie name with a space: every request that issues the cookie fails (v4 a bare 500, Auth.js Configuration), run() still resolves', async () => {
    const run = await sideBySide(config({ cookies: { csrfToken: { name: 'bad name', options: { httpOnly: true, sameSite: 'lax', path: '/', secure: false } } } }), [{ flow: 'getCsrfToken' }, { flow: 'signIn' }, { flow: 'getSession' }])
    await expectSameAsReal(run)
    expect(run.ours[0]!.status).toBe(isV4 ? 500 : 302)
    expect(failures(run.traces)).toContain('CONFIG_INVALID')
    expect(run.traces[1]!.result).toMatchObject({ flow: 'signIn', value: { ok: !isV4 } })
  })

  it('a session cookie name with a space: sign-in fails after authorize and jwt ran', async () => {
    const run = await sideBySide(config({ cookies: { sessionToken: { name: 'bad name', options: { httpOnly: true, sameSite: 'lax', path: '/', secure: false } } } }), [{ flow: 'signIn' }, { flow: 'getSession' }])
    await expectSameAsReal(run)
    expect(failures(run.traces)).toContain('CONFIG_INVALID')
    const post = run.ours.find((e) => e.method === 'POST')!
    expect(post.status).toBe(isV4 ? 500 : 200)
  })

  it('a session cookie name with an @ (refused by both libraries\' serialisers, unlike cookie@1): sign-in fails after authorize and jwt ran', async () => {
    const run = await sideBySide(config({ cookies: { sessionToken: { name: 'my@session', options: { httpOnly: true, sameSite: 'lax', path: '/', secure: false } } } }), [{ flow: 'signIn' }, { flow: 'getSession' }])
    await expectSameAsReal(run)
    const invalid = run.traces.flatMap((trace) => eventsOf(trace, 'flow.failed')).find((e) => e.error.code === 'CONFIG_INVALID')!
    expect(invalid.error).toMatchObject({ details: { setting: 'cookies', cookieName: 'my@session' }, cause: { name: 'TypeError', message: isV4 ? 'argument name is invalid' : 'argument name is invalid: my@session' } })
    const post = run.ours.find((e) => e.method === 'POST')!
    expect(post.status).toBe(isV4 ? 500 : 200)
    expect(run.traces[0]!.jarAfter.some((c) => c.name === 'my@session')).toBe(false)
  })

  it('a fractional session cookie maxAge: v4 floors it, Auth.js refuses it (Configuration)', async () => {
    const run = await sideBySide(config({ cookies: { sessionToken: { options: { maxAge: 1.5 } } } as PlaygroundConfig['cookies'] }), [{ flow: 'signIn' }])
    await expectSameAsReal(run)
    expect(failures(run.traces).includes('CONFIG_INVALID')).toBe(!isV4)
  })

  it('session.maxAge NaN: the cookie has no valid Expires, and the session route fails inside its try', async () => {
    const run = await sideBySide(config({ session: { maxAge: Number.NaN, updateAge: 0 } }), [{ flow: 'signIn' }, { flow: 'getSession' }])
    await expectSameAsReal(run)
    expect(failures(run.traces).length).toBeGreaterThan(0)
  })
})
