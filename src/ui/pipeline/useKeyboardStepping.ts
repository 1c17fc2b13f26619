import { useEffect } from 'react'

interface KeyboardActions {
  enabled: boolean
  togglePlay: () => void
  stepBack: () => void
  stepForward: () => void
}

/** Where keys belong to the control under focus (typing, editors, buttons, sliders), not to the player. */
function ownsKey(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable || target.closest('.monaco-editor, [role="textbox"], [role="slider"], [role="tablist"], [role="menu"], [role="listbox"]')) return true
  const tag = target.tagName
  if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') return true
  // Space activates the focused button or link itself; arrows stay ours.
  return key === ' ' && (tag === 'BUTTON' || tag === 'A' || tag === 'SUMMARY')
}

/** Space plays or pauses, ← and → step, anywhere on the page except inside a control that uses those keys. */
export function useKeyboardStepping({ enabled, togglePlay, stepBack, stepForward }: KeyboardActions): void {
  useEffect(() => {
    if (!enabled) return
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return
      if (event.key !== ' ' && event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return
      if (ownsKey(event.target, event.key)) return
      event.preventDefault()
      if (event.key === ' ') togglePlay()
      else if (event.key === 'ArrowLeft') stepBack()
      else stepForward()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [enabled, togglePlay, stepBack, stepForward])
}
