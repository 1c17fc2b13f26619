// The trace contract: plain serialisable data, ordered steps with the simulated time, real source
// files on every server-side step, deterministic for a seed and a clock; the playground's own actions.
import { describe, expect, it } from 'vitest'
import { createPlayground, createSeededRandom, DATE_LIMIT_SEC, defaultPlaygroundConfig, type FlowFlavor, type Trace } from '../../../src/engine/index'
import { eventsOf, kinds, logs } from './helpers/traceQueries'
import { ADA, playgroundFor, scenarioConfig, T0 } from './helpers/scenario'

/** A timer that ticks one millisecond per reading: measured durations without the real clock. */
function fakeTimer(): () => number {
  let ms = 0
  return () => ms++
}

async function fullRound(flavor: FlowFlavor, seed: number): Promise<Trace[]> {
  const playground = createPlayground({ config: { flavor }, nowSec: T0, random: createSeededRandom(seed), timer: fakeTimer() })
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

  it('is byte-identical for a seed, a clock and an injected timer (callback durations included)', async () => {
    const text = async (seed: number) => JSON.stringify(await fullRound(flavor, seed))
    const first = await text(42)
    expect(first).toMatch(/"durationMs":1[,}]/)
    expect(await text(42)).toBe(first)
    expect(await text(43)).not.toBe(first)
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

  it('moves the clock to a date: clock.advanced with toSec, then the cookies that expired', async () => {
    const playground = playgroundFor(scenarioConfig({ session: { maxAge: 60, updateAge: 86400 } }))
    await playground.run('signIn', ADA)
    const trace = playground.advanceClockTo(T0 + 3600)
    expect(kinds(trace)).toEqual(['flow.started', 'clock.advanced', 'cookie.expired', 'flow.finished'])
    expect(eventsOf(trace, 'clock.advanced')[0]).toMatchObject({ bySec: 3600, toSec: T0 + 3600, atSec: T0 + 3600 })
    expect(trace.result).toEqual({ flow: 'advanceClock', bySec: 3600, nowSec: T0 + 3600, expired: ['next-auth.session-token'] })
    expect(playground.clock.nowSec()).toBe(T0 + 3600)
    // Moving by an amount records no target date.
    expect(eventsOf(playground.advanceClock(5), 'clock.advanced')[0]).not.toHaveProperty('toSec')
  })

  it('never moves the clock backwards: CLOCK_BACKWARDS, and nothing is recorded', async () => {
    const playground = playgroundFor(scenarioConfig())
    playground.advanceClock(100)
    expect(() => playground.advanceClockTo(T0)).toThrow(expect.objectContaining({ name: 'EngineError', code: 'CLOCK_BACKWARDS' }))
    expect(() => playground.advanceClock(-5)).toThrow(expect.objectContaining({ code: 'CLOCK_BACKWARDS' }))
    expect(() => playground.advanceClockTo(Number.NaN)).toThrow(TypeError)
    expect(playground.clock.nowSec()).toBe(T0 + 100)
    expect(playground.advanceClockTo(T0 + 100).result).toMatchObject({ bySec: 0 })
  })

  it('never moves the clock past the end of JavaScript dates: CLOCK_OUT_OF_RANGE, and nothing is recorded', () => {
    const playground = playgroundFor(scenarioConfig())
    expect(() => playground.advanceClockTo(DATE_LIMIT_SEC + 1)).toThrow(expect.objectContaining({ name: 'EngineError', code: 'CLOCK_OUT_OF_RANGE', details: expect.objectContaining({ limitSec: DATE_LIMIT_SEC, toSec: DATE_LIMIT_SEC + 1 }) }))
    expect(() => playground.advanceClock(DATE_LIMIT_SEC)).toThrow(expect.objectContaining({ code: 'CLOCK_OUT_OF_RANGE' }))
    expect(playground.clock.nowSec()).toBe(T0)
    expect(playground.advanceClockTo(DATE_LIMIT_SEC).result).toMatchObject({ nowSec: DATE_LIMIT_SEC })
    expect(() => playground.advanceClock(1)).toThrow(expect.objectContaining({ code: 'CLOCK_OUT_OF_RANGE', details: expect.objectContaining({ bySec: 1 }) }))
    expect(playground.clock.nowSec()).toBe(DATE_LIMIT_SEC)
  })

  it('exposes the clock read-only: moves go through the playground, which records them', () => {
    const playground = playgroundFor(scenarioConfig())
    expect(Object.keys(playground.clock).sort()).toEqual(['nowMs', 'nowSec'])
    expect(Object.isFrozen(playground.clock)).toBe(true)
    expect((playground.clock as unknown as { setTo?: unknown }).setTo).toBeUndefined()
  })

  it('says why there was nothing to tamper with', async () => {
    const playground = playgroundFor(scenarioConfig())
    expect(playground.tamperSessionCookie().result).toEqual({ flow: 'tamperSessionCookie', cookieName: null, reason: 'no-session-cookie' })
    playground.jar.apply('next-auth.session-token=not-a-token; Path=/', 'http://localhost:3000/')
    expect(playground.tamperSessionCookie().result).toMatchObject({ cookieName: null, reason: 'not-a-token' })
    playground.jar.apply('next-auth.session-token=a.b.c.%%%.e; Path=/', 'http://localhost:3000/')
    expect(playground.tamperSessionCookie().result).toMatchObject({ cookieName: null, reason: 'not-base64url' })
    playground.jar.apply('next-auth.session-token=a.b.c..e; Path=/', 'http://localhost:3000/')
    expect(playground.tamperSessionCookie().result).toMatchObject({ cookieName: null, reason: 'empty-part' })
  })

  it('a site URL that does not parse stops the flow before its first request: flow.failed CONFIG_INVALID, run() resolves', async () => {
    const playground = playgroundFor(scenarioConfig({ siteUrl: 'http://' }))
    for (const [flow, input] of [['signIn', ADA], ['getSession', undefined], ['updateSession', { data: {} }], ['signOut', undefined], ['getCsrfToken', undefined], ['visitProtectedPage', {}]] as const) {
      const trace = await playground.run(flow, input)
      expect(eventsOf(trace, 'flow.failed').map((e) => e.error.code), flow).toEqual(['CONFIG_INVALID'])
      expect(eventsOf(trace, 'flow.failed')[0]!.error).toMatchObject({ details: { setting: 'siteUrl', value: 'http://' }, cause: { name: 'TypeError' } })
      expect(eventsOf(trace, 'http.requested'), flow).toEqual([])
    }
    expect((await playground.run('signIn', ADA)).result).toMatchObject({ value: { ok: false, rejectedWith: expect.stringContaining('TypeError') } })
    expect(playground.tamperSessionCookie().result).toMatchObject({ reason: 'no-session-cookie' })
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
