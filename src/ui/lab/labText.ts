// Durations and dates as the lab words them: the largest whole unit ("29 more days", "3 days ago")
// and UTC dates, the way Set-Cookie writes Expires.
import type { MessageKey, MessageParams } from '../../i18n/t'

type T = (key: MessageKey, params?: MessageParams) => string
type Unit = 'year' | 'day' | 'hour' | 'minute' | 'second'

const UNITS: [Unit, number][] = [
  ['year', 365 * 86400],
  ['day', 86400],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
]

/** The largest unit that fits, rounded as people say it: 28 days 23 hours is "29 days"; the exact date is shown beside it. */
function largestUnit(totalSec: number): { unit: Unit; n: number } {
  const sec = Math.abs(Math.trunc(totalSec))
  for (const [unit, size] of UNITS) if (sec >= size) return { unit, n: Math.round(sec / size) }
  return { unit: 'second', n: 0 }
}

/** "3 days", "1 hour", "14 seconds". */
export function durationWords(totalSec: number, t: T): string {
  const { unit, n } = largestUnit(totalSec)
  return t(`lab.units.${unit}${n === 1 ? '' : 's'}` as MessageKey, { n })
}

/** "29 more days". */
export function remainingWords(totalSec: number, t: T): string {
  const { unit, n } = largestUnit(totalSec)
  return t(`lab.unitsMore.${unit}${n === 1 ? '' : 's'}` as MessageKey, { n })
}

/** A Unix time as UTC text, e.g. "Tue, 01 Jan 2030 00:00:00 GMT". */
export function dateWords(atSec: number): string {
  const date = new Date(atSec * 1000)
  return Number.isNaN(date.getTime()) ? String(atSec) : date.toUTCString()
}

/** `datetime-local` value ("2030-01-01T12:00") for a Unix time, in the browser's time zone. */
export function toLocalInputValue(atSec: number): string {
  const date = new Date(atSec * 1000)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`
}

/** Unix seconds from a `datetime-local` value, or null when it is empty or invalid. */
export function fromLocalInputValue(value: string): number | null {
  if (value === '') return null
  const ms = new Date(value).getTime()
  return Number.isNaN(ms) ? null : Math.floor(ms / 1000)
}
