import { beforeAll, describe, expect, it } from 'vitest'
import { loadLocale, translate, type Locale, type MessageKey, type MessageParams } from '../../../src/i18n/t'
import { narrate, shortLabel } from '../../../src/ui/pipeline/narrate'
import { STEP_BASE_MS } from '../../../src/ui/pipeline/playbackTiming'
import { makeGetSessionTrace, makeProtectedPageTrace, makeSignInTrace, makeTamperedSessionTrace, makeFailedSignInTrace } from '../../helpers/makeTrace'
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
    expect(lines[2]).toBe('The route handler answers 200 to the browser with 1 Set-Cookie header(s).')
    expect(lines[8]).toBe('The CSRF token in the body matches the signed cookie: the POST is verified.')
    expect(lines[11]).toBe('NextAuth runs its default signIn() callback.')
    expect(lines[13]).toBe('NextAuth builds the default token from the user: name, email, picture, sub.')
    expect(lines[14]).toBe('NextAuth calls your jwt() callback with trigger “signIn”.')
    expect(lines[19]).toBe('The cookie jar stores next-auth.session-token, expiring Sat, 31 Jan 2026 00:00:00 GMT.')
    expect(lines[20]).toBe('signIn() resolves to {"ok":true,"status":200,"error":null,"url":"http://localhost:3000/dashboard"}.')
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
})
