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

/**
 * How long the page takes to handle a click on a harmless button, in ms, measured in the page: the
 * median of five clicks, each followed by one task turn (the median keeps one unlucky task on a
 * shared, loaded machine from deciding; DevTools-protocol round trips are not counted).
 */
export async function clickLatencyMs(page: Page, buttonName = 'Reset authorize to its starting code'): Promise<number> {
  return page.evaluate(async (name) => {
    const button = document.querySelector<HTMLButtonElement>(`button[aria-label="${name}"]`)
    if (!button) throw new Error(`no button ${name}`)
    const samples: number[] = []
    for (let i = 0; i < 5; i++) {
      const started = performance.now()
      button.click()
      await new Promise((resolve) => setTimeout(resolve, 0))
      samples.push(performance.now() - started)
      await new Promise((resolve) => setTimeout(resolve, 40))
    }
    return samples.sort((a, b) => a - b)[2]
  }, buttonName)
}

/**
 * Starts watching the page's main thread: a 20 ms timer records its longest late start. A callback
 * running on the main thread would show up as a gap as long as the callback.
 */
export async function watchMainThread(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    const watch = { longestGapMs: 0, last: performance.now(), timer: 0 }
    watch.timer = window.setInterval(() => {
      const now = performance.now()
      watch.longestGapMs = Math.max(watch.longestGapMs, now - watch.last - 20)
      watch.last = now
    }, 20)
    ;(window as unknown as { __mainThreadWatch: typeof watch }).__mainThreadWatch = watch
  })
  return () =>
    page.evaluate(() => {
      const watch = (window as unknown as { __mainThreadWatch: { longestGapMs: number; timer: number } }).__mainThreadWatch
      clearInterval(watch.timer)
      return watch.longestGapMs
    })
}

/** The code saved for the editors (what survives a reload). */
export async function savedCode(page: Page): Promise<Record<string, string>> {
  return JSON.parse((await page.evaluate(() => localStorage.getItem('nextauth-playground:editors:v1'))) ?? '{}')
}
