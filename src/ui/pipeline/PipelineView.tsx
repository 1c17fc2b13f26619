import { useMemo, useRef } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { Trace } from '../../engine/index'
import { useT } from '../../i18n/useT'
import { useAppStore } from '../../state/useAppStore'
import { StepDetails } from './details/StepDetails'
import { LaneHeader } from './LaneHeader'
import { activationsOf, glyphOf } from './lanes'
import { narrate, shortLabel, type T } from './narrate'
import { stepDurationsMs } from './playbackTiming'
import { Player } from './Player'
import { StepRow } from './StepRow'
import { useKeyboardStepping } from './useKeyboardStepping'
import { usePlayback } from './usePlayback'
import { useReducedMotion } from './useReducedMotion'
import { useFollowCursor } from './useFollowCursor'
import { ROW_HEIGHT_PX } from './StepRow'

/** Where the first row starts inside the scroll box: below the sticky lane header. */
const LIST_TOP_PX = 64

/** Everything the rows need, worked out once per trace (and language). */
function useSteps(trace: Trace | null, t: T) {
  return useMemo(() => {
    if (!trace) return []
    const busy = activationsOf(trace.events)
    return trace.events.map((event, index) => {
      const narration = narrate(event, t)
      return { glyph: glyphOf(trace.events, index), busy: busy[index]!, label: shortLabel(event, t), narration, name: t('pipeline.stepLabel', { number: index + 1, narration }) }
    })
  }, [trace, t])
}

/** The animated swimlane pipeline of the last run, its player, the live narration and the step details. */
export function PipelineView() {
  const t = useT()
  const reducedMotion = useReducedMotion()
  const { trace, cursor, playing, speed, runStatus } = useAppStore(
    useShallow((s) => ({ trace: s.lastTrace, cursor: s.cursor, playing: s.playing, speed: s.speed, runStatus: s.runStatus })),
  )
  const actions = useAppStore(
    useShallow((s) => ({
      togglePlay: s.togglePlay,
      stepForward: s.stepForward,
      stepBack: s.stepBack,
      restart: s.restart,
      skipAnimation: s.skipAnimation,
      setSpeed: s.setSpeed,
      setCursor: s.setCursor,
    })),
  )
  const events = trace?.events ?? null
  const total = events?.length ?? 0
  const steps = useSteps(trace, t)
  const durations = useMemo(() => (events ? stepDurationsMs(events, speed) : []), [events, speed])
  const current = events && cursor >= 0 ? (events[cursor] ?? null) : null

  usePlayback({ events, cursor, playing, speed, stepForward: actions.stepForward })
  useKeyboardStepping({ enabled: total > 0, togglePlay: actions.togglePlay, stepBack: actions.stepBack, stepForward: actions.stepForward })

  const scrollRef = useRef<HTMLDivElement>(null)
  useFollowCursor(scrollRef, cursor, ROW_HEIGHT_PX, LIST_TOP_PX, reducedMotion)

  const activeActors = useMemo(() => {
    const glyph = cursor >= 0 ? steps[cursor]?.glyph : undefined
    if (!glyph) return new Set<string>()
    return new Set<string>(glyph.type === 'arrow' ? [glyph.from, glyph.to] : [glyph.lane])
  }, [steps, cursor])

  const caption = current ? narrate(current, t) : total > 0 ? t('pipeline.notStarted', { total }) : t('pipeline.empty')

  return (
    <div className="flex min-w-0 flex-col gap-3">
      <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
        <h2 className="text-sm font-semibold tracking-wide text-slate-800 dark:text-slate-100">{t('pipeline.title')}</h2>
        {trace && events?.[0]?.kind === 'flow.started' ? (
          <span className="font-mono text-xs text-slate-600 dark:text-slate-300">
            {t('pipeline.runHeading', { flow: events[0].flow, flavor: t(`pipeline.flavor.${events[0].flavor}`), model: t(`pipeline.model.${events[0].tokenModel}`) })}
          </span>
        ) : null}
        {runStatus === 'running' && <span className="text-xs text-indigo-700 dark:text-indigo-300">{t('pipeline.running')}</span>}
      </div>

      <Player
        t={t}
        disabled={total === 0}
        playing={playing}
        atStart={cursor < 0}
        atEnd={cursor >= total - 1}
        speed={speed}
        cursor={cursor}
        total={total}
        togglePlay={actions.togglePlay}
        stepBack={actions.stepBack}
        stepForward={actions.stepForward}
        restart={actions.restart}
        skipAnimation={actions.skipAnimation}
        setSpeed={actions.setSpeed}
      />

      <div
        role="status"
        aria-live="polite"
        aria-atomic="true"
        aria-label={t('pipeline.liveLabel')}
        className="flex h-[4.5rem] items-start gap-2 overflow-y-auto rounded-lg border border-indigo-200 bg-indigo-50/70 px-3 py-2 text-sm text-slate-900 dark:border-indigo-900 dark:bg-indigo-950/40 dark:text-slate-100"
      >
        {current && <span className="mt-0.5 shrink-0 rounded bg-indigo-600 px-1.5 font-mono text-xs leading-5 text-white">{cursor + 1}</span>}
        <span className="min-w-0">{caption}</span>
      </div>

      <div ref={scrollRef} className="relative max-h-[30rem] min-h-40 overflow-y-auto overscroll-contain rounded-lg border border-slate-200 dark:border-slate-700">
        <div className="sticky top-0 z-10 border-b border-slate-200 bg-white px-1 py-1.5 dark:border-slate-700 dark:bg-slate-900">
          <LaneHeader t={t} active={activeActors} />
        </div>
        <ol aria-label={t('pipeline.listLabel')} className="flex flex-col px-1 py-1">
          {steps.map((step, index) => (
            <StepRow
              key={`${trace?.id}-${index}`}
              index={index}
              glyph={step.glyph}
              busy={step.busy}
              label={step.label}
              name={step.name}
              state={index < cursor ? 'past' : index === cursor ? 'current' : 'future'}
              animateMs={index === cursor && !reducedMotion ? (durations[index] ?? 0) : null}
              onSelect={actions.setCursor}
            />
          ))}
        </ol>
        {total === 0 && <p className="px-4 pb-4 text-sm text-slate-600 dark:text-slate-300">{t('pipeline.emptyHint')}</p>}
      </div>

      {total > 0 && <StepDetails event={current} t={t} />}
    </div>
  )
}
