import type { StateCreator } from 'zustand'
import type { Locale } from '../i18n/t'
import type { AppState } from './createAppStore'

export type ThemeChoice = 'system' | 'light' | 'dark'
export type View = 'playground' | 'lab'

export interface UiSlice {
  locale: Locale
  theme: ThemeChoice
  view: View
  setLocale: (locale: Locale) => void
  setTheme: (theme: ThemeChoice) => void
  setView: (view: View) => void
}

/** The hash that opens the Token lab. */
export const LAB_HASH = '#/lab'

/** The view a URL hash opens: `#/lab…` is the Token lab, anything else the playground. */
export function viewFromHash(hash: string): View {
  return hash.startsWith(LAB_HASH) ? 'lab' : 'playground'
}

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  locale: 'en',
  theme: 'system',
  // The view a link opens (kept in sync by the shell's useHashView).
  view: typeof location === 'undefined' ? 'playground' : viewFromHash(location.hash),
  setLocale: (locale) => set({ locale }),
  setTheme: (theme) => set({ theme }),
  setView: (view) => set({ view }),
})
