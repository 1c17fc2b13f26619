import { describe, expect, it } from 'vitest'
import { createPlayground, createSeededRandom, defaultPlaygroundConfig, type Trace } from '../../../src/engine'
import { nextStep } from '../../../src/ui/playground/nextStep'
import { hintWords } from '../../../src/ui/playground/NextStepHint'
import { translate, type MessageKey, type MessageParams } from '../../../src/i18n/t'
import { ADA } from '../../engine/flow/helpers/scenario'
import { FIXTURE_NOW_SEC, makeClockTrace, makeFailedSignInTrace, makeGetSessionTrace, makeProtectedPageTrace, makeSignInTrace, makeTamperedSessionTrace, makeTrace } from '../../helpers/makeTrace'

const idle = (trace: Trace | null) => ({ traces: trace ? [trace] : [], lastTrace: trace, cursor: trace ? trace.events.length - 1 : -1, playing: false, runStatus: 'idle' as const })

describe('nextStep', () => {
  it('tells a newcomer to press Sign in', () => {
    expect(nextStep(idle(null)).key).toBe('app.hint.start')
  })

  it('says a run is in flight, then that it is playing', () => {
    expect(nextStep({ ...idle(null), runStatus: 'running' }).key).toBe('app.hint.running')
    const trace = makeSignInTrace()
    expect(nextStep({ ...idle(trace), cursor: 3, playing: true }).key).toBe('app.hint.playing')
  })

  it('after a sign-in points at Get session, after a failure names the error', () => {
    expect(nextStep(idle(makeSignInTrace())).key).toBe('app.hint.signedIn')
    expect(nextStep(idle(makeFailedSignInTrace()))).toEqual({ key: 'app.hint.signInFailed', params: { error: 'CredentialsSignin' } })
  })

  it('asks to check the email and password when the engine recorded CREDENTIALS_SIGNIN, even from Auth.js', () => {
    const started = { kind: 'flow.started', actor: 'browser', flow: 'signIn', flavor: 'authjs', tokenModel: 'real' } as const
    const failed = { kind: 'flow.failed', actor: 'routeHandler', error: { code: 'CREDENTIALS_SIGNIN', message: 'authorize returned null: no user', details: { flavor: 'authjs' } } } as const
    const finished = { kind: 'flow.finished', actor: 'browser', result: { flow: 'signIn', value: { ok: false, status: 401, error: 'CredentialsSignin', code: 'credentials', url: null } } } as const
    expect(nextStep(idle(makeTrace('signIn', [started, failed, finished], { flavor: 'authjs' })))).toEqual({ key: 'app.hint.signInFailed', params: { error: 'CredentialsSignin' } })
  })

  it('names a timed-out callback by its own code', () => {
    const events = [
      { kind: 'flow.started', actor: 'browser', flow: 'signIn', flavor: 'next-auth-v4', tokenModel: 'real' },
      { kind: 'flow.failed', actor: 'callbacks', error: { code: 'SANDBOX_TIMEOUT', message: 'jwt did not return within 1000 ms', details: { callback: 'jwt' } } },
      { kind: 'flow.finished', actor: 'browser', result: { flow: 'signIn', value: { ok: false, status: 500, error: null, url: null, rejectedWith: 'SyntaxError: Unexpected token in JSON (HTTP 500)' } } },
    ] as const
    expect(nextStep(idle(makeTrace('signIn', [...events])))).toEqual({ key: 'app.hint.signInError', params: { code: 'SANDBOX_TIMEOUT' } })
  })

  it('follows the session, the clock, tampering, the middleware, sign-out and a cleared jar', () => {
    expect(nextStep(idle(makeGetSessionTrace())).key).toBe('app.hint.authenticated')
    expect(nextStep(idle(makeTamperedSessionTrace())).key).toBe('app.hint.unauthenticated')
    expect(nextStep(idle(makeProtectedPageTrace()))).toEqual({ key: 'app.hint.protectedAllowed', params: { middleware: { key: 'app.hint.middleware.next-auth-v4' }, path: '/dashboard' } })
    expect(nextStep(idle({ ...makeClockTrace(), flow: 'advanceClock', result: { flow: 'advanceClock', bySec: 60, nowSec: 0, expired: [] } })).key).toBe('app.hint.clockAdvanced')
    expect(nextStep(idle(makeTrace('signOut', [], { result: { flow: 'signOut', value: { url: '/' } } }))).key).toBe('app.hint.signedOut')
    expect(nextStep(idle({ ...makeTrace('signOut', []), flow: 'clearCookies', result: { flow: 'clearCookies', removed: [] } })).key).toBe('app.hint.cleared')
    expect(nextStep(idle({ ...makeTrace('signOut', []), flow: 'tamperSessionCookie', result: { flow: 'tamperSessionCookie', cookieName: 'x' } })).key).toBe('app.hint.tampered')
  })

  it('while paused part-way says where the run stands, not how it ends', () => {
    const trace = makeSignInTrace()
    expect(nextStep({ ...idle(trace), cursor: 8 })).toEqual({ key: 'app.hint.paused', params: { current: 9, total: trace.events.length } })
    expect(nextStep({ ...idle(trace), cursor: -1 })).toEqual({ key: 'app.hint.pausedAtStart', params: { total: trace.events.length } })
  })

  it('names the engine error of a failed sign-in (not "check the email and password"), and where the browser went', () => {
    const events = [
      { kind: 'flow.started', actor: 'browser', flow: 'signIn', flavor: 'next-auth-v4', tokenModel: 'real' },
      { kind: 'flow.failed', actor: 'routeHandler', error: { code: 'NO_SECRET', message: 'no secret configured', details: {} } },
      { kind: 'flow.finished', actor: 'browser', result: { flow: 'signIn', value: { ok: false, status: 500, error: null, url: null, navigatedTo: 'http://localhost:3000/api/auth/error' } } },
    ] as const
    expect(nextStep(idle(makeTrace('signIn', [...events])))).toEqual({ key: 'app.hint.signInError', params: { code: 'NO_SECRET' } })
    expect(nextStep(idle(makeTrace('signIn', [events[0], events[2]])))).toEqual({ key: 'app.hint.signInNavigated', params: { url: 'http://localhost:3000/api/auth/error' } })
    const other = makeTrace('signIn', [events[0]], { result: { flow: 'signIn', value: { ok: false, status: 200, error: 'Configuration', url: null } } })
    expect(nextStep(idle(other))).toEqual({ key: 'app.hint.signInFailedOther', params: { error: 'Configuration' } })
  })

  it('says there was nothing to tamper with when there was no session cookie, and names a run that stopped', () => {
    expect(nextStep(idle({ ...makeTrace('signOut', []), flow: 'tamperSessionCookie', result: { flow: 'tamperSessionCookie', cookieName: null } })).key).toBe('app.hint.tamperedNothing')
    expect(nextStep({ ...idle(null), runStatus: 'error', runError: { code: 'CONFIG_INVALID', message: 'bad', details: {} } })).toEqual({ key: 'app.hint.runError', params: { code: 'CONFIG_INVALID' } })
  })

  it('words the sign-in by token model and library: the simplified cookie is signed and readable, Auth.js mentions auth()', () => {
    const signedIn = makeSignInTrace()
    const simplified = { ...signedIn, events: signedIn.events.map((e) => (e.kind === 'flow.started' ? { ...e, tokenModel: 'simplified-hs256' as const } : e)) }
    expect(nextStep(idle(simplified)).key).toBe('app.hint.signedInSigned')
    expect(nextStep(idle({ ...signedIn, flavor: 'authjs' })).key).toBe('app.hint.signedInAuthjs')
    expect(words(nextStep(idle(simplified)))).toContain('the signed (readable) HS256 cookie is in the jar')
    expect(words(nextStep(idle(simplified)))).not.toContain('encrypted session cookie')
    expect(words(nextStep(idle({ ...signedIn, flavor: 'authjs' })))).toContain('auth() on the server')
  })

  it('after Change secret, says the next request cannot open the cookie (no trace needed)', () => {
    const trace = makeSignInTrace()
    const config = defaultPlaygroundConfig()
    expect(nextStep({ ...idle(trace), config, lastTraceSecret: config.secret }).key).toBe('app.hint.signedIn')
    expect(nextStep({ ...idle(trace), config: { ...config, secret: 'new' }, lastTraceSecret: config.secret }).key).toBe('app.hint.secretChanged')
  })

  it('after a protected page: separate texts for allowed and redirected, the middleware per library, and the known cause', async () => {
    const playground = createPlayground({ nowSec: FIXTURE_NOW_SEC, random: createSeededRandom(1), config: { flavor: 'authjs' } })
    const traces = [await playground.run('signIn', ADA)]
    playground.setConfig({ secret: 'another' })
    traces.push(await playground.run('visitProtectedPage', {}))
    const hint = nextStep({ ...idle(traces.at(-1)!), traces })
    expect(hint.key).toBe('app.hint.protectedRedirected')
    expect(words(hint)).toBe(
      'getToken() returned null, so your middleware.ts redirected to http://localhost:3000/api/auth/signin?callbackUrl=%2Fdashboard. Why: No configured secret matches the token’s kid. The secret changed since this token was made.',
    )
    expect(words(hint)).not.toMatch(/no-matching-secret|decrypt-failed/)
  })

  it('says why there is no session: the cookie’s Expires passed during the clock jump', async () => {
    const playground = createPlayground({ nowSec: FIXTURE_NOW_SEC, random: createSeededRandom(1) })
    const traces = [await playground.run('signIn', ADA)]
    traces.push(playground.advanceClock(31 * 86_400), await playground.run('getSession'))
    const hint = nextStep({ ...idle(traces.at(-1)!), traces })
    expect(hint.key).toBe('app.hint.noSessionCookie')
    expect(words(hint)).toBe('No session now: the request carried no session cookie. The browser dropped it when its Expires (Sat, 31 Jan 2026, 00:00:00 UTC) passed, during the clock jump. Sign in again to get a new one.')
  })
})
const words = (hint: ReturnType<typeof nextStep>) => hintWords(hint, (key: MessageKey, params?: MessageParams) => translate('en', key, params))
