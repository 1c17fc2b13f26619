import { useShallow } from 'zustand/react/shallow'
import { useT } from '../../i18n/useT'
import { selectTokenAtCursor, selectTokenOriginAtCursor } from '../../state/selectors'
import { useAppStore } from '../../state/useAppStore'
import { CopyButton } from '../shared/CopyButton'
import { lazyModule } from '../shared/lazyModule'

/** The token taken apart, loaded once the page is idle (or when a token first shows): not needed for the first screen. */
export const tokenViewModule = lazyModule(() => import('./TokenView'))

/** The session token at the current step: its parts, header, key ladder and claims, explained. */
export function TokenInspector() {
  const t = useT()
  const tokenEvent = useAppStore(selectTokenAtCursor)
  const origin = useAppStore(selectTokenOriginAtCursor)
  const { nowSec, secret } = useAppStore(useShallow((s) => ({ nowSec: s.nowSec, secret: s.config.secret })))
  const view = tokenViewModule.useModule()

  return (
    <section aria-labelledby="token-inspector-heading" className="flex min-w-0 flex-col gap-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="token-inspector-heading" className="text-sm font-semibold tracking-wide text-slate-800 dark:text-slate-100">
          {t('inspector.title')}
        </h2>
        {tokenEvent && (
          <div className="flex items-center gap-2">
            {view && <view.TokenKindBadge tokenEvent={tokenEvent} t={t} />}
            <CopyButton text={tokenEvent.token} what={t('inspector.copyToken')} />
          </div>
        )}
      </div>

      {!tokenEvent ? (
        <div className="flex flex-col gap-1">
          <p className="text-sm font-medium text-slate-800 dark:text-slate-100">{t('inspector.empty')}</p>
          <p className="text-sm text-slate-600 dark:text-slate-300">{t('inspector.emptyHint')}</p>
        </div>
      ) : (
        <>
          <p className="text-xs text-slate-600 dark:text-slate-300" data-testid="token-origin">
            {t(origin?.fromThisRun ? 'inspector.fromStep' : 'inspector.fromEarlierRun', {
              number: tokenEvent.step + 1,
              // The run that made or read this token, not the run on screen.
              flow: origin?.flow ?? '',
              what: t(`inspector.what.${tokenEvent.kind === 'jwt.encoded' ? 'encoded' : 'decoded'}`),
            })}
          </p>
          {origin?.failedAfter && (
            <p role="note" className="rounded-md border border-rose-300 bg-rose-50 px-2 py-1 text-xs font-medium text-rose-950 dark:border-rose-800 dark:bg-rose-950/40 dark:text-rose-100" data-testid="token-decode-failed">
              {t('inspector.decodeFailedAfter', { number: origin.failedAfter.step + 1, code: origin.failedAfter.error.code })}
            </p>
          )}
          {view && origin && <view.TokenView tokenEvent={tokenEvent} origin={origin} nowSec={nowSec} secret={secret} t={t} />}
        </>
      )}
    </section>
  )
}
