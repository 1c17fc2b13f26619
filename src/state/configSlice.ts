// The playground's configuration (NextAuthOptions for the credentials provider with JWT sessions).
// The store keeps a copy for the panels; every change is passed on to the engine's playground.
import type { StateCreator } from 'zustand'
import { defaultPlaygroundConfig, type PlaygroundConfig } from '../engine/index'
import type { AppState } from './createAppStore'

export interface ConfigSlice {
  config: PlaygroundConfig
  /** Shallow-merges `patch` into the configuration; the next request uses it. */
  setConfig: (patch: Partial<PlaygroundConfig>) => void
}

export const createConfigSlice: StateCreator<AppState, [], [], ConfigSlice> = (set, get) => ({
  config: defaultPlaygroundConfig(),
  setConfig: (patch) => {
    const { playground, config } = get()
    playground.setConfig(patch)
    set({ config: { ...playground.getConfig() } })
    // The editors switch to the other library's starting code unless the learner changed it.
    if (patch.flavor && patch.flavor !== config.flavor) get().adoptFlavorStarters(patch.flavor)
  },
})
