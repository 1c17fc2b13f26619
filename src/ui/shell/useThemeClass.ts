import { useEffect } from 'react'
import type { ThemeChoice } from '../../state/uiSlice'

/** Puts `dark` on <html> when the chosen theme (or, for "system", the OS) is dark. */
export function useThemeClass(theme: ThemeChoice): void {
  useEffect(() => {
    const media = window.matchMedia('(prefers-color-scheme: dark)')
    const apply = () => {
      const dark = theme === 'dark' || (theme === 'system' && media.matches)
      document.documentElement.classList.toggle('dark', dark)
    }
    apply()
    media.addEventListener('change', apply)
    return () => media.removeEventListener('change', apply)
  }, [theme])
}
