import { useCallback } from 'react'
import { useAppStore } from '../state/useAppStore'
import { translate, type MessageKey, type MessageParams } from './t'

/** The `t()` function for the current locale. */
export function useT(): (key: MessageKey, params?: MessageParams) => string {
  const locale = useAppStore((s) => s.locale)
  return useCallback((key, params) => translate(locale, key, params), [locale])
}
