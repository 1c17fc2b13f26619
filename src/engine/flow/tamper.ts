// "Tamper with the session cookie", as a learner would in devtools: flip one real byte in the middle
// of the token's ciphertext (JWE) or signature (simplified JWS) and re-encode that segment, so the
// change cannot hide in the spare bits of a segment's last base64url character (both libraries
// accept a token changed only there: test/engine/jwt/failures.test.ts).
import type { TamperSkipReason } from '../trace'
import { decodeBase64url, encodeBase64url, resolveCookies, serializeSetCookie } from './ports'
import type { FlowContext } from './flowContext'
import { siteUrlOrError } from './resolveOptions'

export interface FlippedToken {
  token: string
  part: 'ciphertext' | 'signature'
  byteIndex: number
}

/** The token with one byte flipped, or why nothing could be: not a compact JWE/JWS, or its target part is not base64url or is empty. */
export function flipTokenByte(token: string): FlippedToken | { reason: Exclude<TamperSkipReason, 'no-session-cookie'> } {
  const parts = token.split('.')
  const partIndex = parts.length === 5 ? 3 : parts.length === 3 ? 2 : -1
  if (partIndex < 0) return { reason: 'not-a-token' }
  let bytes: Uint8Array
  try {
    bytes = decodeBase64url(parts[partIndex]!)
  } catch {
    // jose's decoder refuses it: the segment is not base64url, so there is no byte to flip.
    return { reason: 'not-base64url' }
  }
  if (bytes.length === 0) return { reason: 'empty-part' }
  const byteIndex = bytes.length >> 1
  bytes[byteIndex] = bytes[byteIndex]! ^ 0x01
  parts[partIndex] = encodeBase64url(bytes)
  return { token: parts.join('.'), part: partIndex === 3 ? 'ciphertext' : 'signature', byteIndex }
}

/** Tampers with the session cookie in the jar (all chunks re-assembled, the changed chunks rewritten). Returns its name, or why there was nothing to tamper with. */
export function tamperSessionCookie(ctx: FlowContext): { cookieName: string | null; reason?: TamperSkipReason } {
  const { config } = ctx
  const site = siteUrlOrError(config.siteUrl)
  const https = !(site instanceof Error) && site.base.startsWith('https://')
  const name = resolveCookies(config.flavor, config.useSecureCookies ?? https, config.cookies).sessionToken.name
  const cookies = ctx.jar.list().filter((cookie) => cookie.name === name || new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.\\d+$`).test(cookie.name))
  if (cookies.length === 0) return { cookieName: null, reason: 'no-session-cookie' }
  const ordered = [...cookies].sort((a, b) => chunkIndex(a.name) - chunkIndex(b.name))
  const token = ordered.map((cookie) => cookie.value).join('')
  const flipped = flipTokenByte(token)
  if ('reason' in flipped) return { cookieName: null, reason: flipped.reason }
  ctx.trace.emit('browser', undefined, { kind: 'cookie.tampered', name, valueBefore: token, value: flipped.token, part: flipped.part, byteIndex: flipped.byteIndex })
  let offset = 0
  const replaced = ctx.jar.snapshot()
  for (const cookie of ordered) {
    const value = flipped.token.slice(offset, offset + cookie.value.length)
    offset += cookie.value.length
    if (value === cookie.value) continue
    const at = replaced.findIndex((c) => c.name === cookie.name && c.path === cookie.path && c.domain === cookie.domain)
    replaced[at] = { ...cookie, value }
    ctx.jar.restore(replaced)
    const setCookie = serializeSetCookie(cookie.name, value, { path: cookie.path, httpOnly: cookie.httpOnly, secure: cookie.secure, ...(cookie.sameSite ? { sameSite: cookie.sameSite.toLowerCase() as 'lax' | 'strict' | 'none' } : {}), ...(cookie.expiresAtSec === undefined ? {} : { expiresAtSec: cookie.expiresAtSec }) }, config.flavor)
    ctx.trace.emit('cookieJar', undefined, { kind: 'cookie.set', name: cookie.name, value, setCookie, ...(cookie.expiresAtSec === undefined ? {} : { expiresAtSec: cookie.expiresAtSec }) })
  }
  ctx.jar.restore(replaced)
  return { cookieName: name }
}

function chunkIndex(name: string): number {
  const match = /\.(\d+)$/.exec(name)
  return match ? Number(match[1]) : -1
}
