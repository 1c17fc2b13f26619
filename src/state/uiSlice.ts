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

/** The view a link opens: `#/lab` is the Token lab (kept in sync by the shell's useHashView). */
function viewFromLocation(): View {
  return typeof location !== 'undefined' && location.hash.startsWith('#/lab') ? 'lab' : 'playground'
}

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  locale: 'en',
  theme: 'system',
  view: viewFromLocation(),
  setLocale: (locale) => set({ locale }),
  setTheme: (theme) => set({ theme }),
  setView: (view) => set({ view }),
})
