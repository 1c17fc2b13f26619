import type { MessageKey, MessageParams } from '../../i18n/t'
import type { AppState } from '../../state/createAppStore'
import { isSignInSuccess, selectSignInFailureAtCursor } from '../../state/selectors'

type HintState = Pick<AppState, 'traces' | 'lastTrace' | 'cursor' | 'playing' | 'runStatus'> & Partial<Pick<AppState, 'runError'>>

/** The one-line "what to do next" for the state the learner is in: it only ever describes what the screen shows. */
export function nextStep(state: HintState): { key: MessageKey; params?: MessageParams } {
  const { lastTrace, runStatus, playing, cursor } = state
  if (runStatus === 'running') return { key: 'app.hint.running' }
  if (runStatus === 'error' && state.runError) return { key: 'app.hint.runError', params: { code: state.runError.code } }
  if (!lastTrace) return { key: 'app.hint.start' }
  const last = lastTrace.events.length - 1
  if (playing && cursor < last) return { key: 'app.hint.playing' }
  // Paused part-way: the outcome is not on screen yet, so the hint must not announce it.
  if (last >= 0 && cursor < 0) return { key: 'app.hint.pausedAtStart', params: { total: last + 1 } }
  if (cursor < last) return { key: 'app.hint.paused', params: { current: cursor + 1, total: last + 1 } }
  const { result } = lastTrace
  switch (result.flow) {
    case 'signIn': {
      const { error, rejectedWith, navigatedTo } = result.value
      if (isSignInSuccess(result.value)) return { key: 'app.hint.signedIn' }
      const failure = selectSignInFailureAtCursor(state)
      // authorize found no user: the one failure the learner fixes in the sign-in form itself.
      if (failure?.code === 'CREDENTIALS_SIGNIN') return { key: 'app.hint.signInFailed', params: { error: error ?? 'CredentialsSignin' } }
      if (failure) return { key: 'app.hint.signInError', params: { code: failure.code } }
      if (navigatedTo) return { key: 'app.hint.signInNavigated', params: { url: navigatedTo } }
      return { key: 'app.hint.signInFailedOther', params: { error: error ?? rejectedWith ?? String(result.value.status) } }
    }
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
      return { key: result.cookieName ? 'app.hint.tampered' : 'app.hint.tamperedNothing' }
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
