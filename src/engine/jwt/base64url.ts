// base64url without padding (RFC 7515 §2), as every JOSE segment is written. Uses the native
// `Uint8Array` base64 methods where the platform has them (Chromium), else one table pass each way;
// text outside the plain alphabet (padding, whitespace…) is left to jose's decoder, so we accept
// exactly what jose accepts, and the spare bits of the last character are ignored as jose ignores them.
import { base64url } from 'jose'

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
const CODES = Uint8Array.from(ALPHABET, (char) => char.charCodeAt(0))
const VALUES = new Int16Array(256).fill(-1)
for (let i = 0; i < ALPHABET.length; i++) VALUES[ALPHABET.charCodeAt(i)] = i

interface NativeBase64 {
  toBase64?: (this: Uint8Array, options: { alphabet: 'base64url'; omitPadding: boolean }) => string
}
interface NativeBase64Constructor {
  fromBase64?: (text: string, options: { alphabet: 'base64url' }) => Uint8Array<ArrayBuffer>
}
const nativeToBase64 = (Uint8Array.prototype as NativeBase64).toBase64
const nativeFromBase64 = (Uint8Array as NativeBase64Constructor).fromBase64

const asciiDecoder = new TextDecoder()
const asciiEncoder = new TextEncoder()

export function encodeBase64url(bytes: Uint8Array): string {
  if (nativeToBase64) return nativeToBase64.call(bytes, { alphabet: 'base64url', omitPadding: true })
  const length = bytes.length
  const full = length - (length % 3)
  const out = new Uint8Array(Math.ceil((length * 4) / 3))
  let at = 0
  for (let i = 0; i < full; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!
    out[at++] = CODES[n >>> 18]!
    out[at++] = CODES[(n >>> 12) & 63]!
    out[at++] = CODES[(n >>> 6) & 63]!
    out[at++] = CODES[n & 63]!
  }
  if (length - full > 0) {
    const n = (bytes[full]! << 16) | (length - full === 2 ? bytes[full + 1]! << 8 : 0)
    out[at++] = CODES[n >>> 18]!
    out[at++] = CODES[(n >>> 12) & 63]!
    if (length - full === 2) out[at++] = CODES[(n >>> 6) & 63]!
  }
  return asciiDecoder.decode(out)
}

/** Decodes one segment; throws jose's TypeError when the text is not base64url. */
export function decodeBase64url(segment: string): Uint8Array<ArrayBuffer> {
  const fallback = () => base64url.decode(segment) as Uint8Array<ArrayBuffer>
  // Where the platform decodes natively, jose's decoder already uses it.
  if (nativeFromBase64) return fallback()
  const length = segment.length
  if (length % 4 === 1) return fallback()
  const chars = asciiEncoder.encode(segment)
  // A non-ASCII character encodes to several bytes; jose rejects it.
  if (chars.length !== length) return fallback()
  const out = new Uint8Array((length * 3) >> 2)
  const full = length - (length % 4)
  let at = 0
  let invalid = 0
  for (let i = 0; i < full; i += 4) {
    const a = VALUES[chars[i]!]!
    const b = VALUES[chars[i + 1]!]!
    const c = VALUES[chars[i + 2]!]!
    const d = VALUES[chars[i + 3]!]!
    invalid |= a | b | c | d
    const n = (a << 18) | (b << 12) | (c << 6) | d
    out[at++] = n >> 16
    out[at++] = n >> 8
    out[at++] = n
  }
  if (length - full >= 2) {
    const a = VALUES[chars[full]!]!
    const b = VALUES[chars[full + 1]!]!
    invalid |= a | b
    out[at++] = (a << 2) | (b >> 4)
    if (length - full === 3) {
      const c = VALUES[chars[full + 2]!]!
      invalid |= c
      out[at++] = ((b & 15) << 4) | (c >> 2)
    }
  }
  // Any character outside the alphabet (padding, whitespace, + or /): let jose decide.
  if (invalid < 0) return fallback()
  return out
}

export const encodeUtf8 = (text: string): Uint8Array<ArrayBuffer> => asciiEncoder.encode(text) as Uint8Array<ArrayBuffer>

export function toHex(bytes: Uint8Array): string {
  let out = ''
  for (const byte of bytes) out += byte.toString(16).padStart(2, '0')
  return out
}
