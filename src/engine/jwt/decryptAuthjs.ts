// Opening a compact JWE as @auth/core 0.41.3's `decode` does: jose 6's `jwtDecrypt` (`lib/jwe_decrypt.js`,
// `lib/content_encryption.js`) with the Auth.js allow-list (dir with A256CBC-HS512 or A256GCM) and its
// key resolver (secret rotation by `kid`). Headers the library writes take a hand-written path with
// jose 6's checks in jose 6's order; any other header goes through jose 6 itself.
import { compactDecrypt, errors, type CompactJWEHeaderParameters } from 'jose'
import { decodeBase64url } from './base64url'
import { CONTENT_ENCRYPTION, JWT_CONSTANTS, type DirectEncryption } from './constants'
import type { DerivedKey } from './deriveKey'
import { aadOf, decryptCbcHmac, decryptGcm } from './jweDirect'
import { malformed } from './jwtErrors'
import { parseProtectedHeader } from './protectedHeader'
import type { OpenedJwe } from './decryptV4'

const AUTHJS = JWT_CONSTANTS.authjs
const ALLOWED_ENC: readonly string[] = [AUTHJS.enc, ...AUTHJS.alsoDecodes]

/** jose 6 `decodeBase64url(value, label, JWEInvalid)`. */
function decodeSegment(segment: string, label: 'ciphertext' | 'iv' | 'tag'): Uint8Array<ArrayBuffer> {
  try {
    return decodeBase64url(segment)
  } catch (cause) {
    throw new errors.JWEInvalid(`Failed to base64url decode the ${label}`, { cause })
  }
}

/** A `dir` header jose 6 treats no differently from the ones Auth.js writes (no `crit`, no `zip`). */
function directEncryptionOf(header: Record<string, unknown>, encryptedKey: string): DirectEncryption | undefined {
  if (header.alg !== 'dir' || encryptedKey !== '' || !ALLOWED_ENC.includes(header.enc as string)) return undefined
  if (header.crit !== undefined || header.zip !== undefined) return undefined
  return header.enc as DirectEncryption
}

/**
 * Decrypts a compact JWE with the key `resolveKey` picks for its header, throwing the errors jose 6
 * throws for the same input (and whatever `resolveKey` throws, as the real resolver's errors pass through).
 */
export async function decryptAuthjs(token: string, resolveKey: (header: { kid?: unknown; enc?: unknown }) => Promise<DerivedKey>): Promise<OpenedJwe & { key: DerivedKey }> {
  const parts = token.split('.')
  if (parts.length !== 5) throw new errors.JWEInvalid('Invalid Compact JWE')
  const [headerSegment, encryptedKey, ivSegment, ciphertextSegment, tagSegment] = parts as [string, string, string, string, string]
  const header = parseProtectedHeader(headerSegment)
  const enc = directEncryptionOf(header, encryptedKey)
  if (!enc) {
    let key: DerivedKey | undefined
    const { plaintext } = await compactDecrypt(token, async (h: CompactJWEHeaderParameters) => (key = await resolveKey(h)).raw, {
      keyManagementAlgorithms: [AUTHJS.alg],
      contentEncryptionAlgorithms: ALLOWED_ENC as string[],
    })
    return { header, plaintext, key: key! }
  }
  // shareJWE: the segments are decoded before the key is resolved.
  const ciphertext = decodeSegment(ciphertextSegment, 'ciphertext')
  const iv = ivSegment ? decodeSegment(ivSegment, 'iv') : undefined
  const tag = tagSegment ? decodeSegment(tagSegment, 'tag') : undefined
  const key = await resolveKey(header)
  // content_encryption.js `decrypt`.
  if (!iv) throw new errors.JWEInvalid('JWE Initialization Vector missing')
  if (!tag) throw new errors.JWEInvalid('JWE Authentication Tag missing')
  const sizes = CONTENT_ENCRYPTION[enc]
  if (enc === 'A256GCM' && tag.length !== sizes.tagBytes) throw malformed('tag', new errors.JWEInvalid('Invalid Authentication Tag length'), { expectedBytes: sizes.tagBytes, gotBytes: tag.length })
  if (iv.length !== sizes.ivBytes) throw malformed('iv', new errors.JWEInvalid('Invalid Initialization Vector length'), { expectedBytes: sizes.ivBytes, gotBytes: iv.length })
  const aad = aadOf(headerSegment)
  const plaintext = enc === 'A256GCM' ? await decryptGcm(key.gcm!, iv, ciphertext, tag, aad) : await decryptCbcHmac(key.cbc!, iv, ciphertext, tag, aad)
  return { header, plaintext, key }
}
