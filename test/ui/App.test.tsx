import { act, render, screen, fireEvent } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { isLocaleLoaded } from '../../src/i18n/t'
import { appStore } from '../../src/state/useAppStore'
import { App } from '../../src/ui/shell/App'

// Monaco does not run in jsdom; the editors slot only has to stay mounted.
vi.mock('../../src/ui/editor/CallbackEditors', () => ({ CallbackEditors: () => <p>callback editors</p> }))
// The sticky clock readout, made to throw on a negative time so a test can break rendering on purpose.
vi.mock('../../src/ui/playground/SimClockReadout', async () => {
  const { useAppStore } = await import('../../src/state/useAppStore')
  return {
    SimClockReadout: () => {
      const nowSec = useAppStore((s) => s.nowSec)
      if (nowSec < 0) throw new RangeError('Invalid time value')
      return <p data-testid="sim-clock-now">{nowSec}</p>
    },
  }
})

const initial = appStore.getState()
afterEach(() => {
  vi.restoreAllMocks()
  initial.playground.setConfig(initial.config)
  appStore.setState(initial, true)
})

describe('App', () => {
  it('renders the product name and every panel of the playground', () => {
    render(<App />)
    expect(screen.getByRole('heading', { level: 1, name: 'NextAuth JWT Playground' })).toBeTruthy()
    for (const name of ['Cookie jar', 'Token inspector', 'Session']) {
      expect(screen.getAllByRole('region', { name })).toHaveLength(1)
    }
  })

  it('loads the Token lab view on demand from its link', async () => {
    render(<App />)
    fireEvent.click(screen.getByRole('link', { name: 'Token lab' }))
    expect(await screen.findByRole('heading', { level: 2, name: 'Token lab' }, { timeout: 5000 })).toBeTruthy()
    expect(screen.queryByRole('region', { name: 'Cookie jar' })).toBeNull()
    fireEvent.click(screen.getByRole('link', { name: 'Playground' }))
    expect(screen.getAllByRole('region', { name: 'Cookie jar' })).toHaveLength(1)
  })

  it('switches the interface to Simplified Chinese once its catalogue has loaded, in English until then', async () => {
    render(<App />)
    // The Chinese catalogue is not in the initial bundle (the dynamic import may take a while to transform under load): t() stays synchronous and falls back to English meanwhile.
    expect(isLocaleLoaded('zh')).toBe(false)
    fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'zh' } })
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('NextAuth JWT Playground')
    expect((await screen.findByRole('heading', { level: 1, name: 'NextAuth JWT 演练场' }, { timeout: 5000 })).textContent).toBe('NextAuth JWT 演练场')
    expect(isLocaleLoaded('zh')).toBe(true)
    fireEvent.change(screen.getByLabelText('语言'), { target: { value: 'en' } })
  })
})

describe('App keeps the learner’s work', () => {
  it('keeps what was typed on the playground across a visit to the Token lab', async () => {
    render(<App />)
    fireEvent.change(screen.getByRole('textbox', { name: 'Email' }), { target: { value: 'typed@example.com' } })
    fireEvent.change(screen.getByRole('textbox', { name: 'Update data (JSON)' }), { target: { value: '{ "name": "mine"' } })
    fireEvent.change(screen.getByRole('textbox', { name: 'Mock users (JSON)' }), { target: { value: '[{ "email": "half' } })
    fireEvent.click(screen.getByRole('link', { name: 'Token lab' }))
    expect(await screen.findByRole('heading', { level: 2, name: 'Token lab' }, { timeout: 5000 })).toBeTruthy()
    expect(screen.queryByRole('textbox', { name: 'Email' })).toBeNull()
    fireEvent.click(screen.getByRole('link', { name: 'Playground' }))
    expect((screen.getByRole('textbox', { name: 'Email' }) as HTMLInputElement).value).toBe('typed@example.com')
    expect((screen.getByRole('textbox', { name: 'Update data (JSON)' }) as HTMLTextAreaElement).value).toBe('{ "name": "mine"')
    expect((screen.getByRole('textbox', { name: 'Mock users (JSON)' }) as HTMLTextAreaElement).value).toBe('[{ "email": "half')
  })

  it('shows a time past what a Date can hold without breaking the page', () => {
    render(<App />)
    act(() => appStore.setState({ nowSec: 100_000_000 * 86400 + 1767225600 }))
    expect(screen.queryByRole('button', { name: 'Reset playground' })).toBeNull()
    expect(screen.getAllByRole('region', { name: 'Cookie jar' })).toHaveLength(1)
    expect(screen.getByTestId('sim-clock').textContent).toContain('not a date')
  })

  it('after a render error, Reset playground brings the screen back on a fresh clock with the code and configuration kept', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    render(<App />)
    act(() => {
      appStore.getState().setConfig({ users: [{ id: 'g', name: 'Grace', email: 'grace@example.com', password: 'cobol' }] })
      appStore.getState().setEditorCode('jwt', '// my jwt callback')
    })
    // The mocked readout below throws for a negative time, standing in for any bug that breaks rendering.
    act(() => appStore.setState({ nowSec: -1 }))
    expect(screen.getByRole('alert').textContent).toContain('The playground stopped')
    expect(screen.queryByRole('region', { name: 'Cookie jar' })).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: 'Reset playground' }))
    expect(screen.getAllByRole('region', { name: 'Cookie jar' })).toHaveLength(1)
    expect(appStore.getState().nowSec).toBeGreaterThan(0)
    expect(appStore.getState().config.users[0]!.email).toBe('grace@example.com')
    expect(appStore.getState().editorCode.jwt).toBe('// my jwt callback')
  })
})
