// Our base64url against Node's Buffer (RFC 4648 §5, no padding), including the spare-bit leniency.
import { describe, expect, it, vi } from 'vitest'
import { decodeBase64url, encodeBase64url } from '../../../src/engine/jwt/base64url'

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
