// The simulated server log for a session cookie that does not open, against what the real handlers'
// own default loggers print to console.error for the same cookie: next-auth@4.24.15's `AuthHandler`
// (GET session) and @auth/core@0.41.3's `Auth()`. The error text is jose's, as the real one's.
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createPlayground, type FlowFlavor } from '../../../src/engine/index'
import { atTime } from '../../helpers/atTime'
import { tamperedToken } from './helpers/tamper'

const require = createRequire(import.meta.url)
const nextAuthDir = join(process.cwd(), 'node_modules/next-auth')
const SECRET = 's3cr3t'
const SITE = 'http://localhost:3000'
const NOW_SEC = 1_767_225_600
const COOKIE = { 'next-auth-v4': 'next-auth.session-token', authjs: 'authjs.session-token' } as const

afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
  delete process.env.NEXTAUTH_URL
})

/** Every console.error call of `fn`, its arguments joined by spaces, colours stripped. */
async function consoleErrors(fn: () => Promise<unknown>): Promise<unknown[][]> {
  const calls: unknown[][] = []
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void calls.push(args))
  await fn()
  vi.restoreAllMocks()
  return calls
}

/**
 * What the real handler logs for GET /api/auth/session with this session cookie. v4: the default
 * `logger.error(code, error)` prints code, link and `error.message` (then the error object, which a
 * log line here leaves out). Auth.js: `[auth][error] …`, then `[auth][cause]:` with the cause's stack.
 */
async function realSessionLog(flavor: FlowFlavor, cookieValue: string): Promise<string[]> {
  if (flavor === 'next-auth-v4') {
    // A fresh copy, so no earlier setLogger replaced the default error logger.
    for (const id of Object.keys(require.cache)) if (id.startsWith(nextAuthDir) && !id.includes('node_modules/next-auth/node_modules')) delete require.cache[id]
    const { AuthHandler } = require(join(nextAuthDir, 'core/index.js')) as { AuthHandler: (params: unknown) => Promise<unknown> }
    process.env.NEXTAUTH_URL = SITE
    const calls = await consoleErrors(() =>
      AuthHandler({ req: { method: 'GET', action: 'session', headers: { host: 'localhost:3000' }, cookies: { [COOKIE[flavor]]: cookieValue }, body: {}, query: {} }, options: { secret: SECRET, providers: [], logger: { warn() {}, debug() {} } } }),
    )
    return calls.map((args) => args.slice(0, 3).join(' '))
  }
  const { Auth } = await import('@auth/core')
  const request = new Request(`${SITE}/api/auth/session`, { headers: { cookie: `${COOKIE[flavor]}=${cookieValue}` } })
  const calls = await consoleErrors(() => Auth(request, { secret: SECRET, providers: [], trustHost: true, basePath: '/api/auth', logger: { warn() {}, debug() {} } }))
  return calls.map((args) => args.map((arg) => String(arg).replace(/\x1b\[\d+m/g, '')).join(' '))
}

/** Our playground's error log lines and the decode failure's cause for the same cookie. */
async function oursSessionLog(flavor: FlowFlavor, cookieValue: string) {
  const playground = createPlayground({ nowSec: NOW_SEC, config: { flavor, secret: SECRET, siteUrl: SITE } })
  playground.jar.apply(`${COOKIE[flavor]}=${cookieValue}; Path=/; HttpOnly; SameSite=Lax`, `${SITE}/`)
  const trace = await playground.run('getSession')
  const lines = trace.events.flatMap((event) => (event.kind === 'log.written' && event.level === 'error' ? event.text.split('\n') : []))
  const failed = trace.events.find((event) => event.kind === 'jwt.decodeFailed')
  return { lines, cause: failed && 'error' in failed ? failed.error.cause : undefined }
}

function realToken(flavor: FlowFlavor): Promise<string> {
  return atTime(NOW_SEC, async () =>
    flavor === 'next-auth-v4'
      ? (require('next-auth/jwt') as { encode(p: unknown): Promise<string> }).encode({ token: { sub: '1' }, secret: SECRET })
      : (await import('@auth/core/jwt')).encode({ token: { sub: '1' }, secret: SECRET, salt: COOKIE.authjs }),
  )
}

const COOKIES: [string, (flavor: FlowFlavor) => Promise<string>][] = [
  ['garbage ("abc")', async () => 'abc'],
  ['a tampered token', async (flavor) => tamperedToken(await realToken(flavor))],
  ['a token missing its last character', async (flavor) => (await realToken(flavor)).slice(0, -1)],
  ['a token with a broken header', async (flavor) => `e30x${(await realToken(flavor)).slice((await realToken(flavor)).indexOf('.'))}`],
]

describe('the server log for an unreadable session cookie', () => {
  for (const [label, make] of COOKIES) {
    it(`next-auth v4, ${label}: the line the real logger prints (jose's message)`, async () => {
      const value = await make('next-auth-v4')
      const ours = await oursSessionLog('next-auth-v4', value)
      const theirs = await realSessionLog('next-auth-v4', value)
      expect(theirs).toHaveLength(1)
      expect(ours.lines.join('\n')).toBe(theirs[0])
      expect(theirs[0]).toMatch(/jwt_session_error \S/)
      expect(ours.lines.join('\n')).not.toMatch(/malformed/)
    })

    it(`Auth.js, ${label}: the error line as printed, and the cause line with jose's message`, async () => {
      const value = await make('authjs')
      const ours = await oursSessionLog('authjs', value)
      const theirs = await realSessionLog('authjs', value)
      // The real logger prints the cause's stack (first line `Name: message`) and a details line; we print the message.
      expect(ours.lines[0]).toBe(theirs[0])
      expect(theirs[1]!.split('\n')[0]).toBe(`[auth][cause]: ${ours.cause!.name}: ${ours.lines[1]!.replace('[auth][cause]: ', '')}`)
      expect(ours.lines).toHaveLength(2)
    })
  }
})
