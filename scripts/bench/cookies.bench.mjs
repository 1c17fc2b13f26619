// `npm run bench -- cookies`: the cookie engine in Node against the real libraries: session-cookie
// chunking (24 939-character token, 7 chunks), the CSRF check, Set-Cookie serialisation, and one
// browser round trip through the jar (apply the 7 chunk lines, build the Cookie header, parse it).
import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'
import { resolve } from 'node:path'
import { alternate, fmt, loadTs, table } from './lib.mjs'

const require = createRequire(import.meta.url)
const NOW_SEC = 1_800_000_000
const SECRET = 'bench-secret-0123456789abcdef'

export default async function cookiesBench({ log }) {
  const engine = await loadTs('./src/engine/cookies/index.ts')
  const { createSimClock } = await loadTs('./src/engine/clock/createSimClock.ts')
  const { createSeededRandom } = await loadTs('./src/engine/random.ts')
  const v4Cookie = require(resolve('node_modules/next-auth/core/lib/cookie.js'))
  const v4Utils = require(resolve('node_modules/next-auth/next/utils.js'))
  const authjsCsrf = await import(pathToFileURL(resolve('node_modules/@auth/core/lib/actions/callback/oauth/csrf-token.js')).href)

  const token = Array.from({ length: 24_939 }, (_, i) => 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'[i % 64]).join('')
  const definition = engine.defaultCookies('next-auth-v4', true).sessionToken
  const expires = new Date((NOW_SEC + 2_592_000) * 1000)
  const silent = { debug() {} }
  const sevenChunks = Object.fromEntries(Array.from({ length: 7 }, (_, i) => [`${definition.name}.${i}`, 'x'.repeat(3933)]))

  // Sanity: both sides produce the same plan, so the bench cannot time a no-op.
  const ourPlan = engine.createSessionStore({ flavor: 'next-auth-v4', cookie: definition, requestCookies: sevenChunks }).chunk(token, { expiresAtSec: NOW_SEC + 2_592_000 })
  const realPlan = new v4Cookie.SessionStore(definition, { cookies: sevenChunks }, silent).chunk(token, { expires })
  if (ourPlan.map((c) => c.name).join() !== realPlan.map((c) => c.name).join()) throw new Error('chunk plans differ')

  const random = createSeededRandom(1)
  const csrf = await engine.createCsrfToken({ secret: SECRET, isPost: false, random })
  const lines = ourPlan.map((cookie) => engine.serializeOutgoingCookie(cookie, 'next-auth-v4'))
  const url = 'https://app.example.com/api/auth/session'
  const res = () => {
    let header
    return { getHeader: () => header, setHeader: (_, value) => void (header = value) }
  }

  const groups = {
    'chunk a 24 939-char token over 7 old chunks': {
      ours: async () => void engine.createSessionStore({ flavor: 'next-auth-v4', cookie: definition, requestCookies: sevenChunks }).chunk(token, { expiresAtSec: NOW_SEC + 2_592_000 }),
      real: async () => void new v4Cookie.SessionStore(definition, { cookies: sevenChunks }, silent).chunk(token, { expires }),
    },
    'CSRF cookie check (POST, valid)': {
      ours: async () => void (await engine.createCsrfToken({ secret: SECRET, cookieValue: csrf.cookieValue, isPost: true, bodyToken: csrf.csrfToken, random })),
      real: async () => void (await authjsCsrf.createCSRFToken({ options: { secret: SECRET }, cookieValue: csrf.cookieValue, isPost: true, bodyValue: csrf.csrfToken })),
    },
    'serialise 7 Set-Cookie lines': {
      ours: async () => void ourPlan.map((cookie) => engine.serializeOutgoingCookie(cookie, 'next-auth-v4')),
      real: async () => {
        const r = res()
        for (const cookie of realPlan) v4Utils.setCookie(r, cookie)
      },
    },
  }
  const rows = []
  for (const [label, contenders] of Object.entries(groups)) {
    const rates = await alternate(contenders, { batches: 15, opsPerBatch: 200, warmupOps: 200 })
    log(label, rates)
    rows.push([label, fmt.int(rates.ours), fmt.int(rates.real), fmt.ratio(rates.ours / rates.real)])
  }

  const jarRates = await alternate(
    {
      jar: async () => {
        const jar = engine.createCookieJar(createSimClock(NOW_SEC))
        for (const line of lines) jar.apply(line, url)
        const parsed = engine.parseCookieHeader(jar.cookieHeader(url))
        if (engine.createSessionStore({ flavor: 'next-auth-v4', cookie: definition, requestCookies: parsed }).value.length !== token.length) throw new Error('round trip failed')
      },
    },
    { batches: 15, opsPerBatch: 200, warmupOps: 200 },
  )
  log('jar round trip', jarRates)
  rows.push(['jar: apply 7 chunk lines, Cookie header, parse, re-assemble', fmt.int(jarRates.jar), '–', '–'])

  return [
    'Operations per second in Node (same process, alternating batches of 200, median of 15). "real" is next-auth 4.24.15',
    '(`SessionStore`, `next/utils.js` `setCookie`) or @auth/core 0.41.3 (`createCSRFToken`, Web Crypto like ours).',
    'Target: ours ≥ 0.5× real everywhere (the cookie work is never the slow step of a flow; the JWE is).',
    '',
    table(['operation', 'ours ops/s', 'real ops/s', 'ours / real'], rows),
  ].join('\n')
}
