import { useCallback, useEffect, useSyncExternalStore } from 'react'
import { useAppStore } from '../state/useAppStore'
import { getCatalogVersion, loadLocale, subscribeToCatalogs, translate, type T } from './t'

/** The `t()` function for the current locale: English until that locale's catalogue has loaded, then a re-render. */
export function useT(): T {
  const locale = useAppStore((s) => s.locale)
  const version = useSyncExternalStore(subscribeToCatalogs, getCatalogVersion, getCatalogVersion)
  useEffect(() => {
    loadLocale(locale).catch((error: unknown) => {
      // The screen stays in English; surface the failure for developers instead of swallowing it.
      console.error(error)
    })
  }, [locale])
  // `version` is a dependency so a newly arrived catalogue yields a new t() and memoised text recomputes.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useCallback((key, params) => translate(locale, key, params), [locale, version])
}
