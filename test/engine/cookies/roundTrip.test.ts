// The pieces together, as a flow uses them: the real SessionStore's Set-Cookie lines go into the jar,
// the jar's Cookie header is parsed as the server parses it, and the real store reads the token back.
import { describe, expect, it } from 'vitest'
import { createCookieJar, createSessionStore, createSimClock, defaultCookies, parseCookieHeader, serializeOutgoingCookie } from '../../../src/engine/index'
import type { FlowFlavor } from '../../../src/engine/index'
import { loadAuthjs, recordingLogger, v4, v4SetCookieLines } from './realLibraries'

const authjs = await loadAuthjs()
const NOW_SEC = 1_767_225_600
const token = (length: number) => Array.from({ length }, (_, i) => 'abcdefghijklmnopqrstuvwxyz0123456789-_'[i % 38]).join('')

function realLines(flavor: FlowFlavor, requestCookies: Record<string, string>, value: string | null): string[] {
  const option = flavor === 'next-auth-v4' ? v4.cookie.defaultCookies(true).sessionToken! : authjs.cookie.defaultCookies(true).sessionToken!
  const logger = recordingLogger()
  const store =
    flavor === 'next-auth-v4' ? new v4.cookie.SessionStore(option, { cookies: requestCookies }, logger) : new authjs.cookie.SessionStore(option, requestCookies, logger)
  const cookies = value === null ? store.clean() : store.chunk(value, { expires: new Date((NOW_SEC + 2_592_000) * 1000) })
  return flavor === 'next-auth-v4' ? v4SetCookieLines(cookies) : authjs.web.toResponse({ cookies }).headers.getSetCookie()
}

describe('session cookie round trip through the jar', () => {
  for (const flavor of ['next-auth-v4', 'authjs'] as const) {
    it(`${flavor}: a 9000-character token written, re-read, shrunk and cleared`, () => {
      const clock = createSimClock(NOW_SEC)
      const jar = createCookieJar(clock)
      const url = 'https://app.example.com/api/auth/session'
      const big = token(9000)
      for (const line of realLines(flavor, {}, big)) expect(jar.apply(line, url).kind).toBe('set')
      expect(jar.list()).toHaveLength(3)

      const requestCookies = parseCookieHeader(jar.cookieHeader(url))
      const ours = createSessionStore({ flavor, cookie: defaultCookies(flavor, true).sessionToken, requestCookies })
      expect(ours.value).toBe(big)

      // Our plan for the smaller token is the real plan, line for line, and the jar ends with one cookie.
      const ourLines = ours.chunk('small', { expiresAtSec: NOW_SEC + 2_592_000 }).map((cookie) => serializeOutgoingCookie(cookie, flavor))
      expect(ourLines).toEqual(realLines(flavor, requestCookies, 'small'))
      for (const line of ourLines) jar.apply(line, url)
      expect(jar.list().map((c) => [c.name, c.value])).toEqual([[defaultCookies(flavor, true).sessionToken.name, 'small']])

      for (const line of realLines(flavor, parseCookieHeader(jar.cookieHeader(url)), null)) expect(jar.apply(line, url).kind).toBe('deleted')
      expect(jar.cookieHeader(url)).toBe('')
    })
  }
})
