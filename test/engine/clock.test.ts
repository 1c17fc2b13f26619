import { describe, expect, it } from 'vitest'
import { createSimClock } from '../../src/engine/index'

describe('createSimClock', () => {
  it('starts at the given time and only moves when advanced', () => {
    const clock = createSimClock(1_700_000_000)
    expect(clock.nowSec()).toBe(1_700_000_000)
    clock.advanceBy(90)
    expect(clock.nowSec()).toBe(1_700_000_090)
    clock.setTo(1_800_000_000)
    expect(clock.nowMs()).toBe(1_800_000_000_000)
  })

  it('floors fractional seconds for nowSec', () => {
    const clock = createSimClock(10)
    clock.advanceBy(0.75)
    expect(clock.nowSec()).toBe(10)
    expect(clock.nowMs()).toBe(10_750)
  })

  it('rejects non-finite times', () => {
    expect(() => createSimClock(Number.NaN)).toThrow(TypeError)
    expect(() => createSimClock(0).advanceBy(Infinity)).toThrow(TypeError)
  })
})
