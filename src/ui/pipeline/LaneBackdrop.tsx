import { memo } from 'react'
import { ACTOR_STYLE } from './actorStyle'
import { LANES, laneCentre, type Activation } from './lanes'

const pct = (fraction: number) => `${(fraction * 100).toFixed(3)}%`

/**
 * The swimlane's lifelines and activation bars, drawn once behind all the rows (one SVG for the list,
 * instead of six lines and a bar per row). Bars are full strength up to the current step and faint
 * after it, as the rows' own glyphs are.
 */
export const LaneBackdrop = memo(function LaneBackdrop({ rows, rowHeightPx, activations, cursor }: { rows: number; rowHeightPx: number; activations: readonly Activation[]; cursor: number }) {
  const height = Math.max(rows, 1) * rowHeightPx
  const bars: { key: string; x: string; y1: number; y2: number; className: string; opacity: number }[] = []
  for (const { actor, fromIndex, toIndex } of activations) {
    const x = pct(laneCentre(actor))
    const className = ACTOR_STYLE[actor].text
    const lastPast = Math.min(toIndex, cursor)
    if (lastPast >= fromIndex) bars.push({ key: `${actor}-${fromIndex}-past`, x, y1: fromIndex * rowHeightPx, y2: (lastPast + 1) * rowHeightPx, className, opacity: 0.18 })
    const firstFuture = Math.max(fromIndex, cursor + 1)
    if (firstFuture <= toIndex) bars.push({ key: `${actor}-${fromIndex}-future`, x, y1: firstFuture * rowHeightPx, y2: (toIndex + 1) * rowHeightPx, className, opacity: 0.07 })
  }
  return (
    // Aligned with the rows' glyph area: the list's 4 px padding, then the 2rem step-number column.
    // An SVG is a replaced element: left and right alone would leave it 300 px wide, so the width is explicit.
    <svg className="pointer-events-none absolute top-1 left-[calc(0.25rem+2rem)] w-[calc(100%-2.5rem)] overflow-visible" style={{ height }} aria-hidden="true" focusable="false" data-testid="lane-backdrop">
      {LANES.map((actor) => (
        <line key={actor} x1={pct(laneCentre(actor))} x2={pct(laneCentre(actor))} y1={0} y2={height} className="stroke-slate-200 dark:stroke-slate-700" strokeWidth={1} />
      ))}
      {bars.map((bar) => (
        <line key={bar.key} x1={bar.x} x2={bar.x} y1={bar.y1} y2={bar.y2} className={bar.className} stroke="currentColor" strokeWidth={8} opacity={bar.opacity} />
      ))}
    </svg>
  )
})
