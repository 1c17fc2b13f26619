// The session cookie's chunk bookkeeping: reads the token back from its chunks and plans the
// `Set-Cookie`s that write or clear it. Follows `SessionStore` in `next-auth/core/lib/cookie.js` (v4)
// and `@auth/core/lib/utils/cookie.js` (Auth.js), including their order and their quirks.
import type { FlowFlavor } from '../flow/types'
import { ALLOWED_COOKIE_SIZE, CHUNK_SIZE, ESTIMATED_EMPTY_COOKIE_SIZE } from './constants'
import type { CookieOptions, OutgoingCookie, SetCookieOptions } from './types'

/** The debug payload both libraries log as `CHUNKING_SESSION_COOKIE` when a value is split. */
export interface ChunkingLogPayload {
  message: string
  emptyCookieSize: number
  valueSize: number
  /** Each chunk's length plus the empty-cookie estimate, e.g. `[4096, 4096, 1221]`. */
  chunks: number[]
}

export interface SessionStoreLogger {
  debug(code: 'CHUNKING_SESSION_COOKIE', payload: ChunkingLogPayload): void
}

export interface SessionStoreInput {
  flavor: FlowFlavor
  /** The session cookie's definition (`options.cookies.sessionToken`). */
  cookie: { name: string; options: Partial<CookieOptions> }
  /** The request's cookies as the server parsed them (values already URL-decoded), in header order. */
  requestCookies: Record<string, string>
  /** Receives `CHUNKING_SESSION_COOKIE`, like the real store's `logger.debug`. */
  logger?: SessionStoreLogger
}

export interface SessionStore {
  /** The session token re-assembled from every request cookie whose name starts with the cookie name. */
  readonly value: string
  /** The names `value` was assembled from, in the order joined. */
  readonly chunkNames: string[]
  /** The cookies to send to store `value`: deletions of every chunk seen, overwritten in place by the new chunks. */
  chunk(value: string, options?: { expiresAtSec?: number }): OutgoingCookie[]
  /** Deletions (empty value, `maxAge: 0`) for every chunk seen. */
  clean(): OutgoingCookie[]
}

/**
 * Mirrors the real `SessionStore`. Note the prefix match: `next-auth.session-token-legacy` is
 * swept in with the session cookie, and a bare name beside `.0`, `.1` sorts unpredictably.
 * @example
 * const store = createSessionStore({ flavor: 'next-auth-v4', cookie: defaultCookies('next-auth-v4', false).sessionToken, requestCookies: {} })
 * store.chunk(token, { expiresAtSec: clock.nowSec() + 2_592_000 }) // [{ name: 'next-auth.session-token', value: token, options }]
 */
export function createSessionStore({ flavor, cookie, requestCookies, logger }: SessionStoreInput): SessionStore {
  // Like the real `#chunks`: a plain object, so insertion order (and JS key order) is the real one.
  let chunks: Record<string, string> = {}
  for (const [name, value] of Object.entries(requestCookies)) {
    if (!name.startsWith(cookie.name)) continue
    if (flavor === 'authjs' && !value) continue // Auth.js skips empty values; v4 keeps them
    chunks[name] = value
  }

  const sortedNames = () => Object.keys(chunks).sort(flavor === 'authjs' ? compareAuthjs : compareV4)

  function clean(): Record<string, OutgoingCookie> {
    const cleaned: Record<string, OutgoingCookie> = {}
    for (const name in chunks) cleaned[name] = { name, value: '', options: { ...cookie.options, maxAge: 0 } }
    chunks = {}
    return cleaned
  }

  function split(value: string, options: SetCookieOptions): OutgoingCookie[] {
    const chunkSize = CHUNK_SIZE[flavor]
    const count = Math.ceil(value.length / chunkSize)
    if (count === 1) {
      chunks[cookie.name] = value
      return [{ name: cookie.name, value, options }]
    }
    const written: OutgoingCookie[] = []
    for (let i = 0; i < count; i++) {
      const name = `${cookie.name}.${i}`
      const part = value.substr(i * chunkSize, chunkSize)
      written.push({ name, value: part, options })
      chunks[name] = part
    }
    // As in the real code this also runs for an empty value (count 0), logging `chunks: []`.
    logger?.debug('CHUNKING_SESSION_COOKIE', {
      message: `Session cookie exceeds allowed ${ALLOWED_COOKIE_SIZE} bytes.`,
      emptyCookieSize: ESTIMATED_EMPTY_COOKIE_SIZE[flavor],
      valueSize: value.length,
      chunks: written.map((c) => c.value.length + ESTIMATED_EMPTY_COOKIE_SIZE[flavor]),
    })
    return written
  }

  return {
    get value() {
      return sortedNames()
        .map((name) => chunks[name])
        .join('')
    },
    get chunkNames() {
      return sortedNames()
    },
    chunk(value, options = {}) {
      const cookies = clean()
      const extra: SetCookieOptions = options.expiresAtSec === undefined ? {} : { expiresAtSec: options.expiresAtSec }
      for (const written of split(value, { ...cookie.options, ...extra })) cookies[written.name] = written
      return Object.values(cookies)
    },
    clean: () => Object.values(clean()),
  }
}

// The two comparators differ on a name ending in `.`: v4 parses "" (NaN), Auth.js falls back to "0".
function compareV4(a: string, b: string): number {
  return parseInt(a.split('.').pop() ?? '0') - parseInt(b.split('.').pop() ?? '0')
}

function compareAuthjs(a: string, b: string): number {
  return parseInt(a.split('.').pop() || '0') - parseInt(b.split('.').pop() || '0')
}
