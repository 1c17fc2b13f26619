import { useLayoutEffect, useRef } from 'react'
import { ACTOR_STYLE, ERROR_STYLE } from './actorStyle'
import { GlyphIconPath } from './GlyphIconPath'
import { laneCentre, type Glyph } from './lanes'
import { ARROW_Y } from './StepGlyph'

/**
 * What moves during the current step: a request, cookie or claims travelling along the arrow, and a
 * pulse where work happens. Only mounted when motion is allowed; the highlighted row says the same.
 */
export function TravellingPacket({ glyph, durationMs }: { glyph: Glyph; durationMs: number }) {
  const travelRef = useRef<HTMLSpanElement>(null)
  const pulseRef = useRef<HTMLSpanElement>(null)
  const route = glyph.type === 'arrow' ? { from: glyph.from, to: glyph.to } : glyph.linkFrom && glyph.linkFrom !== glyph.lane ? { from: glyph.linkFrom, to: glyph.lane } : null
  const lane = glyph.type === 'arrow' ? glyph.to : glyph.lane
  const style = glyph.type === 'node' && glyph.tone === 'error' ? ERROR_STYLE : ACTOR_STYLE[glyph.icon === 'cookie' ? 'cookieJar' : route ? route.from : lane]
  const travelMs = Math.max(120, durationMs * (glyph.type === 'arrow' ? 0.85 : 0.5))

  useLayoutEffect(() => {
    const animations: Animation[] = []
    const travel = travelRef.current
    if (route && travel && typeof travel.animate === 'function') {
      animations.push(
        travel.animate([{ transform: `translateX(${laneCentre(route.from) * 100}%)` }, { transform: `translateX(${laneCentre(route.to) * 100}%)` }], {
          duration: travelMs,
          easing: 'cubic-bezier(0.45, 0, 0.25, 1)',
          fill: 'forwards',
        }),
      )
    }
    const pulse = pulseRef.current
    if (glyph.type === 'node' && pulse && typeof pulse.animate === 'function') {
      animations.push(
        pulse.animate([{ transform: 'translate(-50%, -50%) scale(0.6)', opacity: 0.9 }, { transform: 'translate(-50%, -50%) scale(2.2)', opacity: 0 }], {
          duration: Math.max(300, durationMs * 0.6),
          delay: route ? travelMs * 0.8 : 0,
          easing: 'ease-out',
          fill: 'both',
        }),
      )
    }
    return () => animations.forEach((animation) => animation.cancel())
  }, [route?.from, route?.to, glyph.type, travelMs, durationMs]) // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <span className="pointer-events-none absolute inset-0" aria-hidden="true" data-testid="travelling-packet">
      {route && (
        <span ref={travelRef} className="absolute inset-x-0 block" style={{ top: glyph.type === 'arrow' ? ARROW_Y : '50%', transform: `translateX(${laneCentre(route.from) * 100}%)` }}>
          <span className={`absolute left-0 top-0 flex h-5 w-5 -translate-x-1/2 -translate-y-1/2 items-center justify-center rounded-full text-white shadow-md ring-2 ring-white dark:ring-slate-900 ${style.solid}`}>
            <svg width="14" height="14" viewBox="-7 -7 14 14" aria-hidden="true">
              <GlyphIconPath icon={glyph.icon} />
            </svg>
          </span>
        </span>
      )}
      {glyph.type === 'node' && (
        <span ref={pulseRef} className={`absolute block h-6 w-6 rounded-full opacity-0 ${style.solid}`} style={{ left: `${laneCentre(lane) * 100}%`, top: '50%' }} />
      )}
    </span>
  )
}
