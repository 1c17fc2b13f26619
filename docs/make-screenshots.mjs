#!/usr/bin/env node
// Makes the README screenshots of the playground screen (1440×900): a newcomer's first screen in
// the light and dark themes, the screen after a sign-in and a session request, and a 1280×720
// projector screen with a step of the sign-in open beside the list.
// Usage: npx vite build --outDir .dist-shots && node docs/make-screenshots.mjs .dist-shots
import { preview } from 'vite'
import { chromium } from 'playwright-core'

const distDir = process.argv[2] || 'dist'
const server = await preview({ build: { outDir: distDir }, preview: { host: '127.0.0.1', port: 0 }, logLevel: 'error' })
const url = server.resolvedUrls.local[0]
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
})

async function open(colorScheme, viewport = { width: 1440, height: 900 }) {
  const page = await browser.newPage({ viewport, colorScheme, reducedMotion: 'reduce' })
  await page.goto(url)
  await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor()
  return page
}

async function run(page, button) {
  await page.getByRole('button', { name: button, exact: true }).click()
  await page.waitForFunction(() => !document.querySelector('[data-testid="next-step"]')?.textContent?.includes('Running'), null, { timeout: 30_000 })
  const skip = page.getByRole('button', { name: 'Skip animation' })
  if (await skip.isEnabled()) await skip.click()
}

for (const colorScheme of ['light', 'dark']) {
  const page = await open(colorScheme)
  await page.waitForTimeout(500)
  await page.screenshot({ path: `docs/playground-${colorScheme}.png` })
  await page.close()
}

const page = await open('light')
await run(page, 'Sign in')
await run(page, 'Get session')
await page.evaluate(() => window.scrollTo(0, 0))
await page.waitForTimeout(500)
// Tall enough to show the pipeline, the cookie jar and the session together.
const jar = await page.getByRole('region', { name: 'Cookie jar', exact: true }).boundingBox()
await page.screenshot({ path: 'docs/playground-signed-in.png', fullPage: true, clip: { x: 0, y: 0, width: 1440, height: Math.ceil(jar.y + jar.height + 24) } })

await page.close()

// A projector: 1280×720, a step of the sign-in chosen in the list, its details beside it.
const projector = await open('light', { width: 1280, height: 720 })
await run(projector, 'Sign in')
await projector
  .getByRole('list', { name: 'Pipeline', exact: true })
  .getByRole('listitem')
  .filter({ has: projector.locator('span[hidden]', { hasText: /sends POST \/api\/auth\/callback\/credentials/ }) })
  .getByRole('button')
  .click()
await projector.evaluate(() => window.scrollTo(0, 0))
await projector.waitForTimeout(500)
await projector.screenshot({ path: 'docs/playground-1280.png' })

await browser.close()
await server.close()
console.log('wrote docs/playground-light.png, docs/playground-dark.png, docs/playground-signed-in.png, docs/playground-1280.png')
