import { useEffect } from 'react'

interface KeyboardActions {
  enabled: boolean
  /**
   * A run is playing, or paused part-way: Space then plays or pauses wherever the focus is (except a
   * field that types or toggles), and the focused button is not pressed. At the end of a run Space
   * presses the focused button again, as everywhere else.
   */
  claimSpace: boolean
  togglePlay: () => void
  stepBack: () => void
  stepForward: () => void
}

/** Where keys belong to the control under focus (typing, editors, buttons, sliders), not to the player. */
function ownsKey(target: EventTarget | null, key: string, claimSpace: boolean): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable || target.closest('.monaco-editor, [role="textbox"], [role="slider"], [role="tablist"], [role="menu"], [role="listbox"]')) return true
  const tag = target.tagName
  if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') return true
  // Space activates the focused button or link itself unless there is a run to play or pause; arrows stay ours.
  return key === ' ' && !claimSpace && (tag === 'BUTTON' || tag === 'A' || tag === 'SUMMARY')
}

/** Space plays or pauses, ← and → step, anywhere on the page except inside a control that uses those keys. */
export function useKeyboardStepping({ enabled, claimSpace, togglePlay, stepBack, stepForward }: KeyboardActions): void {
  useEffect(() => {
    if (!enabled) return
    // A Space taken for the player: its keyup must not press the focused button either.
    let spaceTaken = false
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return
      if (event.key !== ' ' && event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return
      if (ownsKey(event.target, event.key, claimSpace)) return
      event.preventDefault()
      if (event.key === ' ') {
        spaceTaken = true
        // Held down, Space repeats: play or pause once.
        if (!event.repeat) togglePlay()
      } else if (event.key === 'ArrowLeft') stepBack()
      else stepForward()
    }
    const onKeyUp = (event: KeyboardEvent) => {
      if (event.key !== ' ' || !spaceTaken) return
      spaceTaken = false
      event.preventDefault()
    }
    window.addEventListener('keydown', onKeyDown)
    window.addEventListener('keyup', onKeyUp)
    return () => {
      window.removeEventListener('keydown', onKeyDown)
      window.removeEventListener('keyup', onKeyUp)
    }
  }, [enabled, claimSpace, togglePlay, stepBack, stepForward])
}
