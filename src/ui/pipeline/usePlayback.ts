import { useEffect, useRef } from 'react'
import type { TraceEvent } from '../../engine/index'
import { stepDurationsMs } from './playbackTiming'

interface PlaybackInput {
  events: readonly TraceEvent[] | null
  cursor: number
  playing: boolean
  speed: number
  stepForward: () => void
}

/** Before the first step: a short beat, so the first arrow is seen leaving. */
const LEAD_IN_MS = 120

/**
 * While playing, advances the cursor once the current step has had its time on screen. Steps are
 * scheduled against the time the previous one was due, not when React got round to rendering it,
 * so a run takes the time `stepDurationsMs` promises however many steps it has. The store's
 * `stepForward()` stops playing at the last step.
 */
export function usePlayback({ events, cursor, playing, speed, stepForward }: PlaybackInput): void {
  /** When the step at `cursor` was due to start, if playback scheduled it. */
  const due = useRef<{ cursor: number; atMs: number } | null>(null)
  useEffect(() => {
    if (!playing || !events || events.length === 0) {
      due.current = null
      return
    }
    const now = performance.now()
    const startedAtMs = due.current?.cursor === cursor ? due.current.atMs : now
    const endsAtMs = startedAtMs + (cursor < 0 ? LEAD_IN_MS : (stepDurationsMs(events, speed)[cursor] ?? 0))
    const timer = window.setTimeout(() => {
      due.current = { cursor: cursor + 1, atMs: endsAtMs }
      stepForward()
    }, Math.max(0, endsAtMs - now))
    return () => window.clearTimeout(timer)
  }, [events, cursor, playing, speed, stepForward])
}
