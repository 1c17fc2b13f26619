// The Token lab in real Chromium: tokens and cookies made at test time by the real next-auth 4.24.15
// and @auth/core 0.41.3, pasted in as a developer would, decoded, and read back from the page.
import { readFileSync } from 'node:fs'
import type { Locator, Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { authjsJwt, bigClaims, realChunk, realSerialize, v4Jwt } from '../engine/lab/realLibs'
import { atTime } from '../helpers/atTime'
import { openApp, sharedBrowser, type OpenApp } from './helpers/openApp'

const SECRET = 'e2e-lab-secret'
const user = { name: 'Ada Lovelace', email: 'ada@example.com', picture: null, sub: '42', role: 'admin' }

const browser = sharedBrowser()
let app: OpenApp
afterEach(async () => {
  await app?.close()
})

async function openLab(options: { colorScheme?: 'light' | 'dark'; width?: number } = {}): Promise<Page> {
  app = await openApp({ browser: browser(), hash: '#/lab', colorScheme: options.colorScheme, viewport: { width: options.width ?? 1024, height: 900 } })
  await app.page.getByRole('heading', { name: 'Token lab' }).waitFor()
  return app.page
}

async function decode(page: Page, token: string, secret: string): Promise<void> {
  await page.getByLabel('Token', { exact: true }).fill(token)
  await page.getByLabel('Secret', { exact: true }).fill(secret)
  await page.getByRole('button', { name: 'Decode' }).click()
}

const region = (page: Page, name: string): Locator => page.getByRole('region', { name, exact: true })

/**
 * Does what `act` does and checks that the page requested nothing meanwhile, from its own origin or
 * any other (the lab is loaded by then; decoding and making happen in the page).
 */
async function expectNoRequests(page: Page, act: () => Promise<void>): Promise<void> {
  await page.waitForLoadState('networkidle')
  const before = app.requests.length
  await act()
  await page.waitForLoadState('networkidle')
  expect(app.requests.slice(before)).toEqual([])
  expect(app.foreignRequests()).toEqual([])
}

/** Text of a region once it is there, with the white space normalised. */
async function textOf(locator: Locator): Promise<string> {
  await locator.waitFor()
  return (await locator.innerText()).replace(/\s+/g, ' ')
}

describe('Token lab: open', () => {
  it('opens a real v4 cookie header made a day ago: claims explained, valid for 28 more days (never rounded up)', async () => {
    const token = await atTime(Date.now() / 1000 - 86400, () => v4Jwt.encode({ token: user, secret: SECRET }))
    const page = await openLab()
    await decode(page, `Cookie: next-auth.csrf-token=abc%7Cdef; next-auth.session-token=${token}; theme=dark`, SECRET)

    const payload = await textOf(region(page, 'Decoded payload'))
    // 29 days less the seconds this test took: 28 whole days, not a rounded-up 29.
    expect(payload).toContain('Valid for 28 more days')
    expect(payload).toContain('"email": "ada@example.com"')
    expect(payload).toContain('Added by your jwt callback') // role
    expect(payload).toContain('NextAuth.js Generated Encryption Key')
    const found = await textOf(region(page, 'What the lab found'))
    expect(found).toContain('next-auth.session-token')
    expect(found).toContain('NextAuth.js v4 (from the header)')
    expect(found).toContain('Other cookies, not read: next-auth.csrf-token, theme')
  })

  it('re-assembles real chunked __Secure- Set-Cookie lines pasted out of order', async () => {
    const token = await v4Jwt.encode({ token: bigClaims(7000), secret: SECRET })
    const cookies = await realChunk('next-auth-v4', true, token, new Date(Date.now() + 86400_000))
    expect(cookies.length).toBe(3)
    const lines = [cookies[2]!, cookies[0]!, cookies[1]!].map((cookie) => `Set-Cookie: ${realSerialize(cookie)}`)
    const page = await openLab()
    await decode(page, lines.join('\n'), SECRET)

    const found = await textOf(region(page, 'What the lab found'))
    expect(found).toContain('__Secure-next-auth.session-token')
    expect(found).toContain('3 chunks joined in order: .0, .1, .2')
    expect(found).toContain('You pasted them as .2, .0, .1')
    expect(await textOf(region(page, 'Decoded payload'))).toContain(String(bigClaims(7000).filler).slice(0, 40))
  })

  it('opens an Auth.js __Secure- cookie made with a rotated-out secret, and says which secret matched the kid', async () => {
    const salt = '__Secure-authjs.session-token'
    const token = await (await authjsJwt()).encode({ token: user, secret: 'the-old-secret', salt })
    const page = await openLab()
    await decode(page, `${salt}=${token}`, `the-new-secret\nthe-old-secret`)

    const found = await textOf(region(page, 'What the lab found'))
    expect(found).toContain('Auth.js (next-auth v5) (from the header)')
    expect(found).toContain(`${salt} the session cookie name, as Auth.js uses it`)
    expect(found).toContain('The secret on line 2 derives this kid')
    const payload = await textOf(region(page, 'Decoded payload'))
    expect(payload).toContain('Opened with the secret on line 2.')
    expect(payload).toContain(`Auth.js Generated Encryption Key (${salt})`)
  })

  it('shows by how much a token expired, and the 15 s tolerance', async () => {
    const token = await v4Jwt.encode({ token: user, secret: SECRET, maxAge: -3 * 86400 })
    const page = await openLab()
    await decode(page, token, SECRET)
    const payload = await textOf(region(page, 'Decoded payload'))
    expect(payload).toContain('Expired 3 days ago')
    expect(payload).toContain('15 seconds of clock tolerance')
    expect(payload).toContain('"email": "ada@example.com"')
  })

  it('checks against another date when asked', async () => {
    const token = await v4Jwt.encode({ token: user, secret: SECRET, maxAge: 3600 })
    const page = await openLab()
    await page.getByRole('radio', { name: 'Another date' }).check()
    // Two days and two minutes past exp (the picker has minute precision).
    const later = new Date(Date.now() + 2 * 86400_000 + 3600_000 + 120_000)
    const pad = (n: number) => String(n).padStart(2, '0')
    await page.getByLabel('Date and time').fill(`${later.getFullYear()}-${pad(later.getMonth() + 1)}-${pad(later.getDate())}T${pad(later.getHours())}:${pad(later.getMinutes())}`)
    await decode(page, token, SECRET)
    expect(await textOf(region(page, 'Decoded payload'))).toContain('Expired 2 days ago')
  })

  it('explains a wrong secret: the derived key and why it could not decrypt', async () => {
    const token = await v4Jwt.encode({ token: user, secret: SECRET })
    const page = await openLab()
    await decode(page, `next-auth.session-token=${token}`, 'not-the-secret')
    const why = await textOf(region(page, 'Why it did not open'))
    expect(why).toContain('JWT_DECRYPT_FAILED')
    expect(why).toContain('the 16-byte tag does not verify')
    expect(why).toContain('Derived key (hex)')
    expect(why).toContain('The secret is not the one the token was made with')
    expect(await region(page, 'Decoded payload').count()).toBe(0)
  })

  it('finds the __Secure- salt when an Auth.js token is pasted under the plain cookie name', async () => {
    const token = await (await authjsJwt()).encode({ token: user, secret: SECRET, salt: '__Secure-authjs.session-token' })
    const page = await openLab()
    await expectNoRequests(page, async () => {
      await decode(page, `authjs.session-token=${token}`, SECRET)
      await region(page, 'Why it did not open').waitFor()
    })
    const why = await textOf(region(page, 'Why it did not open'))
    expect(why).toContain('JWT_NO_MATCHING_SECRET')
    expect(why).toContain('It opens as Auth.js (next-auth v5) with salt “__Secure-authjs.session-token”')
    expect(why).toContain('The __Secure- prefix changes the Auth.js salt')
    await page.getByRole('button', { name: 'Use these settings' }).click()
    expect(await textOf(region(page, 'Decoded payload'))).toContain('"sub": "42"')
  })

  it('explains a tampered token and a truncated one', async () => {
    const token = await v4Jwt.encode({ token: user, secret: SECRET })
    const parts = token.split('.')
    const bytes = Buffer.from(parts[3]!, 'base64url')
    bytes[bytes.length >> 1]! ^= 0xff
    parts[3] = bytes.toString('base64url')
    const page = await openLab()
    await decode(page, parts.join('.'), SECRET)
    expect(await textOf(region(page, 'Why it did not open'))).toContain('The token was changed')

    await decode(page, token.split('.').slice(0, 4).join('.'), SECRET)
    const why = await textOf(region(page, 'Why it did not open'))
    expect(why).toContain('JWT_MALFORMED')
    expect(why).toContain('It has 4 parts separated by dots')
  })

  it('says a JWS is a signed token, not a NextAuth session token, and decodes it anyway', async () => {
    const { SignJWT } = await import('jose')
    const jws = await new SignJWT({ sub: 'jws-user', scope: 'read' }).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(new TextEncoder().encode(SECRET))
    const page = await openLab()
    await decode(page, jws, '')
    const notice = await textOf(region(page, 'This is a signed token, not a NextAuth session token'))
    expect(notice).toContain('"alg": "HS256"')
    expect(notice).toContain('"sub": "jws-user"')
  })

  it('opens a token copied with a trailing ; or in quotes, and names the bad part of a near-token', async () => {
    const token = await v4Jwt.encode({ token: user, secret: SECRET })
    const page = await openLab()
    for (const pasted of [`${token};`, `'${token}'`]) {
      await decode(page, pasted, SECRET)
      expect(await textOf(region(page, 'Decoded payload'))).toContain('"sub": "42"')
    }
    const parts = token.split('.')
    await decode(page, [parts[0], '', parts[2], `${parts[3]!.slice(0, 5)}+${parts[3]!.slice(6)}`, parts[4]].join('.'), SECRET)
    const why = await textOf(region(page, 'Why it did not open'))
    expect(why).toContain('JWT_MALFORMED')
    expect(why).toContain('Where: the ciphertext. It has characters outside base64url')
  })

  it('reads the first of two session cookies with one name, as the server does, and opens the other on request', async () => {
    const old = await v4Jwt.encode({ token: { ...user, sub: 'old' }, secret: 'the-old-secret' })
    const current = await v4Jwt.encode({ token: { ...user, sub: 'current' }, secret: SECRET })
    const page = await openLab()
    await decode(page, `Cookie: next-auth.session-token=${old}; next-auth.session-token=${current}`, SECRET)
    await region(page, 'Why it did not open').waitFor()
    const warning = await textOf(page.getByText(/next-auth\.session-token was pasted 2 times with different values/))
    expect(warning).toContain('The server reads the first one, and so does the lab.')
    await page.getByRole('button', { name: 'Read cookie 2 instead' }).click()
    expect(await textOf(region(page, 'Decoded payload'))).toContain('"sub": "current"')
  })

  it('blames the cookie name, not the secret, when an Auth.js cookie was renamed', async () => {
    const token = await (await authjsJwt()).encode({ token: user, secret: SECRET, salt: 'authjs.session-token' })
    const page = await openLab()
    await decode(page, `my-session=${token}`, SECRET)
    const why = await textOf(region(page, 'Why it did not open'))
    expect(why).toContain('It opens as Auth.js (next-auth v5) with salt “authjs.session-token”')
    expect(why).toContain('this token was made under “authjs.session-token”, but it is read as “my-session”')
    expect(why).not.toContain('The secret is not the one the token was made with')
  })

  it('says the rest of the chunks are missing when only .0 was copied', async () => {
    const token = await v4Jwt.encode({ token: bigClaims(6000), secret: SECRET })
    const [first] = await realChunk('next-auth-v4', true, token, new Date(Date.now() + 86400_000))
    const page = await openLab()
    await decode(page, `${first!.name}\t${first!.value}\tlocalhost\t/`, SECRET)
    const found = await textOf(region(page, 'What the lab found'))
    expect(found).toContain('1 chunk: .0')
    expect(found).toContain('.1 (and maybe more) is missing')
    expect(await page.getByRole('region', { name: 'Why it did not open' }).getByRole('listitem').first().innerText()).toContain('A chunk is missing')
  })

  it('explains a failure in Simplified Chinese, the error text included', async () => {
    const token = await v4Jwt.encode({ token: user, secret: SECRET })
    const page = await openLab()
    await page.getByLabel('Language').selectOption('zh')
    await page.getByRole('heading', { name: '令牌实验室' }).waitFor()
    await page.getByLabel('令牌', { exact: true }).fill(token)
    await page.getByLabel('密钥', { exact: true }).fill('not-the-secret')
    await page.getByRole('button', { name: '解码' }).click()
    const why = await textOf(region(page, '为什么打不开'))
    expect(why).toContain('会话令牌无法解密')
    expect(why).toContain('怎么做')
    expect(why).not.toContain('could not be decrypted')
  })

  it('sends nothing anywhere while decoding, and keeps the secret out of the URL and storage', async () => {
    const token = await v4Jwt.encode({ token: user, secret: SECRET })
    const page = await openLab()
    await page.waitForLoadState('networkidle')
    const before = app.requests.length
    await decode(page, token, SECRET)
    await region(page, 'Decoded payload').waitFor()
    await page.waitForLoadState('networkidle')
    expect(app.requests.slice(before)).toEqual([])
    expect(app.foreignRequests()).toEqual([])
    expect(page.url()).not.toContain(SECRET)
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie)
    expect(stored).not.toContain(SECRET)
    expect(app.errors).toEqual([])
  })

  it('remembers the secret only after opting in, with a warning', async () => {
    const page = await openLab()
    await page.getByLabel('Secret', { exact: true }).fill(SECRET)
    // The warning is on screen before the box is ticked, while nothing is stored yet.
    expect(await page.getByRole('note').innerText()).toContain('stored unencrypted')
    expect(await page.evaluate(() => JSON.stringify({ ...localStorage }))).not.toContain(SECRET)
    await page.getByRole('checkbox', { name: 'Remember the secret in this browser' }).check()
    expect(await page.evaluate(() => JSON.stringify({ ...localStorage }))).toContain(SECRET)
    expect(await page.getByRole('note').innerText()).toMatch(/^The secret is stored unencrypted/)
    await page.reload()
    await page.getByRole('heading', { name: 'Token lab' }).waitFor()
    expect(await page.getByLabel('Secret', { exact: true }).inputValue()).toBe(SECRET)
    await page.getByRole('checkbox', { name: 'Remember the secret in this browser' }).uncheck()
    expect(await page.evaluate(() => JSON.stringify({ ...localStorage }))).not.toContain(SECRET)
  })
})

describe('Token lab: make', () => {
  it('makes an Auth.js token and Set-Cookie line that the real @auth/core decodes', async () => {
    const page = await openLab()
    await page.getByRole('tab', { name: 'Make' }).click()
    await page.getByLabel('Payload (JSON)').fill(JSON.stringify({ name: 'Grace', sub: '7', role: 'editor' }))
    await page.getByLabel('Secret', { exact: true }).fill(SECRET)
    await page.getByLabel('Library').selectOption({ label: 'Auth.js (next-auth v5)' })
    expect(await page.getByLabel('Cookie name').inputValue()).toBe('authjs.session-token')
    await page.getByLabel('Cookie name').fill('__Secure-authjs.session-token')
    await page.getByLabel('maxAge (seconds)').fill('3600')
    await expectNoRequests(page, async () => {
      await page.getByRole('button', { name: 'Make token' }).click()
      await region(page, 'Made token').waitFor()
    })

    const made = region(page, 'Made token')
    const setCookie = await made.getByLabel('Set-Cookie', { exact: true }).innerText()
    expect(setCookie).toMatch(/^__Secure-authjs\.session-token=eyJ[^;]+; Path=\/; Expires=[^;]+ GMT; HttpOnly; Secure; SameSite=Lax$/)
    const token = setCookie.slice(setCookie.indexOf('=') + 1, setCookie.indexOf(';'))
    const claims = await (await authjsJwt()).decode({ token, secret: SECRET, salt: '__Secure-authjs.session-token' })
    expect(claims).toMatchObject({ name: 'Grace', sub: '7', role: 'editor' })
    expect((claims!.exp as number) - (claims!.iat as number)).toBe(3600)
  })

  it('chunks a large v4 token like the real handler, and opens it back in the lab', async () => {
    const page = await openLab()
    await page.getByRole('tab', { name: 'Make' }).click()
    await page.getByLabel('Payload (JSON)').fill(JSON.stringify(bigClaims(5000)))
    await page.getByLabel('Secret', { exact: true }).fill(SECRET)
    await expectNoRequests(page, async () => {
      await page.getByRole('button', { name: 'Make token' }).click()
      await region(page, 'Made token').waitFor()
    })
    const made = region(page, 'Made token')
    const lines = (await made.getByLabel('Set-Cookie', { exact: true }).innerText()).split('\n')
    expect(lines.map((line) => line.slice(0, line.indexOf('=')))).toEqual(['next-auth.session-token.0', 'next-auth.session-token.1'])
    const token = lines.map((line) => line.slice(line.indexOf('=') + 1, line.indexOf(';'))).join('')
    expect(await v4Jwt.decode({ token, secret: SECRET })).toMatchObject({ filler: bigClaims(5000).filler })
    const real = await realChunk('next-auth-v4', false, token, new Date(Date.parse(/Expires=([^;]+)/.exec(lines[0]!)![1]!)))
    expect(lines).toEqual(real.map(realSerialize))
    // Each chunk's line has its own copy button, which copies exactly that line.
    const chunkLines = made.getByRole('list', { name: 'Each chunk’s Set-Cookie line' })
    expect(await chunkLines.getByRole('listitem').allInnerTexts()).toEqual(lines.map((line, i) => expect.stringContaining(`next-auth.session-token.${i}: ${line.length} characters`)))
    await app.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.baseUrl).origin })
    await chunkLines.getByRole('button', { name: 'Copy Set-Cookie line of next-auth.session-token.1' }).click()
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(lines[1])

    // Opening it decodes it, still without a request.
    await expectNoRequests(page, async () => {
      await page.getByRole('button', { name: 'Open it in the lab' }).click()
      await region(page, 'Decoded payload').waitFor()
    })
    expect(await textOf(region(page, 'What the lab found'))).toContain('2 chunks joined in order: .0, .1')
  })

  it('refuses a maxAge that is not plain decimal seconds, on the field, with the reason', async () => {
    const page = await openLab()
    await page.getByRole('tab', { name: 'Make' }).click()
    await page.getByLabel('Secret', { exact: true }).fill(SECRET)
    const maxAge = page.getByLabel('maxAge (seconds)')
    await maxAge.fill('0x10')
    await page.getByRole('button', { name: 'Make token' }).click()
    expect(await page.getByRole('alert').innerText()).toContain('maxAge must be a plain decimal number of seconds')
    expect(await maxAge.getAttribute('aria-invalid')).toBe('true')
    await maxAge.fill('100000000000000000000')
    await page.getByRole('button', { name: 'Make token' }).click()
    await page.getByRole('alert').getByText(/maxAge is out of range/).waitFor()
    expect(await region(page, 'Made token').count()).toBe(0)
  })
})

describe('Token lab: looks', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`fits 1024 px and passes axe in the ${colorScheme} theme`, async () => {
      const token = await v4Jwt.encode({ token: user, secret: SECRET })
      const page = await openLab({ colorScheme, width: 1024 })
      await decode(page, `next-auth.session-token=${token}`, 'wrong-secret')
      await region(page, 'Why it did not open').waitFor()
      expect(await page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(colorScheme === 'dark')
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true)
      // The app's CSP forbids inline scripts; DevTools evaluation is not subject to it.
      await page.evaluate(readFileSync('node_modules/axe-core/axe.min.js', 'utf8'))
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe
        const result = await axe.run(document.querySelector('main'), { runOnly: ['wcag2a', 'wcag2aa'] })
        return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
      })
      expect(violations).toEqual([])
    })
  }
})
