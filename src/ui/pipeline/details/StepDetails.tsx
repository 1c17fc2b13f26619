import type { TraceEvent } from '../../../engine/index'
import type { StepContext } from '../../../state/selectors'
import { dateTimeText } from '../../shared/dateText'
import { lazyModule } from '../../shared/lazyModule'
import type { T } from '../../../i18n/t'
import { narrate } from '../narrate'

/** The per-kind body, loaded once the page is idle (or when first needed): none of it is needed before a run. */
export const detailBodyModule = lazyModule(() => import('./DetailBody'))

/** The details of the step at the cursor: everything the step carried, and the NextAuth file it models. */
export function StepDetails({ event, context, t, className = 'h-96' }: { event: TraceEvent | null; context?: StepContext; t: T; className?: string }) {
  return (
    <section aria-label={t('pipeline.details.label')} tabIndex={0} className={`${className} min-w-0 overflow-y-auto overscroll-contain rounded-lg border border-slate-200 bg-slate-50/60 p-3 [contain:strict] dark:border-slate-700 dark:bg-slate-950/40`}>
      <div className="flex min-w-0 flex-col gap-3">
      {event === null ? (
        <p className="text-sm text-slate-600 dark:text-slate-300">{t('pipeline.details.empty')}</p>
      ) : (
        <>
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h3 className="flex flex-wrap items-baseline gap-x-2 text-sm font-semibold text-slate-900 dark:text-slate-100">
              <span>{t('pipeline.details.heading', { number: event.step + 1, kind: t(`pipeline.kinds.${event.kind}`) })}</span>
              <code title={t('pipeline.details.kindCode')} className="rounded bg-slate-200/70 px-1 font-mono text-[11px] font-normal text-slate-600 dark:bg-slate-800 dark:text-slate-300">
                {event.kind}
              </code>
            </h3>
            <span className="font-mono text-xs text-slate-600 dark:text-slate-300">
              {t(`pipeline.actors.${event.actor}`)} · {dateTimeText(event.atSec, t)}
            </span>
          </div>
          <p className="text-sm text-slate-800 [overflow-wrap:anywhere] dark:text-slate-100">{narrate(event, t, context)}</p>
          {event.source && (
            <p className="text-xs text-slate-600 dark:text-slate-300">
              {t('pipeline.details.source')}: <code className="rounded bg-slate-200 px-1 font-mono text-slate-800 dark:bg-slate-800 dark:text-slate-100">{event.source}</code>
            </p>
          )}
          <LazyDetailBody event={event} context={context} t={t} />
        </>
      )}
      </div>
    </section>
  )
}

function LazyDetailBody({ event, context, t }: { event: TraceEvent; context?: StepContext; t: T }) {
  const loaded = detailBodyModule.useModule()
  return loaded ? <loaded.DetailBody event={event} context={context} t={t} /> : null
}
