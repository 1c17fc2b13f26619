// Seconds as words for a learner ("30 days", "1 hour 5 minutes"), through i18n.
import type { MessageKey, MessageParams } from '../../i18n/t'

type T = (key: MessageKey, params?: MessageParams) => string

const UNITS: Array<[sec: number, one: MessageKey, many: MessageKey]> = [
  [86400, 'inspector.time.day', 'inspector.time.days'],
  [3600, 'inspector.time.hour', 'inspector.time.hours'],
  [60, 'inspector.time.minute', 'inspector.time.minutes'],
  [1, 'inspector.time.second', 'inspector.time.seconds'],
]

/** The two largest units of a duration, e.g. "29 days 23 hours"; "0 seconds" for zero. */
export function durationText(totalSec: number, t: T): string {
  let rest = Math.abs(Math.round(totalSec))
  const parts: string[] = []
  for (const [sec, one, many] of UNITS) {
    const count = Math.floor(rest / sec)
    if (count > 0 && parts.length < 2) {
      parts.push(t(count === 1 ? one : many, { count }))
      rest -= count * sec
    } else if (parts.length > 0) break
  }
  return parts.length ? parts.join(' ') : t('inspector.time.seconds', { count: 0 })
}

/** A simulated Unix time as UTC text, e.g. "Thu, 01 Jan 2026 00:00:00 GMT". */
export function utcText(atSec: number): string {
  return new Date(atSec * 1000).toUTCString()
}
