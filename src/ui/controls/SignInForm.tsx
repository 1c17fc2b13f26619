import { useId, useState, type FormEvent } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useT } from '../../i18n/useT'
import { useAppStore } from '../../state/useAppStore'
import { isSignInSuccess, selectSignInFailureAtCursor, selectSignInResultAtCursor } from '../../state/selectors'
import { Button, fieldClass, Hint, SubHeading } from '../shared/Button'
import { ErrorExplanation } from '../shared/ErrorExplanation'
import { JsonView } from '../shared/JsonView'

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
      <Button type="submit" variant="primary" busy={running} className={`mt-1 py-2 text-base ${isNewcomer ? 'shadow-lg ring-4 shadow-indigo-500/30 ring-indigo-300 dark:ring-indigo-700' : ''}`}>
        {t('controls.signIn.submit')}
      </Button>
      <p className="font-mono text-[11px] text-slate-600 dark:text-slate-400">{t('controls.signIn.call')}</p>
      <SignInResult />
    </form>
  )
}

/**
 * The value `signIn()` resolved to at the current step, verbatim (`CredentialsSignin` included):
 * `undefined` when the client navigated instead, and the engine error that made it fail, explained.
 */
function SignInResult() {
  const t = useT()
  const result = useAppStore(selectSignInResultAtCursor)
  const failure = useAppStore(selectSignInFailureAtCursor)
  if (!result) return null
  const { rejectedWith, navigatedTo, ...value } = result
  const success = isSignInSuccess(result)
  const summary = navigatedTo
    ? t('controls.signIn.navigated', { url: navigatedTo })
    : rejectedWith
      ? t('controls.signIn.rejected', { message: rejectedWith })
      : success
        ? t('controls.signIn.resultOk')
        : t('controls.signIn.resultFailed', { error: result.error ?? String(result.status) })
  return (
    <div className="flex flex-col gap-1" data-testid="signin-result">
      <p className={`text-sm font-medium ${success ? 'text-emerald-700 dark:text-emerald-300' : 'text-rose-700 dark:text-rose-300'}`}>{summary}</p>
      <JsonView value={navigatedTo ? undefined : value} label={t('controls.signIn.resultTitle')} maxHeightClass="max-h-40" />
      {failure && (
        <div className="mt-1">
          <p className="mb-1 text-sm font-semibold">{t('controls.signIn.whyFailed')}</p>
          <ErrorExplanation error={failure} />
        </div>
      )}
    </div>
  )
}
