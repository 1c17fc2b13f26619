// update(data): POST /session with trigger "update", the v5 client's no-argument GET, CSRF, the
// client doing nothing without a session, and v4's session.user built from the decoded token.
import { describe, expect, it } from 'vitest'
import type { FlowFlavor } from '../../../src/engine/index'
import { callbackCalls, eventsOf, kinds, responses } from './helpers/traceQueries'
import { ADA, playgroundFor, scenarioConfig, seedScenario } from './helpers/scenario'

const FLAVORS: FlowFlavor[] = ['next-auth-v4', 'authjs']

describe.each(FLAVORS)('updateSession (%s)', (flavor) => {
  const isV4 = flavor === 'next-auth-v4'
  const config = (patch = {}) => scenarioConfig({ flavor, ...patch })

  it('posts { csrfToken, data } and calls jwt with trigger "update" and session: data', async () => {
    const callbacks = seedScenario()
    callbacks.jwt = ({ token, trigger, session }) => (trigger === 'update' ? Object.assign(token, { name: session.name }) : token)
    const playground = playgroundFor(config(), callbacks)
    await playground.run('signIn', ADA)
    const trace = await playground.run('updateSession', { data: { name: 'Countess' } })
    const post = eventsOf(trace, 'http.requested').find((e) => e.request.method === 'POST')!
    expect(JSON.parse(post.request.body!)).toEqual({ csrfToken: expect.stringMatching(/^[0-9a-f]{64}$/), data: { name: 'Countess' } })
    const jwt = callbackCalls(trace, 'jwt')[0]!
    expect(jwt.trigger).toBe('update')
    expect(jwt.args).toMatchObject({ trigger: 'update', session: { name: 'Countess' } })
    // Only Content-Type on the update answer.
    expect(eventsOf(trace, 'http.responded').at(-1)!.response.headers.filter(([n]) => n !== 'Set-Cookie')).toEqual([['Content-Type', 'application/json']])
    expect(trace.result).toMatchObject({ status: 'authenticated', session: { user: { name: 'Countess' } } })
  })

  it(isV4 ? 'v4: a jwt callback returning a new object leaves session.user stale' : 'Auth.js: session.user comes from the returned token', async () => {
    const callbacks = seedScenario()
    callbacks.jwt = ({ token, trigger, session }) => (trigger === 'update' ? { ...token, name: session.name } : token)
    const playground = playgroundFor(config(), callbacks)
    await playground.run('signIn', ADA)
    const trace = await playground.run('updateSession', { data: { name: 'Countess' } })
    expect(eventsOf(trace, 'jwt.encoded')[0]!.claims.name).toBe('Countess')
    expect(trace.result).toMatchObject({ session: { user: { name: isV4 ? 'Ada Lovelace' : 'Countess' } } })
    // The next plain session request shows the new name in both: it reads the re-encoded token.
    expect((await playground.run('getSession')).result).toMatchObject({ session: { user: { name: 'Countess' } } })
  })

  it(isV4 ? 'v4: session.built says session.user comes from the decoded token and lists the stale fields' : 'Auth.js: session.built says session.user comes from the returned token', async () => {
    const callbacks = seedScenario()
    callbacks.jwt = ({ token, trigger, session }) => (trigger === 'update' ? { ...token, name: session.name, picture: 'https://example.com/new.png' } : token)
    const playground = playgroundFor(config(), callbacks)
    await playground.run('signIn', ADA)
    const trace = await playground.run('updateSession', { data: { name: 'Countess' } })
    expect(eventsOf(trace, 'session.built')[0]).toMatchObject(isV4 ? { userFrom: 'decodedToken', staleFields: ['name', 'image'] } : { userFrom: 'returnedToken', staleFields: [] })
    // A callback that edits the token in place and returns it: the same object, nothing stale.
    const inPlace = seedScenario()
    inPlace.jwt = ({ token, trigger, session }) => (trigger === 'update' ? Object.assign(token, { name: session.name }) : token)
    const other = playgroundFor(config(), inPlace)
    await other.run('signIn', ADA)
    expect(eventsOf(await other.run('updateSession', { data: { name: 'Countess' } }), 'session.built')[0]).toMatchObject({ userFrom: 'returnedToken', staleFields: [] })
  })

  it('records a failed CSRF check on POST /session (a 400, so not mistaken for success)', async () => {
    const playground = playgroundFor(config())
    await playground.run('signIn', ADA)
    const trace = await playground.run('updateSession', { data: { name: 'x' }, csrfTokenOverride: 'forged' })
    expect(eventsOf(trace, 'flow.failed').map((e) => e.error)).toEqual([expect.objectContaining({ code: 'CSRF_INVALID', details: expect.objectContaining({ action: 'session', looksLikeSuccess: false }) })])
  })

  it(isV4 ? 'v4: update() with no argument still POSTs (data missing from the JSON)' : 'v5 client: update() with no argument sends a GET, so there is no trigger', async () => {
    const playground = playgroundFor(config())
    await playground.run('signIn', ADA)
    const trace = await playground.run('updateSession', {})
    const requests = eventsOf(trace, 'http.requested').map((e) => `${e.request.method} ${new URL(e.request.url).pathname}`)
    expect(requests).toEqual(isV4 ? ['GET /api/auth/csrf', 'POST /api/auth/session'] : ['GET /api/auth/session'])
    const jwt = callbackCalls(trace, 'jwt')[0]!
    if (isV4) {
      expect(JSON.parse(eventsOf(trace, 'http.requested')[1]!.request.body!)).not.toHaveProperty('data')
      expect(jwt.trigger).toBe('update')
    } else expect(jwt).not.toHaveProperty('trigger')
  })

  it('answers 400 when the CSRF token is wrong, and the client keeps its session', async () => {
    const playground = playgroundFor(config())
    await playground.run('signIn', ADA)
    const trace = await playground.run('updateSession', { data: { name: 'x' }, csrfTokenOverride: 'forged' })
    expect(responses(trace).at(-1)).toMatchObject({ method: 'POST', status: 400, body: isV4 ? {} : null, setCookies: [] })
    expect(callbackCalls(trace, 'jwt')).toEqual([])
    expect(trace.result).toEqual({ flow: 'updateSession', session: null, status: 'authenticated' })
  })

  it(isV4 ? 'v4: does nothing without a session (SESSION_ABSENT)' : 'v5: has no "no session" guard, so it posts anyway', async () => {
    const trace = await playgroundFor(config()).run('updateSession', { data: { name: 'x' } })
    if (isV4) {
      // SessionProvider's mount fetch, then `if (loading || !session) return`: no request.
      expect(responses(trace).map((r) => r.path)).toEqual(['/api/auth/session'])
      expect(kinds(trace)).toContain('client.skipped')
      expect(eventsOf(trace, 'flow.failed').map((e) => e.error.code)).toEqual(['SESSION_ABSENT'])
    } else {
      expect(responses(trace).map((r) => `${r.method} ${r.path}`)).toEqual(['GET /api/auth/session', 'GET /api/auth/csrf', 'POST /api/auth/session'])
      expect(kinds(trace)).not.toContain('client.skipped')
    }
    expect(trace.result).toEqual({ flow: 'updateSession', session: null, status: 'unauthenticated' })
  })

  it('v5: a session cookie the page has not seen yet (signed in in another tab) makes update() authenticate the page', async () => {
    const playground = playgroundFor(config())
    await playground.run('getSession')
    // Another tab signs in: the cookie is in the shared jar, useSession() here still shows null.
    const other = playgroundFor(config())
    await other.run('signIn', ADA)
    for (const cookie of other.jar.list()) playground.jar.apply(`${cookie.name}=${cookie.value}; Path=/`, 'http://localhost:3000/')
    const trace = await playground.run('updateSession', { data: { name: 'x' } })
    expect(trace.result).toMatchObject({ status: isV4 ? 'unauthenticated' : 'authenticated' })
  })

  it('reports loading while the update runs, keeping the session it had', async () => {
    const playground = playgroundFor(config())
    await playground.run('signIn', ADA)
    const trace = await playground.run('updateSession', { data: { name: 'x' } })
    const updates = eventsOf(trace, 'client.updated')
    expect(updates.map((e) => e.status)).toEqual(['loading', 'authenticated'])
    expect(updates[0]!.session).toMatchObject({ user: { email: 'ada@example.com' } })
    const loadingAt = trace.events.indexOf(updates[0]!)
    expect(trace.events.findIndex((e) => e.kind === 'http.requested')).toBeGreaterThan(loadingAt)
  })

  it('goes back from loading to the session it had when the update fails (400)', async () => {
    const playground = playgroundFor(config())
    await playground.run('signIn', ADA)
    const trace = await playground.run('updateSession', { data: { name: 'x' }, csrfTokenOverride: 'forged' })
    expect(eventsOf(trace, 'client.updated').map((e) => e.status)).toEqual(['loading', 'authenticated'])
  })
})
