// signIn('credentials', …) in both flavours: the requests, the callbacks and their exact arguments,
// the default token, the cookie, and every failure shape the real client resolves to.
import { describe, expect, it } from 'vitest'
import { CredentialsSignin, EngineError, thrownCallbackError, type CallbackRunner, type FlowFlavor } from '../../../src/engine/index'
import { callbackCalls, eventsOf, logs, responses } from './helpers/traceQueries'
import { realDecode } from './helpers/realDecode'
import { ADA, playgroundFor, runnerFrom, scenarioConfig, seedScenario, T0 } from './helpers/scenario'

const FLAVORS: FlowFlavor[] = ['next-auth-v4', 'authjs']

describe.each(FLAVORS)('signIn (%s)', (flavor) => {
  const isV4 = flavor === 'next-auth-v4'
  const config = (patch = {}) => scenarioConfig({ flavor, ...patch })

  it('asks for providers and a CSRF token, posts the form, then refreshes the session', async () => {
    const trace = await playgroundFor(config()).run('signIn', { ...ADA, callbackUrl: '/dashboard' })
    expect(responses(trace).map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      'GET /api/auth/providers 200',
      'GET /api/auth/csrf 200',
      'POST /api/auth/callback/credentials 200',
      'GET /api/auth/session 200',
    ])
    const post = eventsOf(trace, 'http.requested')[2]!
    const form = Object.fromEntries(new URLSearchParams(post.request.body))
    // The v4 client spreads every option into the body (redirect too) and adds json=true; v5 sends a header instead.
    expect(Object.keys(form)).toEqual(isV4 ? ['email', 'password', 'redirect', 'callbackUrl', 'csrfToken', 'json'] : ['email', 'password', 'callbackUrl', 'csrfToken'])
    expect(post.request.headers.some(([n, v]) => n === 'X-Auth-Return-Redirect' && v === '1')).toBe(!isV4)
    // v4 resolves error: null; v5 reads `searchParams.get(…) ?? undefined`, so error and code are absent.
    expect(trace.result).toEqual({ flow: 'signIn', value: { ...(isV4 ? { error: null } : {}), status: 200, ok: true, url: 'http://localhost:3000/dashboard' } })
    expect(JSON.stringify(trace.result)).toBe(JSON.stringify({ flow: 'signIn', value: isV4 ? { error: null, status: 200, ok: true, url: 'http://localhost:3000/dashboard' } : { status: 200, ok: true, url: 'http://localhost:3000/dashboard' } }))
  })

  it('builds the default token from the user and calls jwt with exactly the sign-in keys', async () => {
    const trace = await playgroundFor(config()).run('signIn', ADA)
    expect(eventsOf(trace, 'token.defaulted')[0]!.token).toEqual({ name: 'Ada Lovelace', email: 'ada@example.com', picture: 'https://example.com/ada.png', sub: '1' })
    const jwt = callbackCalls(trace, 'jwt')[0]!
    expect(Object.keys(jwt.args)).toEqual(['token', 'user', 'account', 'isNewUser', 'trigger'])
    expect(jwt.args).toMatchObject({ isNewUser: false, trigger: 'signIn', account: { providerAccountId: '1', type: 'credentials', provider: 'credentials' } })
    // role is on the user but not in the default token; the seed's jwt callback copies only the id.
    const encoded = eventsOf(trace, 'jwt.encoded')[0]!
    expect(encoded.claims).toMatchObject({ sub: '1', id: '1', iat: T0, exp: T0 + 2_592_000 })
    expect(encoded.claims).not.toHaveProperty('role')
    const real = await realDecode(flavor, encoded.token, 's3cr3t', isV4 ? '' : 'authjs.session-token', T0 * 1000)
    expect(real).toEqual(encoded.claims)
  })

  it('sets the session cookie with Expires = now + session.maxAge and no Max-Age', async () => {
    const trace = await playgroundFor(config({ session: { maxAge: 3600, updateAge: 86400 } })).run('signIn', ADA)
    const set = eventsOf(trace, 'cookie.set').find((e) => e.name.endsWith('session-token'))!
    expect(set.expiresAtSec).toBe(T0 + 3600)
    expect(set.setCookie).toMatch(/; Path=\/; Expires=Thu, 01 Jan 2026 01:00:00 GMT; HttpOnly; SameSite=Lax$/)
    expect(set.setCookie).not.toContain('Max-Age')
  })

  it(isV4 ? 'answers 401 CredentialsSignin for a wrong password' : 'answers 200 with error and code for a wrong password', async () => {
    const trace = await playgroundFor(config()).run('signIn', { ...ADA, password: 'wrong' })
    expect(trace.result).toEqual({
      flow: 'signIn',
      value: isV4 ? { error: 'CredentialsSignin', status: 401, ok: false, url: null } : { error: 'CredentialsSignin', code: 'credentials', status: 200, ok: true, url: null },
    })
    expect(eventsOf(trace, 'cookie.set').some((e) => e.name.endsWith('session-token'))).toBe(false)
  })

  it('reports a thrown authorize message (v4) or hides it as Configuration (Auth.js)', async () => {
    const callbacks = { ...seedScenario(), authorize: () => { throw new Error('Custom failure') } }
    const trace = await playgroundFor(config(), callbacks).run('signIn', ADA)
    expect(trace.result).toEqual({
      flow: 'signIn',
      value: isV4 ? { error: 'Custom failure', status: 401, ok: false, url: null } : { error: 'Configuration', status: 200, ok: true, url: null },
    })
    expect(eventsOf(trace, 'callback.failed')[0]).toMatchObject({ callback: 'authorize', error: { code: 'CALLBACK_THREW', message: 'Custom failure' } })
    if (!isV4) expect(logs(trace)).toContain('CallbackRouteError')
  })

  it(isV4 ? 'lets a CSRF failure look like success' : 'fails a missing CSRF token with MissingCSRF', async () => {
    const trace = await playgroundFor(config()).run('signIn', { ...ADA, csrfTokenOverride: '' })
    expect(eventsOf(trace, 'csrf.checked')[2]).toMatchObject({ cookiePresent: true, hashValid: true, bodyTokenMatches: false, verified: false })
    expect(trace.result).toEqual({
      flow: 'signIn',
      value: isV4 ? { error: null, status: 200, ok: true, url: 'http://localhost:3000/api/auth/signin?csrf=true' } : { error: 'MissingCSRF', status: 200, ok: true, url: null },
    })
    expect(trace.jarAfter.some((c) => c.name.endsWith('session-token'))).toBe(false)
  })

  it('denies access when the signIn callback returns false', async () => {
    const trace = await playgroundFor(config(), { ...seedScenario(), signIn: () => false }).run('signIn', ADA)
    expect(trace.result).toEqual({
      flow: 'signIn',
      value: isV4 ? { error: 'AccessDenied', status: 403, ok: false, url: null } : { error: 'AccessDenied', status: 200, ok: true, url: null },
    })
  })

  it('maps a sandbox failure in the jwt callback to what the handler does when the callback throws', async () => {
    const seed = runnerFrom(seedScenario())
    const runner: CallbackRunner = {
      run: (name, args, context) =>
        name === 'jwt'
          ? Promise.resolve({ ok: false, error: new EngineError('SANDBOX_TIMEOUT', 'jwt took longer than 1000 ms', { details: { callback: 'jwt', timeoutMs: 1000 } }).toJSON(), logs: [{ level: 'log', text: 'before the loop' }], durationMs: 1000 })
          : seed.run(name, args, context),
    }
    const playground = playgroundFor(config())
    playground.setRunner(runner)
    const trace = await playground.run('signIn', ADA)
    expect(eventsOf(trace, 'callback.failed')[0]).toMatchObject({ callback: 'jwt', error: { code: 'SANDBOX_TIMEOUT' }, logs: [{ level: 'log', text: 'before the loop' }] })
    const post = responses(trace)[2]!
    // v4: nothing catches it, Next answers 500 and the client's res.json() rejects. Auth.js: CallbackRouteError → Configuration.
    if (isV4) {
      expect(post.status).toBe(500)
      expect(trace.result).toMatchObject({ value: { ok: false, status: 500, rejectedWith: expect.stringContaining('SyntaxError') } })
    } else expect(trace.result).toEqual({ flow: 'signIn', value: { error: 'Configuration', status: 200, ok: true, url: null } })
  })

  it('flags a jwt callback that forgets to return (CALLBACK_BAD_RETURN) and encodes an empty token, as encode defaults it', async () => {
    const callbacks = seedScenario()
    callbacks.jwt = ({ token, user }) => {
      if (user) token.id = user.id
    }
    const trace = await playgroundFor(config(), callbacks).run('signIn', ADA)
    expect(eventsOf(trace, 'flow.failed')[0]!.error).toMatchObject({ code: 'CALLBACK_BAD_RETURN', details: { callback: 'jwt', returned: 'undefined' } })
    expect(Object.keys(eventsOf(trace, 'jwt.encoded')[0]!.claims)).toEqual(['iat', 'exp', 'jti'])
  })

  it('gives Auth.js users without an id a random sub; v4 leaves sub out', async () => {
    const callbacks = { ...seedScenario(), authorize: () => ({ name: 'No Id', email: 'noid@example.com' }) }
    const trace = await playgroundFor(config(), callbacks).run('signIn', ADA)
    const token = eventsOf(trace, 'token.defaulted')[0]!.token
    if (isV4) expect(token).not.toHaveProperty('sub')
    else expect(token.sub).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('records each failure the learner can cause as a coded flow.failed step', async () => {
    const wrong = await playgroundFor(config()).run('signIn', { ...ADA, password: 'wrong' })
    expect(eventsOf(wrong, 'flow.failed').map((e) => e.error)).toEqual([expect.objectContaining({ code: 'CREDENTIALS_SIGNIN', details: { flavor } })])

    const denied = await playgroundFor(config(), { ...seedScenario(), signIn: () => false }).run('signIn', ADA)
    expect(eventsOf(denied, 'flow.failed').map((e) => e.error)).toEqual([expect.objectContaining({ code: 'ACCESS_DENIED', details: { flavor, why: 'returned-falsy' } })])

    const threw = await playgroundFor(config(), { ...seedScenario(), authorize: () => { throw new Error('Custom failure') } }).run('signIn', ADA)
    const failedAt = threw.events.findIndex((e) => e.kind === 'callback.failed')
    expect(threw.events[failedAt + 1]).toMatchObject({ kind: 'flow.failed', actor: 'callbacks', error: { code: 'CALLBACK_THREW', message: 'Custom failure', details: { callback: 'authorize' } } })
  })

  it.each([
    ['CSRF_MISSING', ''],
    ['CSRF_INVALID', 'forged'],
  ] as const)('records a failed CSRF check as %s, saying whether the answer looks like success', async (code, posted) => {
    const trace = await playgroundFor(config()).run('signIn', { ...ADA, csrfTokenOverride: posted })
    const failed = eventsOf(trace, 'flow.failed')
    expect(failed.map((e) => e.error.code)).toEqual([code])
    expect(failed[0]!.error.details).toEqual({ flavor, action: 'callback', cookiePresent: true, hashValid: true, looksLikeSuccess: isV4 })
    // v4: 200 with { url: …/signin?csrf=true }, which signIn() resolves as ok with no error.
    if (isV4) expect(trace.result).toMatchObject({ value: { ok: true, error: null } })
  })

  it.each([
    ['SANDBOX_TIMEOUT', 'SANDBOX_TIMEOUT'],
    ['SANDBOX_SYNTAX_ERROR', 'SANDBOX_SYNTAX_ERROR'],
    ['SANDBOX_CRASHED', 'SANDBOX_CRASHED'],
    ['SANDBOX_THREW', 'CALLBACK_THREW'],
  ] as const)('records a sandbox %s as a flow.failed %s step', async (reported, recorded) => {
    const seed = runnerFrom(seedScenario())
    const runner: CallbackRunner = {
      run: (name, args, context) => (name === 'authorize' ? Promise.resolve({ ok: false, error: new EngineError(reported, 'authorize did not return').toJSON(), logs: [], durationMs: 1000 }) : seed.run(name, args, context)),
    }
    const playground = playgroundFor(config())
    playground.setRunner(runner)
    const trace = await playground.run('signIn', ADA)
    expect(eventsOf(trace, 'callback.failed')[0]!.error.code).toBe(reported)
    expect(eventsOf(trace, 'flow.failed')[0]!.error).toEqual({ code: recorded, message: 'authorize did not return', details: { callback: 'authorize' } })
  })

  it('splits a large token into chunks (v4 3933 / Auth.js 3936 characters)', async () => {
    const callbacks = seedScenario()
    callbacks.jwt = ({ token }) => ({ ...token, blob: 'x'.repeat(9000) })
    const trace = await playgroundFor(config(), callbacks).run('signIn', ADA)
    const chunks = eventsOf(trace, 'cookie.set').filter((e) => /session-token\.\d+$/.test(e.name))
    expect(chunks.length).toBeGreaterThanOrEqual(3)
    expect(chunks[0]!.value.length).toBe(isV4 ? 3933 : 3936)
    // The POST sets them, and the session refresh right after sets them again.
    const total = chunks[0]!.chunk!.total
    expect(chunks.length).toBe(2 * total)
    expect(chunks.slice(0, total).map((c) => c.chunk)).toEqual(Array.from({ length: total }, (_, index) => ({ index, total })))
    expect(logs(trace)).toContain('CHUNKING_SESSION_COOKIE')
  })

  it('authorize throwing a CredentialsSignin subclass: Auth.js answers its code (CREDENTIALS_SIGNIN), v4 its message', async () => {
    class InvalidLoginError extends CredentialsSignin {
      code = 'invalid_credentials'
    }
    const trace = await playgroundFor(config(), { ...seedScenario(), authorize: () => { throw new InvalidLoginError() } }).run('signIn', ADA)
    const post = responses(trace).find((r) => r.method === 'POST')!
    const failed = eventsOf(trace, 'flow.failed').map((e) => e.error)
    expect(eventsOf(trace, 'callback.failed')).toHaveLength(1)
    expect(post.setCookies.some((line) => line.includes('session-token'))).toBe(false)
    if (isV4) {
      expect(post).toMatchObject({ status: 401, body: { url: `http://localhost:3000/api/auth/error?error=${encodeURIComponent('Read more at https://errors.authjs.dev#credentialssignin')}` } })
      expect(failed.map((e) => e.code)).toEqual(['CALLBACK_THREW'])
      return
    }
    expect(post).toMatchObject({ status: 200, body: { url: 'http://localhost:3000/api/auth/signin?error=CredentialsSignin&code=invalid_credentials' } })
    // Not a crash: no CALLBACK_THREW, no CallbackRouteError; the step names the class and the code.
    expect(failed).toEqual([{ code: 'CREDENTIALS_SIGNIN', message: 'authorize threw InvalidLoginError (a CredentialsSignin) with code "invalid_credentials"', details: { flavor, thrown: 'InvalidLoginError', code: 'invalid_credentials' } }])
    expect(eventsOf(trace, 'log.written').filter((e) => e.level === 'error').map((e) => e.text)).toEqual(['[auth][error] CredentialsSignin: Read more at https://errors.authjs.dev#credentialssignin'])
    expect(trace.result).toEqual({ flow: 'signIn', value: { error: 'CredentialsSignin', code: 'invalid_credentials', status: 200, ok: true, url: null } })

    // new CredentialsSignin('…') itself: the code 'credentials', its message in the log line.
    const plain = await playgroundFor(config(), { ...seedScenario(), authorize: () => { throw new CredentialsSignin('locked out') } }).run('signIn', ADA)
    expect(plain.result).toMatchObject({ value: { error: 'CredentialsSignin', code: 'credentials' } })
    expect(eventsOf(plain, 'log.written').filter((e) => e.level === 'error').map((e) => e.text)).toEqual(['[auth][error] CredentialsSignin: locked out. Read more at https://errors.authjs.dev#credentialssignin'])
    // An Error with a `code` of its own is not one: CallbackRouteError, Configuration.
    const lookalike = await playgroundFor(config(), { ...seedScenario(), authorize: () => { throw Object.assign(new Error('x'), { code: 'y' }) } }).run('signIn', ADA)
    expect(lookalike.result).toMatchObject({ value: { error: 'Configuration' } })
  })
})

describe('thrownCallbackError (what a plain-function runner reports for a throw)', () => {
  it('keeps the code of a CredentialsSignin, as text, and nothing for other errors', () => {
    class Coded extends CredentialsSignin {
      code = 'custom'
    }
    expect(thrownCallbackError('authorize', new Coded())).toMatchObject({ code: 'CALLBACK_THREW', message: 'Read more at https://errors.authjs.dev#credentialssignin', details: { callback: 'authorize', credentialsSigninCode: 'custom' }, cause: { name: 'Coded' } })
    const numeric = Object.assign(new CredentialsSignin(), { code: 7 as unknown as string })
    expect(thrownCallbackError('authorize', numeric).details.credentialsSigninCode).toBe('7')
    expect(thrownCallbackError('authorize', new Error('boom'))).toEqual({ code: 'CALLBACK_THREW', message: 'boom', details: { callback: 'authorize' }, cause: { name: 'Error', message: 'boom' } })
  })

  it("gives the engine's CredentialsSignin the real class's shape", () => {
    const error = new CredentialsSignin()
    expect(error).toBeInstanceOf(Error)
    expect({ name: error.name, type: error.type, kind: error.kind, code: error.code }).toEqual({ name: 'CredentialsSignin', type: 'CredentialsSignin', kind: 'signIn', code: 'credentials' })
    expect(Object.isFrozen(CredentialsSignin.prototype)).toBe(true)
  })
})
