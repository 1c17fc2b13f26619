import { act, render, screen, waitFor, within } from '@testing-library/react'
import { createRequire } from 'node:module'
import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Trace } from '../../../src/engine'
import { appStore } from '../../../src/state/useAppStore'
import { TokenInspector, tokenViewModule } from '../../../src/ui/tokenInspector/TokenInspector'
import { atTime } from '../../helpers/atTime'
import { AUTHJS_KID, FIXTURE_NOW_SEC, FIXTURE_SECRET, HS256_TOKEN, V4_MAX_AGE_SEC, V4_TOKEN, makeAuthJsEncodeTrace, makeClockTrace, makeGetSessionTrace, makeSignInTrace, makeSimplifiedTrace, makeTamperedSessionTrace, makeTrace, type EventInput } from '../../helpers/makeTrace'

const initial = appStore.getState()

function show(trace: Trace, cursor: number, nowSec = FIXTURE_NOW_SEC + 3600, traces: Trace[] = [trace]) {
  act(() => appStore.setState({ lastTrace: trace, traces, cursor, playing: false, nowSec, config: { ...initial.config, secret: FIXTURE_SECRET } }))
}

/** Byte length of a base64url segment, worked out independently of the app. */
const bytesOf = (segment: string) => Buffer.from(segment, 'base64url').length

function region() {
  return screen.getByRole('region', { name: 'Token inspector' })
}

describe('TokenInspector', () => {
  // The token view is loaded on its own in the app; have it ready so each test renders synchronously.
  beforeAll(() => tokenViewModule.preload())
  beforeEach(() => appStore.setState(initial, true))

  it('is one region named "Token inspector" that says what to do before there is a token', () => {
    render(<TokenInspector />)
    expect(screen.getAllByRole('region', { name: 'Token inspector' })).toHaveLength(1)
    expect(region().textContent).toContain('Sign in to see the token.')
  })

  it('shows nothing until the pipeline reaches the encode step', () => {
    show(makeSignInTrace(), 15)
    render(<TokenInspector />)
    expect(region().textContent).toContain('Sign in to see the token.')
  })

  it('colour-codes the five JWE parts and labels each with its byte length', () => {
    show(makeSignInTrace(), 16)
    render(<TokenInspector />)
    const compact = within(region()).getByTestId('compact-token')
    expect(compact.textContent).toBe(V4_TOKEN)
    const segments = V4_TOKEN.split('.')
    const names = ['header', 'encryptedKey', 'iv', 'ciphertext', 'tag']
    names.forEach((name, index) => expect(compact.querySelector(`[data-part="${name}"]`)?.textContent).toBe(segments[index]))
    const legend = within(region()).getByRole('list', { name: 'Compact token' })
    const items = within(legend).getAllByRole('listitem').map((item) => item.textContent ?? '')
    expect(items[0]).toContain(`Protected header · ${bytesOf(segments[0]!)} bytes`)
    expect(items[1]).toContain('Encrypted key · empty')
    expect(items[2]).toContain(`IV · ${bytesOf(segments[2]!)} bytes`)
    expect(items[3]).toContain(`Ciphertext · ${bytesOf(segments[3]!)} bytes`)
    expect(items[4]).toContain(`Auth tag · ${bytesOf(segments[4]!)} bytes`)
    expect(region().textContent).toContain('JWE · encrypted · dir + A256GCM')
  })

  it('shows the key ladder: secret, HKDF inputs, derived key', () => {
    show(makeSignInTrace(), 16)
    render(<TokenInspector />)
    const ladder = within(region()).getByRole('list', { name: 'Key ladder' })
    expect(ladder.textContent).toContain('"" (empty)')
    expect(ladder.textContent).toContain('"NextAuth.js Generated Encryption Key"')
    expect(ladder.textContent).toContain('32 bytes')
    expect(ladder.textContent).toContain('92d1e6250fc1fb63579f222031cce7c5192f2b2356b72636243981fa2e113e86')
    expect(ladder.textContent).not.toContain('kid')
  })

  it('adds the kid and the cookie-name salt for Auth.js', () => {
    show(makeAuthJsEncodeTrace(), 1)
    render(<TokenInspector />)
    const ladder = within(region()).getByRole('list', { name: 'Key ladder' })
    expect(ladder.textContent).toContain('"authjs.session-token"')
    expect(ladder.textContent).toContain('64 bytes')
    expect(ladder.textContent).toContain(AUTHJS_KID)
  })

  it('explains each claim and gives times in human form against the simulated clock', () => {
    show(makeSignInTrace(), 16)
    render(<TokenInspector />)
    const table = within(region()).getByRole('table')
    const row = (claim: string) => within(table).getByRole('rowheader', { name: claim }).closest('tr')!.textContent ?? ''
    expect(row('email')).toContain('"alice@example.com"')
    expect(row('picture')).toContain('user.image becomes picture')
    expect(row('sub')).toContain('user.id as a string')
    expect(row('role')).toContain('A custom claim your jwt callback added.')
    expect(row('iat')).toContain('Thu, 01 Jan 2026, 00:00:00 UTC')
    expect(row('iat')).toContain('1 hour ago')
    // exp = iat + 30 days; the clock reads iat + 1 hour.
    expect(row('exp')).toContain('expires in 29 days 23 hours')
  })

  it('says how long ago the token expired when the clock has passed exp', () => {
    const signIn = makeSignInTrace()
    const clock = makeClockTrace()
    show(clock, 1, FIXTURE_NOW_SEC + 31 * 86400, [signIn, clock])
    render(<TokenInspector />)
    // The token was made by the sign-in, not by the run on screen.
    expect(region().textContent).toContain('From an earlier run of signIn()')
    const exp = within(within(region()).getByRole('table')).getByRole('rowheader', { name: 'exp' }).closest('tr')!
    expect(exp.textContent).toContain('expired 1 day ago')
  })

  it('explains why jwt.io cannot read the real JWE', () => {
    show(makeSignInTrace(), 16)
    render(<TokenInspector />)
    expect(region().textContent).toContain('jwt.io can decode only the header of this JWE')
  })

  it('with the simplified model, shows the readable JWS beside the real JWE of the same claims', async () => {
    show(makeSimplifiedTrace(), 1)
    render(<TokenInspector />)
    expect(region().textContent).toContain('Simplified model — not what NextAuth does')
    expect(region().textContent).toContain('JWS · signed · HS256')
    const compact = within(region()).getAllByTestId('compact-token')[0]!
    expect(compact.textContent).toBe(HS256_TOKEN)
    const readable = within(region()).getByLabelText('Payload as anyone can read it')
    expect(JSON.parse(readable.textContent ?? '')).toEqual(JSON.parse(Buffer.from(HS256_TOKEN.split('.')[1]!, 'base64url').toString()))
    const twin = await waitFor(() => within(region()).getByTestId('real-jwe-twin'))
    const twinToken = within(twin).getByTestId('compact-token').textContent ?? ''
    expect(twinToken.split('.')).toHaveLength(5)
    expect(twinToken.startsWith(V4_TOKEN.split('.')[0]! + '..')).toBe(true)
    // The real v4 decode opens the twin and finds the same claims (only jti, random per encode, differs).
    const v4 = createRequire(import.meta.url)('next-auth/jwt') as typeof import('next-auth/jwt')
    const decoded = await atTime(FIXTURE_NOW_SEC, () => v4.decode({ token: twinToken, secret: FIXTURE_SECRET }))
    const { jti: _jti, ...claims } = decoded!
    const { jti: _fixtureJti, ...expected } = JSON.parse(Buffer.from(HS256_TOKEN.split('.')[1]!, 'base64url').toString())
    expect(claims).toEqual(expected)
  })

  it('gives the simplified model’s twin in the library of that run (Auth.js: A256CBC-HS512 with a kid, salted with the run’s session cookie name) with a copy button', async () => {
    const [started, encoded, finished] = makeSimplifiedTrace().events.map(({ step: _step, atSec: _atSec, ...event }) => event as EventInput)
    const cookieName = '__Secure-my-app.session'
    const resolved: EventInput = { kind: 'config.resolved', actor: 'routeHandler', secretSource: 'config', useSecureCookies: true, cookieNames: { sessionToken: cookieName, csrfToken: '__Host-authjs.csrf-token', callbackUrl: '__Secure-authjs.callback-url' }, sessionMaxAgeSec: V4_MAX_AGE_SEC, jwtMaxAgeSec: V4_MAX_AGE_SEC, updateAgeSec: 86400, basePath: '/api/auth', notes: ['simplified-token-model'] }
    const trace = makeTrace('signIn', [started!, resolved, encoded!, finished!], { flavor: 'authjs' })
    show(trace, 2)
    render(<TokenInspector />)
    const twin = await waitFor(() => within(region()).getByTestId('real-jwe-twin'))
    expect(twin.getAttribute('data-flavor')).toBe('authjs')
    expect(twin.textContent).toContain('as Auth.js really stores them')
    const twinToken = within(twin).getByTestId('compact-token').textContent ?? ''
    const header = JSON.parse(Buffer.from(twinToken.split('.')[0]!, 'base64url').toString())
    expect(header).toMatchObject({ alg: 'dir', enc: 'A256CBC-HS512', kid: expect.any(String) })
    expect(within(twin).getByRole('button', { name: 'Copy real token' })).toBeTruthy()
    // The real Auth.js decode opens the twin with the run's session cookie name as salt, and with no other.
    const { decode } = await import('@auth/core/jwt')
    const { jti: _jti, ...claims } = (await atTime(FIXTURE_NOW_SEC, () => decode({ token: twinToken, secret: FIXTURE_SECRET, salt: cookieName })))!
    const { jti: _fixtureJti, ...expected } = JSON.parse(Buffer.from(HS256_TOKEN.split('.')[1]!, 'base64url').toString())
    expect(claims).toEqual(expected)
    for (const salt of ['', 'authjs.session-token']) await expect(atTime(FIXTURE_NOW_SEC, () => decode({ token: twinToken, secret: FIXTURE_SECRET, salt }))).rejects.toThrow()
  })

  it('says why there is no twin when the engine refuses the secret, instead of hiding it', async () => {
    show(makeSimplifiedTrace(), 1)
    act(() => appStore.setState({ config: { ...appStore.getState().config, secret: '' } }))
    render(<TokenInspector />)
    const problem = await waitFor(() => within(region()).getByTestId('real-jwe-twin-error'))
    expect(problem.textContent).toMatch(/^The real token for these claims could not be made: [A-Z_]+ — /)
  })

  it('after a decode failure says the token shown is the last one that could be read', () => {
    const tampered = makeTamperedSessionTrace()
    show(tampered, tampered.events.length - 1, FIXTURE_NOW_SEC + 3600, [makeSignInTrace(), makeGetSessionTrace(), tampered])
    render(<TokenInspector />)
    expect(within(region()).getByTestId('token-decode-failed').textContent).toMatch(/^At step \d+ jose could not read the session token \(JWT_DECRYPT_FAILED\)/)
  })
})
