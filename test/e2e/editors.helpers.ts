// What the editor and hostile-callback browser tests do as a person would: paste code into an
// editor found by its accessible name, press "Sign in", read what the editor and the panels show.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Locator, Page } from 'playwright-core'
import { expect } from 'vitest'

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

/** `pasteInto`, then wait until the editors' store has kept exactly that code (the next run uses it). */
export async function pasteAndKeep(page: Page, label: string, name: 'authorize' | 'jwt' | 'session', code: string): Promise<void> {
  await pasteInto(page, label, code)
  await expect.poll(async () => (await savedCode(page))[name] ?? '', { timeout: 10_000 }).toBe(code)
}

/** The Monaco editor whose text area has this accessible name. */
export function monacoEditor(page: Page, label: string): Locator {
  return page.locator('.monaco-editor').filter({ has: page.getByRole('textbox', { name: label, exact: true }) })
}

/**
 * The editor as it is drawn (every line is visible for short code), with Monaco's U+00A0 spaces
 * normalised. Long lines wrap: a drawn row without a line number continues the line above it, indented
 * as far as that line (Monaco's `wrappingIndent: 'same'`), which is not part of the text.
 */
export async function editorText(page: Page, label: string): Promise<string> {
  return monacoEditor(page, label).evaluate((editor) => {
    const numbered = new Set([...editor.querySelectorAll<HTMLElement>('.margin-view-overlays > div')].filter((row) => (row.textContent ?? '').trim() !== '').map((row) => parseFloat(row.style.top)))
    const lines: string[] = []
    for (const row of [...editor.querySelectorAll<HTMLElement>('.view-lines .view-line')].sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top))) {
      const text = (row.textContent ?? '').replace(/\u00a0/g, ' ')
      if (numbered.has(parseFloat(row.style.top)) || lines.length === 0) {
        lines.push(text)
        continue
      }
      const indent = /^ */.exec(lines[lines.length - 1])![0].length
      lines[lines.length - 1] += text.replace(new RegExp(`^ {0,${indent}}`), '')
    }
    return lines.join('\n')
  })
}

/** Wait until Monaco has drawn all three editors. */
export async function waitForEditors(page: Page): Promise<void> {
  for (const label of ['authorize', 'jwt callback', 'session callback']) {
    await monacoEditor(page, label).locator('.view-line').first().waitFor({ timeout: 30_000 })
  }
}

export function editorsPanel(page: Page): Locator {
  return page.getByRole('region', { name: 'Callbacks', exact: true })
}

/** The id of the run whose results the editors show (`data-run-id`; empty before the first run). */
export async function lastRunId(page: Page): Promise<string> {
  return (await editorsPanel(page).locator('[data-run-id]').first().getAttribute('data-run-id')) ?? ''
}

/** Wait until the editors show a run other than `previous`: only then do their alerts belong to the new run. */
export async function waitForNewRun(page: Page, previous: string, timeout = 15_000): Promise<void> {
  await editorsPanel(page).locator(`[data-run-id]:not([data-run-id="${previous}"])`).first().waitFor({ state: 'attached', timeout })
}

/** Press "Sign in" and wait for that run's results. */
export async function signInAndWait(page: Page): Promise<void> {
  const previous = await lastRunId(page)
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
  await waitForNewRun(page, previous)
}

/**
 * Starts watching the page's main thread with PerformanceObserver: long tasks, and the event timing
 * of clicks. Learner code on the main thread would show up as a long task as long as the callback.
 */
export async function watchMainThread(page: Page): Promise<() => Promise<{ longestTaskMs: number }>> {
  await page.evaluate(() => {
    const watch = { longestTaskMs: 0, observer: null as PerformanceObserver | null }
    watch.observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) watch.longestTaskMs = Math.max(watch.longestTaskMs, entry.duration)
    })
    watch.observer.observe({ type: 'longtask', buffered: false })
    ;(window as unknown as { __mainThreadWatch: typeof watch }).__mainThreadWatch = watch
  })
  return () =>
    page.evaluate(() => {
      const watch = (window as unknown as { __mainThreadWatch: { longestTaskMs: number; observer: PerformanceObserver } }).__mainThreadWatch
      watch.observer.disconnect()
      return { longestTaskMs: Math.round(watch.longestTaskMs) }
    })
}

const HARMLESS_BUTTON = 'Reset authorize to its starting code'

/**
 * How long a real click on a harmless button takes to be handled, in ms: the larger of its input
 * delay (event.timeStamp → the listener) and its Event Timing duration (input → next paint; reported
 * from 16 ms). The click is raw input at coordinates taken beforehand (`page.mouse.click`): a
 * locator's click first checks the element from inside the page, so it would wait out a blocked main
 * thread and then measure a fast click. With `signInFirst`, "Sign in" is pressed (by keyboard, so
 * nothing scrolls) right before the click; `runIdAtClick` is the editors' run id when it arrived.
 */
export async function realClickLatencyMs(page: Page, options: { signInFirst?: boolean } = {}): Promise<{ latencyMs: number; runIdAtClick: string }> {
  if (options.signInFirst) await page.getByRole('button', { name: 'Sign in', exact: true }).focus()
  const button = page.getByRole('button', { name: HARMLESS_BUTTON, exact: true })
  await button.scrollIntoViewIfNeeded()
  const box = await button.boundingBox()
  if (!box) throw new Error(`no ${HARMLESS_BUTTON} button on screen`)
  await page.evaluate((label) => {
    const probe = { delayMs: -1, durationMs: 0, runId: '', observer: null as PerformanceObserver | null }
    probe.observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as PerformanceEventTiming[]) {
        const target = entry.target instanceof Element ? entry.target.closest('button') : null
        if (target?.getAttribute('aria-label') === label && ['click', 'pointerdown', 'pointerup'].includes(entry.name)) probe.durationMs = Math.max(probe.durationMs, entry.duration)
      }
    })
    probe.observer.observe({ type: 'event', durationThreshold: 16, buffered: false } as PerformanceObserverInit)
    const listener = (event: Event) => {
      if ((event.target as Element | null)?.closest?.('button')?.getAttribute('aria-label') !== label) return
      removeEventListener('click', listener, { capture: true })
      probe.delayMs = performance.now() - event.timeStamp
      probe.runId = document.querySelector('[data-run-id]')?.getAttribute('data-run-id') ?? ''
    }
    addEventListener('click', listener, { capture: true })
    ;(window as unknown as { __clickProbe: typeof probe }).__clickProbe = probe
  }, HARMLESS_BUTTON)
  if (options.signInFirst) await page.keyboard.press('Enter')
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2)
  return page.evaluate(async () => {
    // Event Timing entries arrive after the next paint.
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50)))
    const probe = (window as unknown as { __clickProbe: { delayMs: number; durationMs: number; runId: string; observer: PerformanceObserver } }).__clickProbe
    probe.observer.disconnect()
    if (probe.delayMs < 0) throw new Error('the click never reached the button')
    return { latencyMs: Math.round(Math.max(probe.delayMs, probe.durationMs)), runIdAtClick: probe.runId }
  })
}

/** The code saved for the editors (what survives a reload). */
export async function savedCode(page: Page): Promise<Record<string, string>> {
  return JSON.parse((await page.evaluate(() => localStorage.getItem('nextauth-playground:editors:v1'))) ?? '{}')
}

/**
 * A server on another origin (another port of 127.0.0.1) that counts every request and WebSocket
 * upgrade it gets, whatever sent it: requests from a worker, WebSocketStream and fonts do not all show
 * up in Playwright's request events. It answers scripts with code that would mark the worker.
 */
export async function startForeignOrigin(): Promise<{ origin: string; hits: string[]; close(): Promise<void> }> {
  const hits: string[] = []
  const server = createServer((request, response) => {
    hits.push(`${request.method} ${request.url}`)
    response.setHeader('Access-Control-Allow-Origin', '*')
    const script = request.url?.endsWith('.js')
    response.setHeader('Content-Type', script ? 'text/javascript' : 'text/plain')
    response.end(script ? 'self.__pwned = 1; export default 1' : 'x')
  })
  server.on('upgrade', (request, socket) => {
    hits.push(`UPGRADE ${request.url}`)
    socket.destroy()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { origin: `http://127.0.0.1:${port}`, hits, close: () => new Promise((resolve) => server.close(() => resolve())) }
}
