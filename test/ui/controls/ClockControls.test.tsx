import { act, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { appStore } from '../../../src/state/useAppStore'
import { ClockControls } from '../../../src/ui/controls/ClockControls'
import { FIXTURE_NOW_SEC } from '../../helpers/makeTrace'

const initial = appStore.getState()
afterEach(() => appStore.setState(initial, true))

function renderWithSpies() {
  const spies = { advanceClock: vi.fn(async (_bySec: number) => null), setClockTo: vi.fn(async (_unixSec: number) => null) }
  appStore.setState({ ...spies, nowSec: FIXTURE_NOW_SEC })
  render(<ClockControls />)
  return spies
}

const utcInput = (sec: number) => new Date(sec * 1000).toISOString().slice(0, 19)

describe('ClockControls', () => {
  it('advances by seconds, so the 15 s tolerance can be shown from the screen', () => {
    const spies = renderWithSpies()
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Custom amount' }), { target: { value: '14' } })
    fireEvent.change(screen.getByRole('combobox', { name: 'Unit' }), { target: { value: 'seconds' } })
    fireEvent.click(screen.getByRole('button', { name: 'Advance' }))
    expect(spies.advanceClock).toHaveBeenCalledWith(14)
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['seconds', 'minutes', 'hours', 'days'])
  })

  it('moves the clock to a date and time read as UTC', () => {
    const spies = renderWithSpies()
    const input = screen.getByLabelText('Move the clock to a date and time (UTC)') as HTMLInputElement
    expect(input.type).toBe('datetime-local')
    // Starts one day ahead of the simulated time (the input writes whole minutes without ":00").
    expect(Date.parse(`${input.value}Z`) / 1000).toBe(FIXTURE_NOW_SEC + 86_400)
    fireEvent.change(input, { target: { value: utcInput(FIXTURE_NOW_SEC + 90) } })
    fireEvent.click(screen.getByRole('button', { name: 'Go to date' }))
    expect(spies.setClockTo).toHaveBeenCalledWith(FIXTURE_NOW_SEC + 90)
  })

  it('keeps the untouched date a day ahead of the clock, with no error, and follows it again after a jump', () => {
    const spies = renderWithSpies()
    const input = screen.getByLabelText('Move the clock to a date and time (UTC)') as HTMLInputElement
    act(() => appStore.setState({ nowSec: FIXTURE_NOW_SEC + 30 * 86_400 }))
    expect(Date.parse(`${input.value}Z`) / 1000).toBe(FIXTURE_NOW_SEC + 31 * 86_400)
    expect(input.getAttribute('aria-invalid')).toBe('false')
    expect(screen.queryByText('Pick a time after the current one: the clock only moves forward.')).toBeNull()
    // An edited date stays as typed while the clock moves; once used, the field follows the clock again.
    fireEvent.change(input, { target: { value: utcInput(FIXTURE_NOW_SEC + 40 * 86_400) } })
    act(() => appStore.setState({ nowSec: FIXTURE_NOW_SEC + 35 * 86_400 }))
    expect(Date.parse(`${input.value}Z`) / 1000).toBe(FIXTURE_NOW_SEC + 40 * 86_400)
    fireEvent.click(screen.getByRole('button', { name: 'Go to date' }))
    expect(spies.setClockTo).toHaveBeenCalledWith(FIXTURE_NOW_SEC + 40 * 86_400)
    act(() => appStore.setState({ nowSec: FIXTURE_NOW_SEC + 40 * 86_400 }))
    expect(Date.parse(`${input.value}Z`) / 1000).toBe(FIXTURE_NOW_SEC + 41 * 86_400)
  })

  it('refuses a date that is not after the current time, and says why', () => {
    const spies = renderWithSpies()
    const input = screen.getByLabelText('Move the clock to a date and time (UTC)')
    fireEvent.change(input, { target: { value: utcInput(FIXTURE_NOW_SEC - 60) } })
    const button = screen.getByRole('button', { name: 'Go to date' }) as HTMLButtonElement
    expect(button.disabled).toBe(true)
    expect(input.getAttribute('aria-invalid')).toBe('true')
    expect(screen.getByText('Pick a time after the current one: the clock only moves forward.')).toBeTruthy()
    fireEvent.click(button)
    fireEvent.change(input, { target: { value: '' } })
    fireEvent.submit(button.form!)
    expect(spies.setClockTo).not.toHaveBeenCalled()
  })
})
