// Hand-written trace fixtures, shaped like the flow engine's output (src/engine/trace.ts), so UI
// tests render real-looking runs without running flows. The tokens are real: made with jose and the
// HKDF key NextAuth v4 / Auth.js derive from the secret `s3cr3t` (test/ui/pipeline/fixtures.test.ts
// decodes them with the real packages).
import type { CookieView, FlowName, FlowResult, KeyView, Trace, TraceEvent } from '../../src/engine'

/** 2026-01-01T00:00:00Z: the simulated time every fixture starts at. */
export const FIXTURE_NOW_SEC = 1767225600
export const FIXTURE_SECRET = 's3cr3t'
export const DAY_SEC = 86400
export const V4_MAX_AGE_SEC = 30 * DAY_SEC

export const FIXTURE_CLAIMS_IN = { name: 'Alice Demo', email: 'alice@example.com', picture: null, sub: '1', role: 'admin' }

/** v4 session token (dir + A256GCM), iat = FIXTURE_NOW_SEC. */
export const V4_TOKEN =
  'eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..daJLoUr5t54TEYni.s0PJ2iqTMCxeS8zskWPhcMST1jQJ_EZ959VvnH5yuPx4wRz2uHSUD18KxoIbr3OrF4gzbGFb6mzeyMwjVTjVKC1GldGRCg4jvEtIMuLPVltqARr4KBuuQllJQnd_QmspwO336Hn5lBJTzqLgqGOJ1Y72W_rcjBjlG_2gNvsQQ0owXy-u3rkavnlKWtLWZG9wwMAwE1Aob6yoH9CWvhhQRDWKd_5f_Ge0.mYcv1IJSiIrMMHSsdNqdsA'
export const V4_CLAIMS = { ...FIXTURE_CLAIMS_IN, iat: FIXTURE_NOW_SEC, exp: FIXTURE_NOW_SEC + V4_MAX_AGE_SEC, jti: '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b' }
/** The same claims re-encoded one hour later (what a getSession refresh writes). */
export const V4_TOKEN_REFRESHED =
  'eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..hbrQg-KW3nJPFBUA.6NodGithcuH8fPsJOEhlmxOx63l4W2rt2PE1GHN_sBgFd-54ra-GsaQ6yBsmuK9CVh2ik3PKZPsm-DqKSexyYrXw9ckoCsExLYiXQkeT2xA6FVWQwGDzAJI0zB9DqXhOfkuWU8ghbfcUgrb-qknnnPg2sRuXIySxCvTNxk_AEmxPnTeZNHSj86X8lCvH6nosoJvleNa0wxnCSOx4nJQUYKOthHytSOwT.D75puIwMMAdIvjTnZ3E5Xg'
export const V4_CLAIMS_REFRESHED = { ...FIXTURE_CLAIMS_IN, iat: FIXTURE_NOW_SEC + 3600, exp: FIXTURE_NOW_SEC + 3600 + V4_MAX_AGE_SEC, jti: '0b9c8d7e-6f5a-4b3c-9d2e-1f0a9b8c7d6e' }
export const V4_KEY: KeyView = {
  hash: 'SHA-256',
  salt: '',
  info: 'NextAuth.js Generated Encryption Key',
  lengthBytes: 32,
  keyHex: '92d1e6250fc1fb63579f222031cce7c5192f2b2356b72636243981fa2e113e86',
}

/** Auth.js session token (dir + A256CBC-HS512 + kid), salt `authjs.session-token`. */
export const AUTHJS_TOKEN =
  'eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2Q0JDLUhTNTEyIiwia2lkIjoiNjlCZ0h0QnBqcTBwSjVYdUNpb0FuaXhTbnk4RVBMbENBUFpJaG1iVTR4RVN6aFJnM25VQmY5V0RJcWh6S1A2NFYtNWdjbzV5OEtQdVRPQ3NwUUs2WWcifQ..JpqvXCg4qc6L_t-LEufIVg.5p0CySFVrkMWp57ugZ6959uVJAu3jEOcMddtCBBOd9fc-Uh566yalBhRJif34cvuzBbZFjNMP4CYUnksdCO4QbE6DzyzpaJ1Sa2rqd-lwth3ECX7YyzigiZupkNgXI5ru_cb74UNzaqmEjyjLAl7KPN8GDlrF4rMrTzEcHadFSo-FXmSdeePFBcf3QhjP8NQhxAkMy-vZpzhVZzYRYKKoavupoMs6wF1Fbw7qTd3noM.-uCAHaGihqdXPGqhaq1aBCjG6zWlaMSLwwDK1tDYhmw'
export const AUTHJS_CLAIMS = { ...FIXTURE_CLAIMS_IN, iat: FIXTURE_NOW_SEC, exp: FIXTURE_NOW_SEC + V4_MAX_AGE_SEC, jti: '2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d' }
export const AUTHJS_KID = '69BgHtBpjq0pJ5XuCioAnixSny8EPLlCAPZIhmbU4xESzhRg3nUBf9WDIqhzKP64V-5gco5y8KPuTOCspQK6Yg'
export const AUTHJS_KEY: KeyView = {
  hash: 'SHA-256',
  salt: 'authjs.session-token',
  info: 'Auth.js Generated Encryption Key (authjs.session-token)',
  lengthBytes: 64,
  keyHex: 'd177747f8a7446a39df6f1f50d55e449c9e1a6748134da6d0e8decb1f06845da65235e5cd1b1e8149cc1b0277bf076da5259eca7b1b1cf7e2dd5ab43677f5a01',
  kid: AUTHJS_KID,
}

/** The simplified (not NextAuth) model: the same claims signed with HS256 and the raw secret. */
export const HS256_TOKEN =
  'eyJhbGciOiJIUzI1NiJ9.eyJuYW1lIjoiQWxpY2UgRGVtbyIsImVtYWlsIjoiYWxpY2VAZXhhbXBsZS5jb20iLCJwaWN0dXJlIjpudWxsLCJzdWIiOiIxIiwicm9sZSI6ImFkbWluIiwiaWF0IjoxNzY3MjI1NjAwLCJleHAiOjE3Njk4MTc2MDAsImp0aSI6IjZmMWQyYzNiLTRhNWUtNGY2MC04YTdiLTljMGQxZTJmM2E0YiJ9.3yQB8pw94RCcq9xjQleO0PlvfCWgmFRrzC1BJR3fOFY'

const CSRF_TOKEN = 'c0ffee'.repeat(10) + 'c0de'
const CSRF_COOKIE = `${CSRF_TOKEN}|${'ab'.repeat(32)}`
const BASE = 'http://localhost:3000'
const SESSION_EXPIRES = new Date((FIXTURE_NOW_SEC + V4_MAX_AGE_SEC) * 1000).toUTCString()

/** An event as a fixture writes it: no step number, time optional, and no jar (makeTrace records it). */
export type EventInput = TraceEvent extends infer E ? (E extends TraceEvent ? Omit<E, 'step' | 'atSec' | 'jar'> & { atSec?: number } : never) : never

export function cookie(name: string, value: string, extra: Partial<CookieView> = {}): CookieView {
  return { name, value, domain: 'localhost', path: '/', httpOnly: true, secure: false, sameSite: 'Lax', ...extra, sizeBytes: new TextEncoder().encode(name + value).length }
}

/** A trace from events without `step`/`atSec`: steps are numbered in order, times default to the start. */
export function makeTrace(flow: FlowName, events: EventInput[], options: { startedAtSec?: number; jarBefore?: CookieView[]; jarAfter?: CookieView[]; result?: FlowResult; flavor?: Trace['flavor']; id?: string } = {}): Trace {
  const startedAtSec = options.startedAtSec ?? FIXTURE_NOW_SEC
  let jar = options.jarBefore ?? []
  const full = events.map((event, step) => {
    const stamped = { ...event, step, atSec: event.atSec ?? startedAtSec }
    if (!event.kind.startsWith('cookie.')) return stamped as TraceEvent
    jar = fixtureJarAfter(jar, event)
    return { ...stamped, jar } as TraceEvent
  })
  const finished = [...full].reverse().find((event) => event.kind === 'flow.finished')
  const result = options.result ?? (finished?.kind === 'flow.finished' ? finished.result : { flow: 'getCsrfToken', csrfToken: '' })
  return {
    id: options.id ?? `${flow}-fixture`,
    flow,
    flavor: options.flavor ?? 'next-auth-v4',
    startedAtSec,
    endedAtSec: full.at(-1)?.atSec ?? startedAtSec,
    jarBefore: options.jarBefore ?? [],
    jarAfter: options.jarAfter ?? [],
    events: full,
    result,
  }
}

/** The jar after a fixture's cookie step: fixtures use one host and path `/`, so name alone identifies a cookie. */
function fixtureJarAfter(jar: CookieView[], event: EventInput): CookieView[] {
  switch (event.kind) {
    case 'cookie.set': {
      const flags = { httpOnly: /;\s*HttpOnly/i.test(event.setCookie), secure: /;\s*Secure/i.test(event.setCookie), ...(event.expiresAtSec === undefined ? {} : { expiresAtSec: event.expiresAtSec }) }
      return [...jar.filter((c) => c.name !== event.name), cookie(event.name, event.value, flags)]
    }
    case 'cookie.tampered':
      return jar.map((c) => (c.name === event.name ? cookie(c.name, event.value, c) : c))
    case 'cookie.deleted':
    case 'cookie.expired':
      return jar.filter((c) => c.name !== event.name)
    default:
      return jar
  }
}

const SIGN_IN_RESULT: FlowResult = { flow: 'signIn', value: { ok: true, status: 200, error: null, url: `${BASE}/dashboard` } }

/** A successful v4 credentials sign-in, from the providers request to the session cookie landing in the jar. */
export function makeSignInTrace(): Trace {
  const sessionCookieLine = `next-auth.session-token=${V4_TOKEN}; Path=/; Expires=${SESSION_EXPIRES}; HttpOnly; SameSite=Lax`
  const callbackLine = 'next-auth.callback-url=http%3A%2F%2Flocalhost%3A3000%2Fdashboard; Path=/; HttpOnly; SameSite=Lax'
  const csrfLine = `next-auth.csrf-token=${CSRF_COOKIE.replace('|', '%7C')}; Path=/; HttpOnly; SameSite=Lax`
  const user = { id: '1', name: 'Alice Demo', email: 'alice@example.com', image: null, role: 'admin' }
  const credentials = { email: 'alice@example.com', password: 'password123', redirect: 'false', csrfToken: CSRF_TOKEN, callbackUrl: `${BASE}/dashboard`, json: 'true' }
  const jarAfter = [
    cookie('next-auth.csrf-token', CSRF_COOKIE),
    cookie('next-auth.callback-url', `${BASE}/dashboard`),
    cookie('next-auth.session-token', V4_TOKEN, { expiresAtSec: FIXTURE_NOW_SEC + V4_MAX_AGE_SEC }),
  ]
  return makeTrace(
    'signIn',
    [
      { kind: 'flow.started', actor: 'browser', flow: 'signIn', flavor: 'next-auth-v4', tokenModel: 'real', input: { email: 'alice@example.com', password: 'password123' }, source: 'next-auth/react/index.js' },
      { kind: 'http.requested', actor: 'browser', requestId: 1, from: 'browser', to: 'routeHandler', request: { method: 'GET', url: `${BASE}/api/auth/providers`, headers: [] }, source: 'next-auth/react/index.js' },
      { kind: 'http.responded', actor: 'routeHandler', requestId: 1, from: 'routeHandler', to: 'browser', response: { status: 200, headers: [['Content-Type', 'application/json'], ['Set-Cookie', csrfLine]], body: { credentials: { id: 'credentials', name: 'Credentials', type: 'credentials', signinUrl: `${BASE}/api/auth/signin/credentials`, callbackUrl: `${BASE}/api/auth/callback/credentials` } } }, source: 'next-auth/core/routes/providers.js' },
      { kind: 'cookie.set', actor: 'cookieJar', name: 'next-auth.csrf-token', value: CSRF_COOKIE, setCookie: csrfLine, source: 'next-auth/core/lib/csrf-token.js' },
      { kind: 'http.requested', actor: 'browser', requestId: 2, from: 'browser', to: 'routeHandler', request: { method: 'GET', url: `${BASE}/api/auth/csrf`, headers: [['Cookie', `next-auth.csrf-token=${CSRF_COOKIE.replace('|', '%7C')}`]] }, source: 'next-auth/react/index.js' },
      { kind: 'csrf.checked', actor: 'routeHandler', cookiePresent: true, hashValid: true, bodyTokenMatches: null, verified: false, issuedNew: false, source: 'next-auth/core/lib/csrf-token.js' },
      { kind: 'http.responded', actor: 'routeHandler', requestId: 2, from: 'routeHandler', to: 'browser', response: { status: 200, headers: [['Content-Type', 'application/json']], body: { csrfToken: CSRF_TOKEN } }, source: 'next-auth/core/index.js' },
      {
        kind: 'http.requested', actor: 'browser', requestId: 3, from: 'browser', to: 'routeHandler',
        request: { method: 'POST', url: `${BASE}/api/auth/callback/credentials`, headers: [['Content-Type', 'application/x-www-form-urlencoded'], ['Cookie', `next-auth.csrf-token=${CSRF_COOKIE.replace('|', '%7C')}`]], body: new URLSearchParams(credentials).toString() },
        source: 'next-auth/react/index.js',
      },
      { kind: 'csrf.checked', actor: 'routeHandler', cookiePresent: true, hashValid: true, bodyTokenMatches: true, verified: true, issuedNew: false, source: 'next-auth/core/lib/csrf-token.js' },
      { kind: 'callback.called', actor: 'callbacks', callback: 'authorize', args: { credentials, req: { method: 'POST', query: {}, body: credentials, headers: {} } }, undefinedArgs: [], isDefault: false, source: 'next-auth/core/routes/callback.js' },
      { kind: 'callback.returned', actor: 'callbacks', callback: 'authorize', value: user, logs: [{ level: 'log', text: 'authorize alice@example.com' }], durationMs: 3 },
      { kind: 'callback.called', actor: 'callbacks', callback: 'signIn', args: { user, account: { providerAccountId: '1', type: 'credentials', provider: 'credentials' }, credentials }, undefinedArgs: [], isDefault: true, source: 'next-auth/core/routes/callback.js' },
      { kind: 'callback.returned', actor: 'callbacks', callback: 'signIn', value: true, logs: [], durationMs: 0 },
      { kind: 'token.defaulted', actor: 'routeHandler', token: { name: 'Alice Demo', email: 'alice@example.com', picture: null, sub: '1' }, source: 'next-auth/core/routes/callback.js' },
      { kind: 'callback.called', actor: 'callbacks', callback: 'jwt', args: { token: { name: 'Alice Demo', email: 'alice@example.com', picture: null, sub: '1' }, user, account: { providerAccountId: '1', type: 'credentials', provider: 'credentials' }, isNewUser: false, trigger: 'signIn' }, undefinedArgs: [], trigger: 'signIn', isDefault: false, source: 'next-auth/core/routes/callback.js' },
      { kind: 'callback.returned', actor: 'callbacks', callback: 'jwt', value: FIXTURE_CLAIMS_IN, logs: [], durationMs: 1 },
      { kind: 'jwt.encoded', actor: 'jose', claimsIn: FIXTURE_CLAIMS_IN, claims: V4_CLAIMS, maxAgeSec: V4_MAX_AGE_SEC, maxAgeFrom: 'jwt.maxAge', key: V4_KEY, header: { alg: 'dir', enc: 'A256GCM' }, token: V4_TOKEN, source: 'next-auth/jwt/index.js' },
      { kind: 'http.responded', actor: 'routeHandler', requestId: 3, from: 'routeHandler', to: 'browser', response: { status: 200, headers: [['Content-Type', 'application/json'], ['Set-Cookie', callbackLine], ['Set-Cookie', sessionCookieLine]], body: { url: `${BASE}/dashboard` } }, source: 'next-auth/core/routes/callback.js' },
      { kind: 'cookie.set', actor: 'cookieJar', name: 'next-auth.callback-url', value: `${BASE}/dashboard`, setCookie: callbackLine, source: 'next-auth/core/lib/callback-url.js' },
      { kind: 'cookie.set', actor: 'cookieJar', name: 'next-auth.session-token', value: V4_TOKEN, setCookie: sessionCookieLine, expiresAtSec: FIXTURE_NOW_SEC + V4_MAX_AGE_SEC, source: 'next-auth/core/lib/cookie.js' },
      { kind: 'flow.finished', actor: 'browser', result: SIGN_IN_RESULT, source: 'next-auth/react/index.js' },
    ],
    { jarAfter },
  )
}

/** A wrong password: `authorize` returns null, the engine records CREDENTIALS_SIGNIN, and signIn() resolves to CredentialsSignin. */
export function makeFailedSignInTrace(): Trace {
  const signIn = makeSignInTrace()
  const upToAuthorize = signIn.events.slice(0, 10).map(({ step: _step, atSec: _atSec, ...rest }) => rest as EventInput)
  const errorUrl = `${BASE}/api/auth/error?error=CredentialsSignin&provider=credentials`
  return makeTrace('signIn', [
    ...upToAuthorize,
    { kind: 'callback.returned', actor: 'callbacks', callback: 'authorize', value: null, logs: [], durationMs: 1 },
    { kind: 'flow.failed', actor: 'routeHandler', error: { code: 'CREDENTIALS_SIGNIN', message: 'authorize returned null: no user', details: { flavor: 'next-auth-v4' } }, source: 'next-auth/core/routes/callback.js' },
    { kind: 'http.responded', actor: 'routeHandler', requestId: 3, from: 'routeHandler', to: 'browser', response: { status: 401, headers: [['Content-Type', 'application/json']], body: { url: errorUrl } }, source: 'next-auth/core/routes/callback.js' },
    { kind: 'flow.finished', actor: 'browser', result: { flow: 'signIn', value: { ok: false, status: 401, error: 'CredentialsSignin', url: null } } },
  ])
}

const SIGNED_IN_JAR = [
  cookie('next-auth.csrf-token', CSRF_COOKIE),
  cookie('next-auth.callback-url', `${BASE}/dashboard`),
  cookie('next-auth.session-token', V4_TOKEN, { expiresAtSec: FIXTURE_NOW_SEC + V4_MAX_AGE_SEC }),
]

/** getSession() one hour after sign-in: decode, jwt and session callbacks, re-encode, cookie re-set. */
export function makeGetSessionTrace(): Trace {
  const at = FIXTURE_NOW_SEC + 3600
  const expires = new Date((at + V4_MAX_AGE_SEC) * 1000)
  const line = `next-auth.session-token=${V4_TOKEN_REFRESHED}; Path=/; Expires=${expires.toUTCString()}; HttpOnly; SameSite=Lax`
  const session = { user: { name: 'Alice Demo', email: 'alice@example.com', image: null }, expires: expires.toISOString() }
  return makeTrace(
    'getSession',
    [
      { kind: 'flow.started', actor: 'browser', flow: 'getSession', flavor: 'next-auth-v4', tokenModel: 'real' },
      { kind: 'http.requested', actor: 'browser', requestId: 1, from: 'browser', to: 'routeHandler', request: { method: 'GET', url: `${BASE}/api/auth/session`, headers: [['Cookie', `next-auth.session-token=${V4_TOKEN}`]] } },
      { kind: 'cookies.read', actor: 'routeHandler', cookieName: 'next-auth.session-token', names: ['next-auth.session-token'], chunked: false, value: V4_TOKEN, source: 'next-auth/core/lib/cookie.js' },
      { kind: 'jwt.decoded', actor: 'jose', token: V4_TOKEN, key: V4_KEY, header: { alg: 'dir', enc: 'A256GCM' }, claims: V4_CLAIMS, source: 'next-auth/jwt/index.js' },
      { kind: 'callback.called', actor: 'callbacks', callback: 'jwt', args: { token: V4_CLAIMS, session: undefined }, undefinedArgs: ['session'], isDefault: false, source: 'next-auth/core/routes/session.js' },
      { kind: 'callback.returned', actor: 'callbacks', callback: 'jwt', value: V4_CLAIMS, logs: [], durationMs: 1 },
      { kind: 'session.built', actor: 'routeHandler', session, expiresIso: expires.toISOString(), userFrom: 'returnedToken', staleFields: [], source: 'next-auth/core/routes/session.js' },
      { kind: 'callback.called', actor: 'callbacks', callback: 'session', args: { session, token: V4_CLAIMS }, undefinedArgs: [], isDefault: true, source: 'next-auth/core/routes/session.js' },
      { kind: 'callback.returned', actor: 'callbacks', callback: 'session', value: session, logs: [], durationMs: 0 },
      { kind: 'jwt.encoded', actor: 'jose', claimsIn: V4_CLAIMS, claims: V4_CLAIMS_REFRESHED, maxAgeSec: V4_MAX_AGE_SEC, maxAgeFrom: 'session.maxAge', key: V4_KEY, header: { alg: 'dir', enc: 'A256GCM' }, token: V4_TOKEN_REFRESHED, source: 'next-auth/jwt/index.js' },
      { kind: 'http.responded', actor: 'routeHandler', requestId: 1, from: 'routeHandler', to: 'browser', response: { status: 200, headers: [['Content-Type', 'application/json'], ['Set-Cookie', line]], body: session }, source: 'next-auth/core/routes/session.js' },
      { kind: 'cookie.set', actor: 'cookieJar', name: 'next-auth.session-token', value: V4_TOKEN_REFRESHED, setCookie: line, expiresAtSec: at + V4_MAX_AGE_SEC },
      { kind: 'flow.finished', actor: 'browser', result: { flow: 'getSession', session, status: 'authenticated' } },
    ],
    { startedAtSec: at, jarBefore: SIGNED_IN_JAR, jarAfter: [SIGNED_IN_JAR[0]!, SIGNED_IN_JAR[1]!, cookie('next-auth.session-token', V4_TOKEN_REFRESHED, { expiresAtSec: at + V4_MAX_AGE_SEC })] },
  )
}

/** getSession() with a tampered cookie: decryption fails, JWT_SESSION_ERROR is logged, the cookie is deleted. */
export function makeTamperedSessionTrace(): Trace {
  const tampered = V4_TOKEN.replace('.s0PJ2', '.s0QJ2')
  const deleteLine = 'next-auth.session-token=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax'
  const error = { code: 'JWT_DECRYPT_FAILED' as const, message: 'decryption operation failed', details: {}, cause: { name: 'JWEDecryptionFailed', message: 'decryption operation failed', code: 'ERR_JWE_DECRYPTION_FAILED' } }
  return makeTrace(
    'getSession',
    [
      { kind: 'flow.started', actor: 'browser', flow: 'getSession', flavor: 'next-auth-v4', tokenModel: 'real' },
      { kind: 'http.requested', actor: 'browser', requestId: 1, from: 'browser', to: 'routeHandler', request: { method: 'GET', url: `${BASE}/api/auth/session`, headers: [['Cookie', `next-auth.session-token=${tampered}`]] } },
      { kind: 'cookies.read', actor: 'routeHandler', cookieName: 'next-auth.session-token', names: ['next-auth.session-token'], chunked: false, value: tampered },
      { kind: 'jwt.decodeFailed', actor: 'jose', token: tampered, key: V4_KEY, error, source: 'next-auth/jwt/index.js' },
      { kind: 'flow.failed', actor: 'routeHandler', error, source: 'next-auth/core/routes/session.js' },
      { kind: 'log.written', actor: 'routeHandler', level: 'error', code: 'JWT_SESSION_ERROR', text: '[next-auth][error][JWT_SESSION_ERROR] \nhttps://next-auth.js.org/errors#jwt_session_error decryption operation failed', source: 'next-auth/utils/logger.js' },
      { kind: 'http.responded', actor: 'routeHandler', requestId: 1, from: 'routeHandler', to: 'browser', response: { status: 200, headers: [['Content-Type', 'application/json'], ['Set-Cookie', deleteLine]], body: {} } },
      { kind: 'cookie.deleted', actor: 'cookieJar', name: 'next-auth.session-token', setCookie: deleteLine },
      { kind: 'flow.finished', actor: 'browser', result: { flow: 'getSession', session: null, status: 'unauthenticated' } },
    ],
    { jarBefore: [SIGNED_IN_JAR[0]!, cookie('next-auth.session-token', tampered)], jarAfter: [SIGNED_IN_JAR[0]!] },
  )
}

/** The middleware reads the cookie with getToken(); `authorized: false` gives a null token and a redirect. */
export function makeProtectedPageTrace({ authorized = true }: { authorized?: boolean } = {}): Trace {
  const token = authorized ? V4_CLAIMS : null
  const redirectTo = authorized ? undefined : `${BASE}/api/auth/signin?callbackUrl=%2Fdashboard`
  return makeTrace('visitProtectedPage', [
    { kind: 'flow.started', actor: 'browser', flow: 'visitProtectedPage', flavor: 'next-auth-v4', tokenModel: 'real', input: { path: '/dashboard' } },
    { kind: 'http.requested', actor: 'browser', requestId: 1, from: 'browser', to: 'middleware', request: { method: 'GET', url: `${BASE}/dashboard`, headers: authorized ? [['Cookie', `next-auth.session-token=${V4_TOKEN}`]] : [] } },
    ...(authorized
      ? ([{ kind: 'jwt.decoded', actor: 'jose', token: V4_TOKEN, key: V4_KEY, header: { alg: 'dir', enc: 'A256GCM' }, claims: V4_CLAIMS, source: 'next-auth/jwt/index.js' }] as EventInput[])
      : []),
    { kind: 'getToken.resolved', actor: 'middleware', cookieName: 'next-auth.session-token', secureCookie: false, token, ...(authorized ? {} : { nullReason: 'no-cookie' as const }), source: 'next-auth/jwt/index.js' },
    { kind: 'middleware.decided', actor: 'middleware', authorized, ...(redirectTo ? { redirectTo } : {}), source: 'next-auth/next/middleware.js' },
    { kind: 'http.responded', actor: 'middleware', requestId: 1, from: 'middleware', to: 'browser', response: authorized ? { status: 200, headers: [['Content-Type', 'text/html']] } : { status: 307, headers: [['Location', redirectTo!]] } },
    { kind: 'flow.finished', actor: 'browser', result: { flow: 'visitProtectedPage', token, authorized, ...(redirectTo ? { redirectTo } : {}) } },
  ])
}

/** Advancing the simulated clock 31 days: the session cookie expires in the jar. */
export function makeClockTrace(): Trace {
  const by = 31 * DAY_SEC
  return makeTrace(
    'getSession',
    [
      { kind: 'clock.advanced', actor: 'browser', bySec: by, atSec: FIXTURE_NOW_SEC + by },
      { kind: 'cookie.expired', actor: 'cookieJar', name: 'next-auth.session-token', expiresAtSec: FIXTURE_NOW_SEC + V4_MAX_AGE_SEC, atSec: FIXTURE_NOW_SEC + by },
    ],
    { jarBefore: SIGNED_IN_JAR, jarAfter: SIGNED_IN_JAR.slice(0, 2), result: { flow: 'getSession', session: null, status: 'unauthenticated' } },
  )
}

/** An Auth.js sign-in's encode step and cookie (enough for the inspector's kid and 64-byte key). */
export function makeAuthJsEncodeTrace(): Trace {
  return makeTrace(
    'signIn',
    [
      { kind: 'flow.started', actor: 'browser', flow: 'signIn', flavor: 'authjs', tokenModel: 'real' },
      { kind: 'jwt.encoded', actor: 'jose', claimsIn: FIXTURE_CLAIMS_IN, claims: AUTHJS_CLAIMS, maxAgeSec: V4_MAX_AGE_SEC, maxAgeFrom: 'session.maxAge', key: AUTHJS_KEY, header: { alg: 'dir', enc: 'A256CBC-HS512', kid: AUTHJS_KID }, token: AUTHJS_TOKEN, source: '@auth/core/jwt.js' },
      { kind: 'flow.finished', actor: 'browser', result: SIGN_IN_RESULT },
    ],
    { flavor: 'authjs' },
  )
}

/** The simplified model: an HS256 JWS instead of the JWE (what NextAuth does not do). */
export function makeSimplifiedTrace(): Trace {
  const key: KeyView = { hash: 'none', salt: '', info: '', lengthBytes: FIXTURE_SECRET.length, keyHex: [...new TextEncoder().encode(FIXTURE_SECRET)].map((byte) => byte.toString(16).padStart(2, '0')).join('') }
  return makeTrace('signIn', [
    { kind: 'flow.started', actor: 'browser', flow: 'signIn', flavor: 'next-auth-v4', tokenModel: 'simplified-hs256' },
    { kind: 'jwt.encoded', actor: 'jose', claimsIn: FIXTURE_CLAIMS_IN, claims: V4_CLAIMS, maxAgeSec: V4_MAX_AGE_SEC, maxAgeFrom: 'jwt.maxAge', key, header: { alg: 'HS256' }, token: HS256_TOKEN },
    { kind: 'flow.finished', actor: 'browser', result: SIGN_IN_RESULT },
  ])
}
