// `npm run bench -- jwt`: session token encode+decode per second in Node, v4 flavour, against the
// real next-auth v4 `encode`/`decode` and against the floor (bare Web Crypto AES-GCM of the same
// JSON with a cached CryptoKey, no JOSE framing). Targets: ≥ 1.2× the real library, ≥ 0.7 of the floor.
import { createRequire } from 'node:module'
import os from 'node:os'
import { alternate, fmt, loadTs, table } from './lib.mjs'

const require = createRequire(import.meta.url)
const SECRET = 'bench-secret-0123456789abcdef'
const NOW_SEC = 1_800_000_000

function payloads() {
  const base = { name: 'Alice Example', email: 'alice@example.com', picture: 'https://example.com/alice.png', sub: '1' }
  // About 2 KB of JSON once iat/exp/jti are added.
  const big = { ...base, roles: Array.from({ length: 45 }, (_, i) => `role-${i}-${'x'.repeat(30)}`) }
  return { 'default token': base, '2 KB token': big }
}

export default async function jwtBench({ log }) {
  const engine = await loadTs('./src/engine/index.ts')
  const real = require('next-auth/jwt')
  const enc = new TextEncoder()
  const dec = new TextDecoder()
  const rawKey = new Uint8Array(await crypto.subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(), info: enc.encode('NextAuth.js Generated Encryption Key') }, await crypto.subtle.importKey('raw', enc.encode(SECRET), 'HKDF', false, ['deriveBits']), 256))
  const floorKey = await crypto.subtle.importKey('raw', rawKey, 'AES-GCM', false, ['encrypt', 'decrypt'])
  const aad = enc.encode(engine.JWT_CONSTANTS['next-auth-v4'].headerSegment)

  const rows = []
  for (const [label, token] of Object.entries(payloads())) {
    const sample = await engine.encode({ token, secret: SECRET, nowSec: NOW_SEC })
    const jsonBytes = enc.encode(JSON.stringify((await engine.decode({ token: sample, secret: SECRET, nowSec: NOW_SEC })))).length
    // Sanity: each contender really round-trips, so the bench cannot time a no-op.
    const realToken = await real.encode({ token, secret: SECRET })
    if ((await real.decode({ token: realToken, secret: SECRET })).name !== token.name) throw new Error('real round trip failed')

    const rates = await alternate(
      {
        ours: async () => {
          const jwe = await engine.encode({ token, secret: SECRET, nowSec: NOW_SEC })
          await engine.decode({ token: jwe, secret: SECRET, nowSec: NOW_SEC })
        },
        real: async () => {
          const jwe = await real.encode({ token, secret: SECRET })
          await real.decode({ token: jwe, secret: SECRET })
        },
        floor: async () => {
          const iv = crypto.getRandomValues(new Uint8Array(12))
          const claims = { ...token, iat: NOW_SEC, exp: NOW_SEC + 2592000, jti: crypto.randomUUID() }
          const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, floorKey, enc.encode(JSON.stringify(claims)))
          JSON.parse(dec.decode(await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, floorKey, sealed)))
        },
        // Not a target: the floor plus the AAD every JWE must authenticate, to show what that costs alone.
        floorAad: async () => {
          const iv = crypto.getRandomValues(new Uint8Array(12))
          const claims = { ...token, iat: NOW_SEC, exp: NOW_SEC + 2592000, jti: crypto.randomUUID() }
          const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: aad }, floorKey, enc.encode(JSON.stringify(claims)))
          JSON.parse(dec.decode(await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: aad }, floorKey, sealed)))
        },
      },
      { batches: 21, opsPerBatch: 200, warmupOps: 200 },
    )
    log(label, rates)
    rows.push([label, `${jsonBytes} B / ${sample.length} chars`, fmt.int(rates.ours), fmt.int(rates.real), fmt.int(rates.floor), fmt.int(rates.floorAad), fmt.ratio(rates.ours / rates.real), fmt.ratio(rates.ours / rates.floor), fmt.ratio(rates.ours / rates.floorAad)])
  }
  return [
    'Session token encode + decode per second in Node (v4 flavour, same process, same payloads, alternating batches of 200, median of 21).',
    '"real" is next-auth 4.24.15 `encode`/`decode`; "floor" is bare Web Crypto AES-GCM encrypt + decrypt of the same JSON with a cached CryptoKey (no JOSE framing, no claim checks).',
    '"floor + AAD" adds only the header bytes every JWE must authenticate (AES-GCM additional data); it is not a target, it shows what that alone costs in Node\'s Web Crypto.',
    'Targets: ours ≥ 1.2× real, ours ≥ 0.7× floor.',
    `1-minute load average when the run ended: ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores (other work on a shared machine makes single figures noisy; the ratios come from interleaved batches).`,
    '',
    table(['payload', 'claims JSON / token', 'ours (ops/s)', 'real v4 (ops/s)', 'floor (ops/s)', 'floor + AAD (ops/s)', 'ours / real', 'ours / floor', 'ours / (floor + AAD)'], rows),
  ].join('\n')
}
