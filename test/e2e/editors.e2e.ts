// The callback editors in Chromium: write a jwt and a session callback that carry `role`, sign in and
// read it in the token and the session; autocomplete knows `trigger`; edits survive a reload; Monaco
// and its TypeScript worker load only from the app's origin; axe finds no serious problems.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, openApp, type OpenApp } from './helpers/openApp'
import { editorsPanel, editorText, pasteInto, savedCode, waitForEditors } from './editors.helpers'

const JWT_WITH_ROLE = `import type { NextAuthOptions } from 'next-auth'

declare module 'next-auth/jwt' {
  interface JWT {
    role?: string
  }
}

export const callbacks: NextAuthOptions['callbacks'] = {
  async jwt({ token, user }) {
    if (user) token.role = user.role
    return token
  },
}`

const SESSION_WITH_ROLE = `export function session({ session, token }: { session: Session; token: JWT }) {
  return { ...session, user: { ...session.user, role: token.role } }
}`

describe('callback editors', () => {
  let app: OpenApp
  beforeAll(async () => {
    app = await openApp({ reducedMotion: 'reduce' })
    await waitForEditors(app.page)
  })
  afterAll(async () => {
    await app?.close()
  })

  it('shows three TypeScript editors with the seed code', async () => {
    expect(await editorText(app.page, 'jwt callback')).toContain('token.id = user.id')
    expect(await editorText(app.page, 'session callback')).toContain('.id = token.id')
    expect(await editorText(app.page, 'authorize')).toContain('CredentialsProvider({')
    expect(await editorsPanel(app.page).getByText(/Ctrl\+M/).count()).toBe(1)
  })

  it('offers `trigger` when completing the jwt callback arguments', async () => {
    const { page } = app
    await pasteInto(page, 'jwt callback', "import type { NextAuthOptions } from 'next-auth'\n\nexport const callbacks: NextAuthOptions['callbacks'] = {\n  async jwt({ token, tr")
    const suggest = page.locator('.suggest-widget .monaco-list-row').filter({ hasText: 'trigger' })
    // The TypeScript worker may still be starting: ask again, as a person would, until it answers.
    for (let attempt = 0; attempt < 10 && !(await suggest.first().isVisible()); attempt++) {
      await page.keyboard.press('Control+Space')
      await suggest.first().waitFor({ timeout: 3_000 }).catch(() => page.keyboard.press('Escape'))
    }
    await suggest.first().waitFor({ timeout: 3_000 })
    await page.keyboard.press('Escape')
  })

  it('carries role from a typed jwt callback into the token and the session', async () => {
    const { page } = app
    await pasteInto(page, 'jwt callback', JWT_WITH_ROLE)
    await pasteInto(page, 'session callback', SESSION_WITH_ROLE)
    await page.getByRole('button', { name: 'Sign in', exact: true }).click()
    await page.getByRole('region', { name: 'Token inspector', exact: true }).getByText('role', { exact: false }).first().waitFor({ timeout: 15_000 })
    const inspector = await page.getByRole('region', { name: 'Token inspector', exact: true }).innerText()
    expect(inspector).toMatch(/role[\s\S]{0,40}admin/)
    await page.getByRole('button', { name: 'Get session', exact: true }).click()
    const session = page.getByRole('region', { name: 'Session', exact: true })
    await session.getByText('"role"', { exact: false }).first().waitFor({ timeout: 15_000 })
    expect(await session.innerText()).toMatch(/"role":\s*"admin"/)
    expect(await editorsPanel(page).getByRole('alert').count()).toBe(0)
  })

  it('keeps the edited code across a reload, and resets one editor to the seed', async () => {
    const { page } = app
    expect((await savedCode(page)).jwt).toBe(JWT_WITH_ROLE)
    await page.reload()
    await waitForEditors(page)
    expect(await editorText(page, 'jwt callback')).toBe(JWT_WITH_ROLE)
    expect(await editorText(page, 'session callback')).toBe(SESSION_WITH_ROLE)
    await page.getByRole('button', { name: 'Reset session callback to its starting code' }).click()
    expect(await editorText(page, 'session callback')).toContain('.id = token.id')
    expect(await editorText(page, 'jwt callback')).toBe(JWT_WITH_ROLE)
  })

  it('has no serious or critical axe violations with the editors open and the TypeScript worker done', async () => {
    const { page } = app
    // A type problem makes the TypeScript worker draw squiggles first.
    await pasteInto(page, 'authorize', "const unused = 1\nconst n: number = 'x'\n")
    await page.locator('.squiggly-error').first().waitFor({ timeout: 30_000 })
    // Evaluated through the DevTools protocol: the page's CSP rightly refuses an inline <script>.
    const require = createRequire(import.meta.url)
    await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'))
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe
      const result = await axe.run(document.querySelector('[aria-labelledby="panel-callbacks"]') ?? document, { resultTypes: ['violations'] })
      return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
    })
    expect(violations).toEqual([])
    await page.getByRole('button', { name: 'Reset authorize to its starting code' }).click()
  })

  it('loads Monaco and its workers from the app origin only, with no console errors', async () => {
    expect(app.requests.some((url) => /ts\.worker/.test(url))).toBe(true)
    expect(app.requests.some((url) => /\/worker-[\w-]+\.js/.test(url))).toBe(true)
    expect(app.foreignRequests()).toEqual([])
    expect(app.errors).toEqual([])
  })

  it('serves the production page with a Content-Security-Policy that allows only its own origin', async () => {
    const csp = await app.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')
    expect(csp).toContain("default-src 'self'")
    expect(csp).toContain("connect-src 'self'")
    expect(csp).toContain("script-src 'self'")
  })
})

describe('callback editors, loading', () => {
  it('lets the page work before Monaco arrives, showing a loading state', async () => {
    const browser = await launchBrowser()
    const app = await openApp({ browser, reducedMotion: 'reduce' })
    try {
      // The sign-in button answers whether or not the editors have loaded yet.
      await app.page.getByRole('button', { name: 'Sign in', exact: true }).waitFor()
      const loadingOrLoaded = await Promise.race([
        app.page.getByText('Loading the code editor…').first().waitFor({ timeout: 30_000 }).then(() => 'loading'),
        waitForEditors(app.page).then(() => 'loaded'),
      ])
      expect(['loading', 'loaded']).toContain(loadingOrLoaded)
      await waitForEditors(app.page)
      expect(await app.page.getByText('Loading the code editor…').count()).toBe(0)
    } finally {
      await app.close()
      await browser.close()
    }
  })
})
