// The configuration survives a reload (without the secret), and a corrupt save never breaks the start.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DEMO_SECRET, defaultPlaygroundConfig } from '../../src/engine'
import { CONFIG_STORAGE_KEY, loadSavedConfig } from '../../src/state/configSlice'
import { createAppStore } from '../../src/state/createAppStore'

/** A Storage backed by a Map, as the browser's localStorage behaves. */
function memoryStorage(): Storage {
  const items = new Map<string, string>()
  return {
    get length() {
      return items.size
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, String(value)),
  }
}

describe('configuration kept across reloads', () => {
  beforeEach(() => {
    Object.defineProperty(globalThis, 'localStorage', { value: memoryStorage(), configurable: true })
  })
  afterEach(() => {
    delete (globalThis as { localStorage?: Storage }).localStorage
  })

  it('restores users, library and lifetimes in a new store, and its engine uses them', () => {
    const users = [{ id: 'g', name: 'Grace', email: 'grace@example.com', password: 'cobol' }]
    const first = createAppStore().getState()
    first.setConfig({ users, flavor: 'authjs', session: { ...first.config.session, maxAge: 60 }, secret: 'my-real-secret' })
    const reloaded = createAppStore().getState()
    expect(reloaded.config).toMatchObject({ users, flavor: 'authjs', session: { maxAge: 60 } })
    expect(reloaded.playground.getConfig()).toMatchObject({ users, flavor: 'authjs', session: { maxAge: 60 } })
  })

  it('never saves the secret: a reload starts with the demo secret', () => {
    createAppStore().getState().setConfig({ secret: 'my-real-secret' })
    expect(localStorage.getItem(CONFIG_STORAGE_KEY)).not.toContain('my-real-secret')
    expect(createAppStore().getState().config.secret).toBe(DEMO_SECRET)
  })

  it('keeps the default for every field that is missing, corrupt or out of range', () => {
    localStorage.setItem(CONFIG_STORAGE_KEY, JSON.stringify({ flavor: 'nope', nodeEnv: 'production', session: { maxAge: -1 }, users: [{ email: 1 }], siteUrl: 'ftp://x' }))
    const defaults = defaultPlaygroundConfig()
    expect(loadSavedConfig()).toEqual({ ...defaults, nodeEnv: 'production' })
    localStorage.setItem(CONFIG_STORAGE_KEY, '{not json')
    expect(loadSavedConfig()).toEqual(defaults)
  })

  it('keeps the default for a site URL that does not parse and cookie overrides NextAuth would refuse', () => {
    const defaults = defaultPlaygroundConfig()
    for (const cookies of [{ sessionToken: { name: 'my@session' } }, { sessionToken: 'my-session' }, ['sessionToken']]) {
      localStorage.setItem(CONFIG_STORAGE_KEY, JSON.stringify({ siteUrl: 'http://', cookies }))
      expect(loadSavedConfig()).toEqual(defaults)
    }
    const cookies = { sessionToken: { name: 'my-session', options: { path: '/' } } }
    localStorage.setItem(CONFIG_STORAGE_KEY, JSON.stringify({ siteUrl: 'https://example.com', cookies }))
    expect(loadSavedConfig()).toMatchObject({ siteUrl: 'https://example.com', cookies })
  })

  it('reads the saved configuration once per store, for the panels and the engine alike', () => {
    localStorage.setItem(CONFIG_STORAGE_KEY, JSON.stringify({ nodeEnv: 'production' }))
    const reads = vi.spyOn(localStorage, 'getItem')
    const state = createAppStore().getState()
    expect(reads.mock.calls.filter(([key]) => key === CONFIG_STORAGE_KEY)).toHaveLength(1)
    expect(state.config.nodeEnv).toBe('production')
    expect(state.playground.getConfig()).toEqual(state.config)
  })

  it('gives the editors the saved library’s starting code', () => {
    createAppStore().getState().setConfig({ flavor: 'authjs' })
    expect(createAppStore().getState().editorCode.authorize).toContain('@auth/core/providers/credentials')
  })
})
