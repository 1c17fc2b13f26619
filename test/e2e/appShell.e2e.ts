import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp, type OpenApp } from './helpers/openApp'

describe('the app shell', () => {
  let app: OpenApp
  beforeAll(async () => {
    app = await openApp()
  })
  afterAll(async () => {
    await app?.close()
  })

  it('shows the product name and description', async () => {
    await expect(app.page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('NextAuth JWT Playground')
    await expect(app.page.getByText('create, store, read and verify the JWT session').isVisible()).resolves.toBe(true)
  })

  it('paints the name and tagline from index.html alone, and the app replaces that shell', async () => {
    const html = await (await fetch(app.baseUrl)).text()
    expect(html).toContain('<h1 class="text-lg font-bold">NextAuth JWT Playground</h1>')
    expect(html).toContain('create, store, read and verify the JWT session')
    expect(html).toContain('Loading the playground…')
    await app.page.getByRole('region', { name: 'Cookie jar', exact: true }).waitFor()
    await expect(app.page.getByRole('heading', { level: 1 }).count()).resolves.toBe(1)
    await expect(app.page.getByText('Loading the playground…').count()).resolves.toBe(0)
  })

  it('lays out the panels, each a region with its exact name', async () => {
    for (const name of ['Cookie jar', 'Token inspector', 'Session']) {
      await expect(app.page.getByRole('region', { name, exact: true }).count()).resolves.toBe(1)
    }
  })

  it('loads with no console errors and no request leaving the page origin', async () => {
    await app.page.waitForLoadState('networkidle')
    expect(app.requests.length).toBeGreaterThan(0)
    expect(app.foreignRequests()).toEqual([])
    expect(app.errors).toEqual([])
  })

  it('opens the Token lab from the main screen, its texts arriving with its own chunk', async () => {
    // Everything the main screen fetched (scripts included) carries none of the lab's English texts.
    const LAB_TEXT = 'Remember the secret in this browser'
    await app.page.waitForLoadState('networkidle')
    const scripts = app.requests.filter((url) => url.endsWith('.js'))
    expect(scripts.length).toBeGreaterThan(0)
    for (const url of scripts) expect(await (await fetch(url)).text(), url).not.toContain(LAB_TEXT)
    await app.page.getByRole('link', { name: 'Token lab' }).click()
    // The lab is loaded on demand, so its heading appears once its chunk has arrived.
    await app.page.getByRole('heading', { name: 'Token lab' }).waitFor({ timeout: 10_000 })
    expect(app.page.url()).toContain('#/lab')
    await expect(app.page.getByRole('checkbox', { name: LAB_TEXT }).count()).resolves.toBe(1)
  })
})
