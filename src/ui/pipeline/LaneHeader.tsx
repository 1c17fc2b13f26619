import type { T } from '../../i18n/t'
import { ACTOR_STYLE } from './actorStyle'
import { LANES } from './lanes'

/** The actors across the top of the swimlane, aligned with their lifelines. */
export function LaneHeader({ t, active }: { t: T; active: ReadonlySet<string> }) {
  return (
    <div className="grid grid-cols-[2rem_minmax(0,1fr)]">
      <span />
      <ul className="grid grid-cols-6 gap-1" aria-label={t('pipeline.swimlaneLabel')}>
        {LANES.map((actor) => (
          <li key={actor} className="flex min-w-0 flex-col items-center gap-0.5 text-center" title={t(`pipeline.actorHints.${actor}`)}>
            <span
              className={`rounded-md px-1.5 py-0.5 text-[11px] font-semibold leading-tight ${ACTOR_STYLE[actor].chip} ${active.has(actor) ? 'ring-2' : 'ring-1'}`}
            >
              {t(`pipeline.actors.${actor}`)}
            </span>
            <span className="hidden text-[10px] leading-tight text-slate-600 2xl:block dark:text-slate-300">{t(`pipeline.actorHints.${actor}`)}</span>
          </li>
        ))}
      </ul>
    </div>
  )
}
