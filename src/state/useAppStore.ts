import { useStore } from 'zustand'
import { createAppStore, type AppState } from './createAppStore'

/** The app's single store instance. */
export const appStore = createAppStore()

export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(appStore, selector)
}
