import type { CookieView } from '../../engine/index'

export type CookieRowGroup = { kind: 'single'; cookie: CookieView } | { kind: 'chunks'; baseName: string; cookies: CookieView[]; totalBytes: number }

/**
 * Groups `<name>.0`, `<name>.1`, … into one chunk group, in numeric order (as SessionStore joins
 * them); every other cookie stays on its own, in jar order.
 */
export function groupCookies(jar: CookieView[]): CookieRowGroup[] {
  const chunkIndex = (name: string) => /^(.+)\.(\d+)$/.exec(name)
  const groups: CookieRowGroup[] = []
  const byBase = new Map<string, Extract<CookieRowGroup, { kind: 'chunks' }>>()
  for (const cookie of jar) {
    const match = chunkIndex(cookie.name)
    if (!match) {
      groups.push({ kind: 'single', cookie })
      continue
    }
    const baseName = match[1]!
    let group = byBase.get(baseName)
    if (!group) {
      group = { kind: 'chunks', baseName, cookies: [], totalBytes: 0 }
      byBase.set(baseName, group)
      groups.push(group)
    }
    group.cookies.push(cookie)
    group.totalBytes += cookie.sizeBytes
  }
  for (const group of byBase.values()) group.cookies.sort((a, b) => Number(chunkIndex(a.name)![2]) - Number(chunkIndex(b.name)![2]))
  return groups
}

/** `eyJhbGciOi…Xt9Q`: the start and end of a long value. */
export function shortenValue(value: string, head = 14, tail = 6): string {
  return value.length <= head + tail + 1 ? value : `${value.slice(0, head)}…${value.slice(-tail)}`
}

/** The flags as a browser's devtools would list them: `HttpOnly`, `Secure`, `SameSite=Lax`. */
export function cookieFlags(cookie: CookieView): string[] {
  return [...(cookie.httpOnly ? ['HttpOnly'] : []), ...(cookie.secure ? ['Secure'] : []), ...(cookie.sameSite ? [`SameSite=${cookie.sameSite}`] : [])]
}
