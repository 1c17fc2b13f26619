import { fireEvent, render, screen } from '@testing-library/react'
import { useState } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { AppErrorBoundary } from '../../../src/ui/shell/AppErrorBoundary'

afterEach(() => vi.restoreAllMocks())

function Bomb({ armed }: { armed: boolean }) {
  if (armed) throw new RangeError('Invalid time value')
  return <p>the screen</p>
}

describe('AppErrorBoundary', () => {
  it('shows what broke and a reset instead of a blank page, and renders the screen again after the reset', () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    function Harness() {
      const [armed, setArmed] = useState(true)
      return (
        <AppErrorBoundary onReset={() => setArmed(false)}>
          <Bomb armed={armed} />
        </AppErrorBoundary>
      )
    }
    render(<Harness />)
    const alert = screen.getByRole('alert')
    expect(alert.textContent).toContain('The playground stopped')
    expect(alert.textContent).toContain('RangeError: Invalid time value')
    expect(alert.textContent).toContain('Your callback code and your configuration are kept.')
    expect(logged).toHaveBeenCalled()
    fireEvent.click(screen.getByRole('button', { name: 'Reset playground' }))
    expect(screen.getByText('the screen')).toBeTruthy()
    expect(screen.queryByRole('alert')).toBeNull()
  })
})
