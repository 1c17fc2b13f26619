// The real libraries read the real clock (`Date.now()`); tests run them at the simulated time.
import { vi } from 'vitest'

/** Runs `fn` with `Date` frozen at `nowSec` (timers stay real), then restores the real clock, even when `fn` throws. */
export async function atTime<T>(nowSec: number, fn: () => Promise<T> | T): Promise<T> {
  vi.useFakeTimers({ toFake: ['Date'] })
  // Rounded: a time passed as `nowMs / 1000` must land on the same millisecond.
  vi.setSystemTime(Math.round(nowSec * 1000))
  try {
    return await fn()
  } finally {
    vi.useRealTimers()
  }
}
