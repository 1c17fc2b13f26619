// The lab's store slice: it passes the learner's input to the engine and keeps the newest answer.
import { describe, expect, it } from 'vitest'
import { createAppStore } from '../../../src/state/createAppStore'
import { v4Jwt } from '../../engine/lab/realLibs'

describe('labSlice', () => {
  it('decodes with the real clock by default, or at the date picked', async () => {
    const store = createAppStore()
    const token = await v4Jwt.encode({ token: { sub: '1' }, secret: 'slice-secret', maxAge: 3600 })
    store.getState().setLabOpen({ input: token, secretsText: 'slice-secret\n' })
    const before = Math.floor(Date.now() / 1000)
    await store.getState().decodeLabToken()
    expect(store.getState().labOpen.result?.status).toBe('decoded')
    expect(store.getState().labOpen.checkedAtSec).toBeGreaterThanOrEqual(before)

    store.getState().setLabOpen({ timeMode: 'date', dateSec: before + 7200 })
    await store.getState().decodeLabToken()
    expect(store.getState().labOpen.result?.status).toBe('expired')
    expect(store.getState().labOpen.checkedAtSec).toBe(before + 7200)
  })

  it('keeps the newest answer when an older, slower decode finishes last', async () => {
    const store = createAppStore()
    const token = await v4Jwt.encode({ token: { sub: '1' }, secret: 'slice-secret' })
    // Many wrong secrets and the probe for other salts make this run slow…
    store.getState().setLabOpen({ input: token, secretsText: Array.from({ length: 30 }, (_, i) => `wrong-${i}`).join('\n') })
    const slow = store.getState().decodeLabToken()
    // …while this one answers at once.
    store.getState().setLabOpen({ input: '' })
    const fast = store.getState().decodeLabToken()
    await Promise.all([slow, fast])
    expect(store.getState().labOpen.result).toEqual({ status: 'empty' })
    expect(store.getState().labOpen.busy).toBe(false)
  })

  it('passes overrides through: an empty salt means "detect", a set one is used', async () => {
    const store = createAppStore()
    const token = await v4Jwt.encode({ token: { sub: '1' }, secret: 'slice-secret' })
    store.getState().setLabOpen({ input: token, secretsText: 'slice-secret', salt: 'not-for-session-tokens' })
    await store.getState().decodeLabToken()
    const result = store.getState().labOpen.result
    expect(result?.status).toBe('failed')
    expect(result && 'detection' in result && result.detection).toMatchObject({ salt: 'not-for-session-tokens', saltFrom: 'override' })
  })

  it('opens a made token in "Open" with its secret', async () => {
    const store = createAppStore()
    store.getState().setLabMake({ secret: 'made-secret' })
    await store.getState().makeLabToken()
    store.getState().openMadeToken()
    const { labTab, labOpen } = store.getState()
    expect(labTab).toBe('open')
    expect(labOpen.secretsText).toBe('made-secret')
    expect(labOpen.input).toMatch(/^next-auth\.session-token=eyJ/)
    await store.getState().decodeLabToken()
    expect(store.getState().labOpen.result?.status).toBe('decoded')
  })
})
