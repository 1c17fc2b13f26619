// `npm run bench -- lab`: how long "Decode" in the Token lab takes, from pasted text to an explained
// result, against the bare JWT engine decode of the same token (the floor: no parsing, detection,
// chunk joining or explanation). In Node and in Chromium (the engine as Vite bundles it). Also the
// failure path, which derives keys for every secret and probes the other salts.
import { createRequire } from 'node:module'
import { alternate, fmt, loadTs, table } from './lib.mjs'

const require = createRequire(import.meta.url)
const SECRET = 'bench-lab-secret'

/** Inputs made by the real next-auth v4: a one-cookie header, and three chunks pasted out of order. */
async function inputs() {
  const { encode } = require('next-auth/jwt')
  const { SessionStore } = require('../../node_modules/next-auth/core/lib/cookie.js')
  const user = { name: 'Ada Lovelace', email: 'ada@example.com', picture: null, sub: '42' }
  const small = await encode({ token: user, secret: SECRET })
  const big = await encode({ token: { ...user, filler: 'x'.repeat(8000) }, secret: SECRET })
  const store = new SessionStore({ name: 'next-auth.session-token', options: {} }, { cookies: {} }, { debug() {} })
  const chunks = store.chunk(big, { expires: new Date(Date.now() + 86400_000) })
  return [
    { label: 'cookie header, 1 cookie', input: `next-auth.csrf-token=abc%7Cdef; next-auth.session-token=${small}`, token: small },
    { label: `cookie header, ${chunks.length} chunks reversed`, input: chunks.map((c) => `${c.name}=${c.value}`).reverse().join('; '), token: big },
  ]
}

export default async function labBench({ browser, log }) {
  const engine = await loadTs('./src/engine/index.ts')
  const lab = await loadTs('./src/engine/lab/index.ts')
  const cases = await inputs()
  const nowSec = Math.floor(Date.now() / 1000)
  const rows = []

  for (const { label, input, token } of cases) {
    const check = await lab.openToken({ input, secrets: [SECRET], nowSec })
    if (check.status !== 'decoded') throw new Error(`lab did not decode ${label}: ${check.status}`)
    const rates = await alternate(
      {
        lab: () => lab.openToken({ input, secrets: [SECRET], nowSec }),
        floor: () => engine.decodeDetailed({ token, secret: SECRET, salt: '', flavor: 'next-auth-v4', nowSec }),
      },
      { batches: 11, opsPerBatch: 100, warmupOps: 300 },
    )
    log('node', label, rates)
    rows.push(['Node', label, fmt.ms(1000 / rates.lab, 3), fmt.ms(1000 / rates.floor, 3), fmt.ratio(rates.floor / rates.lab)])
  }

  const wrong = await alternate({ failed: () => lab.openToken({ input: cases[0].input, secrets: ['wrong-1', 'wrong-2'], nowSec }) }, { batches: 11, opsPerBatch: 50, warmupOps: 50 })
  log('node wrong secret', wrong)

  const page = await (await browser()).benchPage()
  const inPage = await page.evaluate(
    async ({ cases, SECRET, nowSec }) => {
      const { engine, lab } = window.bench
      const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1]
      const time = async (fn, ops) => {
        const start = performance.now()
        for (let i = 0; i < ops; i++) await fn()
        return (performance.now() - start) / ops
      }
      const out = []
      for (const { label, input, token } of cases) {
        const labTimes = []
        const floor = []
        for (let i = 0; i < 30; i++) await lab.openToken({ input, secrets: [SECRET], nowSec })
        for (let b = 0; b < 11; b++) {
          labTimes.push(await time(() => lab.openToken({ input, secrets: [SECRET], nowSec }), 50))
          floor.push(await time(() => engine.decodeDetailed({ token, secret: SECRET, salt: '', flavor: 'next-auth-v4', nowSec }), 50))
        }
        out.push({ label, lab: median(labTimes), floor: median(floor) })
      }
      return out
    },
    { cases, SECRET, nowSec },
  )
  await page.close()
  for (const { label, lab, floor } of inPage) rows.push(['Chromium', label, fmt.ms(lab, 3), fmt.ms(floor, 3), fmt.ratio(lab / floor)])

  return [
    '"Decode" in the Token lab: pasted text → parse → find and join the session cookie → detect flavour and salt → decrypt → explain the claims.',
    'The floor is the JWT engine\'s `decodeDetailed` of the already-joined token (no lab work). Inputs are made by the real next-auth 4.24.15 (`encode`, `SessionStore.chunk`).',
    'Medians of alternating batches (Node: 11 × 100 after 300 warm-up; Chromium: 11 × 50) in one run; "cost" is lab time / floor time (1.00× = the lab adds nothing).',
    '',
    table(['where', 'input', 'lab (per decode)', 'floor', 'cost'], rows),
    '',
    `Failure path in Node (wrong secret, 2 secrets: derives each key and tries the other library and salt settings): ${fmt.ms(1000 / wrong.failed, 3)} per decode.`,
    '',
    'Every decode is far below what a person can notice (the lab answers one click at a time); no target is set beyond "instant".',
  ].join('\n')
}
