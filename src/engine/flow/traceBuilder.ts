// Collects a flow's events in order, stamping each with its step number, the simulated time and
// the real source file it follows. The result is the Trace the UI animates (src/engine/trace.ts).
import type { SimClock } from '../clock/createSimClock'
import type { CookieJar } from '../cookies/index'
import type { Actor, TraceEvent } from '../trace'
import { toTraceValue } from './plain'

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never

/** An event without the fields the builder stamps. */
export type TraceEventInput = DistributiveOmit<TraceEvent, 'step' | 'atSec' | 'actor' | 'source' | 'jar'>

export interface TraceBuilder {
  readonly events: TraceEvent[]
  emit(actor: Actor, source: string | undefined, event: TraceEventInput): TraceEvent
  /** A fresh id pairing an `http.requested` with its `http.responded`. */
  nextRequestId(): number
}

/** `jar` is the browser's jar: each cookie step records it as it stands once the step is done. */
export function createTraceBuilder(clock: SimClock, jar: Pick<CookieJar, 'snapshot'>): TraceBuilder {
  const events: TraceEvent[] = []
  let requestId = 0
  return {
    events,
    emit(actor, source, event) {
      // Copied to plain JSON-safe data, so no later change to the flow's objects reaches the trace.
      const jarAfter = event.kind.startsWith('cookie.') ? { jar: jar.snapshot() } : {}
      const stamped = toTraceValue({ step: events.length, atSec: clock.nowSec(), actor, ...(source === undefined ? {} : { source }), ...event, ...jarAfter }) as TraceEvent
      events.push(stamped)
      return stamped
    },
    nextRequestId: () => ++requestId,
  }
}
