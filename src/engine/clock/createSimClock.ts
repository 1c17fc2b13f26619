// The simulated clock: the only source of "now" inside the engine. Time moves only when the
// learner advances it, so every expiry decision is reproducible.

export interface SimClock {
  /** Current simulated time in whole Unix seconds. */
  nowSec(): number
  /** Current simulated time in milliseconds (sub-second part kept for `session.expires`). */
  nowMs(): number
  advanceBy(seconds: number): void
  setTo(unixSec: number): void
}

export function createSimClock(startSec: number): SimClock {
  assertFiniteTime(startSec)
  let ms = startSec * 1000
  return {
    nowSec: () => Math.floor(ms / 1000),
    nowMs: () => ms,
    advanceBy(seconds) {
      assertFiniteTime(seconds)
      ms += seconds * 1000
    },
    setTo(unixSec) {
      assertFiniteTime(unixSec)
      ms = unixSec * 1000
    },
  }
}

function assertFiniteTime(value: number): void {
  if (!Number.isFinite(value)) throw new TypeError(`clock time must be a finite number of seconds, got ${value}`)
}
