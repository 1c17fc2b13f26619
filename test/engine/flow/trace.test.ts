// The trace contract: plain serialisable data, ordered steps with the simulated time, real source
// files on every server-side step, deterministic for a seed and a clock; the playground's own actions.
import { describe, expect, it } from 'vitest'
import { createPlayground, createSeededRandom, defaultPlaygroundConfig, type FlowFlavor, type Trace } from '../../../src/engine/index'
import { eventsOf, kinds, logs } from './helpers/traceQueries'
import { ADA, playgroundFor, scenarioConfig, T0 } from './helpers/scenario'

async function fullRound(flavor: FlowFlavor, seed: number): Promise<Trace[]> {
  const playground = createPlayground({ config: { flavor }, nowSec: T0, random: createSeededRandom(seed) })
  const traces = [await playground.run('signIn', { email: 'ada@example.com', password: 'analytical' })]
  traces.push(playground.advanceClock(3600))
  traces.push(await playground.run('getSession'))
  traces.push(await playground.run('updateSession', { data: { theme: 'dark' } }))
  traces.push(playground.tamperSessionCookie())
  traces.push(await playground.run('visitProtectedPage', { path: '/admin' }))
  traces.push(await playground.run('signOut'))
  traces.push(playground.clearCookies())
  return traces
}

describe.each(['next-auth-v4', 'authjs'] as FlowFlavor[])('the trace (%s)', (flavor) => {
  it('records the jar after every cookie step; the last one is the jar the trace ends with', async () => {
    const traces = await fullRound(flavor, 3)
    let cookieSteps = 0
    for (const trace of traces) {
      let jar = trace.jarBefore
      for (const event of trace.events) {
        if (!('jar' in event)) continue
        cookieSteps++
        if (event.kind === 'cookie.set') expect(event.jar.find((c) => c.name === event.name)?.value).toBe(event.value)
        if (event.kind === 'cookie.deleted' || event.kind === 'cookie.expired') expect(event.jar.some((c) => c.name === event.name)).toBe(false)
        jar = event.jar
      }
      expect(jar).toEqual(trace.jarAfter)
    }
    expect(cookieSteps).toBeGreaterThan(5)
    const cleared = traces.at(-1)!
    expect(cleared.flow).toBe('clearCookies')
    // Cookies leave one at a time, so each step's jar is one shorter than the one before.
    const sizes = cleared.events.filter((e) => e.kind === 'cookie.deleted').map((e) => ('jar' in e ? e.jar.length : -1))
    expect(sizes.length).toBeGreaterThan(1)
    expect(sizes).toEqual(sizes.map((_, i) => sizes.length - 1 - i))
  })

  it('is plain data: a JSON round trip and structuredClone give it back unchanged', async () => {
    for (const trace of await fullRound(flavor, 1)) {
      expect(JSON.parse(JSON.stringify(trace))).toStrictEqual(trace)
      expect(structuredClone(trace)).toStrictEqual(trace)
    }
  })

  it('is deterministic for a seed and a clock (apart from measured callback durations)', async () => {
    const text = async (seed: number) => JSON.stringify(await fullRound(flavor, seed)).replace(/"durationMs":[\d.e-]+/g, '"durationMs":0')
    expect(await text(42)).toBe(await text(42))
    expect(await text(42)).not.toBe(await text(43))
  })

  it('numbers its steps, starts with flow.started, ends with flow.finished, and pairs every request with a response', async () => {
    for (const trace of await fullRound(flavor, 1)) {
      expect(trace.events.map((e) => e.step)).toEqual(trace.events.map((_, i) => i))
      expect(trace.events[0]!.kind).toBe('flow.started')
      expect(trace.events.at(-1)).toMatchObject({ kind: 'flow.finished', result: trace.result })
      const requested = eventsOf(trace, 'http.requested').map((e) => e.requestId)
      expect(eventsOf(trace, 'http.responded').map((e) => e.requestId)).toEqual(requested)
      expect(trace.events.every((e) => e.atSec === trace.startedAtSec || e.atSec === trace.endedAtSec)).toBe(true)
    }
  })

  it('names the real source file of every handler, callback and jose step', async () => {
    const prefix = flavor === 'next-auth-v4' ? 'next-auth/' : /^(@auth\/core\/|next-auth\/)/
    for (const trace of await fullRound(flavor, 1)) {
      for (const event of trace.events) {
        if (event.actor === 'routeHandler' || event.actor === 'jose' || event.actor === 'callbacks' || event.actor === 'middleware') {
          expect(event.source, `${event.kind} at step ${event.step}`).toMatch(prefix)
          expect(event.source).toMatch(/\.js$/)
        }
      }
    }
  })

  it('replays the jar: jarBefore plus the cookie events give jarAfter', async () => {
    for (const trace of await fullRound(flavor, 1)) {
      const jar = new Map(trace.jarBefore.map((c) => [c.name, c.value]))
      for (const event of trace.events) {
        if (event.kind === 'cookie.set') jar.set(event.name, event.value)
        if (event.kind === 'cookie.deleted' || event.kind === 'cookie.expired') jar.delete(event.name)
      }
      expect(Object.fromEntries(jar)).toEqual(Object.fromEntries(trace.jarAfter.map((c) => [c.name, c.value])))
    }
  })
})

describe('createPlayground', () => {
  it('starts from the default configuration: v4, real token model, demo secret and users, development', () => {
    const config = createPlayground({ nowSec: T0 }).getConfig()
    expect(config).toEqual(defaultPlaygroundConfig())
    expect(config).toMatchObject({ flavor: 'next-auth-v4', tokenModel: 'real', siteUrl: 'http://localhost:3000', nodeEnv: 'development', session: { maxAge: 2_592_000, updateAge: 86_400 }, callbacks: { authorize: true, jwt: true, session: true } })
    expect(config.users[0]).toMatchObject({ id: expect.anything(), name: expect.any(String), email: expect.any(String), password: expect.any(String), image: expect.any(String), role: expect.any(String) })
  })

  it('advances the clock and lists the cookies that expired', async () => {
    const playground = playgroundFor(scenarioConfig({ session: { maxAge: 60, updateAge: 86400 } }))
    await playground.run('signIn', ADA)
    const trace = playground.advanceClock(61)
    expect(kinds(trace)).toEqual(['flow.started', 'clock.advanced', 'cookie.expired', 'flow.finished'])
    expect(trace.result).toEqual({ flow: 'advanceClock', bySec: 61, nowSec: T0 + 61, expired: ['next-auth.session-token'] })
  })

  it('clears every cookie', async () => {
    const playground = playgroundFor(scenarioConfig())
    await playground.run('signIn', ADA)
    const trace = playground.clearCookies()
    expect(trace.jarAfter).toEqual([])
    expect(eventsOf(trace, 'cookie.deleted').map((e) => e.name).sort()).toEqual(['next-auth.callback-url', 'next-auth.csrf-token', 'next-auth.session-token'])
  })

  it('runs flows one at a time even when called together', async () => {
    const playground = playgroundFor(scenarioConfig())
    const [signIn, session] = await Promise.all([playground.run('signIn', ADA), playground.run('getSession')])
    expect(signIn.result).toMatchObject({ value: { ok: true } })
    expect(session.result).toMatchObject({ status: 'authenticated' })
  })

  it('tokenModel simplified-hs256 signs the token with HS256 (labelled) and the rest of the flow is unchanged', async () => {
    const playground = playgroundFor(scenarioConfig({ tokenModel: 'simplified-hs256' }))
    const trace = await playground.run('signIn', ADA)
    expect(eventsOf(trace, 'config.resolved')[0]!.notes).toContain('simplified-token-model')
    expect(eventsOf(trace, 'jwt.encoded')[0]!.header).toMatchObject({ alg: 'HS256' })
    expect(trace.result).toMatchObject({ value: { ok: true } })
    expect((await playground.run('getSession')).result).toMatchObject({ status: 'authenticated' })
    expect(playground.tamperSessionCookie().result).toMatchObject({ cookieName: 'next-auth.session-token' })
    expect((await playground.run('getSession')).result).toMatchObject({ status: 'unauthenticated' })
  })
})

describe('no secret', () => {
  it('v4 development: warns NO_SECRET once, uses the options hash, and any option change signs everyone out', async () => {
    const playground = playgroundFor(scenarioConfig({ secret: '' }))
    const signIn = await playground.run('signIn', ADA)
    expect(signIn.result).toMatchObject({ value: { ok: true } })
    expect(logs(signIn).filter((code) => code === 'NO_SECRET')).toHaveLength(1)
    expect(eventsOf(signIn, 'config.resolved')[0]).toMatchObject({ secretSource: 'fallback', notes: expect.arrayContaining(['fallback-secret-unstable']) })
    expect((await playground.run('getSession')).result).toMatchObject({ status: 'authenticated' })
    playground.setConfig({ session: { maxAge: 86_400, updateAge: 86_400 } })
    const after = await playground.run('getSession')
    expect(eventsOf(after, 'jwt.decodeFailed')[0]!.error.code).toBe('JWT_DECRYPT_FAILED')
    expect(after.result).toMatchObject({ status: 'unauthenticated' })
  })

  it.each([
    ['next-auth-v4', 'production', 'There is a problem'],
    ['authjs', 'development', 'There was a problem'],
  ] as const)('%s %s: every API action answers 500 and sign-in never completes', async (flavor, nodeEnv, wording) => {
    const trace = await playgroundFor(scenarioConfig({ flavor, nodeEnv, secret: '' })).run('signIn', ADA)
    const first = eventsOf(trace, 'http.responded')[0]!.response
    expect(first.status).toBe(500)
    expect((first.body as { message: string }).message).toMatch(wording)
    expect(eventsOf(trace, 'flow.failed')[0]!.error.code).toBe('NO_SECRET')
    expect(trace.result).toMatchObject({ value: { ok: false, navigatedTo: 'http://localhost:3000/api/auth/error' } })
  })
})
