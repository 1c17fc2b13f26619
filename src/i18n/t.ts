// A small typed i18n layer: `t('app.panels.pipeline')` with `{name}` placeholders.
// Only English is in the initial bundle (all of it but the Token lab's texts, which come with the lab's
// chunk: addEnglish); other catalogues arrive by dynamic import (loadLocale) and until then t() stays
// synchronous and falls back to English.
import type { Messages } from './en'
import { enInitial } from './enInitial'

export type DeepPartial<T> = { [K in keyof T]?: T[K] extends string ? string : DeepPartial<T[K]> }

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>
}[keyof T & string]

export type MessageKey = Leaves<Messages>
export type Locale = 'en' | 'zh'
export const LOCALES: readonly Locale[] = ['en', 'zh']
export type MessageParams = Record<string, string | number>
/** A translator: `t('app.panels.pipeline')`, `t('cookieJar.expiresIn', { duration })`. What `useT()` returns and what non-React formatters take. */
export type T = (key: MessageKey, params?: MessageParams) => string

const english: DeepPartial<Messages> = { ...enInitial }
const catalogs: Partial<Record<Locale, DeepPartial<Messages>>> = { en: english }
const loaders: Record<Exclude<Locale, 'en'>, () => Promise<DeepPartial<Messages>>> = {
  zh: () => import('./zh').then((module) => module.zh),
}
const pending = new Map<Locale, Promise<void>>()
const listeners = new Set<() => void>()
let catalogVersion = 0

/** True once `locale`'s catalogue is in memory (English always is). */
export function isLocaleLoaded(locale: Locale): boolean {
  return catalogs[locale] !== undefined
}

/** Fetch `locale`'s catalogue once; listeners hear when it arrives so the screen can re-render in that language. */
export function loadLocale(locale: Locale): Promise<void> {
  if (locale === 'en' || catalogs[locale]) return Promise.resolve()
  let loading = pending.get(locale)
  if (!loading) {
    loading = loaders[locale]().then(
      (catalog) => {
        catalogs[locale] = catalog
        catalogVersion += 1
        for (const listener of listeners) listener()
      },
      (error: unknown) => {
        // Forget the failed attempt so the next switch retries; the caller records the error.
        pending.delete(locale)
        throw error
      },
    )
    pending.set(locale, loading)
  }
  return loading
}

/** Subscribe to catalogue arrivals (for useSyncExternalStore); returns the unsubscribe function. */
export function subscribeToCatalogs(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** Changes each time a catalogue arrives. */
export function getCatalogVersion(): number {
  return catalogVersion
}

function lookup(catalog: unknown, key: string): string | undefined {
  let node: unknown = catalog
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object') return undefined
    node = (node as Record<string, unknown>)[part]
  }
  return typeof node === 'string' ? node : undefined
}

/** Translate `key` into `locale`, falling back to English, and fill `{placeholders}`. */
export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const template = lookup(catalogs[locale], key) ?? lookup(english, key) ?? key
  if (!params) return template
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole))
}

/** True when `key` names a string in the English source (for codes that arrive as data, e.g. `errors.<CODE>`). */
export function hasMessage(key: string): key is MessageKey {
  return lookup(english, key) !== undefined
}

/** Adds an area of English that a lazily loaded screen brings with it; listeners hear it as a new catalogue. */
export function addEnglish(part: Pick<Messages, 'lab'>): void {
  if (english.lab === part.lab) return
  Object.assign(english, part)
  catalogVersion += 1
  for (const listener of listeners) listener()
}
