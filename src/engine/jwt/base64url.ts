// base64url without padding (RFC 7515 §2), as every JOSE segment is written. Two decoders:
// - `decodeBase64url` accepts exactly what jose 6 accepts on the platform (Auth.js, the simplified
//   picture): the plain alphabet by a table pass (or the native `Uint8Array.fromBase64` in Chromium);
//   anything else (padding, whitespace…) is left to jose's own decoder. Spare bits are ignored.
// - `decodeBase64urlLenient` decodes as Node's `Buffer.from(text, 'base64')` does, which is what
//   next-auth v4's jose 4.15.9 (node build, `runtime/base64url.js`) uses: it never fails.
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

/** One table pass over the plain alphabet; null when a character is outside it or the length is impossible. */
function decodeAlphabet(segment: string): Uint8Array<ArrayBuffer> | null {
  const length = segment.length
  if (length % 4 === 1) return null
  const chars = asciiEncoder.encode(segment)
  // A non-ASCII character encodes to several bytes: not base64url.
  if (chars.length !== length) return null
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
  return invalid < 0 ? null : out
}

/** Decodes one segment; throws jose's TypeError when the text is not base64url. */
export function decodeBase64url(segment: string): Uint8Array<ArrayBuffer> {
  // Where the platform decodes natively, jose's decoder already uses it.
  if (nativeFromBase64) return base64url.decode(segment) as Uint8Array<ArrayBuffer>
  // Anything outside the plain alphabet (padding, whitespace, + or /): let jose decide.
  return decodeAlphabet(segment) ?? (base64url.decode(segment) as Uint8Array<ArrayBuffer>)
}

// Node's table (src/base64-inl.h): both alphabets, everything else is "not a character" (>= 64).
const NODE_VALUES = new Uint8Array(256).fill(255)
for (let i = 0; i < 64; i++) NODE_VALUES['ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.charCodeAt(i)] = i
NODE_VALUES[0x2d] = 62 // -
NODE_VALUES[0x5f] = 63 // _
const EQUALS = 0x3d

/**
 * Decodes text as Node's `Buffer.from(text, 'base64')` (v20): both alphabets; characters outside them
 * are skipped; the first `=` ends the data; a lone last character is dropped; a UTF-16 code unit is
 * read by its low byte. The output length is Node's (`base64ByteLength` in lib/buffer.js) cut to what
 * was written. A port of `base64_decode` in Node's src/base64-inl.h, pinned by a test against Buffer.
 */
export function decodeBase64urlLenient(text: string): Uint8Array<ArrayBuffer> {
  // The plain alphabet (every segment a library writes) decodes the same in Node: take the fast pass.
  const plain = decodeAlphabet(text)
  if (plain) return plain
  const length = text.length
  let significant = length
  if (significant > 0 && text.charCodeAt(significant - 1) === EQUALS) significant--
  if (significant > 1 && text.charCodeAt(significant - 1) === EQUALS) significant--
  const out = new Uint8Array((significant * 3) >>> 2)
  const limit = out.length
  // C++ `base64_decoded_size`: the same padding rule, then whole quads and a partial one.
  let sized = length < 2 ? 0 : length
  if (sized >= 2 && text.charCodeAt(sized - 1) === EQUALS) {
    sized--
    if (text.charCodeAt(sized - 1) === EQUALS) sized--
  }
  const decodedSize = sized > 1 ? Math.floor(sized / 4) * 3 + (((sized % 4) + 1) >> 1) : 0
  const maxK = Math.floor(Math.min(limit, decodedSize) / 3) * 3
  let i = 0
  let k = 0
  // `base64_decode_group_slow`: one group of four legal characters, skipping the others.
  const slowGroup = (): boolean => {
    let hi = 0
    for (let step = 0; step < 4; step++) {
      let lo: number
      for (;;) {
        const c = text.charCodeAt(i) & 0xff
        lo = NODE_VALUES[c]!
        i++
        if (lo < 64) break
        if (c === EQUALS || i >= length) return false
      }
      if (step === 1) out[k++] = ((hi & 0x3f) << 2) | ((lo & 0x30) >> 4)
      else if (step === 2) out[k++] = ((hi & 0x0f) << 4) | ((lo & 0x3c) >> 2)
      else if (step === 3) out[k++] = ((hi & 0x03) << 6) | lo
      if (i >= length || k >= limit) return false
      hi = lo
    }
    return true
  }
  let maxI = length - (length % 4)
  while (i < maxI && k < maxK) {
    const a = NODE_VALUES[text.charCodeAt(i) & 0xff]!
    const b = NODE_VALUES[text.charCodeAt(i + 1) & 0xff]!
    const c = NODE_VALUES[text.charCodeAt(i + 2) & 0xff]!
    const d = NODE_VALUES[text.charCodeAt(i + 3) & 0xff]!
    if ((a | b | c | d) & 0x80) {
      if (!slowGroup()) return out.subarray(0, k)
      maxI = length - ((length - i) % 4)
    } else {
      out[k] = (a << 2) | (b >> 4)
      out[k + 1] = ((b & 15) << 4) | (c >> 2)
      out[k + 2] = ((c & 3) << 6) | d
      i += 4
      k += 3
    }
  }
  if (i < length && k < limit) slowGroup()
  return k === limit ? out : out.subarray(0, k)
}

export const encodeUtf8 = (text: string): Uint8Array<ArrayBuffer> => asciiEncoder.encode(text) as Uint8Array<ArrayBuffer>

export function toHex(bytes: Uint8Array): string {
  let out = ''
  for (const byte of bytes) out += byte.toString(16).padStart(2, '0')
  return out
}
