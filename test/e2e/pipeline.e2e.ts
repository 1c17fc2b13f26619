// The pipeline in real Chromium against the production build: a person signs in with the demo user
// and watches, steps, clicks and reads the run; with and without reduced motion.
import { readFileSync } from 'node:fs'
import type { Locator, Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { openApp, sharedBrowser, type OpenApp } from './helpers/openApp'
import { details, stepButton } from './playground.steps'

const browser = sharedBrowser()
let app: OpenApp | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

const pipeline = (page: Page): Locator => page.getByRole('list', { name: 'Pipeline', exact: true })
const currentStep = (page: Page): Locator => pipeline(page).locator('li[aria-current="step"]')

async function open(options: { reducedMotion?: 'reduce' | 'no-preference'; colorScheme?: 'light' | 'dark'; width?: number; height?: number } = {}): Promise<Page> {
  app = await openApp({ browser: browser(), reducedMotion: options.reducedMotion, colorScheme: options.colorScheme, viewport: { width: options.width ?? 1440, height: options.height ?? 900 } })
  await pipeline(app.page).waitFor({ state: 'attached' })
  return app.page
}

async function signIn(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
  await currentStep(page).waitFor({ timeout: 20_000 })
}

/** Waits until the playing run moves its current step on from `from`, and returns the step it is on now. */
async function cursorAfter(page: Page, from: number): Promise<number> {
  let now = from
  await expect.poll(async () => (now = await cursorOf(page)), { timeout: 10_000, interval: 20 }).not.toBe(from)
  return now
}

/** The index of the current step, from the row's data. */
async function cursorOf(page: Page): Promise<number> {
  return Number(await currentStep(page).getAttribute('data-step'))
}

async function stepCount(page: Page): Promise<number> {
  return pipeline(page).getByRole('listitem').count()
}

async function skipToEnd(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Skip animation' }).click()
  await pipeline(page).locator('li:last-child[aria-current="step"]').waitFor()
}

describe('Pipeline', () => {
  it('plays a sign-in on its own, one current step at a time, and stops on the last step', async () => {
    const page = await open()
    await signIn(page)
    const seen = new Set<number>()
    const total = await stepCount(page)
    expect(total).toBeGreaterThan(10)
    // Watch the cursor move without touching anything.
    let step = await cursorOf(page)
    seen.add(step)
    while (seen.size < 4) {
      expect(await currentStep(page).count()).toBe(1)
      step = await cursorAfter(page, step)
      seen.add(step)
    }
    await pipeline(page).locator('li:last-child[aria-current="step"]').waitFor({ timeout: 25_000 })
    await page.getByRole('button', { name: 'Play', exact: true }).waitFor()
    expect(app!.foreignRequests()).toEqual([])
    expect(app!.errors).toEqual([])
  })

  it('announces the current step in a live region and describes each step by its narration', async () => {
    const page = await open()
    await signIn(page)
    await skipToEnd(page)
    const live = page.getByRole('status').filter({ hasText: 'signIn() resolves to' })
    expect(await live.getAttribute('aria-live')).toBe('polite')
    expect(await live.innerText()).toContain('"ok":true')
    const last = pipeline(page).getByRole('listitem').last().getByRole('button')
    expect(await last.getAttribute('aria-label')).toBeNull()
    const description = await last.evaluate((button) => document.getElementById(button.getAttribute('aria-describedby') ?? '')?.textContent ?? '')
    expect(description).toMatch(/^Step \d+: signIn\(\) resolves to \{"ok":true,"status":200,"error":null,"url":"http:\/\/localhost:3000\//)
  })

  it('resumes a paused run with Space while an action button has the focus, and leaves Space to the button once the run has ended', async () => {
    const page = await open()
    await signIn(page)
    await skipToEnd(page)
    const steps = await stepCount(page)
    const end = await cursorOf(page)
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowLeft')
    const getSession = page.getByRole('button', { name: 'Get session', exact: true })
    await getSession.focus()
    await page.keyboard.press('Space')
    // The run plays on to its end; no new request was run (the trace is still the sign-in's, same steps).
    await page.getByRole('button', { name: 'Pause', exact: true }).waitFor()
    await pipeline(page).locator('li:last-child[aria-current="step"]').waitFor({ timeout: 20_000 })
    expect(await cursorOf(page)).toBe(end)
    expect(await stepCount(page)).toBe(steps)
    // At the end, Space presses the focused button as anywhere else.
    await page.getByRole('button', { name: 'Play', exact: true }).waitFor()
    await getSession.focus()
    await page.keyboard.press('Space')
    // A Get session run is a shorter trace than the sign-in.
    await expect.poll(() => stepCount(page), { timeout: 20_000 }).toBeLessThan(steps)
    expect(app!.errors).toEqual([])
  })

  it('steps with ← and →, and plays and pauses with Space', async () => {
    const page = await open()
    await signIn(page)
    await skipToEnd(page)
    const end = await cursorOf(page)
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
    await page.keyboard.press('ArrowLeft')
    await page.keyboard.press('ArrowLeft')
    expect(await cursorOf(page)).toBe(end - 2)
    await page.keyboard.press('ArrowRight')
    expect(await cursorOf(page)).toBe(end - 1)
    for (let i = 0; i < 12; i++) await page.keyboard.press('ArrowLeft')
    expect(await cursorOf(page)).toBe(end - 13)
    await page.keyboard.press('Space')
    await page.getByRole('button', { name: 'Pause', exact: true }).waitFor()
    await expect.poll(() => cursorOf(page), { timeout: 10_000 }).toBeGreaterThan(end - 12)
    await page.keyboard.press('Space')
    await page.getByRole('button', { name: 'Play', exact: true }).waitFor()
    const paused = await cursorOf(page)
    expect(paused).toBeGreaterThan(end - 13)
    expect(paused).toBeLessThan(end)
    await page.getByRole('button', { name: 'Restart' }).click()
    await page.getByRole('button', { name: 'Pause', exact: true }).waitFor()
    // Restart goes back to before the first step; the first one is current once it has played.
    await currentStep(page).waitFor()
    await page.getByRole('button', { name: 'Pause', exact: true }).click()
    expect(await cursorOf(page)).toBeLessThan(end - 1)
  })

  it('opens a step’s details: the request with its Cookie header, and the NextAuth file it models', async () => {
    const page = await open()
    await signIn(page)
    await skipToEnd(page)
    await stepButton(page, /sends POST \/api\/auth\/callback\/credentials/).click()
    const region = details(page)
    const text = await region.innerText()
    expect(text).toContain('POST http://localhost:3000/api/auth/callback/credentials')
    expect(text).toMatch(/Models: \S*next-auth\S*/)
    const cookieLine = region.locator('[data-highlight="cookie"]')
    expect(await cookieLine.count()).toBe(1)
    expect(await cookieLine.innerText()).toMatch(/^Cookie: .*next-auth\.csrf-token=/)
    expect(await region.innerText()).toContain('csrfToken=')
  })

  it('shows the Set-Cookie of the session token highlighted, with HttpOnly and SameSite=Lax', async () => {
    const page = await open()
    await signIn(page)
    await skipToEnd(page)
    await stepButton(page, /stores next-auth\.session-token/).first().click()
    const text = await details(page).innerText()
    expect(text).toMatch(/next-auth\.session-token=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0\.\.[\w-]+\.[\w-]+\.[\w-]+; Path=\/; Expires=[^;]+; HttpOnly; SameSite=Lax/)
  })

  it('shows callback arguments with their trigger', async () => {
    const page = await open()
    await signIn(page)
    await skipToEnd(page)
    await stepButton(page, /calls your jwt\(\) callback with trigger “signIn”/).click()
    const text = await details(page).innerText()
    expect(text).toContain('"trigger": "signIn"')
    expect(text).toContain('"account"')
  })

  it('moves a packet along the current arrow when motion is allowed', async () => {
    const page = await open()
    await signIn(page)
    await page.getByTestId('travelling-packet').first().waitFor({ state: 'attached' })
    expect(await page.getByTestId('travelling-packet').count()).toBe(1)
    // Web Animations move it: at least one is running inside the pipeline while a step plays.
    await page.waitForFunction(() => {
      const list = document.querySelector('ol[aria-label="Pipeline"]')!
      return document.getAnimations().some((a) => !(a instanceof CSSTransition) && a.playState === 'running' && a.effect instanceof KeyframeEffect && a.effect.target instanceof Node && list.contains(a.effect.target))
    })
  })

  it('with reduced motion, highlights each step instantly and never animates', async () => {
    const page = await open({ reducedMotion: 'reduce' })
    await signIn(page)
    // At each of six steps as they play: one current step, and no packet travelling to it.
    const counts: number[] = []
    let step = await cursorOf(page)
    for (let i = 0; i < 6; i++) {
      counts.push(await page.getByTestId('travelling-packet').count())
      expect(await currentStep(page).count()).toBe(1)
      step = await cursorAfter(page, step)
    }
    expect(counts.every((count) => count === 0)).toBe(true)
    const running = await page.evaluate(() => {
      const list = document.querySelector('ol[aria-label="Pipeline"]')!
      // CSS transitions count too: under reduced motion the app's stylesheet turns them off rather than shortening them.
      return document.getAnimations().filter((a) => a.playState === 'running' && a.effect instanceof KeyframeEffect && a.effect.target instanceof Node && list.contains(a.effect.target)).length
    })
    expect(running).toBe(0)
    await skipToEnd(page)
    expect(await page.getByRole('status').filter({ hasText: 'signIn() resolves to' }).count()).toBe(1)
  })

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`fits 1024 px and the pipeline passes axe in the ${colorScheme} theme`, async () => {
      const page = await open({ colorScheme, width: 1024 })
      await signIn(page)
      await skipToEnd(page)
      await stepButton(page, /sends POST/).click()
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true)
      await page.evaluate(readFileSync('node_modules/axe-core/axe.min.js', 'utf8'))
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe
        const list = document.querySelector('ol[aria-label="Pipeline"]')!.closest('div.flex.min-w-0.flex-col')!
        const result = await axe.run(list, { runOnly: ['wcag2a', 'wcag2aa'] })
        return result.violations.map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
      })
      expect(violations).toEqual([])
    })
  }

  it('plays a sign-in four times as fast with the speed set to 4×', async () => {
    const page = await open({ reducedMotion: 'reduce' })
    await page.getByRole('combobox', { name: 'Speed' }).selectOption('4')
    await page.getByRole('button', { name: 'Sign in', exact: true }).click()
    await currentStep(page).waitFor({ timeout: 20_000 })
    const started = Date.now()
    await pipeline(page).locator('li:last-child[aria-current="step"]').waitFor({ timeout: 20_000 })
    // 1× plays a sign-in in about 8 s (MAX_RUN_MS); 4× in about 2 s, with room for a busy machine.
    expect(Date.now() - started).toBeLessThan(4_500)
    await page.getByRole('button', { name: 'Play', exact: true }).waitFor()
  })

  it('Step back and Step forward, clicked, move the current step one at a time', async () => {
    const page = await open()
    await signIn(page)
    await skipToEnd(page)
    const end = await cursorOf(page)
    await page.getByRole('button', { name: 'Step back', exact: true }).click()
    await page.getByRole('button', { name: 'Step back', exact: true }).click()
    expect(await cursorOf(page)).toBe(end - 2)
    await page.getByRole('button', { name: 'Step forward', exact: true }).click()
    expect(await cursorOf(page)).toBe(end - 1)
    expect(await details(page).innerText()).toContain(`Step ${end}`)
  })

  it('at 1280×720 the current step stays on screen while the run plays, and a clicked step’s details are beside it', async () => {
    const page = await open({ width: 1280, height: 720 })
    const inView = async (locator: Locator) => {
      const box = await locator.boundingBox()
      return box !== null && box.y >= 0 && box.y + box.height <= 720 && box.x >= 0 && box.x + box.width <= 1280
    }
    await signIn(page)
    // Each of six steps as the run reaches it.
    let step = await cursorOf(page)
    for (let seen = 0; seen < 6; seen++) {
      expect(await inView(currentStep(page)), `step ${step} is on screen`).toBe(true)
      step = await cursorAfter(page, step)
    }
    await skipToEnd(page)
    await stepButton(page, /sends POST \/api\/auth\/callback\/credentials/).click()
    expect(await inView(currentStep(page))).toBe(true)
    expect(await inView(details(page))).toBe(true)
    expect(await details(page).innerText()).toContain('POST http://localhost:3000/api/auth/callback/credentials')
    expect(await page.evaluate(() => window.scrollY)).toBe(0)
  })
})
