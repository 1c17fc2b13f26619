import { useEffect } from 'react'
import { LAB_HASH, viewFromHash, type View } from '../../state/uiSlice'

/** Keeps the current view in the URL hash (`#/lab` for the Token lab) so it survives reloads and can be linked. */
export function useHashView(view: View, setView: (view: View) => void): void {
  useEffect(() => {
    const sync = () => setView(viewFromHash(window.location.hash))
    sync()
    window.addEventListener('hashchange', sync)
    return () => window.removeEventListener('hashchange', sync)
  }, [setView])

  useEffect(() => {
    const isLab = viewFromHash(window.location.hash) === 'lab'
    if (view === 'lab' && !isLab) window.location.hash = LAB_HASH
    if (view === 'playground' && isLab) history.replaceState(null, '', window.location.pathname + window.location.search)
  }, [view])
}
