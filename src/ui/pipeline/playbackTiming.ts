// How long each step stays on screen at 1×: travelling steps (requests, cookies) get more time than
// bookkeeping ones, and a whole run is squeezed to fit MAX_RUN_MS so a sign-in plays in under 10 s.
import type { TraceEvent, TraceEventKind } from '../../engine/index'

/** The longest a whole run may play at 1×: leaves room for the engine's run before the first step within 10 s. */
export const MAX_RUN_MS = 8000

const TRAVEL_MS = 750
const WORK_MS = 550
const NOTE_MS = 350

/** Each kind's time on screen at 1× before squeezing; keyed by every event kind, so a new kind fails to compile here. */
export const STEP_BASE_MS: Record<TraceEventKind, number> = {
  'flow.started': NOTE_MS,
  'http.requested': TRAVEL_MS,
  'http.responded': TRAVEL_MS,
  'csrf.checked': NOTE_MS,
  'cookies.read': NOTE_MS,
  'callback.called': WORK_MS,
  'callback.returned': WORK_MS,
  'callback.failed': WORK_MS,
  'token.defaulted': NOTE_MS,
  'jwt.encoded': TRAVEL_MS,
  'jwt.decoded': TRAVEL_MS,
  'jwt.decodeFailed': TRAVEL_MS,
  'cookie.set': TRAVEL_MS,
  'cookie.deleted': TRAVEL_MS,
  'cookie.rejected': WORK_MS,
  'cookie.expired': WORK_MS,
  'session.built': WORK_MS,
  'log.written': NOTE_MS,
  'getToken.resolved': WORK_MS,
  'middleware.decided': WORK_MS,
  'clock.advanced': WORK_MS,
  'flow.failed': WORK_MS,
  'flow.finished': NOTE_MS,
  'config.resolved': NOTE_MS,
  'client.skipped': NOTE_MS,
  'client.updated': NOTE_MS,
  'cookie.tampered': WORK_MS,
  'session.expiries': NOTE_MS,
}

/** The time each step is shown at `speed` (1 = normal), in milliseconds. */
export function stepDurationsMs(events: readonly TraceEvent[], speed = 1): number[] {
  const base = events.map((event) => STEP_BASE_MS[event.kind])
  const total = base.reduce((sum, ms) => sum + ms, 0)
  const squeeze = total > MAX_RUN_MS ? MAX_RUN_MS / total : 1
  return base.map((ms) => (ms * squeeze) / speed)
}
