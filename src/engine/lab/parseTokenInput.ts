// Reads whatever a developer pastes into the Token lab: a bare token, an `Authorization: Bearer`
// header, a `Cookie:` header or `document.cookie` string, `Set-Cookie` lines, rows copied from
// the devtools cookie table, a request copied "as cURL" or "as fetch", or cookies as JSON (the array
// of `headers.getSetCookie()`, or `{ name, value }` objects as `cookieStore.getAll()` or a Playwright
// storage state list them). Pure text handling; never throws.

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
  if (bearer) return { format: 'bearer', token: stripWrapping(decodeValue(bearer[1]!)), cookies: [] }
  // A token wrapped over several lines (copied from a narrow window) is still one token, and so is
  // one copied with the quotes or the `;` around it.
  const single = stripWrapping(decodeValue(text.replace(/\s+/g, '')))
  if (looksLikeCompactToken(single) || looksLikeNearToken(single, text)) return { format: 'token', token: single, cookies: [] }

  const cookies: PastedCookie[] = []
  // Code that carries cookies: read the cookies, not the code around them.
  const fromCode = cookieHeadersInCode(text)
  if (fromCode.length > 0) fromCode.forEach((header) => readCookiePairs(header, cookies))
  else if (!readJsonCookies(text, cookies)) readLines(text, cookies)

  if (cookies.length === 0) return { format: 'unrecognised', token: null, cookies }
  const sources = new Set(cookies.map((cookie) => cookie.source))
  const format: LabInputFormat = sources.size === 1 ? [...sources][0]! : 'mixed'
  return { format, token: null, cookies }
}

/**
 * The Cookie header inside a request copied from devtools: "Copy as cURL" (`-H 'Cookie: …'`,
 * `-b '…'`, `--cookie "…"`) or "Copy as fetch" (`"cookie": "…"`).
 */
function cookieHeadersInCode(text: string): string[] {
  const found: string[] = []
  for (const m of text.matchAll(/(?:^|\s)(?:-H|--header)\s+(['"])\s*cookie\s*:\s*(.*?)\1/gi)) found.push(m[2]!)
  for (const m of text.matchAll(/(?:^|\s)(?:-b|--cookie)\s+(['"])(.*?)\1/g)) found.push(m[2]!)
  for (const m of text.matchAll(/"cookie"\s*:\s*"((?:[^"\\]|\\.)*)"/gi)) {
    try {
      found.push(JSON.parse(`"${m[1]!}"`) as string)
    } catch {
      found.push(m[1]!) // not a valid JSON string after all: read it as written
    }
  }
  return found
}

/**
 * Cookies as JSON: an array of Set-Cookie lines (`headers.getSetCookie()`), or `{ name, value }`
 * objects, alone, in an array, or under `cookies` (a Playwright storage state). False when it is not one of those.
 */
function readJsonCookies(text: string, into: PastedCookie[]): boolean {
  if (!/^[[{]/.test(text)) return false
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return false // not JSON: the line reader takes it
  }
  const list = Array.isArray(value) ? value : isRecord(value) && Array.isArray(value.cookies) ? value.cookies : [value]
  if (list.length > 0 && list.every((line) => typeof line === 'string')) {
    list.forEach((line) => readSetCookieLine(line as string, into))
    return true
  }
  const pairs = list.filter((entry): entry is { name: string; value: string } => isRecord(entry) && typeof entry.name === 'string' && typeof entry.value === 'string')
  pairs.forEach(({ name, value: cookieValue }) => into.push({ name, value: unquote(decodeValue(cookieValue)), source: 'devtools-table', position: into.length, deletion: false, attributes: {} }))
  return pairs.length > 0
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

function readLines(text: string, cookies: PastedCookie[]): void {
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

/**
 * Text that is meant as a token but is not quite one (a `+` or `%2` inside, cut short, three parts):
 * it starts like a JOSE header (`eyJ` is base64url for `{"`), or it is dotted text with no `=`, `;`,
 * spaces or tabs, which no cookie line is. Read as a token, the JWT engine's `inspect()` names the bad part.
 */
function looksLikeNearToken(single: string, text: string): boolean {
  if (single.includes(';') || text.includes('\t') || /^[[{]/.test(single)) return false
  if (single.startsWith('eyJ')) return true
  return !single.includes('=') && !/[ ]/.test(text) && single.split('.').length >= 3
}

/** Quotes (`"`, `'`, `` ` ``) around a token and a `;` or `,` after it, as copied out of a header or code. */
function stripWrapping(value: string): string {
  let text = value
  for (;;) {
    const next = text.replace(/[;,]+$/, '')
    const quoted = next.length >= 2 && /^["'`]/.test(next) && next.endsWith(next[0]!) ? next.slice(1, -1) : next
    if (quoted === text) return text
    text = quoted
  }
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
