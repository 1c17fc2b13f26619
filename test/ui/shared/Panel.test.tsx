import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { Panel } from '../../../src/ui/shared/Panel'

describe('Panel', () => {
  it('names each region by its own heading, also when the labels share no Latin letters', () => {
    render(
      <>
        <Panel label="登录与操作">a</Panel>
        <Panel label="配置">b</Panel>
        <Panel label="会话">c</Panel>
      </>,
    )
    for (const [name, text] of [['登录与操作', 'a'], ['配置', 'b'], ['会话', 'c']]) {
      expect(screen.getByRole('region', { name }).textContent).toContain(text)
    }
    const ids = [...document.querySelectorAll('section')].map((section) => section.getAttribute('aria-labelledby'))
    expect(new Set(ids).size).toBe(3)
  })
})
