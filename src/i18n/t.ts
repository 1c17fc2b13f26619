// A small typed i18n layer: `t('app.panels.pipeline')` with `{name}` placeholders.
import { en, type Messages } from './en'
import { zh } from './zh'

export type DeepPartial<T> = { [K in keyof T]?: T[K] extends string ? string : DeepPartial<T[K]> }

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>
}[keyof T & string]

export type MessageKey = Leaves<Messages>
export type Locale = 'en' | 'zh'
export const LOCALES: readonly Locale[] = ['en', 'zh']
export type MessageParams = Record<string, string | number>

const catalogs: Record<Locale, DeepPartial<Messages>> = { en, zh }

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
  const template = lookup(catalogs[locale], key) ?? lookup(en, key) ?? key
  if (!params) return template
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole))
}

/** True when `key` names a string in the English source (for codes that arrive as data, e.g. `errors.<CODE>`). */
export function hasMessage(key: string): key is MessageKey {
  return lookup(en, key) !== undefined
}
