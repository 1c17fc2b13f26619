import { act, render, screen, within } from '@testing-library/react'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { loadLocale } from '../../../src/i18n/t'
import { appStore } from '../../../src/state/useAppStore'
import { PlaygroundScreen } from '../../../src/ui/playground/PlaygroundScreen'
import { makeGetSessionTrace, makeSignInTrace } from '../../helpers/makeTrace'

// Monaco does not run in jsdom; the editors slot only has to stay mounted.
vi.mock('../../../src/ui/editor/CallbackEditors', () => ({ CallbackEditors: () => <p>callback editors</p> }))

const initial = appStore.getState()
afterEach(() => appStore.setState(initial, true))

describe('PlaygroundScreen', () => {
  // The Chinese catalogue loads lazily in the app; have it ready so the language test can render synchronously.
  beforeAll(() => loadLocale('zh'))

  it('has each landmark once with exactly its name, and keeps the editors mounted', () => {
    render(<PlaygroundScreen />)
    for (const name of ['Cookie jar', 'Token inspector', 'Session', 'Sign-in and actions', 'Configuration', 'Callbacks']) {
      expect(screen.getAllByRole('region', { name })).toHaveLength(1)
    }
    expect(screen.getAllByRole('list', { name: 'Pipeline' })).toHaveLength(1)
    expect(screen.queryAllByRole('region', { name: 'Pipeline' })).toHaveLength(0)
    expect(within(screen.getByRole('region', { name: 'Callbacks' })).getByText('callback editors')).toBeTruthy()
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

  it('switches the screen to Simplified Chinese', () => {
    render(<PlaygroundScreen />)
    act(() => appStore.setState({ locale: 'zh' }))
    expect(screen.getByRole('button', { name: '登录' })).toBeTruthy()
    expect(screen.getByRole('region', { name: 'Cookie 罐' })).toBeTruthy()
  })
})
