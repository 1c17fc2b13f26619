import { useDeferredValue, useMemo, useRef } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useT } from '../../i18n/useT'
import { stepContexts } from '../../state/selectors'
import { useAppStore } from '../../state/useAppStore'
import { StepDetails } from './details/StepDetails'
import { LaneBackdrop } from './LaneBackdrop'
import { LaneHeader } from './LaneHeader'
import { activationSpans, glyphOf } from './lanes'
import { narrate } from './narrate'
import { stepDurationsMs } from './playbackTiming'
import { Player } from './Player'
import { ROW_HEIGHT_PX, StepRow } from './StepRow'
import { useKeyboardStepping } from './useKeyboardStepping'
import { usePlayback } from './usePlayback'
import { useReducedMotion } from './useReducedMotion'
import { useFollowCursor } from './useFollowCursor'

/**
 * The animated swimlane pipeline of the last run, its player, the narration and the step details.
 * From 1280 px the details sit beside the list, and the list is sized to the window, so the current
 * step and its details are both on a 720 px projector screen.
 */
export function PipelineView() {
  const t = useT()
  const reducedMotion = useReducedMotion()
  const { trace, traces, cursor, playing, speed, runStatus, onScreen } = useAppStore(
    useShallow((s) => ({ trace: s.lastTrace, traces: s.traces, cursor: s.cursor, playing: s.playing, speed: s.speed, runStatus: s.runStatus, onScreen: s.view === 'playground' })),
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
  const durations = useMemo(() => (events ? stepDurationsMs(events, speed) : []), [events, speed])
  const current = events && cursor >= 0 ? (events[cursor] ?? null) : null
  // What each step means in the light of the earlier runs (why a cookie was missing, what the handler did with a failure).
  const contexts = stepContexts(traces, trace)
  const currentContext = cursor >= 0 ? contexts[cursor] : undefined

  // A new run's ~45 rows render in a transition: the player, the caption and the other panels update at
  // once, the rows right after in time slices (a store update alone would render them in one long task).
  // The playback's lead-in covers the gap; until the rows arrive, the list shows no current step.
  const rowsTrace = useDeferredValue(trace)
  const rowEvents = rowsTrace?.events ?? null
  const rowsCursor = rowsTrace === trace ? cursor : -1
  const glyphs = useMemo(() => (rowEvents ? rowEvents.map((_, index) => glyphOf(rowEvents, index)) : []), [rowEvents])
  const rowContexts = stepContexts(traces, rowsTrace)
  const activations = useMemo(() => (rowEvents ? activationSpans(rowEvents) : []), [rowEvents])

  usePlayback({ events, cursor, playing, speed, stepForward: actions.stepForward })
  // Not while the Token lab is shown (the playground stays mounted, hidden, behind it).
  useKeyboardStepping({ enabled: total > 0 && onScreen, claimSpace: playing || cursor < total - 1, togglePlay: actions.togglePlay, stepBack: actions.stepBack, stepForward: actions.stepForward })

  const scrollRef = useRef<HTMLDivElement>(null)
  const laneHeaderRef = useRef<HTMLDivElement>(null)
  useFollowCursor(scrollRef, laneHeaderRef, rowsCursor, ROW_HEIGHT_PX, reducedMotion)

  const activeActors = useMemo(() => {
    const glyph = rowsCursor >= 0 ? glyphs[rowsCursor] : undefined
    if (!glyph) return new Set<string>()
    return new Set<string>(glyph.type === 'arrow' ? [glyph.from, glyph.to] : [glyph.lane])
  }, [glyphs, rowsCursor])

  const caption = current ? narrate(current, t, currentContext) : total > 0 ? t('pipeline.notStarted', { total }) : t('pipeline.empty')
  // Screen readers hear a step when it is chosen (a step key, a click, a pause) and when the run ends,
  // not every ~180 ms while it plays.
  const announcement = playing ? '' : caption

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

      <div className="grid min-w-0 gap-3 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="flex min-w-0 flex-col gap-3">
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
            aria-hidden="true"
            className="flex h-[4.5rem] items-start gap-2 overflow-y-auto rounded-lg border border-indigo-200 bg-indigo-50/70 px-3 py-2 text-sm text-slate-900 dark:border-indigo-900 dark:bg-indigo-950/40 dark:text-slate-100"
            data-testid="pipeline-caption"
          >
            {current && <span className="mt-0.5 shrink-0 rounded bg-indigo-600 px-1.5 font-mono text-xs leading-5 text-white">{cursor + 1}</span>}
            <span className="min-w-0 [overflow-wrap:anywhere]">{caption}</span>
          </div>
          <div role="status" aria-live="polite" aria-atomic="true" aria-label={t('pipeline.liveLabel')} className="sr-only">
            {announcement && current ? t('pipeline.stepLabel', { number: cursor + 1, narration: announcement }) : announcement}
          </div>

          <div
            ref={scrollRef}
            className="relative max-h-[clamp(14rem,calc(100dvh-23rem),30rem)] min-h-40 overflow-y-auto overscroll-contain rounded-lg border border-slate-200 dark:border-slate-700"
            data-testid="pipeline-scroll"
          >
            <div ref={laneHeaderRef} className="sticky top-0 z-10 border-b border-slate-200 bg-white px-1 py-1.5 dark:border-slate-700 dark:bg-slate-900">
              <LaneHeader t={t} active={activeActors} />
            </div>
            <div className="relative">
              {/* Beside the list, not in it: an <ol> holds only its items. */}
              {rowEvents && rowEvents.length > 0 && <LaneBackdrop rows={rowEvents.length} rowHeightPx={ROW_HEIGHT_PX} activations={activations} cursor={rowsCursor} />}
              <ol aria-label={t('pipeline.listLabel')} className="flex flex-col px-1 py-1">
                {rowEvents?.map((event, index) => (
                  <StepRow
                    // Keyed by position: the next run updates these rows in place instead of building new ones.
                    key={index}
                    index={index}
                    event={event}
                    context={rowContexts[index]}
                    glyph={glyphs[index]!}
                    t={t}
                    state={index < rowsCursor ? 'past' : index === rowsCursor ? 'current' : 'future'}
                    animateMs={index === rowsCursor && !reducedMotion ? (durations[index] ?? 0) : null}
                    onSelect={actions.setCursor}
                  />
                ))}
              </ol>
            </div>
            {total === 0 && <p className="px-4 pb-4 text-sm text-slate-600 dark:text-slate-300">{t('pipeline.emptyHint')}</p>}
          </div>
        </div>

        <div className={`relative min-w-0 ${total === 0 ? 'hidden xl:block' : 'h-96 xl:h-auto'}`}>
          <StepDetails event={current} context={currentContext} t={t} className="h-full xl:absolute xl:inset-0" />
        </div>
      </div>
    </div>
  )
}
