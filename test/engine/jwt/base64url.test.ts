// Our base64url against Node's Buffer (RFC 4648 §5, no padding), including the spare-bit leniency,
// and the lenient decoder (what next-auth v4's jose 4 uses: Node's `Buffer.from(text, 'base64')`).
import { describe, expect, it, vi } from 'vitest'
import { decodeBase64url, decodeBase64urlLenient, encodeBase64url } from '../../../src/engine/jwt/base64url'
import { createSeededRandom } from '../../../src/engine/index'

describe('base64url', () => {
  it('encodes and decodes every length 0..300 exactly as Buffer does', () => {
    for (let length = 0; length <= 300; length++) {
      const bytes = new Uint8Array(Array.from({ length }, (_, i) => (i * 37 + length * 11) & 0xff))
      const text = encodeBase64url(bytes)
      expect(text).toBe(Buffer.from(bytes).toString('base64url'))
      expect(Buffer.from(decodeBase64url(text))).toEqual(Buffer.from(bytes))
    }
  })

  it('rejects what is not base64url (through jose) and ignores the spare bits of the last character', () => {
    for (const bad of ['A', 'ab+c', 'ab/c', 'a*bc', 'ÄÄÄÄ']) expect(() => decodeBase64url(bad)).toThrow(TypeError)
    expect(Buffer.from(decodeBase64url('QR'))).toEqual(Buffer.from(decodeBase64url('QQ')))
    // padding, as jose's own decoder allows it
    expect(Buffer.from(decodeBase64url('QQ=='))).toEqual(Buffer.from('A'))
  })
})

describe('decodeBase64urlLenient', () => {
  const buffer = (text: string) => [...Buffer.from(text, 'base64')]
  const ours = (text: string) => [...decodeBase64urlLenient(text)]

  it('decodes exactly as Buffer.from(text, "base64") for hand-picked oddities', () => {
    const cases = ['', 'A', 'AB', 'ABC', 'ABCD', 'ABCDE', 'AB*C', 'AB=CD', 'A=BCD', '=ABC', 'ABC==', 'A===', 'ABCD=', 'AB CD', 'AB\nCD', 'AB+/', 'AB-_', '"QUJD"', 'QUJD会', 'AŁAA', 'ŁłŃń', '  ', '====']
    for (const text of cases) expect([text, ours(text)]).toEqual([text, buffer(text)])
  })

  it('decodes exactly as Buffer does for 20 000 random strings of base64url with stray characters, and for long ones', () => {
    const random = createSeededRandom(7)
    const int = (max: number) => random.bytes(4).reduce((n, b) => n * 256 + b, 0) % max
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
    const strays = ['=', '*', ' ', '+', '/', '"', 'Ł', '会', '.', '\n']
    for (let n = 0; n < 20_000; n++) {
      const length = n % 500 === 0 ? 5400 + int(100) : int(24)
      let text = ''
      for (let i = 0; i < length; i++) text += int(10) === 0 ? strays[int(strays.length)] : alphabet[int(64)]
      if (ours(text).join() !== buffer(text).join()) expect([text, ours(text)]).toEqual([text, buffer(text)])
    }
  })

  it('gives the strict decoder\'s bytes for every well-formed segment', () => {
    for (let length = 0; length <= 100; length++) {
      const text = encodeBase64url(new Uint8Array(Array.from({ length }, (_, i) => (i * 53 + 7) & 0xff)))
      expect(ours(text)).toEqual([...decodeBase64url(text)])
    }
  })
})

describe('base64url on a platform with native Uint8Array base64 (Chromium)', () => {
  it('uses Uint8Array.prototype.toBase64 to encode and jose (which uses fromBase64) to decode', async () => {
    const proto = Uint8Array.prototype as unknown as Record<string, unknown>
    const ctor = Uint8Array as unknown as Record<string, unknown>
    const toBase64 = vi.fn(function (this: Uint8Array) {
      return Buffer.from(this).toString('base64url')
    })
    proto.toBase64 = toBase64
    ctor.fromBase64 = (text: string) => new Uint8Array(Buffer.from(text, 'base64url'))
    try {
      vi.resetModules()
      const native = await import('../../../src/engine/jwt/base64url')
      const bytes = new Uint8Array([1, 2, 3, 250, 251])
      expect(native.encodeBase64url(bytes)).toBe(Buffer.from(bytes).toString('base64url'))
      expect(toBase64).toHaveBeenCalledWith({ alphabet: 'base64url', omitPadding: true })
      expect(Buffer.from(native.decodeBase64url('AQID-vs'))).toEqual(Buffer.from(bytes))
    } finally {
      delete proto.toBase64
      delete ctor.fromBase64
      vi.resetModules()
    }
  })
})
