// Opening a compact JWE as next-auth 4.24.15's `decode` does: jose 4.15.9's `compactDecrypt` on Node
// (`jwe/compact/decrypt.js`, `jwe/flattened/decrypt.js`, `lib/decrypt_key_management.js`,
// `runtime/decrypt.js`) with the derived 32-byte key and no algorithm allow-list. Same checks in the
// same order with the same errors; segments decode as Node's lenient `Buffer` does (base64url.ts) and
// the header as lenient UTF-8. `dir` is done here by hand; key-wrapped tokens (A*KW, A*GCMKW, PBES2)
// pass jose 4's checks here and are then unwrapped and decrypted by jose 6.
import { compactDecrypt, errors } from 'jose'
import { decodeBase64urlLenient, encodeBase64url, encodeUtf8 } from './base64url'
import { JWT_CONSTANTS, contentEncryptionSizes, type ContentEncryptionSizes } from './constants'
import type { DerivedKey } from './deriveKey'
import { aadOf, decryptCbcHmac, decryptGcm, importCbcKeys } from './jweDirect'
import { malformed } from './jwtErrors'
import { parseProtectedHeader } from './protectedHeader'

const V4 = JWT_CONSTANTS['next-auth-v4']
/** jose 4's `decoder`: a TextDecoder without `fatal`, so bad UTF-8 becomes U+FFFD. */
const lenientDecoder = new TextDecoder()
/** jose 4's default `maxPBES2Count`. */
const MAX_PBES2_COUNT = 10_000

export interface OpenedJwe {
  header: Record<string, unknown>
  plaintext: Uint8Array
}

/** `lib/check_key_type.js`: which algs take a secret key (ours is a Uint8Array) at all. */
const isSymmetricAlg = (alg: string) => alg.startsWith('HS') || alg === 'dir' || alg.startsWith('PBES2') || /^A\d{3}(?:GCM)?KW$/.test(alg)

/** The RFC 7518 sizes of `enc`; any other is what `runtime/check_cek_length.js` refuses. */
function sizesOf(enc: string): ContentEncryptionSizes {
  const sizes = contentEncryptionSizes(enc)
  if (!sizes) throw new errors.JOSENotSupported(`Content Encryption Algorithm ${enc} is not supported either by JOSE or your javascript runtime`)
  return sizes
}

/** `runtime/check_cek_length.js`: the key bits an `enc` needs. */
const cekBitsFor = (enc: string) => sizesOf(enc).keyBytes * 8

/** `lib/iv.js` `bitLength`. */
const ivBitsFor = (enc: string) => sizesOf(enc).ivBytes * 8

/** `lib/validate_crit.js` with no extension recognised (v4 passes no `crit` option). */
function validateCrit(header: Record<string, unknown>): void {
  const crit = header.crit
  if (crit === undefined) return
  if (!Array.isArray(crit) || crit.length === 0 || crit.some((input) => typeof input !== 'string' || input.length === 0)) {
    throw new errors.JWEInvalid('"crit" (Critical) Header Parameter MUST be an array of non-empty strings when present')
  }
  throw new errors.JOSENotSupported(`Extension Header Parameter "${String(crit[0])}" is not recognized`)
}

/** The protected header as jose 4 parses it: any JSON value (a non-object spreads to no alg). */
export function parseLenientHeader(segment: string): unknown {
  // Every token v4 writes carries this exact segment.
  if (segment === V4.headerSegment) return { alg: V4.alg, enc: V4.enc }
  try {
    return JSON.parse(lenientDecoder.decode(decodeBase64urlLenient(segment)))
  } catch {
    throw new errors.JWEInvalid('JWE Protected Header is invalid')
  }
}

/**
 * Decrypts a compact JWE with v4's derived key, throwing exactly the jose errors jose 4 throws
 * for the same input (EngineError codes come from them in jwtErrors.ts).
 */
export async function decryptV4(token: string, key: DerivedKey): Promise<OpenedJwe> {
  const parts = token.split('.')
  if (parts.length !== 5) throw new errors.JWEInvalid('Invalid Compact JWE')
  const [headerSegment, encryptedKeySegment, ivSegment, ciphertextSegment, tagSegment] = parts as [string, string, string, string, string]
  // compactDecrypt turns empty segments into "absent"; flattenedDecrypt then checks them in this order.
  if (!headerSegment) throw new errors.JWEInvalid('JOSE Header missing')
  if (!ivSegment) throw new errors.JWEInvalid('JWE Initialization Vector missing or incorrect type')
  if (!tagSegment) throw new errors.JWEInvalid('JWE Authentication Tag missing or incorrect type')
  const parsed = parseLenientHeader(headerSegment)
  const header: Record<string, unknown> = { ...(parsed as object) }
  validateCrit(header)
  if (header.zip !== undefined) {
    if (!(parsed as Record<string, unknown>).zip) throw new errors.JWEInvalid('JWE "zip" (Compression Algorithm) Header MUST be integrity protected')
    if (header.zip !== 'DEF') throw new errors.JOSENotSupported('Unsupported JWE "zip" (Compression Algorithm) Header Parameter value')
  }
  const { alg, enc } = header
  if (typeof alg !== 'string' || !alg) throw new errors.JWEInvalid('missing JWE Algorithm (alg) in JWE Header')
  if (typeof enc !== 'string' || !enc) throw new errors.JWEInvalid('missing JWE Encryption Algorithm (enc) in JWE Header')
  // decryptKeyManagement: the key type first, then the alg.
  if (!isSymmetricAlg(alg)) throw new TypeError(`Key for the ${alg} algorithm must be one of type KeyObject or CryptoKey. Received an instance of Uint8Array`)
  if (alg !== 'dir') return { header, plaintext: await unwrapAndDecrypt(parts, parsed, header, alg, enc, key) }
  if (encryptedKeySegment) throw new errors.JWEInvalid('Encountered unexpected JWE Encrypted Key')

  // runtime/decrypt.js: key length, IV length, then the cipher. A 32-byte key fits A256GCM and A128CBC-HS256.
  const cekBits = cekBitsFor(enc)
  if (cekBits !== key.raw.length * 8) throw new errors.JWEInvalid(`Invalid Content Encryption Key length. Expected ${cekBits} bits, got ${key.raw.length * 8} bits`)
  const iv = decodeBase64urlLenient(ivSegment)
  if (iv.length * 8 !== ivBitsFor(enc)) throw malformed('iv', new errors.JWEInvalid('Invalid Initialization Vector length'), { expectedBytes: ivBitsFor(enc) / 8, gotBytes: iv.length })
  const tag = decodeBase64urlLenient(tagSegment)
  const ciphertext = decodeBase64urlLenient(ciphertextSegment)
  const aad = aadOf(headerSegment)
  let plaintext = enc === 'A256GCM' ? await decryptGcm(key.gcm!, iv, ciphertext, tag, aad) : await decryptCbcHmac(await importCbcKeys(key.raw), iv, ciphertext, tag, aad)
  if (header.zip === 'DEF') plaintext = await inflateRaw(plaintext)
  return { header, plaintext }
}

/** jose 4's checks for the key-wrapping algs it knows, then jose 6 (which has the same limits) does the work. */
async function unwrapAndDecrypt(parts: string[], parsed: unknown, header: Record<string, unknown>, alg: string, enc: string, key: DerivedKey): Promise<Uint8Array> {
  const keyBits = key.raw.length * 8
  const kw = /^A(128|192|256)KW$/.exec(alg)
  const gcmkw = /^A(128|192|256)GCMKW$/.exec(alg)
  const pbes2 = ['PBES2-HS256+A128KW', 'PBES2-HS384+A192KW', 'PBES2-HS512+A256KW'].includes(alg)
  if (!kw && !gcmkw && !pbes2) throw new errors.JOSENotSupported('Invalid or unsupported "alg" (JWE Algorithm) header value')
  if (!parts[1]) throw new errors.JWEInvalid('JWE Encrypted Key missing')
  if (pbes2) {
    if (typeof header.p2c !== 'number') throw new errors.JWEInvalid('JOSE Header "p2c" (PBES2 Count) missing or invalid')
    if (header.p2c > MAX_PBES2_COUNT) throw new errors.JWEInvalid('JOSE Header "p2c" (PBES2 Count) out is of acceptable bounds')
    if (typeof header.p2s !== 'string') throw new errors.JWEInvalid('JOSE Header "p2s" (PBES2 Salt) missing or invalid')
    if (decodeBase64urlLenient(header.p2s).length < 8) throw new errors.JWEInvalid('PBES2 Salt Input must be 8 or more octets')
  }
  if (kw && Number(kw[1]) !== keyBits) throw new TypeError(`Invalid key size for alg: ${alg}`)
  if (gcmkw) {
    if (typeof header.iv !== 'string') throw new errors.JWEInvalid('JOSE Header "iv" (Initialization Vector) missing or invalid')
    if (typeof header.tag !== 'string') throw new errors.JWEInvalid('JOSE Header "tag" (Authentication Tag) missing or invalid')
    if (Number(gcmkw[1]) !== keyBits) throw new errors.JWEInvalid(`Invalid Content Encryption Key length. Expected ${gcmkw[1]} bits, got ${keyBits} bits`)
  }
  cekBitsFor(enc)
  // jose 6 decodes strictly; hand it the bytes jose 4 would use. The header is the AAD, so a header
  // segment jose 6 cannot read as it is gets re-encoded, and the AAD then differs from jose 4's.
  const headerAsIs = isStrictJsonSegment(parts[0]!)
  const rest = parts.slice(1).map((segment) => encodeBase64url(decodeBase64urlLenient(segment)))
  const canonical = [headerAsIs ? parts[0]! : encodeBase64url(encodeUtf8(JSON.stringify(parsed))), ...rest].join('.')
  const { plaintext } = await compactDecrypt(canonical, key.raw, { keyManagementAlgorithms: [alg], maxPBES2Count: MAX_PBES2_COUNT })
  // jose 4 authenticated the header as written, which is not the header this token was made with.
  if (!headerAsIs) throw new errors.JWEDecryptionFailed()
  return plaintext
}

/** Whether jose 6 reads the header segment as it is (the header was already read leniently, as an object). */
function isStrictJsonSegment(segment: string): boolean {
  try {
    parseProtectedHeader(segment)
    return true
  } catch (error) {
    // Converted to the answer: only jose's own refusal means "not as it is"; anything else is a bug.
    if (error instanceof errors.JWEInvalid) return false
    throw error
  }
}

/** `zip: "DEF"`: raw DEFLATE, as jose 4's `inflateRaw` (Node zlib). */
async function inflateRaw(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  try {
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'))
    return new Uint8Array(await new Response(stream).arrayBuffer())
  } catch (cause) {
    throw new errors.JWEInvalid('Failed to decompress plaintext', { cause })
  }
}
