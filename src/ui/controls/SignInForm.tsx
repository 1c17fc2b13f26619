import { useId, useState, type FormEvent } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useT } from '../../i18n/useT'
import { useAppStore } from '../../state/useAppStore'
import { hasMessage, type T } from '../../i18n/t'
import { SANDBOX_TIMEOUT_MS } from '../../state/runSlice'
import { isSignInSuccess, selectSignInFailureViewAtCursor, selectSignInOutcomeAtCursor, type FailureOutcome, type SignInFailureView } from '../../state/selectors'
import { Button, fieldClass, Hint, SubHeading } from '../shared/Button'
import { dateTimeText } from '../shared/dateText'
import { hintTargetId, revealAndFocus } from '../shared/hintTargets'
import { ErrorExplanation } from '../shared/ErrorExplanation'
import { JsonView } from '../shared/JsonView'
import { withoutFullStop } from '../shared/sentenceText'
import { editorHeadingId } from '../editor/editorIds'
import type { SandboxCallbackName } from '../../engine/index'

/**
 * The credentials sign-in form, pre-filled with the first mock user, and what signIn() resolved to.
 * While the learner has not edited the fields, they follow the first user when the users change.
 */
export function SignInForm() {
  const t = useT()
  const id = useId()
  const firstUser = useAppStore((s) => s.config.users[0])
  const { signIn, isNewcomer, running } = useAppStore(useShallow((s) => ({ signIn: s.signIn, isNewcomer: s.traces.length === 0, running: s.runStatus === 'running' })))
  const [email, setEmail] = useState(firstUser?.email ?? '')
  const [password, setPassword] = useState(firstUser?.password ?? '')
  const [callbackUrl, setCallbackUrl] = useState('')
  const [filledFrom, setFilledFrom] = useState(firstUser)
  if (firstUser !== filledFrom) {
    // "Apply users" changed the first user: refill the form unless the learner typed something else.
    if (email === (filledFrom?.email ?? '') && password === (filledFrom?.password ?? '')) {
      setEmail(firstUser?.email ?? '')
      setPassword(firstUser?.password ?? '')
    }
    setFilledFrom(firstUser)
  }
  const prefilled = firstUser !== undefined && email === firstUser.email && password === firstUser.password

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (running) return
    void signIn(email, password, callbackUrl.trim() === '' ? undefined : callbackUrl.trim())
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-2" aria-labelledby={`${id}-title`}>
      <SubHeading id={`${id}-title`}>{t('controls.signIn.title')}</SubHeading>
      <div className="grid grid-cols-[auto_minmax(0,1fr)] items-center gap-x-2 gap-y-1.5 text-sm">
        <label htmlFor={`${id}-email`}>{t('controls.signIn.email')}</label>
        <input id={`${id}-email`} className={fieldClass} type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} />
        <label htmlFor={`${id}-password`}>{t('controls.signIn.password')}</label>
        <input id={`${id}-password`} className={fieldClass} type="text" autoComplete="off" spellCheck={false} value={password} onChange={(e) => setPassword(e.target.value)} />
        <label htmlFor={`${id}-callback`}>{t('controls.signIn.callbackUrl')}</label>
        <input id={`${id}-callback`} className={fieldClass} type="text" placeholder="/dashboard" aria-describedby={`${id}-callback-hint`} value={callbackUrl} onChange={(e) => setCallbackUrl(e.target.value)} />
      </div>
      <Hint id={`${id}-callback-hint`}>{t('controls.signIn.callbackUrlHint')}</Hint>
      {firstUser && <Hint>{t(prefilled ? 'controls.signIn.demoHint' : 'controls.signIn.demoHintEdited', { email: firstUser.email })}</Hint>}
      <Button id={hintTargetId('controls.signIn.submit')} type="submit" variant="primary" busy={running} className={`mt-1 py-2 text-base ${isNewcomer ? 'shadow-lg ring-4 shadow-indigo-500/30 ring-indigo-300 dark:ring-indigo-700' : ''}`}>
        {t('controls.signIn.submit')}
      </Button>
      <p className="font-mono text-[11px] text-slate-600 dark:text-slate-400">{t('controls.signIn.call')}</p>
      <SignInResult />
    </form>
  )
}

/**
 * The value `signIn()` resolved to at the current step, verbatim (`CredentialsSignin` included):
 * `undefined` when the client navigated instead, nothing when the promise rejected, and why it failed,
 * root cause first. A result from an earlier run says so, greyed once a later run ended its session.
 */
function SignInResult() {
  const t = useT()
  const outcome = useAppStore(selectSignInOutcomeAtCursor)
  const failure = useAppStore(selectSignInFailureViewAtCursor)
  if (!outcome) return null
  const { value: result, fromThisRun, runStartedAtSec, sessionEndedSince } = outcome
  const { rejectedWith, navigatedTo, ...value } = result
  const success = isSignInSuccess(result)
  const summary = navigatedTo
    ? t('controls.signIn.navigated', { url: navigatedTo })
    : rejectedWith
      ? t('controls.signIn.rejected', { message: rejectedWith })
      : success
        ? t('controls.signIn.resultOk')
        : t('controls.signIn.resultFailed', { error: result.error ?? String(result.status) })
  const tone = sessionEndedSince ? 'text-slate-600 dark:text-slate-400' : success ? 'text-emerald-700 dark:text-emerald-300' : 'text-rose-700 dark:text-rose-300'
  return (
    <div className={`flex flex-col gap-1 ${sessionEndedSince ? 'opacity-80' : ''}`} data-testid="signin-result" data-stale={sessionEndedSince || undefined}>
      {!fromThisRun && <p className="text-xs text-slate-600 dark:text-slate-400">{t('controls.signIn.lastResult', { time: dateTimeText(runStartedAtSec, t) })}</p>}
      <p className={`text-sm font-medium ${tone}`}>{summary}</p>
      {sessionEndedSince && <p className="text-xs text-slate-600 dark:text-slate-400">{t('controls.signIn.sessionEndedSince')}</p>}
      {/* A rejected promise has no value to show; a navigation resolved to undefined. */}
      {rejectedWith ? <Hint>{t('controls.signIn.rejectedNote')}</Hint> : <JsonView value={navigatedTo ? undefined : value} label={t('controls.signIn.resultTitle')} maxHeightClass="max-h-40" />}
      {failure && (
        <div className="mt-1">
          <p className="mb-1 text-sm font-semibold">{t('controls.signIn.whyFailed')}</p>
          {failure.callback ? <CallbackRootCause failure={failure} callback={failure.callback} t={t} /> : <ErrorExplanation error={failure.error} />}
        </div>
      )}
    </div>
  )
}

type CallbackFailureView = NonNullable<SignInFailureView['callback']>

/** The callback's own failure first (code, message, line:column), then what NextAuth did with it. */
function CallbackRootCause({ failure, callback, t }: { failure: SignInFailureView; callback: CallbackFailureView; t: T }) {
  const { error, editor } = callback
  const label = editor ? t(`editor.names.${editor}`) : t('controls.signIn.rootCause.callbackName', { name: callback.name })
  const fix = `errors.${error.code}.fix`
  return (
    <div className="rounded-md border border-rose-300 bg-rose-50 p-3 text-sm text-rose-950 dark:border-rose-800 dark:bg-rose-950/40 dark:text-rose-100" data-testid="signin-root-cause">
      <p className="font-semibold [overflow-wrap:anywhere]">
        <code className="mr-2 rounded bg-rose-100 px-1 font-mono text-xs dark:bg-rose-900/60">{error.code}</code>
        {rootCauseText(callback, label, t)}
      </p>
      {hasMessage(fix) && (
        <p className="mt-1">
          {t('app.shared.labelled', { label: t('app.shared.whatToDo') })}
          {t(fix)}
        </p>
      )}
      {editor && (
        <Button variant="ghost" className="mt-1 -ml-2 underline" onClick={() => focusEditor(editor)}>
          {t('controls.signIn.showInEditor')}
        </Button>
      )}
      {failure.outcome && (
        <p className="mt-2 border-t border-rose-200 pt-2 dark:border-rose-800">
          <span className="font-medium">{t('app.shared.labelled', { label: t('controls.signIn.consequence.label') })}</span>
          {consequenceText(failure.outcome, t)}
        </p>
      )}
    </div>
  )
}

function rootCauseText(callback: CallbackFailureView, label: string, t: T): string {
  const { error, line, column } = callback
  const where = line === undefined ? '' : t('controls.signIn.rootCause.where', { line, column: column ?? 1 })
  const d = error.details
  switch (error.code) {
    case 'SANDBOX_TIMEOUT':
      return t('controls.signIn.rootCause.timeout', { callback: label, timeoutMs: typeof d.timeoutMs === 'number' ? d.timeoutMs : SANDBOX_TIMEOUT_MS })
    case 'SANDBOX_SYNTAX_ERROR':
      return t('controls.signIn.rootCause.syntax', { callback: label, where, message: withoutFullStop(String(d.reason ?? error.message)) })
    case 'SANDBOX_THREW':
    case 'CALLBACK_THREW': {
      const thrown = typeof d.name === 'string' && typeof d.reason === 'string' ? `${d.name}: ${d.reason}` : error.cause ? `${error.cause.name}: ${error.cause.message}` : error.message
      return t('controls.signIn.rootCause.threw', { callback: label, message: withoutFullStop(thrown), where })
    }
    default: {
      const title = `errors.${error.code}.title`
      return t('controls.signIn.rootCause.other', { callback: label, title: hasMessage(title) ? t(title) : error.message })
    }
  }
}

/** What the handler answered the request the failure happened in. */
export function consequenceText(outcome: FailureOutcome, t: T): string {
  const library = t(`pipeline.flavor.${outcome.flavor}`)
  if (outcome.uncaught) return t('controls.signIn.consequence.uncaught', { library })
  if (outcome.urlError) {
    const logged = outcome.logged ? t('controls.signIn.consequence.logged', { code: outcome.logged }) : ''
    return t('controls.signIn.consequence.errorUrl', { library, logged, status: outcome.status, error: outcome.urlError })
  }
  return t('controls.signIn.consequence.status', { library, status: outcome.status })
}


/** Scrolls to the callback's editor (its group, named by its heading) and focuses its text. */
function focusEditor(name: SandboxCallbackName): void {
  const group = document.getElementById(editorHeadingId(name))?.closest<HTMLElement>('[role="group"]')
  if (group) revealAndFocus(group, group.querySelector<HTMLElement>('textarea, [role="textbox"]'))
}
