import type { MessageKey, MessageParams } from '../../i18n/t'
import type { AppState } from '../../state/createAppStore'

/** The one-line "what to do next" for the state the learner is in. */
export function nextStep(state: Pick<AppState, 'traces' | 'lastTrace' | 'cursor' | 'playing' | 'runStatus'>): { key: MessageKey; params?: MessageParams } {
  const { lastTrace, runStatus, playing } = state
  if (runStatus === 'running') return { key: 'app.hint.running' }
  if (!lastTrace) return { key: 'app.hint.start' }
  if (playing && state.cursor < lastTrace.events.length - 1) return { key: 'app.hint.playing' }
  const { result } = lastTrace
  switch (result.flow) {
    case 'signIn':
      return result.value.ok && result.value.error === null && !result.value.rejectedWith
        ? { key: 'app.hint.signedIn' }
        : { key: 'app.hint.signInFailed', params: { error: result.value.error ?? result.value.rejectedWith ?? String(result.value.status) } }
    case 'getSession':
    case 'updateSession':
      return { key: result.status === 'authenticated' ? 'app.hint.authenticated' : 'app.hint.unauthenticated' }
    case 'signOut':
      return { key: 'app.hint.signedOut' }
    case 'visitProtectedPage':
      return { key: 'app.hint.protectedPage' }
    case 'advanceClock':
      return { key: 'app.hint.clockAdvanced' }
    case 'tamperSessionCookie':
      return { key: 'app.hint.tampered' }
    case 'clearCookies':
      return { key: 'app.hint.cleared' }
    case 'getCsrfToken':
      return { key: 'app.hint.start' }
    default: {
      const unknown: never = result
      throw new TypeError(`no hint for ${JSON.stringify(unknown)}`)
    }
  }
}
