// Accessibility of the main screen in Chromium: axe-core finds no serious or critical violation in
// either theme, before and after a sign-in; the landmarks exist once each; nothing overflows.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { openApp, type OpenApp } from './helpers/openApp'
import { region, runAndSkip } from './playground.steps'

// Evaluated through the devtools protocol: the app's CSP (rightly) refuses an injected <script>.
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

interface AxeViolation {
  id: string
  impact: string | null
  help: string
  nodes: { target: string[] }[]
}

/** Serious and critical violations on the page, or only inside the elements matching `include`. */
async function seriousViolations(page: Page, include?: string[]): Promise<string[]> {
  await page.evaluate(AXE_SOURCE)
  const violations = await page.evaluate(async (include) => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: object): Promise<{ violations: AxeViolation[] }> } }).axe
    const result = await axe.run(include ? { include: include.map((selector) => [selector]) } : document, { resultTypes: ['violations'] })
    return result.violations
  }, include)
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`)
}

describe('accessibility of the playground screen', () => {
  let app: OpenApp | undefined
  afterEach(async () => {
    expect(app?.errors).toEqual([])
    await app?.close()
    app = undefined
  })

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`has no serious or critical axe violations in the ${colorScheme} theme, before and after a sign-in`, async () => {
      app = await openApp({ colorScheme })
      const { page } = app
      await expect(page.evaluate(() => document.documentElement.classList.contains('dark'))).resolves.toBe(colorScheme === 'dark')
      expect(await seriousViolations(page)).toEqual([])
      await runAndSkip(page, 'Sign in')
      await runAndSkip(page, 'Get session')
      await region(page, 'Cookie jar').getByRole('button', { name: 'What JavaScript sees' }).click()
      expect(await seriousViolations(page)).toEqual([])
    })
  }

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`the screen's own panels (hint, controls, configuration, cookie jar, session) are clean in the ${colorScheme} theme after a sign-in`, async () => {
      app = await openApp({ colorScheme })
      const { page } = app
      await runAndSkip(page, 'Sign in')
      await runAndSkip(page, 'Get session')
      await region(page, 'Cookie jar').getByRole('button', { name: 'What JavaScript sees' }).click()
      // Each panel found by its role and name, then handed to axe by an id of its own (heading ids come from useId()).
      const panels = ['[data-testid="next-step"]']
      for (const [index, name] of ['Sign-in and actions', 'Configuration', 'Cookie jar', 'Session'].entries()) {
        const panel = page.getByRole('region', { name, exact: true })
        await expect(panel.count()).resolves.toBe(1)
        await panel.evaluate((element, id) => element.setAttribute('data-axe-panel', id), String(index))
        panels.push(`[data-axe-panel="${index}"]`)
      }
      expect(await seriousViolations(page, panels)).toEqual([])
    })
  }

  it('has each landmark exactly once, with exactly its name', async () => {
    app = await openApp()
    const { page } = app
    for (const name of ['Cookie jar', 'Token inspector', 'Session']) {
      await expect(page.getByRole('region', { name, exact: true }).count()).resolves.toBe(1)
    }
    await expect(page.getByRole('list', { name: 'Pipeline', exact: true }).count()).resolves.toBe(1)
    await expect(page.getByRole('region', { name: 'Pipeline', exact: true }).count()).resolves.toBe(0)
  })

  for (const viewport of [
    { width: 1024, height: 768 },
    { width: 1280, height: 720 },
    { width: 1440, height: 900 },
  ]) {
    it(`nothing overflows sideways at ${viewport.width}×${viewport.height}, and Sign in is on the first screen`, async () => {
      app = await openApp({ viewport })
      const { page } = app
      const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
      await expect(overflow()).resolves.toBeLessThanOrEqual(0)
      const box = await page.getByRole('button', { name: 'Sign in', exact: true }).boundingBox()
      expect(box!.y + box!.height).toBeLessThanOrEqual(viewport.height)
      await runAndSkip(page, 'Sign in')
      await expect(overflow()).resolves.toBeLessThanOrEqual(0)
    })
  }

  it('in Simplified Chinese every landmark has its own name, and axe finds nothing serious before and after a sign-in', async () => {
    app = await openApp()
    const { page } = app
    await page.getByRole('combobox', { name: 'Language' }).selectOption('zh')
    await page.getByRole('heading', { level: 1, name: 'NextAuth JWT 演练场' }).waitFor({ timeout: 10_000 })
    const labelledBy = await page.locator('section[aria-labelledby]').evaluateAll((sections) => sections.map((section) => section.getAttribute('aria-labelledby')))
    expect(new Set(labelledBy).size).toBe(labelledBy.length)
    for (const name of ['登录与操作', '配置', 'Cookie 罐', '会话', '回调', '令牌检查器']) await expect(page.getByRole('region', { name, exact: true }).count()).resolves.toBe(1)
    expect(await seriousViolations(page)).toEqual([])
    await page.getByRole('button', { name: '登录', exact: true }).click()
    await expect.poll(() => page.getByTestId('next-step').textContent(), { timeout: 30_000 }).not.toContain('运行中')
    await page.getByRole('button', { name: '跳过动画' }).click()
    expect(await seriousViolations(page)).toEqual([])
  })

  it('keeps keyboard focus on the button that started a run while the run is in flight', async () => {
    app = await openApp()
    const { page } = app
    const signIn = page.getByRole('button', { name: 'Sign in', exact: true })
    await signIn.focus()
    // The page records every time focus leaves an element while the run is in flight and after it.
    await page.evaluate(() => {
      const lost: string[] = []
      ;(window as unknown as { focusLost: string[] }).focusLost = lost
      document.addEventListener('focusout', (event) => lost.push(`${(event.target as Element).textContent ?? ''} → ${(event.relatedTarget as Element | null)?.tagName ?? 'nothing'}`), true)
    })
    await page.keyboard.press('Enter')
    await expect.poll(() => page.getByTestId('next-step').textContent(), { timeout: 30_000 }).not.toContain('Running')
    expect(await page.evaluate(() => (window as unknown as { focusLost: string[] }).focusLost)).toEqual([])
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Sign in')
  })
})
