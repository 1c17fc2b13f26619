import type { MessageKey } from '../../i18n/t'
import type { AppState } from '../../state/createAppStore'
import { isSignInSuccess, selectProtectedPageAtCursor, selectSecretChangedSinceLastRun, selectSignInFailureAtCursor, stepContexts, type DecodeCause, type MissingCookie } from '../../state/selectors'

type HintState = Pick<AppState, 'traces' | 'lastTrace' | 'cursor' | 'playing' | 'runStatus'> & Partial<Pick<AppState, 'runError' | 'lastTraceSecret' | 'config'>>

/** A message and its parameters; a parameter may be a message of its own (a reason) or a cause, worded in turn. */
export interface HintText {
  key: MessageKey
  params?: Record<string, HintParam>
}
/** `cause`: what the earlier runs say caused it (see StepContext), worded by causeText. */
export type HintParam = string | number | HintText | { cause: DecodeCause | MissingCookie }

/** The one-line "what to do next" for the state the learner is in: it only ever describes what the screen shows. */
export function nextStep(state: HintState): HintText {
  const { lastTrace, runStatus, playing, cursor } = state
  if (runStatus === 'running') return { key: 'app.hint.running' }
  if (runStatus === 'error' && state.runError) return { key: 'app.hint.runError', params: { code: state.runError.code } }
  if (!lastTrace) return { key: 'app.hint.start' }
  const last = lastTrace.events.length - 1
  if (playing && cursor < last) return { key: 'app.hint.playing' }
  // Paused part-way: the outcome is not on screen yet, so the hint must not announce it.
  if (last >= 0 && cursor < 0) return { key: 'app.hint.pausedAtStart', params: { total: last + 1 } }
  if (cursor < last) return { key: 'app.hint.paused', params: { current: cursor + 1, total: last + 1 } }
  // A new secret makes no trace, but it decides what the next request does with the cookie in the jar.
  if (state.config && state.lastTraceSecret !== undefined && selectSecretChangedSinceLastRun({ lastTrace, lastTraceSecret: state.lastTraceSecret, config: state.config })) return { key: 'app.hint.secretChanged' }
  const { result } = lastTrace
  const started = lastTrace.events[0]
  const tokenModel = started?.kind === 'flow.started' ? started.tokenModel : 'real'
  switch (result.flow) {
    case 'signIn': {
      const { error, rejectedWith, navigatedTo } = result.value
      if (isSignInSuccess(result.value)) return { key: tokenModel === 'simplified-hs256' ? 'app.hint.signedInSigned' : lastTrace.flavor === 'authjs' ? 'app.hint.signedInAuthjs' : 'app.hint.signedIn' }
      const failure = selectSignInFailureAtCursor(state)
      // authorize found no user: the one failure the learner fixes in the sign-in form itself.
      if (failure?.code === 'CREDENTIALS_SIGNIN') return { key: 'app.hint.signInFailed', params: { error: error ?? 'CredentialsSignin' } }
      if (failure) return { key: 'app.hint.signInError', params: { code: failure.code } }
      if (navigatedTo) return { key: 'app.hint.signInNavigated', params: { url: navigatedTo } }
      return { key: 'app.hint.signInFailedOther', params: { error: error ?? rejectedWith ?? String(result.value.status) } }
    }
    case 'getSession':
    case 'updateSession': {
      if (result.status === 'authenticated') return { key: 'app.hint.authenticated' }
      // Say why, when the run and the earlier ones tell it: the cookie was gone, or it did not open.
      const contexts = stepContexts(state.traces, lastTrace)
      const missing = contexts.find((context, i) => context.missingCookie && lastTrace.events[i]?.kind === 'cookies.read')?.missingCookie
      if (missing && missing.how !== 'never-set') return { key: 'app.hint.noSessionCookie', params: { cause: { cause: missing } } }
      const broken = contexts.find((context, i) => context.decodeCause && lastTrace.events[i]?.kind === 'jwt.decodeFailed')?.decodeCause
      if (broken) return { key: 'app.hint.noSessionDecode', params: { cause: { cause: broken } } }
      return { key: 'app.hint.unauthenticated' }
    }
    case 'signOut':
      return { key: 'app.hint.signedOut' }
    case 'visitProtectedPage': {
      const page = selectProtectedPageAtCursor(state)
      const middleware: HintText = { key: `app.hint.middleware.${lastTrace.flavor}` }
      if (!page || page.authorized) return { key: 'app.hint.protectedAllowed', params: { middleware, path: page?.path ?? '/' } }
      const cause = page.decodeCause ?? page.missingCookie
      const reason: HintText = { key: `controls.protected.nullReason.${page.nullReason ?? 'no-cookie'}`, params: { cookieName: page.cookieName ?? '' } }
      return { key: 'app.hint.protectedRedirected', params: { middleware, url: page.redirectTo ?? '', reason: cause ? { key: 'pipeline.withCause', params: { sentence: reason, cause: { cause } } } : reason } }
    }
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
