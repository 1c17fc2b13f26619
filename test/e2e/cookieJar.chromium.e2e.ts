// The cookie jar against the real thing: the same Set-Cookie lines go to Debian's Chromium (through a
// local http server, with *.test mapped to 127.0.0.1) and to createCookieJar; what each stores, sends
// and shows in document.cookie must agree. Covers the rules the playground teaches over http.
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import http from 'node:http'
import https from 'node:https'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCookieJar, createSimClock } from '../../src/engine/index'
import { CHROMIUM_ARGS, chromiumPath } from './helpers/chromiumPath'

/** Where a step or probe goes: plain http to a normal host or to localhost, or https (self-signed). */
type Site = 'http://app.test' | 'http://localhost' | 'https://app.test'

interface Step {
  site?: Site
  /** Path on the host, e.g. `/api/auth/callback/credentials`. */
  path: string
  lines: string[]
}

interface Scenario {
  name: string
  site: Site
  steps: Step[]
  /** Paths (on `site`, or `[site, path]`) whose Cookie header and document.cookie are compared. */
  probes: (string | [Site, string])[]
}

const ROOT = ['/']
const SCENARIOS: Scenario[] = [
  {
    name: 'NextAuth v4 cookies over plain http (non-secure names)',
    site: 'http://app.test',
    steps: [
      {
        path: '/api/auth/callback/credentials',
        lines: [
          'next-auth.csrf-token=abc%7Cdef; Path=/; HttpOnly; SameSite=Lax',
          'next-auth.callback-url=http%3A%2F%2Fapp.test%2Fdashboard; Path=/; HttpOnly; SameSite=Lax',
          'next-auth.session-token=eyJ.a.b.c.d; Path=/; Expires=Tue, 01 Jan 2030 00:00:00 GMT; HttpOnly; SameSite=Lax',
          'theme=dark; Path=/',
        ],
      },
    ],
    probes: ['/api/auth/session', '/dashboard'],
  },
  {
    name: 'secure names over plain http are refused (useSecureCookies on an http site)',
    site: 'http://app.test',
    steps: [
      {
        path: '/api/auth/callback/credentials',
        lines: [
          '__Secure-next-auth.session-token=eyJ; Path=/; HttpOnly; Secure; SameSite=Lax',
          '__Host-next-auth.csrf-token=a%7Cb; Path=/; HttpOnly; Secure; SameSite=Lax',
          'plain=1; Path=/',
          'sec=1; Path=/; Secure',
        ],
      },
    ],
    probes: ROOT,
  },
  {
    name: 'secure names over http://localhost are kept (a trustworthy origin)',
    site: 'http://localhost',
    steps: [
      {
        path: '/api/auth/callback/credentials',
        lines: [
          '__Secure-next-auth.session-token=eyJ; Path=/; HttpOnly; Secure; SameSite=Lax',
          '__Host-next-auth.csrf-token=a%7Cb; Path=/; HttpOnly; Secure; SameSite=Lax',
          '__Secure-nosecure=1; Path=/',
          '__Host-withdomain=1; Path=/; Secure; Domain=localhost',
          '__Host-nopath=1; Secure',
          '__host-lower=1; Path=/',
        ],
      },
    ],
    probes: ROOT,
  },
  {
    name: 'chunks, deletion with Max-Age=0 and with a past Expires',
    site: 'http://localhost',
    steps: [
      { path: '/api/auth/session', lines: ['next-auth.session-token=whole; Path=/; HttpOnly; SameSite=Lax', 'keep=1; Path=/', 'gone=1; Path=/'] },
      {
        path: '/api/auth/session',
        lines: [
          'next-auth.session-token=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax',
          'next-auth.session-token.0=part0; Path=/; HttpOnly; SameSite=Lax',
          'next-auth.session-token.1=part1; Path=/; HttpOnly; SameSite=Lax',
          'gone=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT',
          'keep=2; Path=/',
        ],
      },
      { path: '/', lines: ['next-auth.session-token.0=part0; Path=/; HttpOnly; SameSite=Lax', 'next-auth.session-token.1=changed; Path=/; HttpOnly; SameSite=Lax'] },
    ],
    probes: ROOT,
  },
  {
    name: 'default path, path order and segment matching',
    site: 'http://app.test',
    steps: [{ path: '/api/auth/signin', lines: ['defaulted=1', 'root=1; Path=/', 'api=1; Path=/api', 'auth=1; Path=/api/auth', 'later=1; Path=/'] }],
    probes: ['/', '/api', '/apix', '/api/auth/session', '/api/authx'],
  },
  {
    name: 'domains, SameSite=None, nameless cookies and the size limit',
    site: 'http://app.test',
    steps: [
      {
        path: '/',
        lines: [
          'dom=1; Path=/; Domain=app.test',
          'other=1; Path=/; Domain=other.test',
          'none=1; Path=/; SameSite=None',
          'strict=1; Path=/; SameSite=Strict',
          'justvalue; Path=/',
          `big=${'x'.repeat(4093)}; Path=/`,
          `bigger=${'x'.repeat(4091)}; Path=/`,
          `utf=${'é'.repeat(2047)}; Path=/`,
        ],
      },
    ],
    probes: ROOT,
  },
  {
    name: 'Max-Age wins over Expires, and the 400-day cap',
    site: 'http://app.test',
    steps: [{ path: '/', lines: ['m=1; Max-Age=600; Expires=Tue, 01 Jan 2030 00:00:00 GMT; Path=/', 'capped=1; Max-Age=99999999; Path=/', 'e=1; Expires=Tue, 01 Jan 2030 00:00:00 GMT; Path=/'] }],
    probes: ROOT,
  },
  {
    name: 'secure names over https, and what plain http on the same host gets',
    site: 'https://app.test',
    steps: [
      {
        path: '/api/auth/callback/credentials',
        lines: [
          '__Secure-next-auth.session-token=eyJ; Path=/; Expires=Tue, 01 Jan 2030 00:00:00 GMT; HttpOnly; Secure; SameSite=Lax',
          '__Host-next-auth.csrf-token=a%7Cb; Path=/; HttpOnly; Secure; SameSite=Lax',
          'sec=secure; Path=/; Secure',
          'plain=1; Path=/',
          'none=1; Path=/; SameSite=None; Secure',
        ],
      },
      { site: 'http://app.test', path: '/', lines: ['sec=plain; Path=/', 'plain=2; Path=/'] },
    ],
    probes: ['/', ['http://app.test', '/']],
  },
]

let browser: Browser
let httpServer: http.Server
let httpsServer: https.Server
const ports = { http: 0, https: 0 }
const pending = new Map<string, string[]>()

function handle(req: http.IncomingMessage, res: http.ServerResponse) {
  const lines = pending.get(req.url ?? '')
  if (lines) res.setHeader('Set-Cookie', lines)
  res.setHeader('content-type', 'text/html; charset=utf-8')
  res.end(`<pre id="sent">${req.headers.cookie ?? ''}</pre>`)
}

/** A throwaway self-signed certificate for app.test (Chromium is told to accept it). */
function selfSignedCertificate(): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'cookie-jar-tls-'))
  if (spawnSync('openssl', ['version']).error) {
    throw new Error('The cookie-jar comparison needs openssl to make a throwaway TLS certificate, and it is not installed.\nInstall it with:  apt-get update && apt-get install -y openssl   (as root)')
  }
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-subj', '/CN=app.test', '-days', '1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' })
  const pair = { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') }
  rmSync(dir, { recursive: true, force: true })
  return pair
}

const listen = (server: http.Server | https.Server) => new Promise<number>((done) => server.listen(0, '127.0.0.1', () => done((server.address() as AddressInfo).port)))

beforeAll(async () => {
  httpServer = http.createServer(handle)
  httpsServer = https.createServer(selfSignedCertificate(), handle)
  ports.http = await listen(httpServer)
  ports.https = await listen(httpsServer)
  browser = await chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS, '--host-resolver-rules=MAP *.test 127.0.0.1', '--ignore-certificate-errors'] })
})

afterAll(async () => {
  await browser?.close()
  httpServer?.close()
  httpsServer?.close()
})

const originOf = (site: Site) => `${site}:${site.startsWith('https') ? ports.https : ports.http}`

const short = (text: string) => text.replace(/(.)\1{40,}/g, (run, ch: string) => `${ch}×${run.length}`)

describe('createCookieJar agrees with Chromium', () => {
  for (const scenario of SCENARIOS) {
    it(scenario.name, async () => {
      const context = await browser.newContext({ ignoreHTTPSErrors: true })
      const page = await context.newPage()
      const startSec = Math.floor(Date.now() / 1000)
      const jar = createCookieJar(createSimClock(startSec))

      for (const [index, step] of scenario.steps.entries()) {
        const path = `${step.path}?${scenario.name.length}-${index}`
        const url = originOf(step.site ?? scenario.site) + path
        pending.set(path, step.lines)
        await page.goto(url)
        for (const line of step.lines) jar.apply(line, url)
      }

      const stored = (await context.cookies()).map((c) => ({
        name: c.name,
        value: c.value,
        domain: c.domain,
        path: c.path,
        secure: c.secure,
        httpOnly: c.httpOnly,
        expires: c.expires < 0 ? null : Math.round(c.expires),
      }))
      const ours = jar.list().map((c) => ({
        name: c.name,
        value: c.value,
        domain: c.domain,
        path: c.path,
        secure: c.secure,
        httpOnly: c.httpOnly,
        expires: c.expiresAtSec ?? null,
      }))
      const byKey = (a: { name: string; path: string }, b: { name: string; path: string }) => `${a.name}|${a.path}`.localeCompare(`${b.name}|${b.path}`)
      // Expiry: Chromium uses the real clock, ours started at the same second; allow the test's own runtime.
      const expiries = (list: typeof ours) => list.sort(byKey).map((c) => c.expires)
      expect(stored.sort(byKey).map((c) => ({ ...c, expires: c.expires !== null }))).toEqual(ours.sort(byKey).map((c) => ({ ...c, expires: c.expires !== null })))
      expiries(stored).forEach((sec, i) => expect(Math.abs((sec ?? 0) - (expiries(ours)[i] ?? 0))).toBeLessThanOrEqual(5))

      for (const probe of scenario.probes) {
        const url = typeof probe === 'string' ? originOf(scenario.site) + probe : originOf(probe[0]) + probe[1]
        await page.goto(url)
        const sent = (await page.textContent('#sent')) ?? ''
        expect(short(jar.cookieHeader(url)), `Cookie header at ${url}`).toBe(short(sent))
        const shown = await page.evaluate(() => document.cookie)
        expect(short(jar.documentCookie(url)), `document.cookie at ${url}`).toBe(short(shown))
      }
      await context.close()
    })
  }
})
