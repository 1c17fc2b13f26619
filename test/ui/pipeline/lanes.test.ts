import { describe, expect, it } from 'vitest'
import { LANES, activationSpans, activationsOf, callerAt, glyphOf, type Activation } from '../../../src/ui/pipeline/lanes'
import { MAX_RUN_MS, stepDurationsMs } from '../../../src/ui/pipeline/playbackTiming'
import { makeProtectedPageTrace, makeSignInTrace, makeTrace, type EventInput } from '../../helpers/makeTrace'
import { allFixtureEvents } from './allKinds'

describe(glyphOf, () => {
  it('draws every step on a lane that exists', () => {
    const events = allFixtureEvents()
    events.forEach((_, index) => {
      const glyph = glyphOf(events, index)
      const lanes = glyph.type === 'arrow' ? [glyph.from, glyph.to] : [glyph.lane]
      for (const lane of lanes) expect(LANES).toContain(lane)
    })
  })

  it('draws requests as solid arrows and responses as dashed arrows back', () => {
    const events = makeSignInTrace().events
    expect(glyphOf(events, 1)).toMatchObject({ type: 'arrow', from: 'browser', to: 'routeHandler', dashed: false })
    expect(glyphOf(events, 2)).toMatchObject({ type: 'arrow', from: 'routeHandler', to: 'browser', dashed: true })
  })

  it('draws callbacks as called from whoever handles the open request', () => {
    const events = makeSignInTrace().events
    expect(glyphOf(events, 9)).toMatchObject({ type: 'arrow', from: 'routeHandler', to: 'callbacks' })
    expect(glyphOf(events, 16)).toMatchObject({ type: 'node', lane: 'jose', linkFrom: 'routeHandler' })
    const protectedPage = makeProtectedPageTrace().events
    expect(callerAt(protectedPage, 2)).toBe('middleware')
  })

  it('lands cookies in the jar', () => {
    const events = makeSignInTrace().events
    expect(glyphOf(events, 19)).toMatchObject({ type: 'arrow', from: 'browser', to: 'cookieJar', icon: 'cookie' })
  })
})

describe(activationsOf, () => {
  it('keeps the route handler busy from each request to its response', () => {
    const busy = activationsOf(makeSignInTrace().events)
    expect(busy[0]).toEqual([])
    expect(busy[7]).toEqual(['routeHandler'])
    expect(busy[12]).toEqual(['routeHandler'])
    expect(busy[17]).toEqual(['routeHandler'])
    expect(busy[18]).toEqual([])
  })
})

describe(activationSpans, () => {
  /** The steps each lane's spans cover, as `activationsOf` would mark them. */
  const covered = (spans: Activation[], steps: number) => Array.from({ length: steps }, (_, index) => [...new Set(spans.filter((s) => s.fromIndex <= index && index <= s.toIndex).map((s) => s.actor))])

  it.each([
    ['a sign-in', makeSignInTrace()],
    ['a visit to a protected page', makeProtectedPageTrace()],
    ['every fixture step', makeTrace('getSession', allFixtureEvents().map(({ step: _step, atSec: _atSec, ...event }) => event as EventInput))],
  ])('covers exactly the steps activationsOf marks busy, per lane, with one span per run of busy steps (%s)', (_what, trace) => {
    const busy = activationsOf(trace.events)
    const spans = activationSpans(trace.events)
    expect(covered(spans, trace.events.length).map((lanes) => lanes.sort())).toEqual(busy.map((lanes) => [...lanes].sort()))
    for (const actor of new Set(spans.map((s) => s.actor))) {
      const own = spans.filter((s) => s.actor === actor)
      // Spans of one lane neither overlap nor touch: two in a row would be one bar.
      own.slice(1).forEach((span, i) => expect(span.fromIndex).toBeGreaterThan(own[i]!.toIndex + 1))
    }
  })

  it('draws the sign-in as the route handler’s bars: the providers request, then the CSRF and callback requests back to back as one', () => {
    const spans = activationSpans(makeSignInTrace().events)
    expect(spans).toEqual([
      { actor: 'routeHandler', fromIndex: 1, toIndex: 2 },
      { actor: 'routeHandler', fromIndex: 4, toIndex: 17 },
    ])
  })
})

describe(stepDurationsMs, () => {
  it('plays a whole sign-in in at most 10 s at 1×', () => {
    const total = stepDurationsMs(makeSignInTrace().events).reduce((a, b) => a + b, 0)
    expect(total).toBeLessThanOrEqual(10_000)
    expect(total).toBeGreaterThan(3_000)
  })

  it('squeezes a long run into the same budget and scales with speed', () => {
    const long = makeTrace('getSession', Array.from({ length: 120 }, () => ({ kind: 'http.requested' as const, actor: 'browser' as const, requestId: 1, from: 'browser' as const, to: 'routeHandler' as const, request: { method: 'GET' as const, url: 'http://localhost:3000/', headers: [] } })))
    const at1 = stepDurationsMs(long.events, 1).reduce((a, b) => a + b, 0)
    expect(at1).toBeCloseTo(MAX_RUN_MS, 5)
    expect(stepDurationsMs(long.events, 4).reduce((a, b) => a + b, 0)).toBeCloseTo(MAX_RUN_MS / 4, 5)
    expect(stepDurationsMs(long.events, 0.5).reduce((a, b) => a + b, 0)).toBeCloseTo(MAX_RUN_MS * 2, 5)
  })
})
