// The handler's options for one request, as `init` works them out: site URL and base path
// (next-auth/utils/parse-url.js), secure cookies, the cookie table, the secret (with v4's unstable
// development fallback, next-auth/core/lib/utils.js `createSecret`) and the two lifetimes.
import { EngineError } from '../errors'
import { resolveCookies, type ResolvedCookies } from './ports'
import type { ConfigNote } from '../trace'
import { BASE_PATH, DEFAULT_MAX_AGE_SEC, DEFAULT_ORIGIN } from './constants'
import type { FlowContext } from './flowContext'
import type { PlaygroundConfig } from './types'

export interface SiteUrl {
  origin: string
  /** e.g. `/api/auth` */
  path: string
  /** origin + path, what v4 calls `url` (`${url}/signin?csrf=true`). */
  base: string
}

export interface ResolvedOptions {
  url: SiteUrl
  useSecureCookies: boolean
  cookies: ResolvedCookies
  /** The secret the handler uses; undefined when none is configured and there is no fallback. */
  secret: string | string[] | undefined
  secretSource: 'config' | 'fallback' | 'none'
  sessionMaxAgeSec: number
  jwtMaxAgeSec: number
  /** Where the sign-in encode's maxAge comes from. */
  jwtMaxAgeFrom: 'jwt.maxAge' | 'session.maxAge' | 'default'
  updateAgeSec: number
  notes: ConfigNote[]
}

const parsedSiteUrls = new Map<string, SiteUrl>()

/**
 * v4 `parseUrl`: a URL without scheme gets `https://`; a bare origin gets the default `/api/auth` path.
 * A URL that does not parse (e.g. `http://`) throws `EngineError('CONFIG_INVALID')`, the real `new URL`'s TypeError as cause.
 */
export function parseSiteUrl(siteUrl: string): SiteUrl {
  const parsed = siteUrlOrError(siteUrl)
  if (parsed instanceof EngineError) throw parsed
  return parsed
}

/** `parseSiteUrl`, returning the error instead of throwing it. */
export function siteUrlOrError(siteUrl: string): SiteUrl | EngineError {
  let parsed = parsedSiteUrls.get(siteUrl)
  if (!parsed) {
    // A handful of site URLs per session; the cache only saves re-parsing them on every request.
    if (parsedSiteUrls.size > 32) parsedSiteUrls.clear()
    try {
      parsed = parseSiteUrlUncached(siteUrl)
    } catch (cause) {
      return new EngineError('CONFIG_INVALID', `the site URL ${JSON.stringify(siteUrl)} does not parse: ${(cause as Error).message}`, { cause, details: { setting: 'siteUrl', value: siteUrl } })
    }
    parsedSiteUrls.set(siteUrl, parsed)
  }
  return parsed
}

function parseSiteUrlUncached(siteUrl: string): SiteUrl {
  let raw = siteUrl.trim() || DEFAULT_ORIGIN
  if (!raw.startsWith('http')) raw = `https://${raw}`
  const url = new URL(raw)
  const path = (url.pathname === '/' ? BASE_PATH : url.pathname).replace(/\/$/, '')
  return { origin: url.origin, path, base: `${url.origin}${path}` }
}

export function hasSecret(secret: PlaygroundConfig['secret']): boolean {
  return Array.isArray(secret) ? secret.some((s) => s !== '') : secret !== ''
}

/**
 * The configured secret as each library reads it: v4 has one secret (the first of a list); Auth.js
 * keeps the list as it is, empty entries included (they join the CSRF hash's `${secret}` as "a,", and
 * an empty first secret cannot encode).
 */
function configuredSecret(config: PlaygroundConfig): string | string[] | undefined {
  if (!hasSecret(config.secret)) return undefined
  if (!Array.isArray(config.secret)) return config.secret
  return config.flavor === 'next-auth-v4' ? config.secret.find((s) => s !== '') : config.secret
}

export async function resolveOptions(ctx: FlowContext): Promise<ResolvedOptions> {
  ctx.options ??= await computeOptions(ctx)
  return ctx.options
}

async function computeOptions(ctx: FlowContext): Promise<ResolvedOptions> {
  const { config } = ctx
  const url = parseSiteUrl(config.siteUrl)
  const useSecureCookies = config.useSecureCookies ?? url.base.startsWith('https://')
  const cookies = resolveCookies(config.flavor, useSecureCookies, config.cookies)
  const notes: ConfigNote[] = ['update-age-ignored']
  if (config.tokenModel === 'simplified-hs256') notes.push('simplified-token-model')
  if (config.flavor === 'next-auth-v4' && Array.isArray(config.secret) && config.secret.length > 1) notes.push('secret-array-ignored')

  let secret = configuredSecret(config)
  let secretSource: ResolvedOptions['secretSource'] = secret === undefined ? 'none' : 'config'
  if (secret === undefined) {
    if (config.flavor === 'next-auth-v4' && config.nodeEnv === 'development') {
      secret = await fallbackSecret(config, url)
      secretSource = 'fallback'
      notes.push('fallback-secret-unstable')
    } else notes.push('secret-missing')
  }

  const sessionMaxAgeSec = config.session.maxAge
  // v4: jwt.maxAge defaults to the 30-day constant; Auth.js: to session.maxAge.
  const jwtMaxAgeFrom: ResolvedOptions['jwtMaxAgeFrom'] = config.jwt.maxAge !== undefined ? 'jwt.maxAge' : config.flavor === 'authjs' ? 'session.maxAge' : 'default'
  const jwtMaxAgeSec = config.jwt.maxAge ?? (config.flavor === 'authjs' ? sessionMaxAgeSec : DEFAULT_MAX_AGE_SEC)
  if (config.flavor === 'next-auth-v4' && jwtMaxAgeSec !== sessionMaxAgeSec) notes.push('jwt-max-age-differs')

  return { url, useSecureCookies, cookies, secret, secretSource, sessionMaxAgeSec, jwtMaxAgeSec, jwtMaxAgeFrom, updateAgeSec: config.session.updateAge, notes }
}

/**
 * v4 without a secret in development: the SHA-256 hex of `JSON.stringify({ ...url, ...authOptions })`
 * (functions such as callbacks drop out of the JSON). Any change to the options gives another secret,
 * so every CSRF cookie and session token made before stops verifying. Measured with next-auth@4.24.15:
 * stable from one request to the next while the options stay the same.
 */
async function fallbackSecret(config: PlaygroundConfig, url: SiteUrl): Promise<string> {
  const { users: _users, callbacks: _callbacks, tokenModel: _tokenModel, ...options } = config
  const material = JSON.stringify({ ...url, ...options })
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(material))
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('')
}
