// The hostile inputs the garbage tests throw at decode: random strings, a valid token truncated,
// changed, padded, wrapped and reassembled, headers jose treats specially, and values of wrong types.
import { createSeededRandom } from '../../src/engine/index'

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

function generator(seed: number) {
  const random = createSeededRandom(seed)
  const int = (max: number) => random.bytes(4).reduce((n, b) => n * 256 + b, 0) % max
  const pick = (chars: string, length: number) => Array.from({ length }, () => chars[int(chars.length)]).join('')
  return { int, pick }
}

const b64json = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url')

/** Everything we throw at decode, built around one valid token of the flavour. */
export function garbageTokens(valid: string, seed: number): unknown[] {
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

/** Tokens of megabytes, to show nothing hangs. */
export const HUGE = ['a'.repeat(2_000_000), '.'.repeat(100_000), `eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..AAAAAAAAAAAAAAAA.${'A'.repeat(3_000_000)}.AAAAAAAAAAAAAAAAAAAAAA`]
