// Reading a compact token without any secret, for the token inspector: split it into its parts,
// decode what is readable (the header; a JWS payload) and say what is malformed where. It never
// throws. Follows the layout of RFC 7516 §7.1 (JWE) and RFC 7515 §7.1 (JWS) as jose reads them.
import { contentEncryptionSizes } from './constants'
import { decodeBase64url } from './base64url'
import { isPlainObject } from './claims'
import type { TokenPart } from './jwtErrors'

export type TokenKind = 'jwe' | 'jws'

export type InspectProblemReason =
  | 'not-a-string'
  | 'empty'
  | 'whitespace'          // spaces, quotes or line breaks around or inside the token
  | 'wrong-part-count'    // not 3 (JWS) or 5 (JWE) dot-separated parts
  | 'empty-part'          // a part that must have content is empty
  | 'not-base64url'       // a part has characters or a length base64url cannot have
  | 'not-json'            // the header (or a JWS payload) is not JSON
  | 'not-object'          // … or is JSON but not an object
  | 'missing-alg'
  | 'missing-enc'
  | 'unexpected-encrypted-key' // `alg: "dir"` carries no encrypted key
  | 'unknown-enc'         // an `enc` outside RFC 7518 §5.1, so its IV and tag sizes are unknown
  | 'iv-length'           // not the IV size the `enc` uses
  | 'tag-length'          // not the tag size the `enc` uses

export interface InspectProblem {
  part: TokenPart
  reason: InspectProblemReason
  /** Numbers that explain it (expected and actual sizes, part count). */
  expected?: number
  actual?: number
}

export interface InspectedPart {
  name: TokenPart
  /** The part as it appears in the token. */
  text: string
  /** Decoded size in bytes; null when the part is not base64url. */
  byteLength: number | null
}

export interface TokenInspection {
  /** null when the part count says neither. */
  kind: TokenKind | null
  parts: InspectedPart[]
  /** The decoded protected header, when it is a JSON object. */
  header: Record<string, unknown> | null
  /** JWS only: the decoded payload (any JSON value), or undefined when it cannot be read. */
  payload?: unknown
  problems: InspectProblem[]
  /** True when no problem was found. */
  wellFormed: boolean
}

const JWE_PARTS: TokenPart[] = ['header', 'encryptedKey', 'iv', 'ciphertext', 'tag']
const JWS_PARTS: TokenPart[] = ['header', 'payload', 'signature']

/** Part names by count: JWE, JWS, a JWE with extra parts (6+); otherwise only the header is placed. */
function partNames(count: number): TokenPart[] {
  if (count === 3) return JWS_PARTS
  return count >= 5 ? JWE_PARTS : ['header']
}
const textDecoder = new TextDecoder()

/** A part's bytes, accepting exactly what decode accepts (jose's decoder), or null. */
function tryDecode(text: string): Uint8Array | null {
  try {
    return decodeBase64url(text)
  } catch {
    return null
  }
}

function readJson(bytes: Uint8Array | null, part: TokenPart, problems: InspectProblem[]): { ok: boolean; value?: unknown } {
  if (bytes === null) return { ok: false }
  try {
    return { ok: true, value: JSON.parse(textDecoder.decode(bytes)) }
  } catch {
    problems.push({ part, reason: 'not-json' })
    return { ok: false }
  }
}

/**
 * Splits a compact JWS or JWE into its parts and reports what is malformed, without a secret and
 * without throwing, whatever it is given.
 * @example inspect(cookieValue).parts.map((p) => [p.name, p.byteLength]) // [['header', 29], ['encryptedKey', 0], ['iv', 12], …]
 */
export function inspect(token: unknown): TokenInspection {
  const problems: InspectProblem[] = []
  const done = (result: Omit<TokenInspection, 'problems' | 'wellFormed'>): TokenInspection => ({ ...result, problems, wellFormed: problems.length === 0 })
  if (typeof token !== 'string') {
    problems.push({ part: 'token', reason: 'not-a-string' })
    return done({ kind: null, parts: [], header: null })
  }
  if (token.length === 0) {
    problems.push({ part: 'token', reason: 'empty' })
    return done({ kind: null, parts: [], header: null })
  }
  if (/[\s"'`]/.test(token)) problems.push({ part: 'token', reason: 'whitespace' })
  const texts = token.split('.')
  const kind: TokenKind | null = texts.length === 5 ? 'jwe' : texts.length === 3 ? 'jws' : null
  if (kind === null) problems.push({ part: 'token', reason: 'wrong-part-count', actual: texts.length })
  const names = partNames(texts.length)
  // With a wrong count, parts we cannot place are just "token".
  const decoded = texts.map((text) => tryDecode(text))
  const parts: InspectedPart[] = texts.map((text, i) => ({ name: names[i] ?? 'token', text, byteLength: decoded[i]?.length ?? null }))
  parts.forEach((part) => {
    if (part.byteLength === null) problems.push({ part: part.name, reason: 'not-base64url' })
  })

  let header: Record<string, unknown> | null = null
  if (texts[0] === '') problems.push({ part: 'header', reason: 'empty-part' })
  else {
    const read = readJson(decoded[0] ?? null, 'header', problems)
    if (read.ok && isPlainObject(read.value)) header = read.value
    else if (read.ok) problems.push({ part: 'header', reason: 'not-object' })
  }
  if (header && typeof header.alg !== 'string') problems.push({ part: 'header', reason: 'missing-alg' })

  let payload: unknown
  if (kind === 'jws') {
    const read = readJson(decoded[1] ?? null, 'payload', problems)
    if (read.ok) payload = read.value
    if (texts[2] === '' && header?.alg !== 'none') problems.push({ part: 'signature', reason: 'empty-part' })
  }
  if (kind === 'jwe') {
    if (header && typeof header.enc !== 'string') problems.push({ part: 'header', reason: 'missing-enc' })
    if (header?.alg === 'dir' && texts[1] !== '') problems.push({ part: 'encryptedKey', reason: 'unexpected-encrypted-key' })
    if (texts[3] === '') problems.push({ part: 'ciphertext', reason: 'empty-part' })
    const sizes = contentEncryptionSizes(header?.enc)
    if (typeof header?.enc === 'string' && !sizes) problems.push({ part: 'header', reason: 'unknown-enc' })
    for (const [index, name, want] of [[2, 'iv', sizes?.ivBytes], [4, 'tag', sizes?.tagBytes]] as const) {
      const got = decoded[index]?.length
      if (texts[index] === '') problems.push({ part: name, reason: 'empty-part' })
      else if (want !== undefined && got !== undefined && got !== want) problems.push({ part: name, reason: name === 'iv' ? 'iv-length' : 'tag-length', expected: want, actual: got })
    }
  }
  return done(kind === 'jws' ? { kind, parts, header, payload } : { kind, parts, header })
}
