// The playground screen in Chromium, driven the way a learner drives it: sign in, look at the
// cookie jar and the session, move the clock, break things, change the configuration.
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { pasteAndKeep, waitForEditors } from './editors.helpers'
import { openApp, sharedBrowser, type OpenApp } from './helpers/openApp'
import { cookieNames, cookieRows, details, finishRun, region, runAndSkip, RUN_TIMEOUT_MS, sessionStatus, setConfigField, stepButton } from './playground.steps'

const v4 = createRequire(import.meta.url)('next-auth/jwt') as typeof import('next-auth/jwt')

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

  it('right after Sign in, the session JSON is what the client holds: the starter’s session callback added the id', async () => {
    const { page } = app
    // Nothing edited: the starter's session callback copies token.id into session.user.id.
    await runAndSkip(page, 'Sign in')
    const json = JSON.parse((await region(page, 'Session').getByLabel('session JSON', { exact: true }).textContent())!)
    expect(json.user).toMatchObject({ email: 'ada@example.com', id: '1' })
    await expect(region(page, 'Session').getByLabel('session JSON', { exact: true }).textContent()).resolves.toContain('"id"')
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
    // The hint names the cause: the cookie's Expires passed during the clock jump.
    await expect(page.getByTestId('next-step').textContent()).resolves.toMatch(/the request carried no session cookie\. The browser dropped it when its Expires \(.+\) passed, during the clock jump\./)
  })

  it('moves the clock by seconds, and to a date: 31 days on, the session cookie is gone', async () => {
    const { page } = app
    await runAndSkip(page, 'Sign in')
    expect(await cookieNames(page)).toContain('next-auth.session-token')
    const clock = page.getByTestId('sim-clock')
    const startMs = Date.parse((await clock.getAttribute('datetime'))!)
    await page.getByRole('spinbutton', { name: 'Custom amount' }).fill('14')
    await page.getByRole('combobox', { name: 'Unit' }).selectOption('seconds')
    await runAndSkip(page, 'Advance')
    expect(Date.parse((await clock.getAttribute('datetime'))!)).toBe(startMs + 14_000)
    // The date input reads its value as UTC, as the clock shows it.
    const target = new Date(startMs + 31 * 86_400_000).toISOString().slice(0, 16)
    await page.getByLabel('Move the clock to a date and time (UTC)', { exact: true }).fill(target)
    await runAndSkip(page, 'Go to date')
    expect(Date.parse((await clock.getAttribute('datetime'))!)).toBe(Date.parse(`${target}Z`))
    expect(await cookieNames(page)).not.toContain('next-auth.session-token')
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
    await expect(page.getByTestId('next-step').textContent()).resolves.toContain('Signed in')
    await page.getByRole('button', { name: 'Change secret' }).click()
    await expect(page.getByText('The secret changed.').isVisible()).resolves.toBe(true)
    // No run yet, but the sticky hint already says what the next request will do with the cookie.
    await expect(page.getByTestId('next-step').textContent()).resolves.toContain('The secret changed since the last run.')
    await runAndSkip(page, 'Visit protected page')
    const hint = (await page.getByTestId('next-step').textContent())!
    expect(hint).toContain('getToken() returned null, so withAuth redirected to http://localhost:3000/api/auth/signin')
    expect(hint).toContain('The secret changed since this token was made.')
    await expect(page.getByTestId('null-reason').textContent()).resolves.toBe('Why null: The token did not decrypt: wrong secret or salt, or tampered. The secret changed since this token was made.')
    await expect(page.getByText('decrypt-failed').count()).resolves.toBe(0)
    await runAndSkip(page, 'Get session')
    await expect(sessionStatus(page)).resolves.toBe('unauthenticated')
    await expect(region(page, 'Session').getByText('JWT_DECRYPT_FAILED').isVisible()).resolves.toBe(true)
  })

  it('Clear cookies empties the jar, and the protected page then redirects with the reason', async () => {
    const { page } = app
    await runAndSkip(page, 'Sign in')
    await runAndSkip(page, 'Visit protected page')
    await expect(page.getByText('Middleware let /dashboard through').isVisible()).resolves.toBe(true)
    await expect(page.getByTestId('next-step').textContent()).resolves.toContain('getToken() returned the token, so withAuth let /dashboard through.')
    await runAndSkip(page, 'Clear cookies')
    await expect(region(page, 'Cookie jar').getByText('No cookies yet').isVisible()).resolves.toBe(true)
    await runAndSkip(page, 'Visit protected page')
    await expect(page.getByText(/Middleware redirected to/).isVisible()).resolves.toBe(true)
    // The reason in words, with the known cause; no internal id.
    await expect(page.getByTestId('null-reason').textContent()).resolves.toBe('Why null: No cookie under the name getToken() looks for (next-auth.session-token). You cleared the cookies.')
    await expect(page.getByText('no-cookie', { exact: true }).count()).resolves.toBe(0)
  })

  it('after Sign out, the old signIn() result is labelled as the last one, greyed, and says the session ended', async () => {
    const { page } = app
    await runAndSkip(page, 'Sign in')
    await expect(page.getByTestId('signin-result').textContent()).resolves.toMatch(/^Signed in/)
    await runAndSkip(page, 'Sign out')
    const result = page.getByTestId('signin-result')
    const text = (await result.textContent())!
    expect(text).toMatch(/^Last signIn\(\) result, from the run at .+ UTC/)
    expect(text).toContain('That session has ended since: useSession() reports “unauthenticated” now.')
    await expect(result.getAttribute('data-stale')).resolves.toBe('true')
    // Sign out did not navigate: the pipeline says the page stays.
    await expect(page.getByTestId('pipeline-caption').textContent()).resolves.toContain('with redirect: false the page stays where it is')
  })

  it('Update session sends the JSON data and Sign out deletes the session cookie', async () => {
    const { page } = app
    await runAndSkip(page, 'Sign in')
    await page.getByRole('textbox', { name: 'Update data (JSON)' }).fill('{ "name": "Countess of Lovelace" }')
    await runAndSkip(page, 'Update session')
    await expect(sessionStatus(page)).resolves.toBe('authenticated')
    // The data arrived: the jwt() call with trigger "update" received it as `session`.
    await stepButton(page, /trigger “update”/).first().click()
    await expect(details(page).innerText()).resolves.toMatch(/"session": \{\s*"name": "Countess of Lovelace"\s*\}/)
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
    // withAuth is v4's: Auth.js apps call getToken in their own middleware; the secret is AUTH_SECRET.
    await expect(page.getByText('Your middleware.ts calls getToken({ req, secret }) on the request (withAuth is NextAuth v4 only).').isVisible()).resolves.toBe(true)
    await expect(region(page, 'Configuration').getByText(/^AUTH_SECRET: /).isVisible()).resolves.toBe(true)
    await runAndSkip(page, 'Sign in')
    expect(await cookieNames(page)).toContain('authjs.session-token')
    await expect(page.getByTestId('next-step').textContent()).resolves.toContain('auth() on the server')
  })

  it('in the simplified HS256 model the hints say the cookie is signed and readable, not encrypted', async () => {
    const { page } = app
    await region(page, 'Configuration').getByRole('radio', { name: 'Simplified: signed HS256 — not what NextAuth does' }).check()
    await expect(region(page, 'Configuration').getByText(/the raw secret is the HMAC key \(no HKDF\)/).isVisible()).resolves.toBe(true)
    await runAndSkip(page, 'Sign in')
    const hint = (await page.getByTestId('next-step').textContent())!
    expect(hint).toContain('the signed (readable) HS256 cookie is in the jar')
    expect(hint).not.toContain('encrypted')
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

// Every control, driven as a person drives it, each test in a fresh context of one browser.
describe('every control on the playground screen', () => {
  const browser = sharedBrowser()
  let app: OpenApp
  beforeEach(async () => {
    app = await openApp({ browser: browser() })
    await app.page.getByRole('button', { name: 'Sign in', exact: true }).waitFor()
  })
  afterEach(async () => {
    expect(app.foreignRequests()).toEqual([])
    expect(app.errors).toEqual([])
    await app?.close()
  })

  /** The simulated time the sticky bar shows, in Unix ms (from its <time dateTime>). */
  const clockMs = async (page: Page) => Date.parse((await page.getByTestId('sim-clock-now').getAttribute('datetime'))!)
  const config = (page: Page) => region(page, 'Configuration')

  it('+1 min, +1 h and +30 days move the simulated clock by exactly that, and 30 days on the session cookie has expired', async () => {
    const { page } = app
    await runAndSkip(page, 'Sign in')
    const start = await clockMs(page)
    await runAndSkip(page, 'Advance time by +1 min')
    expect(await clockMs(page)).toBe(start + 60_000)
    await runAndSkip(page, 'Advance time by +1 h')
    expect(await clockMs(page)).toBe(start + 60_000 + 3_600_000)
    await expect(region(page, 'Session').locator('[data-expiry="cookie"]').textContent()).resolves.toContain('in 29 days 22 hours')
    await runAndSkip(page, 'Advance time by +30 days')
    expect(await clockMs(page)).toBe(start + 60_000 + 3_600_000 + 30 * 86_400_000)
    expect(await cookieNames(page)).not.toContain('next-auth.session-token')
    await expect(page.getByTestId('pipeline-caption').textContent()).resolves.toMatch(/; 1 cookie expired\.$/)
    // The token the app last saw is past its exp now.
    await expect(region(page, 'Token inspector').getByRole('row', { name: /^exp/ }).textContent()).resolves.toMatch(/expired 1 hour 1 minute ago/)
  })

  it('at 1280×720 after Sign in, the hint’s “Get session” scrolls to that button and focuses it', async () => {
    const { page } = app
    await page.setViewportSize({ width: 1280, height: 720 })
    await runAndSkip(page, 'Sign in')
    await page.getByTestId('next-step').getByRole('link', { name: 'Get session', exact: true }).click()
    const button = page.getByRole('button', { name: 'Get session', exact: true })
    await expect.poll(() => button.evaluate((element) => element === document.activeElement)).toBe(true)
    // In view, below the sticky bar.
    await expect
      .poll(async () => {
        const box = (await button.boundingBox())!
        const bar = (await page.getByTestId('next-step').boundingBox())!
        return box.y >= bar.y + bar.height && box.y + box.height <= 720
      })
      .toBe(true)
  })

  it('the simulated clock stays in view while the learner scrolls down to the cookie jar, at 1280×720 and 1440×900', async () => {
    for (const viewport of [{ width: 1280, height: 720 }, { width: 1440, height: 900 }]) {
      await app.page.setViewportSize(viewport)
      await region(app.page, 'Cookie jar').scrollIntoViewIfNeeded()
      await region(app.page, 'Token inspector').scrollIntoViewIfNeeded()
      expect(await app.page.evaluate(() => window.scrollY)).toBeGreaterThan(300)
      const box = (await app.page.getByTestId('sim-clock-now').boundingBox())!
      expect(box.y).toBeGreaterThanOrEqual(0)
      expect(box.y + box.height).toBeLessThanOrEqual(viewport.height)
      await app.page.evaluate(() => window.scrollTo(0, 0))
    }
  })

  it('Generate makes a new secret: the old token no longer decrypts; a typed secret derives another key', async () => {
    const { page } = app
    const secret = config(page).getByLabel('secret', { exact: true })
    await runAndSkip(page, 'Sign in')
    const ladder = () => region(page, 'Token inspector').getByRole('list', { name: 'Key ladder' }).innerText()
    const keyBefore = await ladder()
    const before = await secret.inputValue()
    await config(page).getByRole('button', { name: 'Generate', exact: true }).click()
    // The field shows the new secret once React has re-rendered it.
    await expect.poll(() => secret.inputValue()).not.toBe(before)
    const generated = await secret.inputValue()
    expect(Buffer.from(generated, 'base64')).toHaveLength(32)
    await runAndSkip(page, 'Get session')
    await expect(region(page, 'Session').getByText('JWT_DECRYPT_FAILED').isVisible()).resolves.toBe(true)
    await setConfigField(page, 'secret', 'a-secret-typed-by-hand')
    await runAndSkip(page, 'Sign in')
    expect(await ladder()).not.toBe(keyBefore)
    const token = (await region(page, 'Token inspector').getByTestId('compact-token').first().innerText()).trim()
    expect((await v4.decode({ token, secret: 'a-secret-typed-by-hand' }))?.email).toBe('ada@example.com')
  })

  it('session.maxAge sets the cookie lifetime: 60 s, and an hour later Get session is unauthenticated', async () => {
    const { page } = app
    await setConfigField(page, 'session.maxAge (seconds)', '60')
    await expect(config(page).getByText('= 1 minute').isVisible()).resolves.toBe(true)
    await runAndSkip(page, 'Sign in')
    await expect(cookieRows(page, 'next-auth.session-token').row.textContent()).resolves.toContain('in 1 minute')
    await runAndSkip(page, 'Advance time by +1 h')
    await runAndSkip(page, 'Get session')
    await expect(sessionStatus(page)).resolves.toBe('unauthenticated')
  })

  it('jwt.maxAge sets the sign-in token’s exp (v4) while the cookie follows session.maxAge', async () => {
    const { page } = app
    await setConfigField(page, 'jwt.maxAge (seconds)', '120')
    await runAndSkip(page, 'Sign in')
    // The sign-in encodes with jwt.maxAge; the session refresh the v4 client makes right after re-encodes with session.maxAge.
    await expect(cookieRows(page, 'next-auth.session-token').row.textContent()).resolves.toContain('in 30 days')
    await stepButton(page, /jose encrypts the claims .*exp = now \+ 2 minutes/).click()
    await expect(region(page, 'Token inspector').getByRole('row', { name: /^exp/ }).textContent()).resolves.toContain('expires in 2 minutes')
  })

  it('NODE_ENV production with an empty secret: signIn() resolves to undefined, the browser navigates, and NO_SECRET is explained', async () => {
    const { page } = app
    await config(page).getByLabel('NODE_ENV', { exact: true }).selectOption('production')
    await setConfigField(page, 'secret', '')
    await runAndSkip(page, 'Sign in')
    const result = page.getByTestId('signin-result')
    await expect(page.getByLabel('signIn() resolved to', { exact: true }).textContent()).resolves.toBe('undefined')
    await expect(result.textContent()).resolves.toContain('the browser went to http://localhost:3000/api/auth/error')
    await expect(result.getByText('NO_SECRET', { exact: true }).isVisible()).resolves.toBe(true)
    const hint = await page.getByTestId('next-step').textContent()
    expect(hint).toContain('NO_SECRET')
    expect(hint).not.toContain('email and password')
  })

  it('cookie overrides rename the session cookie, and getToken() finds it under that name', async () => {
    const { page } = app
    const field = config(page).getByRole('textbox', { name: 'cookies (overrides, JSON)' })
    await field.fill('{ "sessionToken": { "name": "my-session", "options": { "httpOnly": true, "sameSite": "lax", "path": "/", "secure": false } } }')
    await config(page).getByRole('button', { name: 'Apply cookie overrides' }).click()
    await expect(config(page).getByText('Applied.', { exact: true }).isVisible()).resolves.toBe(true)
    await runAndSkip(page, 'Sign in')
    expect(await cookieNames(page)).toContain('my-session')
    expect(await cookieNames(page)).not.toContain('next-auth.session-token')
    await runAndSkip(page, 'Visit protected page')
    await expect(page.getByText('Middleware let /dashboard through').isVisible()).resolves.toBe(true)
  })

  it('explains invalid input and keeps the text: update data, mock users and cookie overrides', async () => {
    const { page } = app
    const data = page.getByRole('textbox', { name: 'Update data (JSON)' })
    await data.fill('{ "name": ')
    await expect(page.getByRole('button', { name: 'Update session' }).isDisabled()).resolves.toBe(true)
    await expect(page.getByText(/^Not valid JSON: /).isVisible()).resolves.toBe(true)
    await expect(data.inputValue()).resolves.toBe('{ "name": ')

    const users = config(page).getByRole('textbox', { name: 'Mock users (JSON)' })
    await users.fill('[{ "email": "x@example.com" }]')
    await config(page).getByRole('button', { name: 'Apply users' }).click()
    await expect(config(page).getByText('Not valid: Expected a JSON array of users, each with a string email and password.').isVisible()).resolves.toBe(true)
    await expect(users.inputValue()).resolves.toBe('[{ "email": "x@example.com" }]')
    await users.fill('[{ "email": ')
    await config(page).getByRole('button', { name: 'Apply users' }).click()
    await expect(config(page).getByText(/^Not valid: .*JSON/).isVisible()).resolves.toBe(true)

    const cookies = config(page).getByRole('textbox', { name: 'cookies (overrides, JSON)' })
    await cookies.fill('{ "sessionToken": { "name": "my session;" } }')
    await config(page).getByRole('button', { name: 'Apply cookie overrides' }).click()
    await expect(config(page).getByText(/^Not valid: sessionToken\.name "my session;" is not a valid cookie name/).isVisible()).resolves.toBe(true)
    await expect(cookies.inputValue()).resolves.toBe('{ "sessionToken": { "name": "my session;" } }')
    await expect(cookies.getAttribute('aria-invalid')).resolves.toBe('true')
    // Nothing was applied: the next sign-in still uses the default names and the demo user.
    await runAndSkip(page, 'Sign in')
    expect(await cookieNames(page)).toContain('next-auth.session-token')
  })

  it('Apply users refills the sign-in form with the new first user, who can then sign in', async () => {
    const { page } = app
    const users = config(page).getByRole('textbox', { name: 'Mock users (JSON)' })
    await users.fill('[{ "id": "g", "name": "Grace Hopper", "email": "grace@example.com", "password": "cobol" }]')
    await config(page).getByRole('button', { name: 'Apply users' }).click()
    await expect(page.getByRole('textbox', { name: 'Email' }).inputValue()).resolves.toBe('grace@example.com')
    await expect(page.getByRole('textbox', { name: 'Password' }).inputValue()).resolves.toBe('cobol')
    await expect(page.getByText('Pre-filled with the demo user grace@example.com.').isVisible()).resolves.toBe(true)
    await runAndSkip(page, 'Sign in')
    expect(JSON.parse((await page.getByLabel('signIn() resolved to', { exact: true }).textContent())!)).toMatchObject({ ok: true, error: null })
  })

  it('what was typed survives a visit to the Token lab', async () => {
    const { page } = app
    await page.getByRole('textbox', { name: 'Email' }).fill('typed@example.com')
    await page.getByRole('textbox', { name: 'Update data (JSON)' }).fill('{ "name": "mine"')
    await page.getByRole('textbox', { name: 'Page path' }).fill('/admin')
    await page.getByRole('spinbutton', { name: 'Custom amount' }).fill('5')
    await config(page).getByRole('textbox', { name: 'Mock users (JSON)' }).fill('[{ "email": "half')
    await page.getByRole('link', { name: 'Token lab' }).click()
    await page.getByRole('heading', { name: 'Token lab' }).waitFor({ timeout: 10_000 })
    await page.getByRole('link', { name: 'Playground' }).click()
    await expect(page.getByRole('textbox', { name: 'Email' }).inputValue()).resolves.toBe('typed@example.com')
    await expect(page.getByRole('textbox', { name: 'Update data (JSON)' }).inputValue()).resolves.toBe('{ "name": "mine"')
    await expect(page.getByRole('textbox', { name: 'Page path' }).inputValue()).resolves.toBe('/admin')
    await expect(page.getByRole('spinbutton', { name: 'Custom amount' }).inputValue()).resolves.toBe('5')
    await expect(config(page).getByRole('textbox', { name: 'Mock users (JSON)' }).inputValue()).resolves.toBe('[{ "email": "half')
  })

  it('keeps the configuration across a reload, but not the secret', async () => {
    const { page } = app
    await setConfigField(page, 'session.maxAge (seconds)', '600')
    await config(page).getByRole('radio', { name: 'Auth.js v5' }).check()
    await setConfigField(page, 'secret', 'do-not-keep-me')
    await page.reload()
    await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor()
    await expect(config(page).getByLabel('session.maxAge (seconds)', { exact: true }).inputValue()).resolves.toBe('600')
    await expect(config(page).getByRole('radio', { name: 'Auth.js v5' }).isChecked()).resolves.toBe(true)
    await expect(config(page).getByLabel('secret', { exact: true }).inputValue()).resolves.not.toBe('do-not-keep-me')
  })

  it('a huge Advance is refused with the reason, and the page and its settings stay as they were', async () => {
    const { page } = app
    await setConfigField(page, 'session.maxAge (seconds)', '600')
    const before = await clockMs(page)
    await page.getByRole('spinbutton', { name: 'Custom amount' }).fill('100000000')
    await page.getByRole('combobox', { name: 'Unit' }).selectOption('days')
    await expect(page.getByRole('button', { name: 'Advance', exact: true }).isDisabled()).resolves.toBe(true)
    await expect(page.getByText('At most 100 years in one jump.').isVisible()).resolves.toBe(true)
    await page.getByRole('spinbutton', { name: 'Custom amount' }).press('Enter')
    // Runs are queued: once a later +1 min has run, a jump the Enter had started would have run first.
    await runAndSkip(page, 'Advance time by +1 min')
    await expect.poll(() => clockMs(page), { timeout: RUN_TIMEOUT_MS }).toBe(before + 60_000)
    expect(await page.locator('#root').evaluate((root) => root.children.length)).toBeGreaterThan(0)
    await expect(page.getByRole('button', { name: 'Reset playground' }).count()).resolves.toBe(0)
    await expect(config(page).getByLabel('session.maxAge (seconds)', { exact: true }).inputValue()).resolves.toBe('600')
  })

  it('Update session delivers the data: the jwt() call with trigger "update" gets it, and a callback that honours it changes the session JSON', async () => {
    const { page } = app
    await waitForEditors(page)
    await pasteAndKeep(
      page,
      'jwt callback',
      'jwt',
      `import type { NextAuthOptions } from 'next-auth'

export const callbacks: NextAuthOptions['callbacks'] = {
  async jwt({ token, user, trigger, session }) {
    if (user) token.id = user.id
    if (trigger === 'update' && session?.name) token.name = session.name
    return token
  },
}`,
    )
    await runAndSkip(page, 'Sign in')
    await page.getByRole('textbox', { name: 'Update data (JSON)' }).fill('{ "name": "Countess of Lovelace" }')
    await runAndSkip(page, 'Update session')
    // At the end of the run, useSession().data carries the new name...
    const json = JSON.parse((await region(page, 'Session').getByLabel('session JSON', { exact: true }).textContent())!)
    expect(json.user.name).toBe('Countess of Lovelace')
    // ...because the jwt() call with trigger "update" received the data as `session`.
    await stepButton(page, /jwt\(\) callback with trigger “update”/).click()
    expect(await details(page).innerText()).toMatch(/"session": \{\s*"name": "Countess of Lovelace"\s*\}/)
  })

  it('a jwt callback that throws: the failure box leads with its error and line, and "Show in editor" focuses that editor', async () => {
    const { page } = app
    await waitForEditors(page)
    await pasteAndKeep(
      page,
      'jwt callback',
      'jwt',
      `import type { NextAuthOptions } from 'next-auth'

export const callbacks: NextAuthOptions['callbacks'] = {
  async jwt({ token }) {
    throw new Error('role lookup failed')
    return token
  },
}`,
    )
    await runAndSkip(page, 'Sign in')
    const cause = page.getByTestId('signin-root-cause')
    const text = (await cause.textContent())!
    expect(text).toMatch(/^SANDBOX_THREWYour jwt callback threw Error: role lookup failed at line 5:\d+\./)
    expect(text).toContain('Next.js logs the error and answers 500 Internal Server Error')
    // The promise rejected: no value block beside it.
    await expect(page.getByLabel('signIn() resolved to', { exact: true }).count()).resolves.toBe(0)
    await cause.getByRole('button', { name: 'Show in editor', exact: true }).click()
    await expect.poll(() => page.getByRole('textbox', { name: 'jwt callback', exact: true }).evaluate((box) => box === document.activeElement)).toBe(true)
  })

  it('copy buttons put the real bytes on the clipboard and say Copied', async () => {
    const { page, context } = app
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.baseUrl).origin })
    await runAndSkip(page, 'Sign in')
    const clipboard = () => page.evaluate(() => navigator.clipboard.readText())
    const cookieValue = await cookieRows(page, 'next-auth.session-token').row.locator('code').getAttribute('title')
    const copyCookie = page.getByRole('button', { name: 'Copy value of next-auth.session-token' })
    await copyCookie.click()
    await expect.poll(clipboard).toBe(cookieValue)
    await expect(copyCookie.textContent()).resolves.toBe('Copied')
    await region(page, 'Token inspector').getByRole('button', { name: 'Copy session token' }).click()
    await expect.poll(clipboard).toBe((await region(page, 'Token inspector').getByTestId('compact-token').first().innerText()).trim())
    await region(page, 'Session').getByRole('button', { name: 'Copy session JSON' }).click()
    await expect.poll(clipboard).toBe(await region(page, 'Session').getByLabel('session JSON', { exact: true }).textContent())
    // The last Set-Cookie of the session token is the value the jar holds at the end.
    await stepButton(page, /stores next-auth\.session-token/).last().click()
    await details(page).getByRole('button', { name: 'Copy Set-Cookie', exact: true }).click()
    await expect.poll(clipboard).toMatch(new RegExp(`^next-auth\\.session-token=${cookieValue}; Path=/; Expires=[^;]+; HttpOnly; SameSite=Lax$`))
  })

  it('the theme switch sets the dark and light themes', async () => {
    const { page } = app
    const theme = page.getByRole('combobox', { name: 'Theme' })
    await theme.selectOption('dark')
    await expect(page.evaluate(() => document.documentElement.classList.contains('dark'))).resolves.toBe(true)
    await theme.selectOption('light')
    await expect(page.evaluate(() => document.documentElement.classList.contains('dark'))).resolves.toBe(false)
  })

  it('the language switch turns the screen into Simplified Chinese, with one landmark per name', async () => {
    const { page } = app
    await page.getByRole('combobox', { name: 'Language' }).selectOption('zh')
    await page.getByRole('heading', { level: 1, name: 'NextAuth JWT 演练场' }).waitFor({ timeout: 10_000 })
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('zh-Hans')
    for (const name of ['登录与操作', '配置', '会话', '回调']) await expect(page.getByRole('region', { name, exact: true }).count()).resolves.toBe(1)
    await expect(page.getByTestId('next-step').textContent()).resolves.toContain('点击“登录”')
    await page.getByRole('button', { name: '登录', exact: true }).click()
    await expect.poll(() => page.getByTestId('signin-result').count(), { timeout: RUN_TIMEOUT_MS }).toBe(1)
  })
})
