import { render, screen, fireEvent } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { isLocaleLoaded } from '../../src/i18n/t'
import { App } from '../../src/ui/shell/App'

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
