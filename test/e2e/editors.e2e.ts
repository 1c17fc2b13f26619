// The callback editors in Chromium: write a jwt and a session callback that carry `role`, sign in and
// read it in the token and the session; autocomplete knows `trigger`; edits survive a reload; Monaco
// and its TypeScript worker load only from the app's origin; axe finds no serious problems.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest'
import { STARTER_CODE } from '../../src/engine/sandbox/starterCode'
import { launchBrowser, openApp, sharedBrowser, type OpenApp } from './helpers/openApp'
import { V5_SESSION_WITH_ROLE } from '../helpers/v5Callbacks'
import { editorsPanel, editorText, monacoEditor, pasteInto, savedCode, signInAndWait, waitForEditors } from './editors.helpers'

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

/** A next-auth v5 app's callbacks, imports and augmentations as its docs write them. */
const V5_AUTHORIZE = `import Credentials from 'next-auth/providers/credentials'

declare module 'next-auth' {
  interface User {
    role?: string
  }
}

export const provider = Credentials({
  credentials: { email: {}, password: {} },
  async authorize(credentials) {
    const user = users.find((u) => u.email === credentials.email && u.password === credentials.password)
    return user ? { id: String(user.id), name: user.name, email: user.email, role: user.role } : null
  },
})`

const V5_JWT = `import type { NextAuthConfig } from 'next-auth'

declare module 'next-auth/jwt' {
  interface JWT {
    role?: string
  }
}

export const callbacks: NextAuthConfig['callbacks'] = {
  async jwt({ token, user }) {
    if (user) token.role = user.role
    return token
  },
}`


/** The notes next to the editors: type problems, and callbacks that will not run. */
async function notes(page: Page): Promise<string[]> {
  return (await editorsPanel(page).innerText()).split('\n').filter((line) => /^(authorize|jwt callback|session callback): /.test(line))
}

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
    // The augmentation gives token.role the type string | undefined: TypeScript says so for a wrong use…
    await pasteInto(page, 'jwt callback', JWT_WITH_ROLE.replace('    return token', '    const wrong: number = token.role\n    return token'))
    await editorsPanel(page).getByText(/jwt callback: 1 type problem.*'string \| undefined' is not assignable to type 'number'/).waitFor({ timeout: 30_000 })
    // …and has nothing to say about the right one.
    await pasteInto(page, 'jwt callback', JWT_WITH_ROLE)
    await pasteInto(page, 'session callback', SESSION_WITH_ROLE)
    await expect.poll(() => notes(page), { timeout: 30_000 }).toEqual([])
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

  it('re-checks the other editors when one changes (they are one program)', async () => {
    const { page } = app
    // jwt relies on the User augmentation that the authorize editor declares.
    await pasteInto(page, 'jwt callback', JWT_WITH_ROLE)
    await expect.poll(() => notes(page), { timeout: 30_000 }).toEqual([])
    await pasteInto(page, 'authorize', 'export function authorize() { return null }\n')
    await expect.poll(async () => (await notes(page)).join('\n'), { timeout: 30_000 }).toMatch(/jwt callback: 1 type problem.*Property 'role' does not exist/)
    await page.getByRole('button', { name: 'Reset authorize to its starting code' }).click()
    await expect.poll(() => notes(page), { timeout: 30_000 }).toEqual([])
  })

  it('types callbacks as code in the worker: no DOM, so document and fetch are underlined', async () => {
    const { page } = app
    await pasteInto(page, 'jwt callback', "export async function jwt({ token }: any) {\n  token.cookie = document.cookie\n  return token\n}")
    await expect.poll(async () => (await notes(page)).join('\n'), { timeout: 30_000 }).toMatch(/jwt callback: 1 type problem.*Cannot find name 'document'/)
    await pasteInto(page, 'jwt callback', "export async function jwt({ token }: any) {\n  token.id = crypto.randomUUID() + new URL('https://example.com/a').pathname + new TextEncoder().encode('x').length\n  return token\n}")
    await expect.poll(() => notes(page), { timeout: 30_000 }).toEqual([])
  })

  it("decides whether code will run as the sandbox does, not by TypeScript's error numbers", async () => {
    const { page } = app
    // Top-level await: valid in a module, and the sandbox runs it.
    await pasteInto(page, 'jwt callback', "const base = await Promise.resolve('top-level')\nexport async function jwt({ token }: any) {\n  return { ...token, base }\n}")
    await signInAndWait(page)
    expect(await editorsPanel(page).getByRole('alert').count()).toBe(0)
    expect(await editorsPanel(page).getByText(/will not run/).count()).toBe(0)
    // A required parameter after an optional one: TypeScript's 1016, JavaScript runs it; only a warning.
    await pasteInto(page, 'jwt callback', 'function f(a?: number, b: number) { return b }\nexport async function jwt({ token }: any) {\n  return { ...token, b: f(1, 2) }\n}')
    await expect.poll(async () => (await notes(page)).join('\n'), { timeout: 30_000 }).toMatch(/jwt callback: 1 type problem.*still runs/)
    // A let declared twice: a TypeScript "type" error number, yet the code cannot run.
    await pasteInto(page, 'jwt callback', 'let a = 1\nlet a = 2\nexport async function jwt({ token }: any) {\n  return token\n}')
    await expect.poll(async () => (await notes(page)).join('\n'), { timeout: 30_000 }).toMatch(/jwt callback: syntax error at line \d+, column \d+: .*will not run/)
    await pasteInto(page, 'jwt callback', STARTER_CODE['next-auth-v4'].jwt)
    await expect.poll(() => notes(page), { timeout: 30_000 }).toEqual([])
  })

  it("type-checks a next-auth v5 app's code in the Auth.js flavour: imports from next-auth, augmentations of next-auth and next-auth/jwt", async () => {
    const { page } = app
    const config = page.getByRole('region', { name: 'Configuration', exact: true })
    await config.getByRole('radio', { name: 'Auth.js v5' }).check()
    await pasteInto(page, 'authorize', V5_AUTHORIZE)
    await pasteInto(page, 'jwt callback', V5_JWT)
    await pasteInto(page, 'session callback', V5_SESSION_WITH_ROLE)
    // No "Cannot find module 'next-auth'": the three files check as in a v5 app, and the augmentations type user.role and token.role.
    await expect.poll(() => notes(page), { timeout: 30_000 }).toEqual([])
    await pasteInto(page, 'jwt callback', V5_JWT.replace('    return token', '    const wrong: number = token.role\n    return token'))
    await expect.poll(async () => (await notes(page)).join('\n'), { timeout: 30_000 }).toMatch(/jwt callback: 1 type problem.*'string \| undefined' is not assignable to type 'number'/)
    await pasteInto(page, 'jwt callback', V5_JWT)
    await expect.poll(() => notes(page), { timeout: 30_000 }).toEqual([])
    // And the sandbox runs it: the role reaches the token.
    await signInAndWait(page)
    expect(await editorsPanel(page).getByRole('alert').allInnerTexts()).toEqual([])
    await expect.poll(() => page.getByRole('region', { name: 'Token inspector', exact: true }).innerText(), { timeout: 15_000 }).toMatch(/role[\s\S]{0,40}admin/)
    for (const name of ['authorize', 'jwt callback', 'session callback']) await page.getByRole('button', { name: `Reset ${name} to its starting code` }).click()
    await config.getByRole('radio', { name: 'NextAuth v4' }).check()
    await expect.poll(() => editorText(page, 'jwt callback'), { timeout: 10_000 }).toBe(STARTER_CODE['next-auth-v4'].jwt)
  })

  it('shows one message per failure under its editor, and greys it out as outdated once the code changes', async () => {
    const { page } = app
    const jwtGroup = page.getByRole('group', { name: 'jwt callback', exact: true })
    const broken = 'export async function jwt({ token }: any) {\n  return token +\n}'
    await pasteInto(page, 'jwt callback', broken)
    await jwtGroup.getByText(/jwt callback: syntax error at line 3/).waitFor({ timeout: 30_000 })
    await signInAndWait(page)
    // The run's alert says it all (where, why, what to do): no second note about the same error.
    expect(await jwtGroup.getByRole('alert').allInnerTexts()).toEqual([expect.stringContaining('SANDBOX_SYNTAX_ERROR')])
    expect(await jwtGroup.getByText(/will not run/).count()).toBe(0)
    await monacoEditor(page, 'jwt callback').locator('.squiggly-error').first().waitFor({ timeout: 15_000 })
    // Fixed, not yet run: the failure is kept, greyed and marked outdated, and its marker is gone from the changed code.
    await pasteInto(page, 'jwt callback', 'export async function jwt({ token }: any) {\n  return token\n}')
    const outdated = jwtGroup.getByRole('status', { name: /^Outdated: your jwt callback failed in the last run/ })
    await outdated.waitFor({ timeout: 10_000 })
    expect(await outdated.innerText()).toContain('SANDBOX_SYNTAX_ERROR')
    expect(await jwtGroup.getByRole('alert').count()).toBe(0)
    await expect.poll(() => monacoEditor(page, 'jwt callback').locator('.squiggly-error').count(), { timeout: 15_000 }).toBe(0)
    await signInAndWait(page)
    expect(await jwtGroup.getByRole('status').count()).toBe(0)
    expect(await jwtGroup.getByRole('alert').count()).toBe(0)
    await page.getByRole('button', { name: 'Reset jwt callback to its starting code' }).click()
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

describe('callback editors, layout', () => {
  const browser = sharedBrowser()

  for (const viewport of [
    { width: 1280, height: 720 },
    { width: 1440, height: 900 },
  ]) {
    it(`at ${viewport.width}×${viewport.height}: the three editors, by name, one under the other, lined up, each line whole and the authorize code in full`, async () => {
      const app = await openApp({ browser: browser(), viewport, reducedMotion: 'reduce' })
      try {
        const { page } = app
        await waitForEditors(page)
        const boxes = []
        for (const label of ['authorize', 'jwt callback', 'session callback']) {
          expect(await page.getByRole('textbox', { name: label, exact: true }).count(), label).toBe(1)
          const editor = monacoEditor(page, label)
          // Where it is on the page (not the viewport): the page is not scrolled meanwhile.
          boxes.push((await editor.boundingBox())!)
          // No line runs past the editor's edge: long ones wrap instead of hiding their end.
          const cut = await editor.evaluate((element) => {
            const right = element.querySelector('.overflow-guard')!.getBoundingClientRect().right
            return [...element.querySelectorAll('.view-line > span')].filter((line) => line.getBoundingClientRect().right > right + 1).map((line) => line.textContent)
          })
          expect(cut, label).toEqual([])
        }
        // One full-width column: the same left edge and width, each below the one before.
        expect(new Set(boxes.map((box) => `${Math.round(box.x)} ${Math.round(box.width)}`)).size).toBe(1)
        expect(boxes[0]!.width).toBeGreaterThan(viewport.width / 2)
        expect(boxes[1]!.y).toBeGreaterThan(boxes[0]!.y + boxes[0]!.height)
        expect(boxes[2]!.y).toBeGreaterThan(boxes[1]!.y + boxes[1]!.height)
        // Tall enough for the starting authorize: every line of it is drawn, none scrolled away inside the editor.
        expect(await editorText(page, 'authorize')).toBe(STARTER_CODE['next-auth-v4'].authorize)
        expect(await editorsPanel(page).getByText(/Ctrl\+M/).count()).toBe(1)
      } finally {
        await app.close()
      }
    })
  }
})

describe('callback editors, loading', () => {
  it('marks the line of a failure that happened before the editor loaded', async () => {
    const browser = await launchBrowser()
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, reducedMotion: 'reduce' })
    try {
      const failing = "export async function jwt({ token }: any) {\n  throw new Error('before the editor')\n}"
      await context.addInitScript((code) => localStorage.setItem('nextauth-playground:editors:v1', JSON.stringify({ jwt: code })), failing)
      // Monaco arrives only once the run has failed.
      let release!: () => void
      const released = new Promise<void>((resolve) => (release = resolve))
      await context.route(/MonacoCallbackEditor-[\w-]+\.js$/, async (route) => {
        await released
        await route.continue()
      })
      const page = await context.newPage()
      await page.goto(inject('baseUrl'))
      await page.getByRole('button', { name: 'Sign in', exact: true }).click()
      await editorsPanel(page).getByRole('alert').filter({ hasText: 'before the editor' }).waitFor({ timeout: 15_000 })
      expect(await page.getByText('Loading the code editor…').count()).toBeGreaterThan(0)
      release()
      await waitForEditors(page)
      const editor = page.locator('.monaco-editor').filter({ has: page.getByRole('textbox', { name: 'jwt callback', exact: true }) })
      await editor.locator('.squiggly-error').first().waitFor({ timeout: 15_000 })
    } finally {
      await context.close()
      await browser.close()
    }
  })

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

describe('callback editors, compiled code across reloads', () => {
  it('boots the sandbox without the compiler for the starting code and, after a reload, for the edited code; a new edit fetches it', async () => {
    const browser = await launchBrowser()
    const app = await openApp({ browser, reducedMotion: 'reduce' })
    const { page, requests } = app
    /** Requests since `from` for the callback worker's script, and for its sucrase chunk. */
    const since = (from: number) => {
      const urls = requests.slice(from).map((url) => new URL(url).pathname)
      return { workers: urls.filter((path) => /\/worker-[\w-]+\.js$/.test(path)).length, compiler: urls.filter((path) => /\/transpile-[\w-]+\.js$/.test(path)).length }
    }
    /** What a person does: click into the jwt editor, go to the end and type. */
    const typeAtEndOfJwt = async (text: string) => {
      await page.getByRole('textbox', { name: 'jwt callback', exact: true }).focus()
      await page.keyboard.press('ControlOrMeta+End')
      await page.keyboard.type(text)
    }
    try {
      await waitForEditors(page)
      await signInAndWait(page)
      // A first visit: the starting code ships compiled, so the worker never fetched sucrase.
      expect(since(0)).toEqual({ workers: 1, compiler: 0 })

      const editedAt = requests.length
      await typeAtEndOfJwt('// kept across a reload')
      await expect.poll(() => since(editedAt).compiler, { timeout: 15_000 }).toBe(1)
      await signInAndWait(page)
      expect((await savedCode(page)).jwt).toMatch(/\n\/\/ kept across a reload$/)

      const reloadedAt = requests.length
      await page.reload()
      await waitForEditors(page)
      // The editor is shorter than the code, so its last lines are not drawn: read what it loaded.
      expect((await savedCode(page)).jwt).toMatch(/\n\/\/ kept across a reload$/)
      await signInAndWait(page)
      expect(await editorsPanel(page).getByRole('alert').count()).toBe(0)
      // The edited code's JavaScript was kept from before the reload: a worker started, sucrase was not fetched.
      expect(since(reloadedAt)).toEqual({ workers: 1, compiler: 0 })

      const typedAt = requests.length
      await typeAtEndOfJwt(' and changed after it')
      await expect.poll(() => since(typedAt).compiler, { timeout: 15_000 }).toBe(1)
      await signInAndWait(page)
      expect(app.errors).toEqual([])
    } finally {
      await app.close()
      await browser.close()
    }
  })
})
