// Compact JWE with `alg: "dir"`, written by hand with Web Crypto and cached CryptoKeys: A256GCM
// (NextAuth v4) and A256CBC-HS512 (Auth.js, RFC 7518 §5.2). Byte-for-byte what jose's
// `lib/content_encryption.js` produces (tests re-encrypt real tokens and compare strings);
// jose itself stays the path for every other header (see decode.ts).
import { decodeBase64url, encodeBase64url } from './base64url'
import { CONTENT_ENCRYPTION, type DirectEncryption } from './constants'
import type { DerivedKey } from './deriveKey'
import { jwtError, malformed, type TokenPart } from './jwtErrors'

const asciiEncoder = new TextEncoder()

/** AAD = the ASCII bytes of the header segment exactly as it appears in the token. */
const aadOf = (headerSegment: string) => asciiEncoder.encode(headerSegment) as Uint8Array<ArrayBuffer>

function concat(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}

/** AL: the AAD length in bits as a 64-bit big-endian integer. */
function aadLengthBits(aad: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(8)
  const bits = aad.length * 8
  new DataView(out.buffer).setUint32(0, Math.floor(bits / 2 ** 32))
  new DataView(out.buffer).setUint32(4, bits >>> 0)
  return out
}

async function cbcHmacTag(key: NonNullable<DerivedKey['cbc']>, aad: Uint8Array, iv: Uint8Array, ciphertext: Uint8Array): Promise<Uint8Array> {
  const mac = await crypto.subtle.sign('HMAC', key.macKey, concat(aad, iv, ciphertext, aadLengthBits(aad)))
  return new Uint8Array(mac, 0, CONTENT_ENCRYPTION['A256CBC-HS512'].tagBytes)
}

/** Encrypts `plaintext` into the four segments after the header: `header..iv.ciphertext.tag`. */
export async function encryptDirect(enc: DirectEncryption, key: DerivedKey, headerSegment: string, plaintext: Uint8Array<ArrayBuffer>, iv: Uint8Array<ArrayBuffer>): Promise<string> {
  const aad = aadOf(headerSegment)
  let ciphertext: Uint8Array
  let tag: Uint8Array
  if (enc === 'A256GCM') {
    const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: aad }, key.gcm!, plaintext))
    ciphertext = sealed.subarray(0, -16)
    tag = sealed.subarray(-16)
  } else {
    ciphertext = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-CBC', iv }, key.cbc!.encKey, plaintext))
    tag = await cbcHmacTag(key.cbc!, aad, iv, ciphertext)
  }
  return `${headerSegment}..${encodeBase64url(iv)}.${encodeBase64url(ciphertext)}.${encodeBase64url(tag)}`
}

function decodeSegment(segment: string, part: TokenPart): Uint8Array<ArrayBuffer> {
  try {
    return decodeBase64url(segment)
  } catch (cause) {
    throw malformed(part, `Failed to base64url decode the ${part}`, cause)
  }
}

/** Constant-time comparison, so the check does not leak where the tags differ. */
function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false
  let diff = 0
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!
  return diff === 0
}

/**
 * Decrypts the segments of a `dir` token whose header was already checked. Throws JWT_MALFORMED
 * for segments jose would call invalid and JWT_DECRYPT_FAILED when the key does not open it.
 */
export async function decryptDirect(enc: DirectEncryption, key: DerivedKey, headerSegment: string, segments: { iv: string; ciphertext: string; tag: string }): Promise<Uint8Array<ArrayBuffer>> {
  const sizes = CONTENT_ENCRYPTION[enc]
  // jose turns an empty IV or tag into "missing" before anything else.
  if (!segments.iv) throw malformed('iv', 'JWE Initialization Vector missing')
  if (!segments.tag) throw malformed('tag', 'JWE Authentication Tag missing')
  const ciphertext = decodeSegment(segments.ciphertext, 'ciphertext')
  const iv = decodeSegment(segments.iv, 'iv')
  const tag = decodeSegment(segments.tag, 'tag')
  if (enc === 'A256GCM' && tag.length !== sizes.tagBytes) throw malformed('tag', 'Invalid Authentication Tag length', undefined, { expectedBytes: sizes.tagBytes, gotBytes: tag.length })
  if (iv.length !== sizes.ivBytes) throw malformed('iv', 'Invalid Initialization Vector length', undefined, { expectedBytes: sizes.ivBytes, gotBytes: iv.length })
  const aad = aadOf(headerSegment)
  const failed = (cause?: unknown) => jwtError('JWT_DECRYPT_FAILED', 'decryption operation failed', { enc }, cause)
  if (enc === 'A256GCM') {
    try {
      return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: aad }, key.gcm!, concat(ciphertext, tag)))
    } catch (cause) {
      throw failed(cause)
    }
  }
  const expected = await cbcHmacTag(key.cbc!, aad, iv, ciphertext)
  if (!equalBytes(tag, expected)) throw failed()
  try {
    return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-CBC', iv }, key.cbc!.encKey, ciphertext))
  } catch (cause) {
    throw failed(cause)
  }
}
