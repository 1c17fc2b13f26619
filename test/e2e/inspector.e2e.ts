// The token inspector in real Chromium: the token the sign-in really made, taken apart and explained,
// checked against the token's own bytes and against the real next-auth decode.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Locator, Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { openApp, sharedBrowser, type OpenApp } from './helpers/openApp'
import { details, stepButton } from './playground.steps'

const v4 = createRequire(import.meta.url)('next-auth/jwt') as typeof import('next-auth/jwt')

const browser = sharedBrowser()
let app: OpenApp | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

const inspector = (page: Page): Locator => page.getByRole('region', { name: 'Token inspector', exact: true })
const pipeline = (page: Page): Locator => page.getByRole('list', { name: 'Pipeline', exact: true })

async function open(colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  app = await openApp({ browser: browser(), colorScheme })
  await inspector(app.page).waitFor()
  return app.page
}

async function runAndSkip(page: Page, button: string): Promise<void> {
  const before = await pipeline(page).getByRole('listitem').count()
  await page.getByRole('button', { name: button, exact: true }).click()
  await pipeline(page).locator('li[aria-current="step"]').waitFor({ timeout: 20_000 })
  await page.getByRole('button', { name: 'Skip animation' }).click()
  await pipeline(page).locator('li:last-child[aria-current="step"]').waitFor()
  void before
}

/** The secret the configuration panel holds. */
async function secretOf(page: Page): Promise<string> {
  return page.getByLabel('secret', { exact: true }).inputValue()
}

describe('Token inspector', () => {
  it('says what to do before a sign-in', async () => {
    const page = await open()
    expect(await inspector(page).innerText()).toContain('Sign in to see the token.')
  })

  it('takes the real JWE apart: five parts with their byte lengths, header, key ladder and the claims of the user', async () => {
    const page = await open()
    const email = await page.getByLabel('Email', { exact: true }).inputValue()
    await runAndSkip(page, 'Sign in')
    const region = inspector(page)
    const token = (await region.getByTestId('compact-token').first().innerText()).trim()
    const segments = token.split('.')
    expect(segments).toHaveLength(5)
    const legend = (await region.getByRole('list', { name: 'Compact token' }).innerText()).replace(/\s+/g, ' ')
    expect(legend).toContain(`Protected header · ${Buffer.from(segments[0]!, 'base64url').length} bytes`)
    expect(legend).toContain('Encrypted key · empty')
    expect(legend).toContain(`IV · ${Buffer.from(segments[2]!, 'base64url').length} bytes`)
    expect(legend).toContain(`Ciphertext · ${Buffer.from(segments[3]!, 'base64url').length} bytes`)
    expect(legend).toContain(`Auth tag · ${Buffer.from(segments[4]!, 'base64url').length} bytes`)
    // The real v4 decode opens the very token shown, with the configured secret, and finds the same claims.
    const claims = await v4.decode({ token, secret: await secretOf(page) })
    expect(claims?.email).toBe(email)
    const table = region.getByRole('table')
    expect(await table.getByRole('row', { name: /^email/ }).innerText()).toContain(email)
    expect(await table.getByRole('row', { name: /^exp/ }).innerText()).toMatch(/expires in (29 days 23 hours|30 days)/)
    const ladder = (await region.getByRole('list', { name: 'Key ladder' }).innerText()).replace(/\s+/g, ' ')
    expect(ladder).toContain('"NextAuth.js Generated Encryption Key"')
    expect(ladder).toContain('"" (empty)')
    expect(await region.innerText()).toContain('jwt.io can decode only the header')
  })

  it('follows the pipeline: stepping back before the encode step empties the inspector of this run', async () => {
    const page = await open()
    await runAndSkip(page, 'Sign in')
    await stepButton(page, /sends POST \/api\/auth\/callback\/credentials/).click()
    expect(await inspector(page).innerText()).toContain('Sign in to see the token.')
    await stepButton(page, /jose encrypts the claims/).first().click()
    expect(await inspector(page).innerText()).toContain('JWE · encrypted · dir + A256GCM')
  })

  it('with the simplified model shows a readable JWS beside the real JWE of the same claims', async () => {
    const page = await open()
    await page.getByRole('radio', { name: /Simplified: signed HS256/ }).check()
    await runAndSkip(page, 'Sign in')
    const region = inspector(page)
    const text = await region.innerText()
    expect(text).toContain('JWS · signed · HS256')
    expect(text).toContain('not what NextAuth does')
    const payload = JSON.parse(await region.getByLabel('Payload as anyone can read it', { exact: true }).innerText())
    expect(payload.email).toBe(await page.getByLabel('Email', { exact: true }).inputValue())
    const twin = region.getByTestId('real-jwe-twin')
    await twin.waitFor()
    const twinToken = (await twin.getByTestId('compact-token').innerText()).trim()
    const decoded = await v4.decode({ token: twinToken, secret: await secretOf(page) })
    expect(decoded?.email).toBe(payload.email)
    expect(decoded?.exp).toBe(payload.exp)
  })

  it('after "Tamper cookie", the session request explains the decrypt failure', async () => {
    const page = await open()
    await runAndSkip(page, 'Sign in')
    await runAndSkip(page, 'Tamper cookie')
    await runAndSkip(page, 'Get session')
    await stepButton(page, /jose cannot read the token/).click()
    const text = await details(page).innerText()
    expect(text).toContain('JWT_DECRYPT_FAILED')
    expect(text).toContain('The session token could not be decrypted')
    expect(text).toContain('What to do')
    // jose's own error, by its real class name (the production build minifies class names).
    expect(text).toContain('JWEDecryptionFailed (ERR_JWE_DECRYPTION_FAILED): decryption operation failed')
    expect(app!.errors).toEqual([])
  })

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`passes axe in the ${colorScheme} theme with a token shown`, async () => {
      const page = await open(colorScheme)
      await runAndSkip(page, 'Sign in')
      await inspector(page).getByRole('table').waitFor()
      await page.evaluate(readFileSync('node_modules/axe-core/axe.min.js', 'utf8'))
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe
        const region = document.querySelector('section[aria-labelledby="token-inspector-heading"]')
        const result = await axe.run(region, { runOnly: ['wcag2a', 'wcag2aa'] })
        return result.violations.map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
      })
      expect(violations).toEqual([])
    })
  }

  it('after a failed read, names the run the shown token came from and says the newest read failed', async () => {
    const page = await open()
    await runAndSkip(page, 'Sign in')
    // The token model changes what the server can read: the sign-in's encrypted token no longer decodes as a signed one.
    await page.getByRole('radio', { name: /Simplified: signed HS256/ }).check()
    await runAndSkip(page, 'Get session')
    const region = inspector(page)
    await expect(region.getByTestId('token-origin').innerText()).resolves.toMatch(/^From an earlier run of signIn\(\)/)
    await expect(region.getByTestId('token-decode-failed').innerText()).resolves.toMatch(/^At step \d+ jose could not read the session token \([A-Z_]+\)/)
  })

  it('with Auth.js and the simplified model, the real twin is the Auth.js JWE (with kid) that @auth/core opens, and it can be copied', async () => {
    const page = await open()
    await page.getByRole('radio', { name: 'Auth.js v5' }).check()
    await page.getByRole('radio', { name: /Simplified: signed HS256/ }).check()
    await runAndSkip(page, 'Sign in')
    const twin = inspector(page).getByTestId('real-jwe-twin')
    await twin.waitFor()
    await expect(twin.textContent()).resolves.toContain('as Auth.js really stores them')
    const token = (await twin.getByTestId('compact-token').innerText()).trim()
    expect(JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString())).toMatchObject({ alg: 'dir', enc: 'A256CBC-HS512', kid: expect.any(String) })
    const { decode } = await import('@auth/core/jwt')
    const claims = await decode({ token, secret: await secretOf(page), salt: 'authjs.session-token' })
    expect(claims?.email).toBe(await page.getByLabel('Email', { exact: true }).inputValue())
    await app!.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app!.baseUrl).origin })
    await twin.getByRole('button', { name: 'Copy real token' }).click()
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(token)
  })
})
