// What the editor and hostile-callback browser tests do as a person would: paste code into an
// editor found by its accessible name, press "Sign in", read what the editor and the panels show.
import type { Locator, Page } from 'playwright-core'

/** Replace an editor's text the way a person does: focus it, select all, paste. */
export async function pasteInto(page: Page, label: string, code: string): Promise<void> {
  const box = page.getByRole('textbox', { name: label, exact: true })
  await box.focus()
  await page.keyboard.press('ControlOrMeta+A')
  await box.evaluate((element, text) => {
    const data = new DataTransfer()
    data.setData('text/plain', text)
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
  }, code)
}

/** The editor as it is drawn (every line is visible for short code), with Monaco's U+00A0 spaces normalised. */
export async function editorText(page: Page, label: string): Promise<string> {
  const editor = page.locator('.monaco-editor').filter({ has: page.getByRole('textbox', { name: label, exact: true }) })
  return editor.locator('.view-lines').evaluate((lines) =>
    [...lines.querySelectorAll<HTMLElement>('.view-line')]
      .sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top))
      .map((line) => (line.textContent ?? '').replace(/\u00a0/g, ' '))
      .join('\n'),
  )
}

/** Wait until Monaco has drawn all three editors. */
export async function waitForEditors(page: Page): Promise<void> {
  for (const label of ['authorize', 'jwt callback', 'session callback']) {
    await page.locator('.monaco-editor').filter({ has: page.getByRole('textbox', { name: label, exact: true }) }).locator('.view-line').first().waitFor({ timeout: 30_000 })
  }
}

export function editorsPanel(page: Page): Locator {
  return page.getByRole('region', { name: 'Callbacks', exact: true })
}

/** How long the page takes to handle a click on a harmless button (main-thread round trip), in ms. */
export async function clickLatencyMs(page: Page, buttonName = 'Reset authorize to its starting code'): Promise<number> {
  const button = page.getByRole('button', { name: buttonName, exact: true })
  await button.waitFor()
  const started = performance.now()
  await button.evaluate((element) => (element as HTMLButtonElement).click())
  return performance.now() - started
}

/** The code saved for the editors (what survives a reload). */
export async function savedCode(page: Page): Promise<Record<string, string>> {
  return JSON.parse((await page.evaluate(() => localStorage.getItem('nextauth-playground:editors:v1'))) ?? '{}')
}
