import { useT } from '../../i18n/useT'
import { useAppStore } from '../../state/useAppStore'
import { dateTimeText, safeIso } from '../shared/dateText'

/** The simulated time in the screen's sticky bar: always in view, whatever the learner scrolled to. The buttons that move it stay in the controls. */
export function SimClockReadout() {
  const t = useT()
  const nowSec = useAppStore((s) => s.nowSec)
  return (
    <p className="flex shrink-0 items-center gap-2 rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-600 dark:bg-slate-900" data-testid="sim-clock-bar">
      <svg width="14" height="14" viewBox="-7 -7 14 14" aria-hidden="true" className="text-slate-600 dark:text-slate-300">
        <circle r={6} fill="none" stroke="currentColor" strokeWidth={1.4} />
        <path d="M0 -3.5 V0 L2.5 1.8" fill="none" stroke="currentColor" strokeWidth={1.4} strokeLinecap="round" />
      </svg>
      <span className="text-slate-700 dark:text-slate-300">{t('controls.clock.now')}:</span>
      <time dateTime={safeIso(nowSec)} className="font-mono font-semibold tabular-nums" data-testid="sim-clock-now">
        {dateTimeText(nowSec, t)}
      </time>
    </p>
  )
}
