import { memo, useId, useMemo } from 'react'
import type { TraceEvent } from '../../engine/index'
import type { StepContext } from '../../state/selectors'
import { laneCentre, laneIndex, type Glyph } from './lanes'
import type { T } from '../../i18n/t'
import { narrate, shortLabel } from './narrate'
import { StepGlyph, type StepState } from './StepGlyph'
import { TravellingPacket } from './TravellingPacket'

interface StepRowProps {
  index: number
  event: TraceEvent
  /** What the step means in the light of the earlier runs (stepContexts). */
  context?: StepContext
  glyph: Glyph
  t: T
  state: StepState
  /** Milliseconds the current step plays for; the packet is only drawn when motion is allowed. */
  animateMs: number | null
  onSelect: (index: number) => void
}

/** Every row is this tall, so the list can scroll to a step without measuring it. */
export const ROW_HEIGHT_PX = 44

const pct = (fraction: number) => `${(fraction * 100).toFixed(3)}%`

/** Where the label sits: above an arrow from its left end, or beside a node (left of it on the right-hand lanes). */
function labelPlacement(glyph: Glyph): React.CSSProperties {
  if (glyph.type === 'arrow') {
    const left = Math.min(laneCentre(glyph.from), laneCentre(glyph.to))
    return { left: `calc(${pct(left)} + 8px)`, top: '1px', maxWidth: `calc(${pct(1 - left)} - 10px)` }
  }
  const x = laneCentre(glyph.lane)
  if (laneIndex(glyph.lane) >= 4) return { right: `calc(${pct(1 - x)} + 16px)`, top: '50%', transform: 'translateY(-50%)', maxWidth: `calc(${pct(x)} - 18px)`, textAlign: 'right' }
  return { left: `calc(${pct(x)} + 16px)`, top: '50%', transform: 'translateY(-50%)', maxWidth: `calc(${pct(1 - x)} - 18px)` }
}

/**
 * One step of the list. It words its own label and narration, so a new run's rows are worded as React
 * renders them (in time slices, see PipelineView), not all at once before the first paint; a row whose
 * props did not change (every row but two at each step) does not render again.
 */
export const StepRow = memo(function StepRow({ index, event, context, glyph, t, state, animateMs, onSelect }: StepRowProps) {
  const current = state === 'current'
  const narrationId = useId()
  const label = useMemo(() => shortLabel(event, t), [event, t])
  const description = useMemo(() => t('pipeline.stepLabel', { number: index + 1, narration: narrate(event, t, context) }), [event, t, index, context])
  return (
    // The height is fixed and the row contains its own size and layout: changing one row never re-lays
    // out the others, and nothing has to be measured (unlike content-visibility, no second layout pass).
    <li aria-current={current ? 'step' : undefined} data-step={index} className="relative" style={{ height: ROW_HEIGHT_PX, contain: 'size layout style' }}>
      <button
        type="button"
        aria-describedby={narrationId}
        onClick={() => onSelect(index)}
        className={`group grid h-full w-full grid-cols-[2rem_minmax(0,1fr)] items-stretch rounded-lg text-left outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 ${
          // See-through backgrounds: the lifelines are drawn behind the rows.
          current ? 'bg-indigo-500/10 ring-1 ring-indigo-300 dark:bg-indigo-950/50 dark:ring-indigo-700' : 'hover:bg-slate-500/10 dark:hover:bg-slate-800/70'
        }`}
      >
        <span
          className={`m-auto flex h-6 min-w-6 items-center justify-center rounded-full px-1 font-mono text-[11px] tabular-nums ${
            current ? 'bg-indigo-600 font-semibold text-white' : state === 'past' ? 'bg-slate-200 text-slate-700 dark:bg-slate-700 dark:text-slate-100' : 'text-slate-600 dark:text-slate-400'
          }`}
        >
          {index + 1}
        </span>{' '}
        <span className="relative block min-w-0">
          <StepGlyph glyph={glyph} state={state} />
          <span
            className={`absolute truncate rounded px-1 font-mono text-[11px] leading-4 ${
              current ? 'bg-white/90 font-semibold text-slate-900 dark:bg-slate-900/90 dark:text-white' : state === 'past' ? 'bg-white/80 text-slate-700 dark:bg-slate-900/80 dark:text-slate-200' : 'text-slate-600 dark:text-slate-400'
            }`}
            style={labelPlacement(glyph)}
          >
            {label}
          </span>
          {current && animateMs !== null && <TravellingPacket key={index} glyph={glyph} durationMs={animateMs} />}
        </span>
      </button>
      {/* The narration is the description, not the name, so the name stays what sighted users see (WCAG 2.5.3). */}
      <span id={narrationId} hidden>
        {description}
      </span>
    </li>
  )
})
