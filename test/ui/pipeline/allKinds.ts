// One event of every kind (beyond the flow fixtures), for tests that walk the whole TraceEvent union.
import type { TraceEvent } from '../../../src/engine'
import { FIXTURE_NOW_SEC, V4_TOKEN, makeClockTrace, makeFailedSignInTrace, makeGetSessionTrace, makeProtectedPageTrace, makeSignInTrace, makeSimplifiedTrace, makeTamperedSessionTrace, makeTrace } from '../../helpers/makeTrace'

const error = { code: 'SANDBOX_THREW' as const, message: 'boom', details: {} }

export function extraEventsTrace() {
  return makeTrace('updateSession', [
    { kind: 'config.resolved', actor: 'routeHandler', secretSource: 'config', useSecureCookies: true, cookieNames: { sessionToken: '__Secure-next-auth.session-token', csrfToken: '__Host-next-auth.csrf-token', callbackUrl: '__Secure-next-auth.callback-url' }, sessionMaxAgeSec: 60, jwtMaxAgeSec: 2592000, updateAgeSec: 86400, basePath: '/api/auth', notes: ['jwt-max-age-differs', 'update-age-ignored'] },
    { kind: 'client.skipped', actor: 'browser', reason: 'update-without-session' },
    { kind: 'client.updated', actor: 'browser', status: 'authenticated', session: { user: { email: 'alice@example.com' } } },
    { kind: 'cookie.tampered', actor: 'cookieJar', name: 'next-auth.session-token', valueBefore: V4_TOKEN, value: V4_TOKEN.replace('.s0P', '.s0Q'), part: 'ciphertext', byteIndex: 3 },
    { kind: 'session.expiries', actor: 'routeHandler', tokenExpSec: FIXTURE_NOW_SEC + 60, cookieExpiresAtSec: FIXTURE_NOW_SEC + 60, sessionExpiresIso: '2026-01-01T00:01:00.000Z' },
    { kind: 'callback.failed', actor: 'callbacks', callback: 'jwt', error, logs: [{ level: 'error', text: 'boom' }], durationMs: 2 },
    { kind: 'cookie.rejected', actor: 'cookieJar', name: 'big', setCookie: 'big=x', error: { code: 'COOKIE_TOO_LARGE', message: 'too large', details: {} } },
    { kind: 'cookie.set', actor: 'cookieJar', name: 'next-auth.session-token.1', value: 'abc', setCookie: 'next-auth.session-token.1=abc; Path=/', chunk: { index: 1, total: 2 } },
    { kind: 'flow.finished', actor: 'browser', result: { flow: 'signOut', value: { url: 'http://localhost:3000' } } },
  ])
}

/** Every event of every fixture. */
export function allFixtureEvents(): TraceEvent[] {
  return [makeSignInTrace(), makeFailedSignInTrace(), makeGetSessionTrace(), makeTamperedSessionTrace(), makeProtectedPageTrace(), makeProtectedPageTrace({ authorized: false }), makeClockTrace(), makeSimplifiedTrace(), extraEventsTrace()].flatMap((trace) => trace.events)
}
