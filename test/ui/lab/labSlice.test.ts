// The lab's store slice: it passes the learner's input to the engine and keeps the newest answer.
import { describe, expect, it } from 'vitest'
import { createAppStore } from '../../../src/state/createAppStore'
import { authjsJwt, v4Jwt } from '../../engine/lab/realLibs'
import { selectLabResultStale } from '../../../src/state/selectors'

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
    // Opening it decodes it at once.
    await store.getState().openMadeToken()
    const { labTab, labOpen } = store.getState()
    expect(labTab).toBe('open')
    expect(labOpen.secretsText).toBe('made-secret')
    expect(labOpen.input).toMatch(/^next-auth\.session-token=eyJ/)
    expect(labOpen.result?.status).toBe('decoded')
  })

  it('forgets suggested settings when a new token is pasted, but keeps the ones set by hand', async () => {
    const store = createAppStore()
    const authjs = await (await authjsJwt()).encode({ token: { sub: 'a' }, secret: 'slice-secret', salt: 'authjs.session-token' })
    const v4 = await v4Jwt.encode({ token: { sub: 'v' }, secret: 'slice-secret' })
    store.getState().setLabOpen({ input: `my-session=${authjs}`, secretsText: 'slice-secret' })
    await store.getState().applyLabSettings({ flavor: 'authjs', salt: 'authjs.session-token' })
    expect(store.getState().labOpen.result?.status).toBe('decoded')

    store.getState().setLabOpen({ input: `next-auth.session-token=${v4}` })
    expect(store.getState().labOpen).toMatchObject({ flavor: null, salt: '', overridesSuggested: false })
    await store.getState().decodeLabToken()
    expect(store.getState().labOpen.result?.status).toBe('decoded')

    store.getState().setLabOpen({ salt: 'typed-by-hand' })
    store.getState().setLabOpen({ input: v4 })
    expect(store.getState().labOpen.salt).toBe('typed-by-hand')
    store.getState().resetLabOverrides()
    expect(store.getState().labOpen).toMatchObject({ flavor: null, salt: '' })
  })

  it('reads the other value of a name pasted twice when asked, and forgets the choice on a new paste', async () => {
    const store = createAppStore()
    const old = await v4Jwt.encode({ token: { sub: 'old' }, secret: 'old-secret' })
    const current = await v4Jwt.encode({ token: { sub: 'current' }, secret: 'slice-secret' })
    store.getState().setLabOpen({ input: `next-auth.session-token=${old}; next-auth.session-token=${current}`, secretsText: 'slice-secret' })
    await store.getState().decodeLabToken()
    expect(store.getState().labOpen.result?.status).toBe('failed')
    await store.getState().pickLabCookieValue('next-auth.session-token', 1)
    const result = store.getState().labOpen.result
    expect(result?.status === 'decoded' && result.claims.sub).toBe('current')
    store.getState().setLabOpen({ input: current })
    expect(store.getState().labOpen.cookiePicks).toEqual({})
  })

  it('marks the result stale when the token or secret changes after decoding', async () => {
    const store = createAppStore()
    const token = await v4Jwt.encode({ token: { sub: '1' }, secret: 'slice-secret' })
    store.getState().setLabOpen({ input: token, secretsText: 'slice-secret' })
    expect(selectLabResultStale(store.getState())).toBe(false)
    await store.getState().decodeLabToken()
    expect(selectLabResultStale(store.getState())).toBe(false)
    store.getState().setLabOpen({ secretsText: 'slice-secret-2' })
    expect(selectLabResultStale(store.getState())).toBe(true)
  })

  it('reads maxAge as plain decimal seconds: hex and exponents are refused, not guessed', async () => {
    const store = createAppStore()
    store.getState().setLabMake({ secret: 'made-secret', maxAgeText: '0x10' })
    await store.getState().makeLabToken()
    expect(store.getState().labMake.result).toMatchObject({ ok: false, problem: 'max-age-invalid' })
    store.getState().setLabMake({ maxAgeText: '1e20' })
    await store.getState().makeLabToken()
    expect(store.getState().labMake.result).toMatchObject({ ok: false, problem: 'max-age-invalid' })
    store.getState().setLabMake({ maxAgeText: '100000000000000000000' })
    await store.getState().makeLabToken()
    expect(store.getState().labMake.result).toMatchObject({ ok: false, problem: 'max-age-out-of-range' })
    store.getState().setLabMake({ maxAgeText: ' 90.5 ' })
    await store.getState().makeLabToken()
    const made = store.getState().labMake.result
    expect(made?.ok && (made.claims.exp as number) - (made.claims.iat as number)).toBe(90.5)
  })
})
