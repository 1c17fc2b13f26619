// Loads the real NextAuth v4 and Auth.js cookie code by file path (their `exports` maps hide it), so
// the tests compare the cookie engine with the libraries themselves.
import { createRequire } from 'node:module'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

const require = createRequire(import.meta.url)
const modules = resolve(process.cwd(), 'node_modules')

export interface RealCookie {
  name: string
  value: string
  options: Record<string, unknown>
}

interface RealSessionStore {
  readonly value: string
  chunk(value: string, options: Record<string, unknown>): RealCookie[]
  clean(): RealCookie[]
}

type SessionStoreClass = new (option: { name: string; options: object }, reqOrCookies: unknown, logger: { debug(code: string, meta: unknown): void }) => RealSessionStore

export const v4 = {
  cookie: require(`${modules}/next-auth/core/lib/cookie.js`) as {
    defaultCookies(secure: boolean): Record<string, { name: string; options: Record<string, unknown> }>
    SessionStore: SessionStoreClass
  },
  csrf: require(`${modules}/next-auth/core/lib/csrf-token.js`) as {
    createCSRFToken(input: { options: { secret: unknown }; cookieValue?: string; isPost: boolean; bodyValue?: string }): {
      csrfToken: string
      cookie?: string
      csrfTokenVerified?: boolean
    }
  },
  nextUtils: require(`${modules}/next-auth/next/utils.js`) as {
    setCookie(res: { getHeader(name: string): unknown; setHeader(name: string, value: unknown): void }, cookie: RealCookie): void
  },
  init: require(`${modules}/next-auth/core/init.js`) as {
    init(input: Record<string, unknown>): Promise<{ options: Record<string, any>; cookies: RealCookie[] }>
  },
  source: (path: string) => require('node:fs').readFileSync(`${modules}/next-auth/${path}`, 'utf8') as string,
}

const importAuthjs = (path: string) => import(/* @vite-ignore */ pathToFileURL(`${modules}/@auth/core/${path}`).href)

export async function loadAuthjs() {
  return {
    cookie: (await importAuthjs('lib/utils/cookie.js')) as {
      defaultCookies(secure: boolean): Record<string, { name: string; options: Record<string, unknown> }>
      SessionStore: SessionStoreClass
    },
    csrf: (await importAuthjs('lib/actions/callback/oauth/csrf-token.js')) as {
      createCSRFToken(input: { options: { secret: unknown }; cookieValue?: string; isPost: boolean; bodyValue?: string }): Promise<{
        csrfToken: string
        cookie?: string
        csrfTokenVerified?: boolean
      }>
    },
    web: (await importAuthjs('lib/utils/web.js')) as {
      toResponse(res: { cookies?: RealCookie[]; headers?: Record<string, string> }): Response
      parseActionAndProviderId?: unknown
    },
    init: (await importAuthjs('lib/init.js')) as {
      init(input: Record<string, unknown>): Promise<{ options: Record<string, any>; cookies: RealCookie[] }>
    },
    source: (path: string) => require('node:fs').readFileSync(`${modules}/@auth/core/${path}`, 'utf8') as string,
  }
}

/** v4's `setCookie(res, cookie)` from `next/utils.js`, collecting the Set-Cookie lines it writes. */
export function v4SetCookieLines(cookies: RealCookie[]): string[] {
  let header: unknown
  const res = { getHeader: () => header, setHeader: (_: string, value: unknown) => void (header = value) }
  for (const cookie of cookies) v4.nextUtils.setCookie(res, cookie)
  return (header as string[] | undefined) ?? []
}

/** A logger that records what the real store logs. */
export function recordingLogger() {
  const entries: { code: string; meta: unknown }[] = []
  return { entries, debug: (code: string, meta: unknown) => void entries.push({ code, meta }) }
}
