// Compact JWE content encryption with `alg: "dir"`, by hand with Web Crypto and cached CryptoKeys:
// A256GCM (NextAuth v4) and A256CBC-HS512 (Auth.js, RFC 7518 §5.2), plus A128CBC-HS256 for the v4
// decode leniency. Byte-for-byte what jose's `lib/content_encryption.js` produces (tests re-encrypt
// real tokens and compare strings). The checks around it, in each library's order, are in
// decryptV4.ts (jose 4) and decryptAuthjs.ts (jose 6).
import { errors } from 'jose'
import { encodeBase64url } from './base64url'
import type { DirectEncryption } from './constants'
import type { DerivedKey } from './deriveKey'

const asciiEncoder = new TextEncoder()

/** AAD = the bytes of the header segment exactly as it appears in the token (UTF-8, as jose 4's encoder). */
export const aadOf = (headerSegment: string) => asciiEncoder.encode(headerSegment) as Uint8Array<ArrayBuffer>

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

/** The keys of one CBC + HMAC content encryption (A256CBC-HS512: SHA-512, 32-byte tag; A128CBC-HS256: SHA-256, 16). */
export interface CbcKeys {
  encKey: CryptoKey
  macKey: CryptoKey
  tagBytes: number
}

async function cbcHmacTag(keys: CbcKeys, aad: Uint8Array, iv: Uint8Array, ciphertext: Uint8Array): Promise<Uint8Array> {
  const mac = await crypto.subtle.sign('HMAC', keys.macKey, concat(aad, iv, ciphertext, aadLengthBits(aad)))
  return new Uint8Array(mac, 0, keys.tagBytes)
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

/** Constant-time comparison, so the check does not leak where the tags differ. */
function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false
  let diff = 0
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!
  return diff === 0
}

/** AES-GCM with a 16-byte tag; any failure is jose's JWEDecryptionFailed, with Web Crypto's error as its cause. */
export async function decryptGcm(key: CryptoKey, iv: Uint8Array<ArrayBuffer>, ciphertext: Uint8Array, tag: Uint8Array, aad: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  // Node's decipher (jose 4) refuses any other tag length; jose 6 checks it before it gets here.
  if (tag.length !== 16) throw new errors.JWEDecryptionFailed()
  try {
    return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: aad }, key, concat(ciphertext, tag)))
  } catch (cause) {
    throw new errors.JWEDecryptionFailed(undefined, { cause })
  }
}

/** AES-CBC + HMAC (RFC 7518 §5.2): the tag first, then the padding; either failing is JWEDecryptionFailed. */
export async function decryptCbcHmac(keys: CbcKeys, iv: Uint8Array<ArrayBuffer>, ciphertext: Uint8Array<ArrayBuffer>, tag: Uint8Array, aad: Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
  const expected = await cbcHmacTag(keys, aad, iv, ciphertext)
  if (!equalBytes(tag, expected)) throw new errors.JWEDecryptionFailed()
  try {
    return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-CBC', iv }, keys.encKey, ciphertext))
  } catch (cause) {
    throw new errors.JWEDecryptionFailed(undefined, { cause })
  }
}

/** The CBC + HMAC keys of a raw content encryption key: MAC key = first half, AES key = second half. */
export async function importCbcKeys(raw: Uint8Array<ArrayBuffer>): Promise<CbcKeys> {
  const half = raw.length >> 1
  return {
    macKey: await crypto.subtle.importKey('raw', raw.subarray(0, half), { name: 'HMAC', hash: `SHA-${half * 16}` }, false, ['sign']),
    encKey: await crypto.subtle.importKey('raw', raw.subarray(half), 'AES-CBC', false, ['encrypt', 'decrypt']),
    tagBytes: half,
  }
}
