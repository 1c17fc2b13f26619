import { describe, expect, it } from 'vitest'
import { createDefaultRunner, createPlayground, createSeededRandom, EngineError, type CallbackRunner, type CookieView, type SerializedEngineError, type Trace } from '../../src/engine'
import {
  documentCookie,
  replayJar,
  selectCurrentEvent,
  selectEventsUpToCursor,
  selectJarAtCursor,
  selectSessionAtCursor,
  selectSignInResultAtCursor,
  selectTokenAtCursor,
  selectProtectedPageAtCursor,
  selectSignInFailureAtCursor,
  selectTokenOriginAtCursor,
  selectSignInFailureViewAtCursor,
  failureOutcome,
  stepContexts,
} from '../../src/state/selectors'
import { ADA } from '../engine/flow/helpers/scenario'
import {
  cookie,
  FIXTURE_NOW_SEC,
  makeAuthJsEncodeTrace,
  makeClockTrace,
  makeFailedSignInTrace,
  makeGetSessionTrace,
  makeProtectedPageTrace,
  makeSignInTrace,
  makeTamperedSessionTrace,
  makeTrace,
  V4_TOKEN,
  V4_TOKEN_REFRESHED,
  type EventInput,
} from '../helpers/makeTrace'

const at = (trace: Trace, cursor: number, traces: Trace[] = [trace]) => ({ lastTrace: trace, cursor, traces })
// The hand-written fixtures count `name=value` for sizeBytes; the cookie engine counts name + value
// bytes (Chromium's limit). Compare fixture jars without it; the engine test compares it exactly.
const withoutSize = (jar: CookieView[]) => jar.map(({ sizeBytes: _size, ...rest }) => rest)
const indexOfKind = (trace: Trace, kind: string, nth = 0) => trace.events.map((e, i) => [e.kind, i] as const).filter(([k]) => k === kind)[nth]![1]

describe('selectEventsUpToCursor', () => {
  it('is empty before the first step and grows with the cursor', () => {
    const trace = makeSignInTrace()
    expect(selectEventsUpToCursor(at(trace, -1))).toEqual([])
    expect(selectEventsUpToCursor(at(trace, 2)).map((e) => e.step)).toEqual([0, 1, 2])
    expect(selectEventsUpToCursor(at(trace, trace.events.length - 1))).toHaveLength(trace.events.length)
  })

  it('returns the same array for the same trace and cursor (stable for React)', () => {
    const state = at(makeSignInTrace(), 3)
    expect(selectEventsUpToCursor(state)).toBe(selectEventsUpToCursor({ ...state }))
  })

  it('is empty without a trace', () => {
    expect(selectEventsUpToCursor({ lastTrace: null, cursor: -1, traces: [] })).toEqual([])
  })
})

describe('selectCurrentEvent', () => {
  it('is null before the first step and the event at the cursor after', () => {
    const trace = makeSignInTrace()
    expect(selectCurrentEvent(at(trace, -1))).toBeNull()
    expect(selectCurrentEvent(at(trace, 4))).toBe(trace.events[4])
  })
})

describe('replayJar / selectJarAtCursor', () => {
  it('equals jarBefore before the first step', () => {
    const trace = makeGetSessionTrace()
    expect(selectJarAtCursor(at(trace, -1))).toEqual(trace.jarBefore)
  })

  it('equals jarAfter at the end of a sign-in', () => {
    const trace = makeSignInTrace()
    expect(withoutSize(replayJar(trace, trace.events.length - 1))).toEqual(withoutSize(trace.jarAfter))
  })

  it('equals jarAfter at the end of a refresh, a tampered read and a clock jump', () => {
    for (const trace of [makeGetSessionTrace(), makeTamperedSessionTrace(), makeClockTrace()]) {
      expect(withoutSize(replayJar(trace, trace.events.length - 1))).toEqual(withoutSize(trace.jarAfter))
    }
  })

  it('shows the session cookie only once the pipeline reaches its cookie.set step', () => {
    const trace = makeSignInTrace()
    const setAt = trace.events.findIndex((e) => e.kind === 'cookie.set' && e.name === 'next-auth.session-token')
    expect(replayJar(trace, setAt - 1).map((c) => c.name)).not.toContain('next-auth.session-token')
    const landed = replayJar(trace, setAt).find((c) => c.name === 'next-auth.session-token')!
    expect(landed).toMatchObject({ value: V4_TOKEN, httpOnly: true, secure: false, sameSite: 'Lax', path: '/', domain: 'localhost' })
  })

  it('replaces a cookie in place when it is set again', () => {
    const trace = makeGetSessionTrace()
    const jar = replayJar(trace, trace.events.length - 1)
    expect(jar.map((c) => c.name)).toEqual(trace.jarBefore.map((c) => c.name))
    expect(jar.find((c) => c.name === 'next-auth.session-token')!.value).toBe(V4_TOKEN_REFRESHED)
  })

  it('shows the jar the engine recorded at the newest cookie step up to the cursor', () => {
    const recorded = [cookie('__Secure-next-auth.session-token', 'abc', { domain: '.example.com', path: '/app', secure: true, sameSite: 'Strict' })]
    const line = '__Secure-next-auth.session-token=abc; Domain=example.com; Path=/app; HttpOnly; Secure; SameSite=Strict'
    const trace: Trace = {
      ...makeSignInTrace(),
      jarBefore: [],
      events: [
        { kind: 'cookie.set', step: 0, atSec: 0, actor: 'cookieJar', name: '__Secure-next-auth.session-token', value: 'abc', setCookie: line, jar: recorded },
        { kind: 'clock.advanced', step: 1, atSec: 60, actor: 'browser', bySec: 60 },
      ],
    }
    expect(replayJar(trace, -1)).toEqual([])
    expect(replayJar(trace, 0)).toBe(recorded)
    expect(replayJar(trace, 1)).toBe(recorded)
  })
})

describe('selectTokenAtCursor', () => {
  it('is null before any token', () => {
    const trace = makeSignInTrace()
    expect(selectTokenAtCursor(at(trace, indexOfKind(trace, 'jwt.encoded') - 1))).toBeNull()
  })

  it('is the newest jwt step up to the cursor', () => {
    const signIn = makeSignInTrace()
    const session = makeGetSessionTrace()
    const traces = [signIn, session]
    expect(selectTokenAtCursor(at(session, indexOfKind(session, 'jwt.decoded'), traces))).toMatchObject({ kind: 'jwt.decoded', token: V4_TOKEN })
    expect(selectTokenAtCursor(at(session, session.events.length - 1, traces))).toMatchObject({ kind: 'jwt.encoded', token: V4_TOKEN_REFRESHED })
  })

  it('falls back to the token of an earlier trace when the shown one has none yet', () => {
    const signIn = makeSignInTrace()
    const clock = makeClockTrace()
    expect(selectTokenAtCursor(at(clock, 1, [signIn, clock]))).toMatchObject({ kind: 'jwt.encoded', token: V4_TOKEN })
  })
})

describe('selectSessionAtCursor', () => {
  it('is null before any session request', () => {
    const trace = makeFailedSignInTrace()
    expect(selectSessionAtCursor(at(trace, trace.events.length - 1))).toBeNull()
  })

  it('is loading while the first session request is on its way, then authenticated', () => {
    const trace = makeGetSessionTrace()
    expect(selectSessionAtCursor(at(trace, 2))?.status).toBe('loading')
    const done = selectSessionAtCursor(at(trace, trace.events.length - 1))!
    expect(done.status).toBe('authenticated')
    expect(done.session).toMatchObject({ user: { email: 'alice@example.com' } })
  })

  it('keeps the previous session while a refresh is on its way', () => {
    const first = makeGetSessionTrace()
    const second = { ...makeGetSessionTrace(), id: 'second' }
    expect(selectSessionAtCursor(at(second, 1, [first, second]))).toMatchObject({ status: 'authenticated', traceId: first.id })
  })

  it('is unauthenticated once a tampered cookie fails to decrypt', () => {
    const signedIn = makeGetSessionTrace()
    const tampered = makeTamperedSessionTrace()
    expect(selectSessionAtCursor(at(tampered, tampered.events.length - 1, [signedIn, tampered]))).toMatchObject({ session: null, status: 'unauthenticated' })
  })

  it('is authenticated right after a successful sign-in', () => {
    const trace = makeSignInTrace()
    expect(selectSessionAtCursor(at(trace, trace.events.length - 1))?.status).toBe('authenticated')
  })

  it('at the end of a sign-in is what the client holds: the session callback’s return value, not the session built before it', async () => {
    const seed = createDefaultRunner()
    // A session callback that adds a field, as the starter adds `id`.
    const runner: CallbackRunner = {
      run: async (name, args, context) => {
        const result = await seed.run(name, args, context)
        return name === 'session' && result.ok ? { ...result, value: { ...(result.value as object), addedBySessionCallback: 'yes' } } : result
      },
    }
    for (const flavor of ['next-auth-v4', 'authjs'] as const) {
      const playground = createPlayground({ nowSec: FIXTURE_NOW_SEC, random: createSeededRandom(1), runner, config: { flavor } })
      const trace = await playground.run('signIn', { email: 'ada@example.com', password: 'analytical' })
      const last = trace.events.length - 1
      expect(trace.events[last]!.kind).toBe('flow.finished')
      const built = trace.events.find((e) => e.kind === 'session.built')
      expect(built?.kind === 'session.built' && built.session).not.toHaveProperty('addedBySessionCallback')
      expect(selectSessionAtCursor(at(trace, last)), flavor).toMatchObject({ status: 'authenticated', session: { addedBySessionCallback: 'yes', user: { email: 'ada@example.com' } } })
      // The step before (the client's own record) shows the same session.
      expect(selectSessionAtCursor(at(trace, last - 1))?.session).toEqual(selectSessionAtCursor(at(trace, last))?.session)
    }
  })
})

describe('selectSignInResultAtCursor', () => {
  it('shows CredentialsSignin after a wrong password, only once the flow finished', () => {
    const trace = makeFailedSignInTrace()
    expect(selectSignInResultAtCursor(at(trace, trace.events.length - 2))).toBeNull()
    expect(selectSignInResultAtCursor(at(trace, trace.events.length - 1))).toEqual({ ok: false, status: 401, error: 'CredentialsSignin', url: null })
  })
})

describe('documentCookie', () => {
  it('leaves HttpOnly cookies out', () => {
    expect(documentCookie([cookie('a', '1'), cookie('theme', 'dark', { httpOnly: false }), cookie('b', '2', { httpOnly: false })])).toBe('theme=dark; b=2')
  })
})

describe('selectProtectedPageAtCursor', () => {
  it('reports the token getToken() found and that the middleware let the request through', () => {
    const trace = makeProtectedPageTrace()
    expect(selectProtectedPageAtCursor(at(trace, trace.events.length - 1))).toMatchObject({ path: '/dashboard', authorized: true, token: { email: 'alice@example.com' }, cookieName: 'next-auth.session-token' })
  })

  it('says why getToken() answered null and where the middleware redirects', () => {
    const trace = makeProtectedPageTrace({ authorized: false })
    expect(selectProtectedPageAtCursor(at(trace, trace.events.length - 2))).toBeNull()
    expect(selectProtectedPageAtCursor(at(trace, trace.events.length - 1))).toMatchObject({ authorized: false, token: null, nullReason: 'no-cookie', redirectTo: expect.stringContaining('/api/auth/signin') })
  })
})

describe('stable views for React', () => {
  it('returns the very same session view at every step that does not change it', () => {
    const signIn = makeSignInTrace()
    const session = makeGetSessionTrace()
    const traces = [signIn, session]
    const views = session.events.map((_, cursor) => selectSessionAtCursor(at(session, cursor, traces)))
    // Until the request finishes, useSession() still holds the sign-in's session: one object throughout.
    const finished = session.events.findIndex((e) => e.kind === 'flow.finished' || e.kind === 'client.updated')
    expect(new Set(views.slice(0, finished)).size).toBe(1)
    expect(views[0]).not.toBeNull()
  })

  it('returns the very same protected-page view while the cursor moves past its step', () => {
    const page = makeProtectedPageTrace()
    const clock = makeClockTrace()
    const traces = [page, clock]
    const first = selectProtectedPageAtCursor(at(clock, 0, traces))
    expect(first).not.toBeNull()
    expect(selectProtectedPageAtCursor(at(clock, 1, traces))).toBe(first)
  })
})

describe('selectTokenOriginAtCursor', () => {
  it('names the run that made the token, not the run on screen', () => {
    const signIn = makeSignInTrace()
    const clock = { ...makeClockTrace(), flow: 'advanceClock' as const }
    expect(selectTokenOriginAtCursor(at(clock, 1, [signIn, clock]))).toMatchObject({ flow: 'signIn', fromThisRun: false, failedAfter: null })
    expect(selectTokenOriginAtCursor(at(signIn, signIn.events.length - 1))).toMatchObject({ flow: 'signIn', fromThisRun: true, flavor: 'next-auth-v4' })
  })

  it('gives the salt the library of that run derives the key with: v4 empty, Auth.js the run’s session cookie name or the default', () => {
    const signIn = makeSignInTrace()
    expect(selectTokenOriginAtCursor(at(signIn, signIn.events.length - 1))).toMatchObject({ flavor: 'next-auth-v4', salt: '' })
    const authjs = makeAuthJsEncodeTrace()
    expect(selectTokenOriginAtCursor(at(authjs, 1))).toMatchObject({ flavor: 'authjs', salt: 'authjs.session-token' })
    const [started, encoded] = authjs.events.map(({ step: _step, atSec: _atSec, ...event }) => event as EventInput)
    const resolved: EventInput = { kind: 'config.resolved', actor: 'routeHandler', secretSource: 'config', useSecureCookies: true, cookieNames: { sessionToken: '__Secure-authjs.session-token', csrfToken: '__Host-authjs.csrf-token', callbackUrl: '__Secure-authjs.callback-url' }, sessionMaxAgeSec: 60, jwtMaxAgeSec: 60, updateAgeSec: 0, basePath: '/api/auth', notes: [] }
    const secure = makeTrace('signIn', [started!, resolved, encoded!], { flavor: 'authjs' })
    expect(selectTokenOriginAtCursor(at(secure, 2))).toMatchObject({ salt: '__Secure-authjs.session-token' })
  })

  it('flags a decode that failed after the token shown', () => {
    const tampered = makeTamperedSessionTrace()
    const traces = [makeSignInTrace(), tampered]
    const origin = selectTokenOriginAtCursor(at(tampered, tampered.events.length - 1, traces))
    expect(origin?.failedAfter).toMatchObject({ kind: 'jwt.decodeFailed', error: { code: 'JWT_DECRYPT_FAILED' } })
  })
})

describe('selectSignInFailureAtCursor', () => {
  it('is the engine error of a failed sign-in, CREDENTIALS_SIGNIN for a wrong password', () => {
    const failed = makeTrace('signIn', [
      { kind: 'flow.started', actor: 'browser', flow: 'signIn', flavor: 'next-auth-v4', tokenModel: 'real' },
      { kind: 'flow.failed', actor: 'routeHandler', error: { code: 'NO_SECRET', message: 'no secret configured', details: {} } },
      { kind: 'flow.finished', actor: 'browser', result: { flow: 'signIn', value: { ok: false, status: 500, error: null, url: null, navigatedTo: 'http://localhost:3000/api/auth/error' } } },
    ])
    expect(selectSignInFailureAtCursor(at(failed, 1))).toBeNull()
    expect(selectSignInFailureAtCursor(at(failed, 2))).toMatchObject({ code: 'NO_SECRET' })
    const wrongPassword = makeFailedSignInTrace()
    expect(selectSignInFailureAtCursor(at(wrongPassword, wrongPassword.events.length - 1))).toMatchObject({ code: 'CREDENTIALS_SIGNIN' })
    expect(selectSignInFailureAtCursor(at(makeSignInTrace(), makeSignInTrace().events.length - 1))).toBeNull()
  })

  it('is SANDBOX_TIMEOUT, not CALLBACK_THREW, when the jwt callback timed out', async () => {
    const seed = createDefaultRunner()
    const runner: CallbackRunner = {
      run: (name, args, context) =>
        name === 'jwt' ? Promise.resolve({ ok: false, error: new EngineError('SANDBOX_TIMEOUT', 'jwt did not return within 1000 ms', { details: { callback: 'jwt' } }).toJSON(), logs: [], durationMs: 1000 }) : seed.run(name, args, context),
    }
    const playground = createPlayground({ nowSec: FIXTURE_NOW_SEC, random: createSeededRandom(1), runner })
    const trace = await playground.run('signIn', { email: 'ada@example.com', password: 'analytical' })
    expect(selectSignInFailureAtCursor(at(trace, trace.events.length - 1))).toMatchObject({ code: 'SANDBOX_TIMEOUT', details: { callback: 'jwt' } })
  })
})

/** A runner whose `name` callback fails with `error`; the others are the seed's. */
function failingRunner(name: string, error: SerializedEngineError): CallbackRunner {
  const seed = createDefaultRunner()
  return { run: (callback, args, context) => (callback === name ? Promise.resolve({ ok: false, error, logs: [], durationMs: 2 }) : seed.run(callback, args, context)) }
}
const THREW: SerializedEngineError = { code: 'SANDBOX_THREW', message: 'jwt threw Error: role lookup failed', details: { callback: 'jwt', name: 'Error', reason: 'role lookup failed', line: 16, column: 11 }, cause: { name: 'Error', message: 'role lookup failed' } }
const lastOf = (trace: Trace) => at(trace, trace.events.length - 1)

describe('selectSignInFailureViewAtCursor', () => {
  it('leads with the callback failure: its own code, message and line, and what NextAuth then did', async () => {
    const v4 = await createPlayground({ nowSec: FIXTURE_NOW_SEC, random: createSeededRandom(1), runner: failingRunner('jwt', THREW) }).run('signIn', ADA)
    expect(selectSignInFailureViewAtCursor(lastOf(v4))).toMatchObject({
      error: { code: 'CALLBACK_THREW' },
      callback: { name: 'jwt', editor: 'jwt', error: { code: 'SANDBOX_THREW', message: 'jwt threw Error: role lookup failed' }, line: 16, column: 11 },
      outcome: { flavor: 'next-auth-v4', uncaught: true, status: 500 },
    })
    const authjs = await createPlayground({ nowSec: FIXTURE_NOW_SEC, random: createSeededRandom(1), runner: failingRunner('jwt', THREW), config: { flavor: 'authjs' } }).run('signIn', ADA)
    expect(selectSignInFailureViewAtCursor(lastOf(authjs))).toMatchObject({ callback: { name: 'jwt' }, outcome: { flavor: 'authjs', uncaught: false, status: 200, urlError: 'Configuration', logged: 'CallbackRouteError' } })
  })

  it('names a timeout as a timeout, and a wrong password has no callback behind it', async () => {
    const timeout: SerializedEngineError = { code: 'SANDBOX_TIMEOUT', message: 'jwt did not finish within 1000 ms', details: { callback: 'jwt', timeoutMs: 1000, elapsedMs: 1000 } }
    const trace = await createPlayground({ nowSec: FIXTURE_NOW_SEC, random: createSeededRandom(1), runner: failingRunner('jwt', timeout) }).run('signIn', ADA)
    const view = selectSignInFailureViewAtCursor(lastOf(trace))!
    expect(view.callback).toMatchObject({ name: 'jwt', error: { code: 'SANDBOX_TIMEOUT' } })
    expect(view.callback).not.toHaveProperty('line')
    const wrong = await createPlayground({ nowSec: FIXTURE_NOW_SEC, random: createSeededRandom(1) }).run('signIn', { ...ADA, password: 'nope' })
    const failed = selectSignInFailureViewAtCursor(lastOf(wrong))!
    expect(failed).toMatchObject({ error: { code: 'CREDENTIALS_SIGNIN' }, outcome: { status: 401, urlError: 'CredentialsSignin', uncaught: false } })
    expect(failed).not.toHaveProperty('callback')
    expect(selectSignInFailureViewAtCursor(lastOf(makeSignInTrace()))).toBeNull()
  })
})

describe('failureOutcome', () => {
  it('a session token that does not decrypt is caught: JWT_SESSION_ERROR is logged and the answer is 200', () => {
    const trace = makeTamperedSessionTrace()
    expect(failureOutcome(trace, trace.events.findIndex((e) => e.kind === 'flow.failed'))).toEqual({ flavor: 'next-auth-v4', uncaught: false, status: 200, logged: 'JWT_SESSION_ERROR' })
  })

  it('is null for a failure no answer follows', () => {
    const trace = makeTrace('signIn', [
      { kind: 'flow.failed', actor: 'browser', error: { code: 'CONFIG_INVALID', message: 'bad site URL', details: {} } },
      { kind: 'flow.finished', actor: 'browser', result: { flow: 'signIn', value: { ok: false, status: 0, error: null, url: null } } },
    ])
    expect(failureOutcome(trace, 0)).toBeNull()
  })
})

describe('stepContexts', () => {
  const signedIn = async (config: Record<string, unknown> = {}) => {
    const playground = createPlayground({ nowSec: FIXTURE_NOW_SEC, random: createSeededRandom(1), config })
    const traces = [await playground.run('signIn', ADA)]
    return { playground, traces }
  }
  const contextOf = (traces: Trace[], kind: string) => {
    const trace = traces.at(-1)!
    return stepContexts(traces, trace)[trace.events.findIndex((e) => e.kind === kind && (e.kind !== 'cookies.read' || e.value === null))]
  }

  it('a cookie the browser dropped during a clock jump: its Expires passed', async () => {
    const { playground, traces } = await signedIn()
    traces.push(playground.advanceClock(31 * 86_400))
    traces.push(await playground.run('getSession'))
    expect(contextOf(traces, 'cookies.read')).toEqual({ flavor: 'next-auth-v4', missingCookie: { how: 'expired', expiresAtSec: FIXTURE_NOW_SEC + 30 * 86_400, duringClockJump: true } })
  })

  it('a cookie deleted by sign-out, cleared by hand, or never set', async () => {
    const { playground, traces } = await signedIn()
    traces.push(await playground.run('signOut'))
    traces.push(await playground.run('visitProtectedPage', {}))
    expect(contextOf(traces, 'getToken.resolved')?.missingCookie).toEqual({ how: 'deleted', flow: 'signOut' })
    traces.push(await playground.run('signIn', ADA), playground.clearCookies(), await playground.run('getSession'))
    expect(contextOf(traces, 'cookies.read')?.missingCookie).toEqual({ how: 'cleared' })
    const fresh = createPlayground({ nowSec: FIXTURE_NOW_SEC, random: createSeededRandom(1) })
    expect(contextOf([await fresh.run('getSession')], 'cookies.read')?.missingCookie).toEqual({ how: 'never-set' })
  })

  it('a token made under another secret: the secret changed since (session route and middleware, both libraries)', async () => {
    for (const flavor of ['next-auth-v4', 'authjs'] as const) {
      const { playground, traces } = await signedIn({ flavor })
      playground.setConfig({ secret: 'another-secret' })
      traces.push(await playground.run('visitProtectedPage', {}))
      expect(contextOf(traces, 'getToken.resolved')?.decodeCause, flavor).toBe('secret-changed')
      expect(selectProtectedPageAtCursor(at(traces.at(-1)!, traces.at(-1)!.events.length - 1, traces)), flavor).toMatchObject({ authorized: false, nullReason: flavor === 'authjs' ? 'no-matching-secret' : 'decrypt-failed', decodeCause: 'secret-changed' })
      traces.push(await playground.run('getSession'))
      expect(contextOf(traces, 'jwt.decodeFailed')?.decodeCause, flavor).toBe('secret-changed')
    }
  })

  it('a tampered token: the tamper step changed its bytes', async () => {
    const { playground, traces } = await signedIn()
    traces.push(await playground.run('getSession'))
    traces.push(await playground.tamperSessionCookie())
    traces.push(await playground.run('getSession'))
    expect(contextOf(traces, 'jwt.decodeFailed')?.decodeCause).toBe('tampered')
  })

  it('says nothing it cannot tell from the history', () => {
    const tampered = makeTamperedSessionTrace()
    expect(stepContexts([tampered], tampered).every((context) => context.decodeCause === undefined && context.missingCookie === undefined)).toBe(true)
  })
})
