import { ACTOR_STYLE, ERROR_STYLE } from './actorStyle'
import { GlyphIconPath } from './GlyphIconPath'
import { laneCentre, type Glyph } from './lanes'

export type StepState = 'past' | 'current' | 'future'

const pct = (fraction: number) => `${(fraction * 100).toFixed(3)}%`
/** The height of the arrow line inside a row, in percent: below the label. */
export const ARROW_Y = '66%'

/**
 * One row of the swimlane: the step's arrow or node. Decorative; the row's button names it. The
 * lifelines and activation bars behind it are drawn once for the whole list (LaneBackdrop).
 */
export function StepGlyph({ glyph, state }: { glyph: Glyph; state: StepState }) {
  const faded = state === 'future'
  return (
    <svg className="absolute inset-0 h-full w-full overflow-visible" aria-hidden="true" focusable="false">
      <g opacity={faded ? 0.3 : 1}>{glyph.type === 'arrow' ? <Arrow glyph={glyph} state={state} /> : <Node glyph={glyph} state={state} />}</g>
    </svg>
  )
}

function Arrow({ glyph, state }: { glyph: Extract<Glyph, { type: 'arrow' }>; state: StepState }) {
  const from = laneCentre(glyph.from)
  const to = laneCentre(glyph.to)
  const rightward = to >= from
  // Cookies travel in the jar's colour; everything else in the colour of who sends it.
  const style = ACTOR_STYLE[glyph.icon === 'cookie' ? 'cookieJar' : glyph.from]
  const width = state === 'current' ? 2.5 : 1.6
  return (
    <g className={style.text}>
      <line x1={pct(from)} x2={pct(to)} y1={ARROW_Y} y2={ARROW_Y} stroke="currentColor" strokeWidth={width} strokeDasharray={glyph.dashed ? '5 4' : undefined} />
      <svg x={pct(to)} y={ARROW_Y} overflow="visible">
        <path d={rightward ? 'M0 0 L-8 -4.5 L-8 4.5 Z' : 'M0 0 L8 -4.5 L8 4.5 Z'} fill="currentColor" />
      </svg>
      <svg x={pct(from)} y={ARROW_Y} overflow="visible">
        <circle r={state === 'current' ? 3.5 : 2.5} fill="currentColor" />
      </svg>
    </g>
  )
}

function Node({ glyph, state }: { glyph: Extract<Glyph, { type: 'node' }>; state: StepState }) {
  const x = laneCentre(glyph.lane)
  const style = glyph.tone === 'error' ? ERROR_STYLE : ACTOR_STYLE[glyph.lane]
  const current = state === 'current'
  return (
    <g className={style.text}>
      {glyph.linkFrom && glyph.linkFrom !== glyph.lane && (
        <line x1={pct(laneCentre(glyph.linkFrom))} x2={pct(x)} y1="50%" y2="50%" stroke="currentColor" strokeWidth={1.2} strokeDasharray="2 3" />
      )}
      <svg x={pct(x)} y="50%" overflow="visible">
        <circle r={current ? 12 : 10} className={current ? 'fill-white dark:fill-slate-900' : 'fill-white dark:fill-slate-900'} stroke="currentColor" strokeWidth={current ? 2.5 : 1.5} />
        <GlyphIconPath icon={glyph.icon} />
      </svg>
    </g>
  )
}
