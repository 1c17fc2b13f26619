import { render, screen, fireEvent } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { App } from '../../src/ui/shell/App'

describe('App', () => {
  it('renders the product name and every panel of the playground', () => {
    render(<App />)
    expect(screen.getByRole('heading', { level: 1, name: 'NextAuth JWT Playground' })).toBeTruthy()
    for (const name of ['Cookie jar', 'Token inspector', 'Session']) {
      expect(screen.getAllByRole('region', { name })).toHaveLength(1)
    }
  })

  it('switches the interface to Simplified Chinese', () => {
    render(<App />)
    fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'zh' } })
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('NextAuth JWT 演练场')
    fireEvent.change(screen.getByLabelText('语言'), { target: { value: 'en' } })
  })
})
