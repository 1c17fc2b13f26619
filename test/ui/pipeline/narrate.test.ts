import { beforeAll, describe, expect, it } from 'vitest'
import { loadLocale, translate, type Locale, type MessageKey, type MessageParams } from '../../../src/i18n/t'
import { createDefaultRunner, createPlayground, createSeededRandom, type CallbackRunner, type Trace, type TraceEvent } from '../../../src/engine'
import { stepContexts } from '../../../src/state/selectors'
import { narrate, shortLabel } from '../../../src/ui/pipeline/narrate'
import { STEP_BASE_MS } from '../../../src/ui/pipeline/playbackTiming'
import { ADA } from '../../engine/flow/helpers/scenario'
import { FIXTURE_NOW_SEC, makeGetSessionTrace, makeProtectedPageTrace, makeSignInTrace, makeTamperedSessionTrace, makeFailedSignInTrace } from '../../helpers/makeTrace'
import { allFixtureEvents } from './allKinds'

const tFor = (locale: Locale) => (key: MessageKey, params?: MessageParams) => translate(locale, key, params)
const t = tFor('en')

describe(narrate, () => {
  // Chinese arrives by dynamic import in the app.
  beforeAll(() => loadLocale('zh'))

  it('has fixtures covering every event kind', () => {
    const kinds = new Set(allFixtureEvents().map((event) => event.kind))
    expect([...kinds].sort()).toEqual(Object.keys(STEP_BASE_MS).sort())
  })

  for (const locale of ['en', 'zh'] as const) {
    it(`words every step of every fixture in ${locale}, with no key or placeholder left over`, () => {
      for (const event of allFixtureEvents()) {
        for (const text of [narrate(event, tFor(locale)), shortLabel(event, tFor(locale))]) {
          expect(text.length, event.kind).toBeGreaterThan(0)
          expect(text, event.kind).not.toMatch(/\{\w+\}|pipeline\.|errors\./)
        }
      }
    })
  }

  it('tells the sign-in as a learner reads it', () => {
    const lines = makeSignInTrace().events.map((event) => narrate(event, t))
    expect(lines[0]).toBe('The app calls signIn() — NextAuth v4, encrypted JWE.')
    expect(lines[2]).toBe('The route handler answers 200 to the browser with 1 Set-Cookie header.')
    expect(lines[8]).toBe('The CSRF token in the body matches the signed cookie: the POST is verified.')
    expect(lines[11]).toBe('NextAuth runs its default signIn() callback.')
    expect(lines[13]).toBe('NextAuth builds the default token from the user: name, email, picture, sub.')
    expect(lines[14]).toBe('NextAuth calls your jwt() callback with trigger “signIn”.')
    expect(lines[19]).toBe('The cookie jar stores next-auth.session-token, expiring Sat, 31 Jan 2026, 00:00:00 UTC.')
    expect(lines[20]).toBe('signIn() resolves to {"ok":true,"status":200,"error":null,"url":"http://localhost:3000/dashboard"}.')
  })

  it('lists names with the language’s own separator', () => {
    const defaulted = makeSignInTrace().events.find((event) => event.kind === 'token.defaulted')!
    expect(narrate(defaulted, t)).toContain('name, email, picture, sub')
    expect(narrate(defaulted, tFor('zh'))).toContain('name、email、picture、sub')
  })

  it('shows CredentialsSignin verbatim for a wrong password', () => {
    const last = makeFailedSignInTrace().events.at(-1)!
    expect(narrate(last, t)).toBe('signIn() resolves to {"ok":false,"status":401,"error":"CredentialsSignin","url":null}.')
  })

  it('names the decode error and what the route handler does about it', () => {
    const lines = makeTamperedSessionTrace().events.map((event) => narrate(event, t))
    expect(lines).toContain('jose cannot read the token: The session token could not be decrypted.')
    expect(lines).toContain('NextAuth logs error JWT_SESSION_ERROR.')
    expect(lines).toContain('The cookie jar deletes next-auth.session-token (Max-Age=0).')
    expect(lines.at(-1)).toBe('getSession() returns null: unauthenticated.')
  })

  it('explains why getToken() answered null', () => {
    const event = makeProtectedPageTrace({ authorized: false }).events.find((e) => e.kind === 'getToken.resolved')!
    expect(narrate(event, t)).toBe('getToken() returns null: there is no cookie under the name getToken() expects.')
  })

  it('says the session refresh re-encodes for session.maxAge', () => {
    const lines = makeGetSessionTrace().events.map((event) => narrate(event, t))
    expect(lines).toContain('NextAuth calls your jwt() callback.')
    expect(lines).toContain('jose decrypts the session token: the claims of alice@example.com are readable again.')
  })

  it('uses proper plurals, not “(s)”', () => {
    const lines = makeSignInTrace().events.map((event) => narrate(event, t))
    expect(lines.join('\n')).not.toContain('(s)')
    expect(lines).toContain('The route handler answers 200 to the browser with 2 Set-Cookie headers.')
  })
})

describe('narrate, with what the run and the earlier ones tell (stepContexts)', () => {
  const jwtThrows: CallbackRunner = (() => {
    const seed = createDefaultRunner()
    return {
      run: (name, args, context) =>
        name === 'jwt'
          ? Promise.resolve({ ok: false as const, error: { code: 'SANDBOX_THREW' as const, message: 'jwt threw Error: boom', details: { callback: 'jwt' }, cause: { name: 'Error', message: 'boom' } }, logs: [], durationMs: 1 })
          : seed.run(name, args, context),
    }
  })()
  const told = (traces: Trace[], kind: TraceEvent['kind'], locale: Locale = 'en') => {
    const trace = traces.at(-1)!
    const contexts = stepContexts(traces, trace)
    return trace.events.flatMap((event, index) => (event.kind === kind ? [narrate(event, tFor(locale), contexts[index])] : []))
  }
  const playground = (config = {}, runner?: CallbackRunner) => createPlayground({ nowSec: FIXTURE_NOW_SEC, random: createSeededRandom(1), config, ...(runner ? { runner } : {}) })

  it('a callback that throws at sign-in: v4 does not catch it (Next.js answers 500), Auth.js answers error=Configuration', async () => {
    const v4 = await playground({}, jwtThrows).run('signIn', ADA)
    expect(told([v4], 'flow.failed')).toEqual(['A callback threw an error: NextAuth v4 does not catch it, so Next.js answers 500 Internal Server Error.'])
    const authjs = await playground({ flavor: 'authjs' }, jwtThrows).run('signIn', ADA)
    expect(told([authjs], 'flow.failed')).toEqual(['A callback threw an error: Auth.js v5 answers 200 with error=Configuration and logs CallbackRouteError.'])
    for (const line of [...told([v4], 'flow.failed'), ...told([authjs], 'flow.failed')]) expect(line).not.toContain('carries on')
  })

  it('the uncaught error is Next.js’s line, not a NextAuth log code; NextAuth’s own logs are worded per library', async () => {
    const v4 = await playground({}, jwtThrows).run('signIn', ADA)
    expect(told([v4], 'log.written')).toEqual(['Next.js prints the uncaught error and answers 500 Internal Server Error; NextAuth’s logger prints nothing.'])
    const line = v4.events.find((e) => e.kind === 'log.written')!
    expect(shortLabel(line, t)).toBe('Next.js 500')
    expect(shortLabel(line, t)).not.toContain('UNHANDLED')
    const authjs = await playground({ flavor: 'authjs' }, jwtThrows).run('signIn', ADA)
    expect(told([authjs], 'log.written')).toContain('Auth.js v5 logs error CallbackRouteError.')
    expect(told([authjs], 'log.written', 'zh')).toContain('Auth.js v5 记录错误 CallbackRouteError。')
  })

  it('signOut({ redirect: false }) resolves to { url } and the page stays where it is', async () => {
    const p = playground()
    await p.run('signIn', ADA)
    const signOut = await p.run('signOut')
    const [line] = told([signOut], 'flow.finished')
    expect(line).toBe('signOut() resolves to {"url":"http://localhost:3000/"}; with redirect: false the page stays where it is (the default redirect: true would send the browser to http://localhost:3000/).')
    expect(line).not.toMatch(/the browser goes to/)
  })

  it('a new CSRF token on GET /providers: its cookie is not sent', async () => {
    const signIn = await playground().run('signIn', ADA)
    const [providers, csrf] = told([signIn], 'csrf.checked')
    expect(providers).toBe('No valid CSRF cookie, so NextAuth makes a new token, but /providers does not send its cookie: the next request gets one.')
    expect(csrf).toBe('No valid CSRF cookie, so NextAuth issues a new token and cookie.')
  })

  it('a session cookie the browser dropped during a clock jump, and a token made under the old secret', async () => {
    const p = playground()
    const traces = [await p.run('signIn', ADA)]
    traces.push(p.advanceClock(31 * 86_400), await p.run('getSession'))
    expect(told(traces, 'cookies.read')).toEqual(['The route handler finds no next-auth.session-token cookie in the request. The browser dropped it when its Expires (Sat, 31 Jan 2026, 00:00:00 UTC) passed, during the clock jump.'])
    const q = playground()
    const again = [await q.run('signIn', ADA)]
    q.setConfig({ secret: 'changed' })
    again.push(await q.run('visitProtectedPage', {}))
    expect(told(again, 'getToken.resolved')[0]).toMatch(/^getToken\(\) returns null: .* The secret changed since this token was made\.$/)
    again.push(await q.run('getSession'))
    expect(told(again, 'jwt.decodeFailed')).toEqual(['jose cannot read the token: The session token could not be decrypted. The secret changed since this token was made.'])
    // The session route deleted the cookie: the next visit finds none, and says who deleted it.
    again.push(await q.run('visitProtectedPage', {}))
    expect(told(again, 'getToken.resolved')[0]).toBe('getToken() returns null: there is no cookie under the name getToken() expects. A Set-Cookie with Max-Age=0 deleted it during getSession().')
  })
})
