import { act, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { Trace } from '../../../src/engine'
import { appStore } from '../../../src/state/useAppStore'
import { SessionPanel } from '../../../src/ui/session/SessionPanel'
import { FIXTURE_NOW_SEC, makeGetSessionTrace, makeSignInTrace, makeTamperedSessionTrace, V4_CLAIMS_REFRESHED, V4_MAX_AGE_SEC } from '../../helpers/makeTrace'

const initial = appStore.getState()
afterEach(() => appStore.setState(initial, true))

function show(traces: Trace[], cursor = traces.at(-1)!.events.length - 1, nowSec = FIXTURE_NOW_SEC + 3600) {
  act(() => appStore.setState({ lastTrace: traces.at(-1)!, traces, cursor, playing: false, nowSec }))
}
const region = () => screen.getByRole('region', { name: 'Session' })
const expiry = (key: string) => region().querySelector(`[data-expiry="${key}"]`)!.textContent

describe('SessionPanel', () => {
  it('says what to do before any session request', () => {
    render(<SessionPanel />)
    expect(within(region()).getByTestId('session-status').textContent).toBe('unauthenticated')
    expect(within(region()).getByText(/No session yet/)).toBeTruthy()
  })

  it('shows the session JSON and the authenticated status after getSession()', () => {
    show([makeSignInTrace(), makeGetSessionTrace()])
    render(<SessionPanel />)
    expect(within(region()).getByTestId('session-status').textContent).toBe('authenticated')
    const json = within(region()).getByLabelText('session JSON')
    expect(JSON.parse(json.textContent!)).toMatchObject({ user: { email: 'alice@example.com' } })
    expect(within(region()).getByRole('button', { name: 'Copy session JSON' })).toBeTruthy()
  })

  it('puts the three expiry times side by side, measured against the simulated clock', () => {
    const session = makeGetSessionTrace()
    show([makeSignInTrace(), session])
    render(<SessionPanel />)
    const refreshedAt = FIXTURE_NOW_SEC + 3600
    // 2026-01-31T01:00:00Z, as a short date and a time on two lines; the <time> carries the exact instant.
    expect(expiry('cookie')).toContain('31 Jan 202601:00:00 UTC')
    expect(document.querySelector('[data-expiry="cookie"] time')!.getAttribute('dateTime')).toBe(new Date((refreshedAt + V4_MAX_AGE_SEC) * 1000).toISOString())
    expect(document.querySelector('[data-expiry="exp"] time')!.getAttribute('dateTime')).toBe(new Date(V4_CLAIMS_REFRESHED.exp * 1000).toISOString())
    expect(expiry('session')).toContain('in 30 days')
    act(() => appStore.setState({ nowSec: refreshedAt + V4_MAX_AGE_SEC + 60 }))
    expect(expiry('exp')).toContain('1 minute ago')
  })

  it('is unauthenticated with null data after a tampered cookie fails to decrypt', () => {
    show([makeSignInTrace(), makeGetSessionTrace(), makeTamperedSessionTrace()])
    render(<SessionPanel />)
    expect(within(region()).getByTestId('session-status').textContent).toBe('unauthenticated')
    expect(within(region()).getByText('null: the client has no session.')).toBeTruthy()
    expect(within(region()).getByText('JWT_DECRYPT_FAILED')).toBeTruthy()
    expect(within(region()).getByText('The session token could not be decrypted')).toBeTruthy()
  })

  it('reports loading while the first session request is on its way', () => {
    show([makeGetSessionTrace()], 1)
    render(<SessionPanel />)
    expect(within(region()).getByTestId('session-status').textContent).toBe('loading')
  })
})
