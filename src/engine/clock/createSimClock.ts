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

/** What the rest of the app may do with the playground's clock: read it. Moving it goes through the playground, which records the move. */
export type ReadonlyClock = Pick<SimClock, 'nowSec' | 'nowMs'>

/** A read-only view of `clock`: the same time, no way to move it. */
export function readonlyClock(clock: SimClock): ReadonlyClock {
  return Object.freeze({ nowSec: () => clock.nowSec(), nowMs: () => clock.nowMs() })
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
