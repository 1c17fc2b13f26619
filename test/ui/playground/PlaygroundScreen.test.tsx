import { act, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { loadLocale } from '../../../src/i18n/t'
import { appStore } from '../../../src/state/useAppStore'
import { PlaygroundScreen, preloadPlaygroundViews } from '../../../src/ui/playground/PlaygroundScreen'
import { makeGetSessionTrace, makeSignInTrace } from '../../helpers/makeTrace'

// Monaco does not run in jsdom; the editors slot only has to stay mounted.
vi.mock('../../../src/ui/editor/CallbackEditors', () => ({ CallbackEditors: () => <p>callback editors</p> }))
// The clock buttons' own readout belongs to the clock controls; this screen's panels must cope with any time on their own.
vi.mock('../../../src/ui/controls/ClockControls', () => ({ ClockControls: () => <p>clock controls</p> }))

const initial = appStore.getState()
afterEach(() => appStore.setState(initial, true))

describe('PlaygroundScreen', () => {
  // The Chinese catalogue loads lazily in the app; have it ready so the language test can render synchronously.
  beforeAll(() => Promise.all([loadLocale('zh'), preloadPlaygroundViews()]))

  it('has each landmark once with exactly its name, and keeps the editors mounted', async () => {
    render(<PlaygroundScreen />)
    for (const name of ['Cookie jar', 'Token inspector', 'Session', 'Sign-in and actions', 'Configuration', 'Callbacks']) {
      expect(screen.getAllByRole('region', { name })).toHaveLength(1)
    }
    expect(screen.getAllByRole('list', { name: 'Pipeline' })).toHaveLength(1)
    expect(screen.queryAllByRole('region', { name: 'Pipeline' })).toHaveLength(0)
    // The editors' panel arrives in its own chunk, just after the first render.
    expect(await within(screen.getByRole('region', { name: 'Callbacks' })).findByText('callback editors')).toBeTruthy()
  })

  it('tells a newcomer what to click, then follows the run', () => {
    render(<PlaygroundScreen />)
    expect(screen.getByTestId('next-step').textContent).toContain('Press “Sign in”')
    const signIn = makeSignInTrace()
    const session = makeGetSessionTrace()
    act(() => appStore.setState({ lastTrace: session, traces: [signIn, session], cursor: session.events.length - 1, playing: false }))
    expect(screen.getByTestId('next-step').textContent).toContain('You have a session')
    expect(within(screen.getByRole('region', { name: 'Session' })).getByTestId('session-status').textContent).toBe('authenticated')
  })

  it('turns the button a hint quotes into a link that focuses that button', () => {
    render(<PlaygroundScreen />)
    const signIn = makeSignInTrace()
    act(() => appStore.setState({ lastTrace: signIn, traces: [signIn], cursor: signIn.events.length - 1, playing: false }))
    const hint = screen.getByTestId('next-step')
    const link = within(hint).getByRole('link', { name: 'Get session' })
    expect(link.getAttribute('href')).toBe('#action-get-session')
    // One button of that name on the page: the link is not a second one.
    expect(screen.getAllByRole('button', { name: 'Get session' })).toHaveLength(1)
    fireEvent.click(link)
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Get session' }))
    expect(hint.textContent).toContain('press “Get session” and watch')
  })

  it('switches the screen to Simplified Chinese', () => {
    render(<PlaygroundScreen />)
    act(() => appStore.setState({ locale: 'zh' }))
    expect(screen.getByRole('button', { name: '登录' })).toBeTruthy()
    expect(screen.getByRole('region', { name: 'Cookie 罐' })).toBeTruthy()
  })

  it('gives every panel its own name in Chinese too (no two landmarks share a heading)', () => {
    render(<PlaygroundScreen />)
    act(() => appStore.setState({ locale: 'zh' }))
    for (const name of ['登录与操作', '配置', '会话', '回调']) expect(screen.getAllByRole('region', { name })).toHaveLength(1)
    const ids = [...document.querySelectorAll('section[aria-labelledby]')].map((section) => section.getAttribute('aria-labelledby'))
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('shows the simulated time in the sticky bar, and any time, even past what a Date holds, without breaking', () => {
    render(<PlaygroundScreen />)
    act(() => appStore.setState({ nowSec: 1767225600 }))
    expect(screen.getByTestId('sim-clock-now').textContent).toBe('Thu, 01 Jan 2026, 00:00:00 UTC')
    expect(screen.getByTestId('sim-clock-now').getAttribute('dateTime')).toBe('2026-01-01T00:00:00.000Z')
    const signIn = makeSignInTrace()
    act(() => appStore.setState({ lastTrace: signIn, traces: [signIn], cursor: signIn.events.length - 1, playing: false, nowSec: 100_000_000 * 86400 + 1767225600 }))
    expect(screen.getByTestId('sim-clock-now').textContent).toContain('not a date')
    expect(screen.getAllByRole('region', { name: 'Cookie jar' })).toHaveLength(1)
  })
})
