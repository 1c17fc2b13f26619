// Finds the session cookie among pasted cookies and re-assembles its chunks with the cookie engine's
// `SessionStore` (which mirrors `next-auth/core/lib/cookie.js` and `@auth/core/lib/utils/cookie.js`):
// every cookie whose name starts with the cookie name, sorted by the number after the last `.`.
import { createSessionStore } from './engines'
import type { FlowFlavor } from '../flow/types'
import { looksLikeCompactToken, type PastedCookie } from './parseTokenInput'
import { SESSION_COOKIE_NAMES } from './sessionCookieNames'

export interface SessionCookieChunk {
  name: string
  /** The number after the last `.`, or null for the bare name. */
  index: number | null
  length: number
  /** Position in the pasted text, so the UI can show that the order was fixed. */
  position: number
}

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
export function findSessionCookie(pasted: PastedCookie[], preferredName?: string | null): SessionCookieSearch {
  const live = pasted.filter((cookie) => !cookie.deletion)
  const candidates = candidateNames(live)
  const cookieName = preferredName && candidates.includes(preferredName) ? preferredName : candidates[0]
  if (cookieName === undefined) return { match: null, candidates, others: pasted.map((cookie) => cookie.name) }
  const match = joinChunks(live, cookieName)
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

function joinChunks(cookies: PastedCookie[], cookieName: string): SessionCookieMatch {
  const entry = SESSION_COOKIE_NAMES.find((known) => known.name === cookieName)
  const flavorFromName = entry?.flavor ?? null
  // Auth.js skips empty values when it collects chunks; v4 keeps them (they join as nothing).
  const skippedEmpty: string[] = []
  // The cookie engine's mirror of the real store does the reading; the lab adds where each chunk was pasted.
  // A plain object keeps one value per name in its first place, as the real store's does.
  const requestCookies: Record<string, string> = {}
  const positions = new Map<string, number>()
  for (const cookie of cookies) {
    if (!cookie.name.startsWith(cookieName)) continue
    if (cookie.value === '' && flavorFromName !== 'next-auth-v4') skippedEmpty.push(cookie.name)
    requestCookies[cookie.name] = cookie.value
    if (!positions.has(cookie.name)) positions.set(cookie.name, cookie.position)
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
  }
}
