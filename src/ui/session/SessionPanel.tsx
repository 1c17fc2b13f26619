import { useShallow } from 'zustand/react/shallow'
import type { UseSessionStatus } from '../../engine/index'
import { useT } from '../../i18n/useT'
import { useAppStore } from '../../state/useAppStore'
import { selectSessionAtCursor } from '../../state/selectors'
import { EmptyState, Panel } from '../shared/Panel'
import { JsonView } from '../shared/JsonView'
import { ErrorExplanation } from '../shared/ErrorExplanation'
import { ExpiryTimes } from './ExpiryTimes'

const STATUS_STYLE: Record<UseSessionStatus, string> = {
  loading: 'border-sky-300 bg-sky-50 text-sky-900 dark:border-sky-800 dark:bg-sky-950/50 dark:text-sky-100',
  authenticated: 'border-emerald-300 bg-emerald-50 text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950/50 dark:text-emerald-100',
  unauthenticated: 'border-slate-300 bg-slate-100 text-slate-800 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100',
}

/** What useSession() / getSession() return at the current step, and the three expiry times side by side. */
export function SessionPanel() {
  const t = useT()
  const view = useAppStore(selectSessionAtCursor)
  const { nowSec } = useAppStore(useShallow((s) => ({ nowSec: s.nowSec })))
  const status: UseSessionStatus = view?.status ?? 'unauthenticated'

  return (
    <Panel label={t('app.panels.session')}>
      <div className="flex flex-col gap-3">
        <p className="flex flex-wrap items-center gap-2 text-sm">
          <span className="font-mono text-xs text-slate-700 dark:text-slate-300">{t('session.status')}</span>
          <span className={`rounded-full border px-2 py-0.5 font-mono text-xs font-semibold ${STATUS_STYLE[status]}`} data-testid="session-status">
            {t(`session.statuses.${status}`)}
          </span>
        </p>
        {!view ? (
          <EmptyState>{t('session.empty')}</EmptyState>
        ) : view.status === 'loading' ? (
          <EmptyState>{t('session.loading')}</EmptyState>
        ) : (
          <div className="flex flex-col gap-1">
            <p className="font-mono text-xs text-slate-700 dark:text-slate-300">{t('session.dataLabel')}</p>
            {view.session ? <JsonView value={view.session} label={t('session.jsonLabel')} maxHeightClass="max-h-60" /> : <p className="font-mono text-sm">{t('session.nullData')}</p>}
            {view.error && (
              <div className="mt-2">
                <p className="mb-1 text-sm font-semibold">{t('session.whyEnded')}</p>
                <ErrorExplanation error={view.error} />
              </div>
            )}
          </div>
        )}
        <ExpiryTimes nowSec={nowSec} sessionExpires={typeof view?.session?.expires === 'string' ? view.session.expires : undefined} />
      </div>
    </Panel>
  )
}
