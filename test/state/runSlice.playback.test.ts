import { describe, expect, it } from 'vitest'
import { createAppStore } from '../../src/state/createAppStore'
import { MAX_SPEED, MIN_SPEED } from '../../src/state/runSlice'
import { makeSignInTrace } from '../helpers/makeTrace'

function storeShowing() {
  const store = createAppStore()
  const trace = makeSignInTrace()
  store.setState({ lastTrace: trace, traces: [trace], cursor: -1, playing: true })
  return { store, last: trace.events.length - 1 }
}

describe('run slice playback', () => {
  it('starts empty and idle', () => {
    const state = createAppStore().getState()
    expect(state).toMatchObject({ lastTrace: null, traces: [], cursor: -1, playing: false, speed: 1, runStatus: 'idle', runError: null })
    expect(Number.isInteger(state.nowSec)).toBe(true)
  })

  it('steps forward to the last step and stops playing there', () => {
    const { store, last } = storeShowing()
    for (let i = 0; i < last; i++) store.getState().stepForward()
    expect(store.getState()).toMatchObject({ cursor: last - 1, playing: true })
    store.getState().stepForward()
    expect(store.getState()).toMatchObject({ cursor: last, playing: false })
    store.getState().stepForward()
    expect(store.getState().cursor).toBe(last)
  })

  it('steps back to before the first step and pauses', () => {
    const { store } = storeShowing()
    store.getState().stepForward()
    store.getState().stepBack()
    store.getState().stepBack()
    expect(store.getState()).toMatchObject({ cursor: -1, playing: false })
  })

  it('skips the animation to the last step, and restarts from before the first', () => {
    const { store, last } = storeShowing()
    store.getState().skipAnimation()
    expect(store.getState()).toMatchObject({ cursor: last, playing: false })
    store.getState().restart()
    expect(store.getState()).toMatchObject({ cursor: -1, playing: true })
  })

  it('plays again from the start when play is pressed at the end', () => {
    const { store } = storeShowing()
    store.getState().skipAnimation()
    store.getState().togglePlay()
    expect(store.getState()).toMatchObject({ cursor: -1, playing: true })
    store.getState().togglePlay()
    expect(store.getState().playing).toBe(false)
  })

  it('clamps setCursor to the trace and pauses', () => {
    const { store, last } = storeShowing()
    store.getState().setCursor(3)
    expect(store.getState()).toMatchObject({ cursor: 3, playing: false })
    store.getState().setCursor(999)
    expect(store.getState().cursor).toBe(last)
    store.getState().setCursor(-5)
    expect(store.getState().cursor).toBe(-1)
  })

  it('keeps the speed between 0.5× and 4×', () => {
    const store = createAppStore()
    store.getState().setSpeed(2)
    expect(store.getState().speed).toBe(2)
    store.getState().setSpeed(10)
    expect(store.getState().speed).toBe(MAX_SPEED)
    store.getState().setSpeed(0.1)
    expect(store.getState().speed).toBe(MIN_SPEED)
    expect([MIN_SPEED, MAX_SPEED]).toEqual([0.5, 4])
  })

  it('does not play without a trace', () => {
    const store = createAppStore()
    store.getState().play()
    expect(store.getState().playing).toBe(false)
  })
})
