// What a person does on the playground screen, as small steps shared by the playground and
// accessibility browser tests.
import type { Locator, Page } from 'playwright-core'
import { expect } from 'vitest'

/** Long enough for a run through the callback sandbox on a busy two-core machine. */
export const RUN_TIMEOUT_MS = 30_000

export const region = (page: Page, name: string) => page.getByRole('region', { name, exact: true })

/** The step button whose narration (its accessible description) matches; the name is the row's visible text. */
export const stepButton = (page: Page, narration: RegExp): Locator =>
  page.getByRole('list', { name: 'Pipeline', exact: true }).getByRole('listitem').filter({ has: page.locator('span[hidden]', { hasText: narration }) }).getByRole('button')

/** The panel that shows the selected step. */
export const details = (page: Page): Locator => region(page, 'Step details')

/** Clicks an action button, waits for its run to finish, then jumps to the end of the animation. */
export async function runAndSkip(page: Page, button: string): Promise<void> {
  await page.getByRole('button', { name: button, exact: true }).click()
  await finishRun(page)
}

/** Waits until no run is in flight and shows the last step (as "Skip animation" does). */
export async function finishRun(page: Page): Promise<void> {
  await expect.poll(() => page.getByTestId('next-step').textContent(), { timeout: RUN_TIMEOUT_MS, interval: 100 }).not.toContain('Running')
  const skip = page.getByRole('button', { name: 'Skip animation' })
  // A short run may finish playing between the check and the click, which disables the button: that is
  // the end this waits for anyway. Any other failure to click is real.
  if (await skip.isEnabled()) {
    await skip.click({ timeout: 5_000 }).catch(async (error: unknown) => {
      if (await skip.isEnabled()) throw error
    })
  }
  // The last step is current once its row is drawn (rows follow the run in a transition). A run that
  // stopped with an error leaves no new trace to wait for.
  const list = page.getByRole('list', { name: 'Pipeline', exact: true })
  if ((await list.getByRole('listitem').count()) > 0) await list.locator('li:last-child[aria-current="step"]').waitFor({ timeout: RUN_TIMEOUT_MS })
}

/** The cookie jar's row for `name`, and the row under it that spells out the flags. */
export function cookieRows(page: Page, name: string) {
  const row = region(page, 'Cookie jar').locator(`tr[data-cookie="${name}"]`)
  return { row, flags: row.locator('xpath=following-sibling::tr[1]') }
}

/** The cookie names in the jar, in table order. */
export async function cookieNames(page: Page): Promise<string[]> {
  return region(page, 'Cookie jar').locator('tr[data-cookie]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-cookie') ?? ''))
}

export async function sessionStatus(page: Page): Promise<string | null> {
  return region(page, 'Session').getByTestId('session-status').textContent()
}

/** Fills a configuration text field and commits it with Enter, as a person would. */
export async function setConfigField(page: Page, label: string, value: string): Promise<void> {
  const field = region(page, 'Configuration').getByLabel(label, { exact: true })
  await field.fill(value)
  await field.press('Enter')
}
