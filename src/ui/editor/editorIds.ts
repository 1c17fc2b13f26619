// Where each callback's editor is on the page: its heading's id, which also names the editor's group.
// Kept apart from the editors (a lazy chunk) so the sign-in form can point at one without loading them.
import type { SandboxCallbackName } from '../../engine/index'

export function editorHeadingId(name: SandboxCallbackName): string {
  return `editor-heading-${name}`
}
