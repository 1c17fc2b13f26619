// The buttons the "What to do next" hint can point at: a quoted button name in the hint ("Press “Get
// session”") becomes a link that scrolls to that button and focuses it, so the next action is reachable
// even when it is below the fold (a 1280×720 projector). Each button carries its id from here.
import type { MessageKey } from '../../i18n/t'

export const HINT_TARGETS = [
  { label: 'controls.signIn.submit', id: 'action-sign-in' },
  { label: 'controls.session.get', id: 'action-get-session' },
  { label: 'controls.session.update', id: 'action-update-session' },
  { label: 'controls.session.signOut', id: 'action-sign-out' },
  { label: 'controls.protected.visit', id: 'action-visit-protected-page' },
  { label: 'controls.breakIt.tamper', id: 'action-tamper-cookie' },
  { label: 'controls.breakIt.changeSecret', id: 'action-change-secret' },
  { label: 'controls.breakIt.clear', id: 'action-clear-cookies' },
  { label: 'pipeline.player.skip', id: 'action-skip-animation' },
] as const satisfies readonly { label: MessageKey; id: string }[]

type Target = (typeof HINT_TARGETS)[number]

/** The id of the button a hint can point at, by the message that names it. */
export function hintTargetId(label: Target['label']): Target['id'] {
  return HINT_TARGETS.find((target) => target.label === label)!.id
}

/** Scrolls the button into the middle of the screen (clear of the sticky bar) and focuses it. */
export function focusHintTarget(id: string): void {
  const element = document.getElementById(id)
  if (element) revealAndFocus(element, element)
}

/** Scrolls `shown` into the middle of the screen (instantly under reduced motion) and focuses `focused`. */
export function revealAndFocus(shown: HTMLElement, focused: HTMLElement | null): void {
  const reduced = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false
  shown.scrollIntoView?.({ block: 'center', behavior: reduced ? 'auto' : 'smooth' })
  focused?.focus({ preventScroll: true })
}
