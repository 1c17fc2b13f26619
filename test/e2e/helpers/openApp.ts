// Opens the app in Debian's Chromium and records what a test needs to judge it: every request
// (page and workers), console errors and page errors.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { afterAll, beforeAll, inject } from 'vitest'
import { CHROMIUM_ARGS, chromiumPath } from './chromiumPath'

export interface OpenApp {
  browser: Browser
  context: BrowserContext
  page: Page
  baseUrl: string
  /** Every URL requested by the page or its workers, in order. */
  requests: string[]
  /** Console errors and uncaught page errors. */
  errors: string[]
  /** Requests whose origin is not the app's own (blob: and data: count as local). */
  foreignRequests(): string[]
  close(): Promise<void>
}

export interface OpenAppOptions {
  hash?: string
  colorScheme?: 'light' | 'dark'
  reducedMotion?: 'reduce' | 'no-preference'
  viewport?: { width: number; height: number }
  /** Reuse an existing browser (e.g. to reload with the same storage); a new one is launched otherwise. */
  browser?: Browser
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS })
}

/**
 * One browser for the tests of the calling file (or `describe` block): launched before the first,
 * closed after the last. Each test still opens its own context with `openApp({ browser: browser() })`.
 */
export function sharedBrowser(): () => Browser {
  let browser: Browser | undefined
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
  })
  return () => {
    if (!browser) throw new TypeError('the shared browser is used outside the tests it was made for')
    return browser
  }
}

export async function openApp(options: OpenAppOptions = {}): Promise<OpenApp> {
  const baseUrl = inject('baseUrl')
  const ownsBrowser = !options.browser
  const browser = options.browser ?? (await launchBrowser())
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1440, height: 900 },
    colorScheme: options.colorScheme ?? 'light',
    reducedMotion: options.reducedMotion ?? 'no-preference',
  })
  const requests: string[] = []
  const errors: string[] = []
  context.on('request', (request) => requests.push(request.url()))
  context.on('weberror', (error) => errors.push(`page error: ${error.error().message}`))
  const page = await context.newPage()
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console error: ${message.text()}`)
  })
  page.on('websocket', (socket) => requests.push(socket.url()))
  await page.goto(baseUrl + (options.hash ?? ''))
  const origin = new URL(baseUrl).origin
  return {
    browser,
    context,
    page,
    baseUrl,
    requests,
    errors,
    foreignRequests: () => requests.filter((url) => !(url.startsWith('blob:') || url.startsWith('data:') || new URL(url).origin === origin)),
    async close() {
      await context.close()
      if (ownsBrowser) await browser.close()
    },
  }
}
