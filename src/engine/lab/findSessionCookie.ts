// Finds the session cookie among pasted cookies and re-assembles its chunks with the cookie engine's
// `SessionStore` (which mirrors `next-auth/core/lib/cookie.js` and `@auth/core/lib/utils/cookie.js`):
// every cookie whose name starts with the cookie name, sorted by the number after the last `.`.
// A name pasted twice keeps one value, as the server or the browser would (see `pickValue`).
import { createSessionStore } from './engines'
import type { FlowFlavor } from '../flow/types'
import { looksLikeCompactToken, type CookieSource, type PastedCookie } from './parseTokenInput'
import { SESSION_COOKIE_NAMES } from './sessionCookieNames'

export interface SessionCookieChunk {
  name: string
  /** The number after the last `.`, or null for the bare name. */
  index: number | null
  length: number
  /** Position in the pasted text, so the UI can show that the order was fixed. */
  position: number
}

/**
 * Which of several values pasted under one name the lab reads:
 * - `first-sent`: a Cookie header sent the name twice; `cookie.parse` in both libraries keeps the
 *   first, so the server reads that one.
 * - `first-listed`: a devtools table or a JSON cookie list (or such rows beside a Cookie header) holds
 *   the name twice. The lab reads the first, but a table or jar lists cookies in its own order, not the
 *   order the browser sends them, so the server may read another one (the user can pick it).
 * - `last-set`: several Set-Cookie lines set it; the browser keeps the last.
 * - `set-over-sent`: the request carried one value and a Set-Cookie line another; the browser
 *   keeps the Set-Cookie value from then on.
 * - `picked`: the user chose a value.
 */
export type DuplicateRule = 'first-sent' | 'first-listed' | 'last-set' | 'set-over-sent' | 'picked'

export interface DuplicateCookie {
  name: string
  rule: DuplicateRule
  /** The distinct values in pasted order; `read` marks the one the lab joined. */
  values: { position: number; source: CookieSource; length: number; tail: string; read: boolean }[]
}

/** A value the user picked for a name that was pasted more than once, by its position in the paste. */
export type CookiePicks = Readonly<Record<string, number>>

export interface SessionCookieMatch {
  /** The session cookie name (without any `.N` suffix), e.g. `__Secure-authjs.session-token`. */
  cookieName: string
  /** The library whose default name this is; null for a custom cookie name. */
  flavorFromName: FlowFlavor | null
  /** The name carries the `__Secure-` prefix (which is part of the Auth.js salt). */
  securePrefix: boolean
  /** Chunks in the order they were joined. */
  chunks: SessionCookieChunk[]
  /** The joined value, exactly as the real `SessionStore.value` builds it. */
  value: string
  /** The chunks arrived in another order than they were joined. */
  reordered: boolean
  /** Both the bare name and `.N` chunks were present: the real store joins them into garbage. */
  bareAndChunks: boolean
  /** Cookies swept in only because their name starts with the cookie name (e.g. `…session-token-legacy`). */
  sweptIn: string[]
  /** Auth.js skips empty values; v4 keeps them. Names of empty cookies that were skipped here. */
  skippedEmpty: string[]
  /** Names pasted more than once with different values: the same name on two Paths or Domains, or an old and a new cookie. */
  duplicates: DuplicateCookie[]
}

export interface SessionCookieSearch {
  /** The cookie the lab reads; null when no pasted cookie looks like a session token. */
  match: SessionCookieMatch | null
  /** Every session cookie name found (several when, say, both v4 and Auth.js cookies were pasted). */
  candidates: string[]
  /** Pasted cookies that are not part of the chosen session cookie (CSRF, callback URL…). */
  others: string[]
}

const CHUNK_SUFFIX = /\.(\d+)$/

/** Picks the session cookie (`preferredName` if given and present) and joins its chunks. */
export function findSessionCookie(pasted: PastedCookie[], preferredName?: string | null, picks: CookiePicks = {}): SessionCookieSearch {
  const live = pasted.filter((cookie) => !cookie.deletion)
  const candidates = candidateNames(live)
  const cookieName = preferredName && candidates.includes(preferredName) ? preferredName : candidates[0]
  if (cookieName === undefined) return { match: null, candidates, others: pasted.map((cookie) => cookie.name) }
  const match = joinChunks(live, cookieName, picks)
  const used = new Set(match.chunks.map((chunk) => chunk.name))
  return { match, candidates, others: pasted.filter((cookie) => !used.has(cookie.name)).map((cookie) => cookie.name) }
}

/** Known session cookie names first (in pasted order), then custom names whose value looks like a token. */
function candidateNames(cookies: PastedCookie[]): string[] {
  const known: string[] = []
  const custom: string[] = []
  for (const cookie of cookies) {
    const base = cookie.name.replace(CHUNK_SUFFIX, '')
    if (SESSION_COOKIE_NAMES.some((entry) => entry.name === base)) {
      if (!known.includes(base)) known.push(base)
    } else if (isTokenish(cookie, cookies) && !custom.includes(base)) {
      custom.push(base)
    }
  }
  return [...known, ...custom]
}

/** A custom-named cookie counts if its value (or, for a `.0` chunk, the joined chunks) starts like a compact token. */
function isTokenish(cookie: PastedCookie, all: PastedCookie[]): boolean {
  const suffix = CHUNK_SUFFIX.exec(cookie.name)
  if (!suffix) return looksLikeCompactToken(cookie.value)
  if (suffix[1] !== '0') return false
  const base = cookie.name.replace(CHUNK_SUFFIX, '')
  return looksLikeCompactToken(joinChunks(all, base).value)
}

function joinChunks(cookies: PastedCookie[], cookieName: string, picks: CookiePicks = {}): SessionCookieMatch {
  const entry = SESSION_COOKIE_NAMES.find((known) => known.name === cookieName)
  const flavorFromName = entry?.flavor ?? null
  // Auth.js skips empty values when it collects chunks; v4 keeps them (they join as nothing).
  const skippedEmpty: string[] = []
  // The cookie engine's mirror of the real store does the reading; the lab adds where each chunk was pasted.
  // A plain object keeps one value per name in the place the name first appeared, as `cookie.parse`'s does.
  const byName = new Map<string, PastedCookie[]>()
  for (const cookie of cookies) if (cookie.name.startsWith(cookieName)) byName.set(cookie.name, [...(byName.get(cookie.name) ?? []), cookie])
  const requestCookies: Record<string, string> = {}
  const positions = new Map<string, number>()
  const duplicates: DuplicateCookie[] = []
  for (const [name, sameName] of byName) {
    const { read, rule } = pickValue(sameName, picks[name])
    if (read.value === '' && flavorFromName !== 'next-auth-v4') skippedEmpty.push(name)
    requestCookies[name] = read.value
    positions.set(name, read.position)
    const distinct = sameName.filter((cookie, i) => sameName.findIndex((other) => other.value === cookie.value) === i)
    if (distinct.length > 1) {
      const values = distinct.map((cookie) => ({ position: cookie.position, source: cookie.source, length: cookie.value.length, tail: cookie.value.slice(-8), read: cookie.value === read.value }))
      duplicates.push({ name, rule, values })
    }
  }
  const store = createSessionStore({ flavor: flavorFromName ?? 'authjs', cookie: { name: cookieName, options: {} }, requestCookies })
  const collected = Object.keys(requestCookies).filter((name) => !skippedEmpty.includes(name))
  const chunks = store.chunkNames.map((name) => {
    const suffix = CHUNK_SUFFIX.exec(name)
    return { name, index: suffix && name === `${cookieName}.${suffix[1]}` ? Number(suffix[1]) : null, length: requestCookies[name]!.length, position: positions.get(name)! }
  })
  const isChunk = (name: string) => CHUNK_SUFFIX.test(name) && name.replace(CHUNK_SUFFIX, '') === cookieName
  return {
    cookieName,
    flavorFromName,
    securePrefix: cookieName.startsWith('__Secure-'),
    chunks,
    value: store.value,
    reordered: store.chunkNames.some((name, i) => name !== collected[i]),
    bareAndChunks: collected.includes(cookieName) && collected.some(isChunk),
    sweptIn: collected.filter((name) => name !== cookieName && !isChunk(name)),
    skippedEmpty,
    duplicates,
  }
}

/** The value of a name pasted more than once that the server or browser would use (see `DuplicateRule`), or the one picked. */
function pickValue(sameName: PastedCookie[], pickedPosition: number | undefined): { read: PastedCookie; rule: DuplicateRule } {
  const picked = sameName.find((cookie) => cookie.position === pickedPosition)
  if (picked) return { read: picked, rule: 'picked' }
  const set = sameName.filter((cookie) => cookie.source === 'set-cookie')
  if (set.length > 0) return { read: set[set.length - 1]!, rule: set.length === sameName.length ? 'last-set' : 'set-over-sent' }
  return { read: sameName[0]!, rule: sameName.every((cookie) => cookie.source === 'cookie-header') ? 'first-sent' : 'first-listed' }
}
