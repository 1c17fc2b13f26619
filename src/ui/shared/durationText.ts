// Seconds as words for a learner ("30 days", "1 hour 5 minutes"), through i18n. Every unit is whole
// and rounded down, so what is left is never overstated (59.6 s is "59 seconds", not "1 minute");
// the exact time is always shown beside it. Any number is accepted: NaN or Infinity is worded.
import type { MessageKey, T } from '../../i18n/t'

type Unit = 'year' | 'day' | 'hour' | 'minute' | 'second'

const UNITS: Array<[unit: Unit, sec: number]> = [
  ['year', 365 * 86400],
  ['day', 86400],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
]

/**
 * The largest units of a duration, at most `parts` of them and adjacent ("1 day 2 hours", never
 * "1 day 5 minutes"), each a whole count rounded down; `[{ unit: 'second', count: 0 }]` under a second.
 */
export function durationUnits(totalSec: number, parts: number): Array<{ unit: Unit; count: number }> {
  let rest = Math.floor(Math.abs(totalSec))
  const units: Array<{ unit: Unit; count: number }> = []
  for (const [unit, sec] of UNITS) {
    const count = Math.floor(rest / sec)
    if (count > 0 && units.length < parts) {
      units.push({ unit, count })
      rest -= count * sec
    } else if (units.length > 0) break
  }
  return units.length > 0 ? units : [{ unit: 'second', count: 0 }]
}

/** One unit's words, e.g. "1 day", "29 days". */
export function unitText(unit: Unit, count: number, t: T): string {
  return t(`app.shared.units.${unit}${count === 1 ? '' : 's'}` as MessageKey, { count })
}

/**
 * A duration in words, its sign dropped: the two largest units ("29 days 23 hours") or, with
 * `{ parts: 1 }`, the largest only ("29 days"). "0 seconds" for less than a second.
 */
export function durationText(totalSec: number, t: T, { parts = 2 }: { parts?: 1 | 2 } = {}): string {
  if (!Number.isFinite(totalSec)) return t('app.shared.notADuration')
  return durationUnits(totalSec, parts)
    .map(({ unit, count }) => unitText(unit, count, t))
    .join(' ')
}
