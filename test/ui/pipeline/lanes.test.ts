import { describe, expect, it } from 'vitest'
import { LANES, activationsOf, callerAt, glyphOf } from '../../../src/ui/pipeline/lanes'
import { MAX_RUN_MS, stepDurationsMs } from '../../../src/ui/pipeline/playbackTiming'
import { makeProtectedPageTrace, makeSignInTrace, makeTrace } from '../../helpers/makeTrace'
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
