// The playground screen in Chromium, driven the way a learner drives it: sign in, look at the
// cookie jar and the session, move the clock, break things, change the configuration.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openApp, type OpenApp } from './helpers/openApp'
import { cookieNames, cookieRows, finishRun, region, runAndSkip, RUN_TIMEOUT_MS, sessionStatus, setConfigField } from './playground.steps'

describe('the playground screen', () => {
  let app: OpenApp
  beforeEach(async () => {
    app = await openApp()
  })
  afterEach(async () => {
    expect(app.foreignRequests()).toEqual([])
    expect(app.errors).toEqual([])
    await app?.close()
  })

  it('greets a newcomer with the demo user filled in and Sign in as the obvious next click', async () => {
    const { page } = app
    await expect(page.getByRole('textbox', { name: 'Email' }).inputValue()).resolves.toBe('ada@example.com')
    await expect(page.getByRole('textbox', { name: 'Password' }).inputValue()).resolves.toBe('analytical')
    await expect(page.getByRole('button', { name: 'Sign in', exact: true }).isVisible()).resolves.toBe(true)
    await expect(page.getByTestId('next-step').textContent()).resolves.toContain('Press “Sign in”')
    await expect(region(page, 'Cookie jar').getByText('No cookies yet').isVisible()).resolves.toBe(true)
    await expect(page.getByTestId('sim-clock').isVisible()).resolves.toBe(true)
  })

  it('signs in the demo user: an HttpOnly, SameSite=Lax session cookie and a session with the email', async () => {
    const { page } = app
    await runAndSkip(page, 'Sign in')
    const { row, flags } = cookieRows(page, 'next-auth.session-token')
    await expect(row.isVisible()).resolves.toBe(true)
    const flagText = await flags.textContent()
    expect(flagText).toContain('HttpOnly')
    expect(flagText).toContain('SameSite=Lax')
    expect(flagText).not.toContain('Secure')
    expect(JSON.parse((await page.getByLabel('signIn() resolved to', { exact: true }).textContent())!)).toMatchObject({ ok: true, status: 200, error: null })
    await expect(sessionStatus(page)).resolves.toBe('authenticated')
    await expect(region(page, 'Session').getByLabel('session JSON', { exact: true }).textContent()).resolves.toContain('"email": "ada@example.com"')
    await expect(page.getByTestId('next-step').textContent()).resolves.toContain('Get session')
  })

  it('a wrong password resolves to CredentialsSignin and leaves no session cookie', async () => {
    const { page } = app
    await page.getByRole('textbox', { name: 'Password' }).fill('not-the-password')
    await runAndSkip(page, 'Sign in')
    expect(JSON.parse((await page.getByLabel('signIn() resolved to', { exact: true }).textContent())!)).toMatchObject({ ok: false, status: 401, error: 'CredentialsSignin', url: null })
    expect(await cookieNames(page)).not.toContain('next-auth.session-token')
    await expect(sessionStatus(page)).resolves.toBe('unauthenticated')
  })

  it('31 days later the cookie is gone and Get session answers unauthenticated', async () => {
    const { page } = app
    await runAndSkip(page, 'Sign in')
    const before = await page.getByTestId('sim-clock').textContent()
    await page.getByRole('spinbutton', { name: 'Custom amount' }).fill('31')
    await runAndSkip(page, 'Advance')
    expect(await page.getByTestId('sim-clock').textContent()).not.toBe(before)
    expect(await cookieNames(page)).not.toContain('next-auth.session-token')
    await runAndSkip(page, 'Get session')
    await expect(sessionStatus(page)).resolves.toBe('unauthenticated')
    await expect(region(page, 'Session').getByText('null: the client has no session.').isVisible()).resolves.toBe(true)
  })

  it('every expiry on screen counts down against the simulated clock', async () => {
    const { page } = app
    await runAndSkip(page, 'Sign in')
    const cookieExpiry = region(page, 'Session').locator('[data-expiry="cookie"]')
    await expect(cookieExpiry.textContent()).resolves.toContain('in 30 days')
    await runAndSkip(page, 'Advance time by +1 day')
    await expect(cookieExpiry.textContent()).resolves.toContain('in 29 days')
    await expect(cookieRows(page, 'next-auth.session-token').row.textContent()).resolves.toContain('in 29 days')
  })

  it('a tampered cookie fails to decrypt, and the session panel explains why', async () => {
    const { page } = app
    await runAndSkip(page, 'Sign in')
    const original = await cookieRows(page, 'next-auth.session-token').row.locator('code').getAttribute('title')
    await runAndSkip(page, 'Tamper cookie')
    const tampered = await cookieRows(page, 'next-auth.session-token').row.locator('code').getAttribute('title')
    expect(tampered).not.toBe(original)
    await runAndSkip(page, 'Get session')
    await expect(sessionStatus(page)).resolves.toBe('unauthenticated')
    const session = region(page, 'Session')
    await expect(session.getByText('JWT_DECRYPT_FAILED').isVisible()).resolves.toBe(true)
    await expect(session.getByText('The session token could not be decrypted').isVisible()).resolves.toBe(true)
    expect(await cookieNames(page)).not.toContain('next-auth.session-token')
  })

  it('after Change secret the old token no longer decrypts', async () => {
    const { page } = app
    await runAndSkip(page, 'Sign in')
    await page.getByRole('button', { name: 'Change secret' }).click()
    await expect(page.getByText('The secret changed.').isVisible()).resolves.toBe(true)
    await runAndSkip(page, 'Get session')
    await expect(sessionStatus(page)).resolves.toBe('unauthenticated')
    await expect(region(page, 'Session').getByText('JWT_DECRYPT_FAILED').isVisible()).resolves.toBe(true)
  })

  it('Clear cookies empties the jar, and the protected page then redirects with the reason', async () => {
    const { page } = app
    await runAndSkip(page, 'Sign in')
    await runAndSkip(page, 'Visit protected page')
    await expect(page.getByText('Middleware let /dashboard through').isVisible()).resolves.toBe(true)
    await runAndSkip(page, 'Clear cookies')
    await expect(region(page, 'Cookie jar').getByText('No cookies yet').isVisible()).resolves.toBe(true)
    await runAndSkip(page, 'Visit protected page')
    await expect(page.getByText(/Middleware redirected to/).isVisible()).resolves.toBe(true)
    await expect(page.getByText('no-cookie', { exact: true }).isVisible()).resolves.toBe(true)
  })

  it('Update session sends the JSON data and Sign out deletes the session cookie', async () => {
    const { page } = app
    await runAndSkip(page, 'Sign in')
    await page.getByRole('textbox', { name: 'Update data (JSON)' }).fill('{ "name": "Countess of Lovelace" }')
    await runAndSkip(page, 'Update session')
    await expect(sessionStatus(page)).resolves.toBe('authenticated')
    await runAndSkip(page, 'Sign out')
    await expect(sessionStatus(page)).resolves.toBe('unauthenticated')
    const names = await cookieNames(page)
    expect(names).not.toContain('next-auth.session-token')
    expect(names).toContain('next-auth.csrf-token')
  })

  it('an https site URL gives __Secure- cookie names with the Secure flag', async () => {
    const { page } = app
    await setConfigField(page, 'Site URL', 'https://localhost:3000')
    await runAndSkip(page, 'Sign in')
    const { row, flags } = cookieRows(page, '__Secure-next-auth.session-token')
    await expect(row.isVisible()).resolves.toBe(true)
    await expect(flags.textContent()).resolves.toContain('Secure')
    expect(await cookieNames(page)).toContain('__Host-next-auth.csrf-token')
  })

  it('a large claim splits the session cookie into .0 and .1 chunks, grouped with their size', async () => {
    const { page } = app
    const users = region(page, 'Configuration').getByRole('textbox', { name: 'Mock users (JSON)' })
    const list = JSON.parse(await users.inputValue()) as { name: string }[]
    list[0]!.name = 'Ada '.repeat(1500)
    await users.fill(JSON.stringify(list, null, 2))
    await region(page, 'Configuration').getByRole('button', { name: 'Apply users' }).click()
    await expect(region(page, 'Configuration').getByText(/^Applied\. Mock users: \d+\./).isVisible()).resolves.toBe(true)
    await runAndSkip(page, 'Sign in')
    const names = await cookieNames(page)
    expect(names).toEqual(expect.arrayContaining(['next-auth.session-token.0', 'next-auth.session-token.1']))
    await expect(region(page, 'Cookie jar').getByText(/^next-auth\.session-token: \d chunks, \d+ bytes in all$/).isVisible()).resolves.toBe(true)
  })

  it('switches to Auth.js v5 and gets authjs cookie names', async () => {
    const { page } = app
    await region(page, 'Configuration').getByRole('radio', { name: 'Auth.js v5' }).check()
    await runAndSkip(page, 'Sign in')
    expect(await cookieNames(page)).toContain('authjs.session-token')
  })

  it('shows what JavaScript sees: the HttpOnly session cookie is not in document.cookie', async () => {
    const { page } = app
    await runAndSkip(page, 'Sign in')
    await region(page, 'Cookie jar').getByRole('button', { name: 'What JavaScript sees' }).click()
    await expect(page.getByTestId('document-cookie').textContent()).resolves.toBe('"" (empty string)')
  })

  it('highlights the session cookie as the pipeline reaches the step that sets it', async () => {
    const { page } = app
    await page.getByRole('button', { name: 'Sign in', exact: true }).click()
    await expect.poll(() => page.getByTestId('next-step').textContent(), { timeout: RUN_TIMEOUT_MS }).not.toContain('Running')
    await expect.poll(() => page.getByText('Just set').count(), { timeout: RUN_TIMEOUT_MS, interval: 50 }).toBeGreaterThan(0)
    await finishRun(page)
  })
})
