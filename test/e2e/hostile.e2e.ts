// The hostile-callback suite: learner code that throws, never ends, returns odd values or reaches for
// the network or the page. Each case is pasted into the jwt editor and run with "Sign in"; the right
// coded message must appear, the page must stay responsive, and the editor text must stay intact.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp, type OpenApp } from './helpers/openApp'
import { clickLatencyMs, editorsPanel, editorText, pasteInto, savedCode, waitForEditors, watchMainThread } from './editors.helpers'

const jwt = (body: string, signature = 'export async function jwt({ token, user }: any) {') => `${signature}\n  ${body}\n}`

interface HostileCase {
  name: string
  code: string
  /** The code that must appear in the editors' alert. */
  alertCode?: string
  /** Text that must appear in the alert (e.g. the line, the reason). */
  alertText?: string[]
  /** For outcomes the flow reports (not the sandbox): text that must appear somewhere on the page. */
  pageText?: string[]
  /** Runs that hit the time limit: check the page while the worker spins. */
  slow?: boolean
}

const CASES: HostileCase[] = [
  { name: "throw new Error('x')", code: jwt("throw new Error('x')"), alertCode: 'SANDBOX_THREW', alertText: ['jwt callback', 'line 2, column 9', 'Error: x'] },
  { name: 'return Promise.reject(…)', code: jwt("return Promise.reject(new Error('rejected'))"), alertCode: 'SANDBOX_THREW', alertText: ['rejected', 'line 2'] },
  { name: 'while(true){}', code: jwt('while (true) {}'), alertCode: 'SANDBOX_TIMEOUT', alertText: ['jwt callback', 'limit 1000 ms'], slow: true },
  { name: 'await new Promise(()=>{})', code: jwt('await new Promise(() => {})'), alertCode: 'SANDBOX_TIMEOUT', alertText: ['limit 1000 ms'], slow: true },
  { name: 'return undefined', code: jwt('return undefined'), alertCode: 'SANDBOX_BAD_RETURN', alertText: ['returned undefined'] },
  { name: 'return () => 1', code: jwt('return () => 1'), alertCode: 'SANDBOX_BAD_RETURN', alertText: ['returned a function at return'] },
  { name: 'return { a: 1n }', code: jwt('return { a: 1n }'), alertCode: 'SANDBOX_BAD_RETURN', alertText: ['returned a BigInt at return.a'] },
  { name: 'a circular object', code: jwt('const o: any = { ...token }; o.self = o; return o'), alertCode: 'SANDBOX_BAD_RETURN', alertText: ['circular structure at return.self'] },
  { name: 'a 5 MB object', code: jwt("return { ...token, big: 'x'.repeat(5 * 1024 * 1024) }"), alertCode: 'SANDBOX_RETURN_TOO_LARGE', alertText: ['limit 1048576 bytes'] },
  { name: "fetch('https://example.com')", code: jwt("await fetch('https://example.com')\n  return token"), alertCode: 'SANDBOX_FORBIDDEN_API', alertText: ['used fetch', 'callbacks in the playground cannot make network requests; mock the data instead'] },
  { name: "importScripts('x')", code: jwt("importScripts('x')\n  return token"), alertCode: 'SANDBOX_FORBIDDEN_API', alertText: ['used importScripts'] },
  { name: 'reading localStorage', code: jwt("token.saved = localStorage.getItem('x')\n  return token"), alertCode: 'SANDBOX_FORBIDDEN_API', alertText: ['used localStorage'] },
  { name: 'reading document', code: jwt('token.cookie = document.cookie\n  return token'), alertCode: 'SANDBOX_FORBIDDEN_API', alertText: ['used document'] },
  { name: 'a syntax error', code: jwt('return token +'), alertCode: 'SANDBOX_SYNTAX_ERROR', alertText: ['line 3'] },
  // NextAuth v4 passes null and 42 on to jose, which refuses them: the flow reports it, not the sandbox.
  { name: 'return null', code: jwt('return null'), pageText: ['JWT_CLAIMS_INVALID'] },
  { name: 'return 42', code: jwt('return 42'), pageText: ['JWT_CLAIMS_INVALID'] },
]

describe('hostile callbacks', () => {
  let app: OpenApp
  beforeAll(async () => {
    app = await openApp({ reducedMotion: 'reduce' })
    await waitForEditors(app.page)
  })
  afterAll(async () => {
    await app?.close()
  })

  for (const hostile of CASES) {
    it(`${hostile.name}: shows the right message, stays responsive, keeps the code`, async () => {
      const { page } = app
      await pasteInto(page, 'jwt callback', hostile.code)
      const longestMainThreadGapMs = await watchMainThread(page)
      await page.getByRole('button', { name: 'Sign in', exact: true }).click()
      if (hostile.slow) {
        // The worker is spinning now; the page must still handle a click quickly.
        expect(await clickLatencyMs(page)).toBeLessThan(200)
      }
      if (hostile.alertCode) {
        // Every expected text at once, so the alert of the previous case (same code) cannot stand in.
        let alert = editorsPanel(page).getByRole('alert').filter({ hasText: hostile.alertCode })
        for (const expected of hostile.alertText ?? []) alert = alert.filter({ hasText: expected })
        await alert.waitFor({ timeout: 10_000 })
      }
      for (const expected of hostile.pageText ?? []) await page.getByText(expected).first().waitFor({ timeout: 10_000 })
      expect(await clickLatencyMs(page)).toBeLessThan(200)
      // Learner code never runs on the main thread: no gap anywhere near the 1000 ms limit.
      expect(await longestMainThreadGapMs()).toBeLessThan(500)
      expect((await savedCode(page)).jwt).toBe(hostile.code)
      expect(await editorText(page, 'jwt callback')).toBe(hostile.code)
    })
  }

  it('marks the failing line in the editor', async () => {
    const { page } = app
    await pasteInto(page, 'jwt callback', jwt("throw new Error('marked')"))
    await page.getByRole('button', { name: 'Sign in', exact: true }).click()
    await editorsPanel(page).getByRole('alert').filter({ hasText: 'marked' }).waitFor()
    const editor = page.locator('.monaco-editor').filter({ has: page.getByRole('textbox', { name: 'jwt callback', exact: true }) })
    await editor.locator('.squiggly-error').first().waitFor({ timeout: 10_000 })
  })

  it('runs code with a type error, with a warning next to the editor', async () => {
    const { page } = app
    const code = jwt('const n: number = "not a number"\n  token.n = n\n  return token', 'export async function jwt({ token }: { token: Record<string, unknown> }) {')
    await pasteInto(page, 'jwt callback', code)
    await editorsPanel(page).getByText(/jwt callback: 1 type problem/).waitFor({ timeout: 30_000 })
    await page.getByRole('button', { name: 'Sign in', exact: true }).click()
    await page.getByRole('region', { name: 'Token inspector', exact: true }).getByText('not a number').first().waitFor({ timeout: 10_000 })
    expect(await editorsPanel(page).getByRole('alert').count()).toBe(0)
    expect(await editorText(page, 'jwt callback')).toBe(code)
  })

  it('runs code whose top level declares its own `users`, `fetch` and `document`', async () => {
    const { page } = app
    const top = "const users = ['shadowed']\nconst fetch = (x: string) => x\nconst document = { title: 'mine' }\n"
    const code = top + jwt("token.shadow = `${users[0]} ${fetch('ok')} ${document.title}`\n  return token")
    await pasteInto(page, 'jwt callback', code)
    await page.getByRole('button', { name: 'Sign in', exact: true }).click()
    await page.getByRole('region', { name: 'Token inspector', exact: true }).getByText('shadowed ok mine').first().waitFor({ timeout: 10_000 })
    expect(await editorsPanel(page).getByRole('alert').count()).toBe(0)
    expect(await editorText(page, 'jwt callback')).toBe(code)
  })

  it('let nothing leave the page origin and logged no errors', () => {
    expect(app.foreignRequests()).toEqual([])
    expect(app.errors).toEqual([])
  })
})
