// Property-style: whatever a learner pastes or configures, decode/encode either succeed or reject with
// an EngineError carrying a known code — never a raw jose error, TypeError or hang — and inspect never throws.
import { describe, expect, it } from 'vitest'
import { ENGINE_ERROR_CODES, createSeededRandom, decode, encode, inspect, isEngineError } from '../../../src/engine/index'
import { NOW_SEC } from './realLibraries'

const SECRET = 'garbage-secret'
const SALT = 'authjs.session-token'
const FLAVORS = ['next-auth-v4', 'authjs', 'simplified-hs256'] as const
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

function generator(seed: number) {
  const random = createSeededRandom(seed)
  const int = (max: number) => random.bytes(4).reduce((n, b) => n * 256 + b, 0) % max
  const pick = (chars: string, length: number) => Array.from({ length }, () => chars[int(chars.length)]).join('')
  return { int, pick }
}

const b64json = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url')

/** Everything we throw at decode, built around one valid token of the flavour. */
function garbageTokens(valid: string, seed: number): unknown[] {
  const { int, pick } = generator(seed)
  const parts = valid.split('.')
  const out: unknown[] = []
  // Random strings: base64url-ish with dots, any printable ASCII, and non-ASCII.
  for (let i = 0; i < 150; i++) out.push(pick(`${B64}.`, int(300)), pick(' !"#$%&\'()*+,-./0123456789:;<=>?@ABCXYZ[\\]^_`abcxyz{|}~', int(120)), pick('会话令牌🔐é\u0000\uffff.', int(40)))
  // Random five- and three-part tokens, segments of any length (also lengths no base64url can have).
  for (let i = 0; i < 150; i++) out.push(Array.from({ length: 5 }, () => pick(B64, int(60))).join('.'), Array.from({ length: 3 }, () => pick(B64, int(60))).join('.'))
  // The valid token truncated at every position, and with every character changed once.
  for (let cut = 0; cut < valid.length; cut++) out.push(valid.slice(0, cut), valid.slice(cut))
  for (let at = 0; at < valid.length; at++) out.push(valid.slice(0, at) + B64[(B64.indexOf(valid[at]!) + 1 + int(62)) % 64] + valid.slice(at + 1))
  // Each part emptied, replaced, doubled, or wrapped in whitespace; parts swapped, added, removed.
  parts.forEach((_, i) => {
    for (const text of ['', pick(B64, int(40) + 1), parts[i]! + parts[i]!, ` ${parts[i]} `, `${parts[i]}=`, `${parts[i]}==`, 'A', '*'])
      out.push(parts.map((p, j) => (j === i ? text : p)).join('.'))
  })
  out.push([...parts].reverse().join('.'), `${valid}.`, `.${valid}`, parts.slice(1).join('.'), `${valid}.${valid}`, `"${valid}"`, `next-auth.session-token=${valid}`)
  // Headers jose and the libraries treat specially.
  const headers = [
    { alg: 'RSA-OAEP', enc: 'A256GCM' }, { alg: 'ECDH-ES', enc: 'A256GCM' }, { alg: 'dir', enc: 'A256GCM', crit: ['x'] }, { alg: 'dir', enc: 'A256GCM', zip: 'XYZ' },
    { alg: 'dir', enc: 'A256GCM', zip: 'DEF' }, { alg: 'PBES2-HS256+A128KW', enc: 'A256GCM', p2c: 1e9, p2s: 'AAAAAAAAAAA' }, { alg: 'dir', enc: 'A128GCM' }, { alg: 'dir', enc: 'A192CBC-HS384' },
    { alg: 'none' }, { alg: 123 }, { alg: 'dir', enc: ['A256GCM'] }, { alg: 'dir', enc: 'A256GCM', kid: 5 }, { alg: 'dir', enc: 'A256CBC-HS512', kid: '' }, { alg: 'A256KW', enc: 'A256GCM' },
    { alg: 'HS256', b64: false, crit: ['b64'] }, { alg: 'HS512' }, { alg: 'dir' }, { enc: 'A256GCM' }, {}, [], 'null', '"dir"', '{"alg":"dir","enc":"A256GCM","__proto__":{"x":1}}',
  ]
  for (const header of headers) out.push([b64json(header), ...parts.slice(1)].join('.'), [b64json(header), '', pick(B64, 16), pick(B64, 40), pick(B64, 22)].join('.'))
  // Wrong types.
  out.push(0, 1, -1, Number.NaN, Infinity, true, false, {}, [], [valid], Symbol('token'), () => valid, 10n, new Uint8Array(5), new TextEncoder().encode(valid), Object.create(null), new Date(), /x/)
  return out
}

const HUGE = ['a'.repeat(2_000_000), '.'.repeat(100_000), `eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..AAAAAAAAAAAAAAAA.${'A'.repeat(3_000_000)}.AAAAAAAAAAAAAAAAAAAAAA`]

async function expectOnlyEngineErrors(run: () => Promise<unknown>, label: unknown): Promise<'ok' | string> {
  try {
    await run()
    return 'ok'
  } catch (error) {
    if (!isEngineError(error) || !ENGINE_ERROR_CODES.includes(error.code)) {
      throw new Error(`not an EngineError for ${String(typeof label === 'string' ? label.slice(0, 120) : typeof label)}: ${String(error)}`, { cause: error })
    }
    return error.code
  }
}

describe('garbage in, coded errors out', () => {
  for (const [index, flavor] of FLAVORS.entries()) {
    it(`decode (${flavor}) rejects every garbage token with an EngineError, and inspect never throws`, async () => {
      const valid = await encode({ token: { sub: '1', name: 'Alice' }, secret: SECRET, salt: SALT, flavor, nowSec: NOW_SEC })
      const inputs = [...garbageTokens(valid, 1000 + index), ...HUGE]
      const codes = new Set<string>()
      for (const token of inputs) {
        codes.add(await expectOnlyEngineErrors(() => decode({ token, secret: SECRET, salt: SALT, flavor, nowSec: NOW_SEC }), token))
        const inspected = inspect(token)
        expect(Array.isArray(inspected.problems)).toBe(true)
      }
      expect(inputs.length).toBeGreaterThan(1000)
      // The garbage really exercises the mapping (not all one code), and nothing garbled slipped through as valid JSON claims of another shape.
      expect(codes.has('JWT_MALFORMED')).toBe(true)
      expect(codes.size).toBeGreaterThan(2)
    }, 60_000)
  }

  it('decode with garbage secrets and salts gives EngineErrors', async () => {
    for (const flavor of FLAVORS) {
      const valid = await encode({ token: {}, secret: SECRET, salt: SALT, flavor, nowSec: NOW_SEC })
      for (const secret of [undefined, null, '', 0, 42, true, {}, [], [''], [SECRET, 5], [5, SECRET], new Uint8Array(3), Symbol('s'), () => SECRET]) {
        for (const salt of [SALT, undefined, null, 7, {}, '']) {
          await expectOnlyEngineErrors(() => decode({ token: valid, secret: secret as string, salt: salt as string, flavor, nowSec: NOW_SEC }), `${String(typeof secret)}/${String(salt)}`)
        }
      }
    }
  })

  it('encode with garbage payloads, secrets and maxAge gives a token or an EngineError', async () => {
    const circular: Record<string, unknown> = {}
    circular.self = circular
    const payloads = [undefined, null, 0, 'str', [], [1], new Date(), new Map(), new (class X {})(), { n: 1n }, circular, { f: () => 1 }, { s: Symbol('x') }, { deep: { deeper: { u: undefined } } }, Object.create(null), { nbf: Number.NaN }, { exp: 'x' }, { lone: '\ud800' }]
    const maxAges = [undefined, 0, -1, 0.5, Number.NaN, Infinity, -Infinity, 1e308, '5', null, {}, 2 ** 53]
    for (const flavor of FLAVORS) {
      for (const token of payloads) await expectOnlyEngineErrors(() => encode({ token, secret: SECRET, salt: SALT, flavor, nowSec: NOW_SEC }), token)
      for (const maxAge of maxAges) await expectOnlyEngineErrors(() => encode({ token: {}, secret: SECRET, salt: SALT, flavor, maxAge: maxAge as number, nowSec: NOW_SEC }), maxAge)
      for (const secret of [undefined, '', 5, [], [''], {}, [null]]) await expectOnlyEngineErrors(() => encode({ token: {}, secret: secret as string, salt: SALT, flavor, nowSec: NOW_SEC }), secret)
    }
  })
})
