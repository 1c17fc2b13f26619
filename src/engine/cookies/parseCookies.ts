// Robust readers for what a learner pastes: a `Cookie:` request header, a `document.cookie` string,
// or `Set-Cookie` lines copied from devtools. Built on the `cookie` package NextAuth uses.
import { parse, parseSetCookie as parseSetCookieLine } from 'cookie'
import { EngineError } from '../errors'

const keepRaw = (value: string): string => value

export interface ParseCookieHeaderOptions {
  /** URL-decode values as the servers do (v4 through Next's cookie parser, Auth.js through `cookie.parse`). Default true. */
  decode?: boolean
}

/**
 * `name → value` from a `Cookie` header or a `document.cookie` string. A leading `Cookie:` is
 * ignored; the first occurrence of a name wins, as on the server. Values are URL-decoded by default.
 * @example parseCookieHeader('Cookie: a=1; next-auth.csrf-token=x%7Cy') // { a: '1', 'next-auth.csrf-token': 'x|y' }
 */
export function parseCookieHeader(header: string, options: ParseCookieHeaderOptions = {}): Record<string, string> {
  const text = header.replace(/^\s*cookie\s*:/i, '').replace(/[\r\n]+/g, ' ')
  const parsed = parse(text, options.decode === false ? { decode: keepRaw } : undefined)
  const result: Record<string, string> = {}
  for (const [name, value] of Object.entries(parsed)) if (value !== undefined) result[name] = value
  return result
}

/** One `Set-Cookie` line, read the way a browser reads it (RFC 6265bis §5.6: the last of a repeated attribute wins). */
export interface ParsedSetCookie {
  name: string
  /** The value as sent (what the browser stores), e.g. `abc%7Cdef`. */
  value: string
  /** The value URL-decoded, as NextAuth's server reads it back, e.g. `abc|def`. */
  decodedValue: string
  maxAgeSec?: number
  /** `Expires` as Unix seconds, when it is a date. */
  expiresAtSec?: number
  domain?: string
  path?: string
  secure: boolean
  httpOnly: boolean
  sameSite?: 'Lax' | 'Strict' | 'None'
  partitioned: boolean
}

const SAME_SITE = { lax: 'Lax', strict: 'Strict', none: 'None' } as const

/**
 * Reads one `Set-Cookie` line (a leading `Set-Cookie:` is ignored). A line with no `=` is a nameless
 * cookie, as Chromium stores it. Throws `COOKIE_MALFORMED` for an empty line, an empty name and
 * value, or control characters (which Chromium rejects).
 */
export function parseSetCookie(line: string): ParsedSetCookie {
  const text = line.replace(/^\s*set-cookie\s*:/i, '').trim()
  if (/[\u0000-\u0008\u000a-\u001f\u007f]/.test(text)) {
    throw new EngineError('COOKIE_MALFORMED', 'Set-Cookie line contains control characters', { details: { line: text, reason: 'control-characters' } })
  }
  const raw = parseSetCookieLine(text, { decode: keepRaw })
  const value = raw.value ?? ''
  if (raw.name === '' && value === '') {
    throw new EngineError('COOKIE_MALFORMED', 'Set-Cookie line has neither a name nor a value', { details: { line: text, reason: 'empty' } })
  }
  const parsed: ParsedSetCookie = {
    name: raw.name,
    value,
    decodedValue: decodeValue(value),
    secure: raw.secure === true,
    httpOnly: raw.httpOnly === true,
    partitioned: raw.partitioned === true,
  }
  if (raw.maxAge !== undefined) parsed.maxAgeSec = raw.maxAge
  if (raw.expires !== undefined) parsed.expiresAtSec = Math.floor(raw.expires.getTime() / 1000)
  if (raw.domain !== undefined) parsed.domain = raw.domain
  if (raw.path !== undefined) parsed.path = raw.path
  if (typeof raw.sameSite === 'string') parsed.sameSite = SAME_SITE[raw.sameSite]
  return parsed
}

/** Several `Set-Cookie` lines pasted together, one per line (blank lines skipped). */
export function parseSetCookieLines(text: string): ParsedSetCookie[] {
  return text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map(parseSetCookie)
}

function decodeValue(value: string): string {
  if (!value.includes('%')) return value
  try {
    return decodeURIComponent(value)
  } catch {
    return value // the servers' parsers keep an undecodable value as it is
  }
}
