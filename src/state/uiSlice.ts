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

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  locale: 'en',
  theme: 'system',
  view: 'playground',
  setLocale: (locale) => set({ locale }),
  setTheme: (theme) => set({ theme }),
  setView: (view) => set({ view }),
})
