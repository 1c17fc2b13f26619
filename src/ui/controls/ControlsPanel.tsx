import { useT } from '../../i18n/useT'
import { useAppStore } from '../../state/useAppStore'
import { ErrorExplanation } from '../shared/ErrorExplanation'
import { Panel } from '../shared/Panel'
import { BreakItActions } from './BreakItActions'
import { ClockControls } from './ClockControls'
import { ProtectedPage } from './ProtectedPage'
import { SessionActions } from './SessionActions'
import { SignInForm } from './SignInForm'

/** The left-hand panel: sign in, the session actions, the clock and the break-it actions. */
export function ControlsPanel() {
  const t = useT()
  const runError = useAppStore((s) => s.runError)
  const divider = 'border-t border-slate-200 pt-4 dark:border-slate-700'
  return (
    <Panel label={t('app.panels.controls')}>
      <div className="flex flex-col gap-4">
        <SignInForm />
        {runError && (
          <div role="alert">
            <p className="mb-1 text-sm font-semibold">{t('controls.run.failed')}</p>
            <ErrorExplanation error={runError} showMessage />
          </div>
        )}
        <div className={divider}>
          <SessionActions />
        </div>
        <div className={divider}>
          <ProtectedPage />
        </div>
        <div className={divider}>
          <ClockControls />
        </div>
        <div className={divider}>
          <BreakItActions />
        </div>
      </div>
    </Panel>
  )
}
