// Reads whatever a developer pastes into the Token lab: a bare token, an `Authorization: Bearer`
// header, a `Cookie:` header or `document.cookie` string, `Set-Cookie` lines, or rows copied from
// the devtools cookie table. Pure text handling; never throws.

/** Where one cookie came from in the pasted text. */
export type CookieSource = 'cookie-header' | 'set-cookie' | 'devtools-table'

/** The shape of the whole input, as the lab tells the user. `mixed` when lines disagree. */
export type LabInputFormat = 'empty' | 'token' | 'bearer' | CookieSource | 'mixed' | 'unrecognised'

export interface PastedCookie {
  name: string
  /** The value as a server would read it: surrounding quotes removed, percent-encoding decoded. */
  value: string
  source: CookieSource
  /** 0-based position in the pasted text (the order the real SessionStore sees them in). */
  position: number
  /** A `Set-Cookie` line that deletes the cookie (empty value or `Max-Age=0`, as NextAuth clears it). */
  deletion: boolean
  /** The `Set-Cookie` attributes as written (name → value, `true` for flags); empty for other sources. */
  attributes: Record<string, string | true>
}

export interface ParsedTokenInput {
  format: LabInputFormat
  /** A token given on its own (bare or `Bearer`); null when the input holds cookies. */
  token: string | null
  cookies: PastedCookie[]
}

const SET_COOKIE_ATTRIBUTES = new Set(['expires', 'max-age', 'domain', 'path', 'secure', 'httponly', 'samesite', 'priority', 'partitioned'])
/** A compact JWS/JWE: base64url segments joined by dots (a JWE's encrypted key segment is empty). */
const COMPACT_TOKEN = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]*){2,}$/

/** True when `text` has the shape of a compact JWS (3 parts) or JWE (5 parts). */
export function looksLikeCompactToken(text: string): boolean {
  return COMPACT_TOKEN.test(text)
}

export function parseTokenInput(input: string): ParsedTokenInput {
  const text = typeof input === 'string' ? input.trim() : ''
  if (text === '') return { format: 'empty', token: null, cookies: [] }

  const bearer = /^(?:authorization\s*:\s*)?bearer\s+(\S+)\s*$/i.exec(text)
  if (bearer) return { format: 'bearer', token: unquote(decodeValue(bearer[1]!)), cookies: [] }
  // A token wrapped over several lines (copied from a narrow window) is still one token.
  const single = unquote(text.replace(/\s+/g, ''))
  if (looksLikeCompactToken(single)) return { format: 'token', token: single, cookies: [] }

  const cookies: PastedCookie[] = []
  let pendingSource: CookieSource | null = null
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim()
    if (line === '') continue
    // Devtools (network panel) may put the header name on a line of its own.
    if (/^set-cookie:?$/i.test(line)) {
      pendingSource = 'set-cookie'
      continue
    }
    if (/^cookie:?$/i.test(line)) {
      pendingSource = 'cookie-header'
      continue
    }
    const setCookie = /^set-cookie\s*:\s*/i.exec(line)
    const cookieHeader = /^cookie\s*:\s*/i.exec(line)
    if (setCookie) readSetCookieLine(line.slice(setCookie[0].length), cookies)
    else if (cookieHeader) readCookiePairs(line.slice(cookieHeader[0].length), cookies)
    else if (pendingSource === 'set-cookie') readSetCookieLine(line, cookies)
    else if (pendingSource === 'cookie-header') readCookiePairs(line, cookies)
    else if (line.includes('\t')) readDevtoolsRow(line, cookies)
    else if (hasSetCookieAttributes(line)) readSetCookieLine(line, cookies)
    else readCookiePairs(line, cookies)
    pendingSource = null
  }

  if (cookies.length === 0) return { format: 'unrecognised', token: null, cookies }
  const sources = new Set(cookies.map((cookie) => cookie.source))
  const format: LabInputFormat = sources.size === 1 ? [...sources][0]! : 'mixed'
  return { format, token: null, cookies }
}

function readCookiePairs(line: string, into: PastedCookie[]): void {
  for (const part of line.split(';')) {
    const pair = splitPair(part)
    if (pair) into.push({ ...pair, source: 'cookie-header', position: into.length, deletion: false, attributes: {} })
  }
}

function readSetCookieLine(line: string, into: PastedCookie[]): void {
  const [first = '', ...rest] = line.split(';')
  const pair = splitPair(first)
  if (!pair) return
  const attributes: Record<string, string | true> = {}
  for (const part of rest) {
    const trimmed = part.trim()
    if (trimmed === '') continue
    const eq = trimmed.indexOf('=')
    if (eq === -1) attributes[trimmed] = true
    else attributes[trimmed.slice(0, eq).trim()] = trimmed.slice(eq + 1).trim()
  }
  const maxAge = attributeValue(attributes, 'max-age')
  const deletion = pair.value === '' || (maxAge !== undefined && Number(maxAge) <= 0)
  into.push({ ...pair, source: 'set-cookie', position: into.length, deletion, attributes })
}

/** A row copied from devtools → Application → Cookies: name, value, domain, path, … separated by tabs. */
function readDevtoolsRow(line: string, into: PastedCookie[]): void {
  const [name = '', value = ''] = line.split('\t').map((cell) => cell.trim())
  if (name === '' || /^name$/i.test(name)) return // the header row
  into.push({ name, value: unquote(decodeValue(value)), source: 'devtools-table', position: into.length, deletion: false, attributes: {} })
}

function hasSetCookieAttributes(line: string): boolean {
  const parts = line.split(';').slice(1)
  return parts.some((part) => SET_COOKIE_ATTRIBUTES.has(part.trim().split('=')[0]!.trim().toLowerCase()))
}

function splitPair(part: string): { name: string; value: string } | null {
  const eq = part.indexOf('=')
  if (eq === -1) return null
  const name = part.slice(0, eq).trim()
  if (name === '') return null
  return { name, value: unquote(decodeValue(part.slice(eq + 1).trim())) }
}

function attributeValue(attributes: Record<string, string | true>, name: string): string | undefined {
  for (const [key, value] of Object.entries(attributes)) if (key.toLowerCase() === name && value !== true) return value
  return undefined
}

function unquote(value: string): string {
  return value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value
}

/** Percent-decoding as `cookie.parse` does it: a bad sequence leaves the value as written. */
function decodeValue(value: string): string {
  if (!value.includes('%')) return value
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}
