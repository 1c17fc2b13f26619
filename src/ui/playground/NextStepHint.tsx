import { useShallow } from 'zustand/react/shallow'
import { useT } from '../../i18n/useT'
import { useAppStore } from '../../state/useAppStore'
import { nextStep } from './nextStep'

/** One line above the screen telling a newcomer (and everyone after each run) what to click next. */
export function NextStepHint() {
  const t = useT()
  const state = useAppStore(useShallow((s) => ({ traces: s.traces, lastTrace: s.lastTrace, cursor: s.cursor, playing: s.playing, runStatus: s.runStatus, runError: s.runError })))
  const hint = nextStep(state)
  return (
    <p className="flex items-start gap-2 rounded-lg border border-indigo-200 bg-indigo-50 px-3 py-2 text-sm text-indigo-950 dark:border-indigo-900 dark:bg-indigo-950/50 dark:text-indigo-100" data-testid="next-step">
      <span className="shrink-0 font-semibold">{t('app.hint.label')}:</span>
      <span>{t(hint.key, hint.params)}</span>
    </p>
  )
}
