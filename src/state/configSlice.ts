// The playground's configuration (NextAuthOptions for the credentials provider with JWT sessions).
// The store keeps a copy for the panels; every change is passed on to the engine's playground. It is
// kept across reloads in localStorage (an instructor's prepared users and settings survive), except
// the secret: a learner may paste a real one, and it should not outlive the tab.
import type { StateCreator } from 'zustand'
import { defaultPlaygroundConfig, isCookieName, type MockUser, type PlaygroundConfig } from '../engine/index'
import type { AppState } from './createAppStore'
import { storage } from './storage'

/** Where the configuration (without the secret) is saved. */
export const CONFIG_STORAGE_KEY = 'nextauth-playground:config:v1'

export interface ConfigSlice {
  config: PlaygroundConfig
  /** Shallow-merges `patch` into the configuration; the next request uses it. */
  setConfig: (patch: Partial<PlaygroundConfig>) => void
}


const FLAVORS = new Set<unknown>(['next-auth-v4', 'authjs'])
const TOKEN_MODELS = new Set<unknown>(['real', 'simplified-hs256'])
const NODE_ENVS = new Set<unknown>(['development', 'production'])

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value)
const isPositive = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value > 0

export function isUserList(value: unknown): value is MockUser[] {
  return Array.isArray(value) && value.every((user) => isRecord(user) && typeof user.email === 'string' && typeof user.password === 'string')
}

/** Whether `value` parses as an http: or https: URL (what NEXTAUTH_URL may be). */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:'
  } catch {
    // Not a URL at all.
    return false
  }
}

export type CookieOverrides = NonNullable<PlaygroundConfig['cookies']>

/** What is wrong with a cookie override, first problem only: the panel words it. */
export type CookieOverridesProblem = { problem: 'not-object' } | { problem: 'not-entry'; key: string } | { problem: 'bad-name'; key: string; name: string }

/**
 * `NextAuthOptions.cookies` as typed: an object of `{ name, options }` entries whose names NextAuth's
 * cookie serialiser accepts (isCookieName); the first problem otherwise.
 */
export function parseCookieOverrides(value: unknown): ({ ok: true; value: CookieOverrides }) | ({ ok: false } & CookieOverridesProblem) {
  if (!isRecord(value)) return { ok: false, problem: 'not-object' }
  for (const [key, entry] of Object.entries(value)) {
    if (!isRecord(entry)) return { ok: false, problem: 'not-entry', key }
    const { name } = entry
    if (name !== undefined && (typeof name !== 'string' || !isCookieName(name))) return { ok: false, problem: 'bad-name', key, name: String(name) }
  }
  return { ok: true, value: value as CookieOverrides }
}

/**
 * The default configuration with what was saved laid over it, field by field: a missing, corrupt or
 * out-of-range field keeps its default, and the secret is always the default one.
 */
export function loadSavedConfig(): PlaygroundConfig {
  const config = defaultPlaygroundConfig()
  let saved: unknown
  try {
    saved = JSON.parse(storage()?.getItem(CONFIG_STORAGE_KEY) ?? 'null')
  } catch {
    return config
  }
  if (!isRecord(saved)) return config
  if (FLAVORS.has(saved.flavor)) config.flavor = saved.flavor as PlaygroundConfig['flavor']
  if (TOKEN_MODELS.has(saved.tokenModel)) config.tokenModel = saved.tokenModel as PlaygroundConfig['tokenModel']
  if (NODE_ENVS.has(saved.nodeEnv)) config.nodeEnv = saved.nodeEnv as PlaygroundConfig['nodeEnv']
  if (typeof saved.siteUrl === 'string' && isHttpUrl(saved.siteUrl)) config.siteUrl = saved.siteUrl
  if (isRecord(saved.session) && isPositive(saved.session.maxAge)) config.session = { ...config.session, maxAge: saved.session.maxAge }
  if (isRecord(saved.jwt)) config.jwt = isPositive(saved.jwt.maxAge) ? { maxAge: saved.jwt.maxAge } : {}
  const cookies = parseCookieOverrides(saved.cookies)
  if (cookies.ok) config.cookies = cookies.value
  if (isUserList(saved.users)) config.users = saved.users
  return config
}

function saveConfig(config: PlaygroundConfig): void {
  const { secret: _secret, ...kept } = config
  try {
    storage()?.setItem(CONFIG_STORAGE_KEY, JSON.stringify(kept))
  } catch {
    // Quota exceeded or storage refused: the configuration stays in memory until the tab closes.
  }
}

/** The slice, starting from `saved` (loadSavedConfig(), read once per store and shared with the run slice's playground). */
export const createConfigSlice = (saved: PlaygroundConfig): StateCreator<AppState, [], [], ConfigSlice> => (set, get) => ({
  config: saved,
  setConfig: (patch) => {
    const { playground, config } = get()
    playground.setConfig(patch)
    const next = { ...playground.getConfig() }
    set({ config: next })
    saveConfig(next)
    // The editors switch to the other library's starting code unless the learner changed it.
    if (patch.flavor && patch.flavor !== config.flavor) get().adoptFlavorStarters(patch.flavor)
  },
})
