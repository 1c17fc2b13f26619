import { describe, expect, it } from 'vitest'
import { createCsrfToken, createSeededRandom, csrfHash } from '../../../src/engine/index'
import type { FlowFlavor } from '../../../src/engine/index'
import { loadAuthjs, v4 } from './realLibraries'

const authjs = await loadAuthjs()
const SECRET = 's3cr3t'
const TOKEN = '0123456789abcdef'.repeat(4)
const WORKED_HASH = '592e9a1fe6d0f250e5fc11a47e1fe9de92c5e6ef2c7cf60a0715ef2488cabf28'
const OTHER_SECRET_HASH = await csrfHash(TOKEN, 'another-secret')

async function realCsrf(flavor: FlowFlavor, input: { secret: string | string[]; cookieValue?: string; isPost: boolean; bodyValue?: string }) {
  const args = { options: { secret: input.secret }, cookieValue: input.cookieValue, isPost: input.isPost, bodyValue: input.bodyValue }
  return flavor === 'next-auth-v4' ? v4.csrf.createCSRFToken(args) : await authjs.csrf.createCSRFToken(args)
}

describe('csrfHash', () => {
  it('gives the worked example from the facts, as both real libraries accept it', async () => {
    expect(await csrfHash(TOKEN, SECRET)).toBe(WORKED_HASH)
    for (const flavor of ['next-auth-v4', 'authjs'] as const) {
      const real = await realCsrf(flavor, { secret: SECRET, cookieValue: `${TOKEN}|${WORKED_HASH}`, isPost: false })
      expect(real.cookie).toBeUndefined()
      expect(real.csrfToken).toBe(TOKEN)
    }
  })

  it('hashes the tokens the real libraries issue to the hashes they put in the cookie', async () => {
    for (const flavor of ['next-auth-v4', 'authjs'] as const) {
      const real = await realCsrf(flavor, { secret: SECRET, isPost: false })
      const [token, hash] = real.cookie!.split('|')
      expect(token).toBe(real.csrfToken)
      expect(await csrfHash(token!, SECRET)).toBe(hash)
    }
  })
})

describe('createCsrfToken', () => {
  const valid = `${TOKEN}|${WORKED_HASH}`
  const cookieCases: Record<string, string | undefined> = {
    missing: undefined,
    empty: '',
    valid,
    'valid with a third part': `${valid}|junk`,
    'wrong hash': `${TOKEN}|${'0'.repeat(64)}`,
    'no pipe': TOKEN,
    'made with another secret': `${TOKEN}|${OTHER_SECRET_HASH}`,
  }
  const requests = [
    { isPost: false, bodyValue: undefined },
    { isPost: false, bodyValue: TOKEN },
    { isPost: true, bodyValue: TOKEN },
    { isPost: true, bodyValue: 'other' },
    { isPost: true, bodyValue: undefined },
  ]

  for (const flavor of ['next-auth-v4', 'authjs'] as const) {
    for (const [label, cookieValue] of Object.entries(cookieCases)) {
      it(`decides like real ${flavor} for a ${label} cookie, GET and POST`, async () => {
        for (const request of requests) {
          const real = await realCsrf(flavor, { secret: SECRET, cookieValue, ...request })
          const ours = await createCsrfToken({ secret: SECRET, cookieValue, isPost: request.isPost, bodyToken: request.bodyValue, random: createSeededRandom(1) })
          expect(ours.csrfTokenVerified).toBe(Boolean(real.csrfTokenVerified))
          expect(ours.cookieValue === undefined).toBe(real.cookie === undefined)
          expect(ours.hashValid).toBe(real.cookie === undefined)
          expect(ours.cookiePresent).toBe(Boolean(cookieValue))
          if (real.cookie === undefined) expect(ours.csrfToken).toBe(real.csrfToken)
        }
      })
    }
  }

  it('issues `<hex of random.bytes(32)>|<hash>` from the random source', async () => {
    const bytes = createSeededRandom(7).bytes(32)
    const expectedToken = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
    const ours = await createCsrfToken({ secret: SECRET, isPost: false, random: createSeededRandom(7) })
    expect(ours.csrfToken).toBe(expectedToken)
    expect(ours.cookieValue).toBe(`${expectedToken}|${await csrfHash(expectedToken, SECRET)}`)
    expect(ours.csrfToken).toMatch(/^[0-9a-f]{64}$/)
  })

  it('hashes an Auth.js secret array as its comma-joined text, like the real template string', async () => {
    const secret = ['new-secret', 'old-secret']
    const joinedHash = await csrfHash(TOKEN, 'new-secret,old-secret')
    const real = await realCsrf('authjs', { secret, cookieValue: `${TOKEN}|${joinedHash}`, isPost: true, bodyValue: TOKEN })
    expect(real.csrfTokenVerified).toBe(true)
    const ours = await createCsrfToken({ secret, cookieValue: `${TOKEN}|${joinedHash}`, isPost: true, bodyToken: TOKEN, random: createSeededRandom(1) })
    expect(ours.csrfTokenVerified).toBe(true)
    const firstOnly = await createCsrfToken({ secret, cookieValue: `${TOKEN}|${await csrfHash(TOKEN, 'new-secret')}`, isPost: true, bodyToken: TOKEN, random: createSeededRandom(1) })
    expect(firstOnly.hashValid).toBe(false)
  })

  it('is trusted by the real init: no new CSRF cookie, and a POST with the token is verified', async () => {
    const ours = await createCsrfToken({ secret: SECRET, isPost: false, random: createSeededRandom(3) })
    const v4Init = await v4.init.init({
      authOptions: { providers: [], secret: SECRET },
      action: 'callback',
      origin: 'http://localhost:3000',
      cookies: { 'next-auth.csrf-token': ours.cookieValue },
      csrfToken: ours.csrfToken,
      isPost: true,
    })
    expect(v4Init.options.csrfTokenVerified).toBe(true)
    expect(v4Init.cookies.map((c) => c.name)).not.toContain('next-auth.csrf-token')
    const authjsInit = await authjs.init.init({
      authOptions: { providers: [], secret: SECRET },
      action: 'callback',
      url: new URL('http://localhost:3000/auth/callback/credentials'),
      cookies: { 'authjs.csrf-token': ours.cookieValue },
      csrfToken: ours.csrfToken,
      isPost: true,
    })
    expect(authjsInit.options.csrfTokenVerified).toBe(true)
    expect(authjsInit.cookies.map((c) => c.name)).not.toContain('authjs.csrf-token')
  })
})
