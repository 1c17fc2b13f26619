// Durations and dates as the lab words them: the largest whole unit, never rounded up ("59 minutes"
// for 59.6, "29 more days" for 29.9; the shared durationText), and the same moment on this
// computer's clock beside the UTC dates.
import './labMessages'
import type { MessageKey, MessageParams, T } from '../../i18n/t'
import { durationText, durationUnits } from '../shared/durationText'
import { plural } from '../shared/plural'

/** "3 days", "1 hour", "14 seconds": the largest whole unit. */
export function durationWords(totalSec: number, t: T): string {
  return durationText(totalSec, t, { parts: 1 })
}

/** "29 more days". */
export function remainingWords(totalSec: number, t: T): string {
  const { unit, count } = durationUnits(totalSec, 1)[0]!
  return t(`lab.unitsMore.${unit}${count === 1 ? '' : 's'}` as MessageKey, { n: count })
}

/** A message with `one` and `other` forms, picked by `count` (the shared `plural`). */
export function countWords(t: T, key: string, count: number, params: MessageParams = {}): string {
  return plural(t, key, count, params)
}

/** The same moment on this computer's clock, with its offset: "2030-01-01 14:00:00, UTC+02:00". */
export function localDateWords(atSec: number, t: T): string {
  const date = new Date(atSec * 1000)
  if (Number.isNaN(date.getTime())) return String(atSec)
  const pad = (n: number) => String(n).padStart(2, '0')
  return t('lab.result.localTime', {
    date: `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`,
    time: `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`,
    offset: utcOffsetText(-date.getTimezoneOffset()),
  })
}

/** "+02:00", "-05:30", "+00:00" for an offset east of UTC in minutes. */
export function utcOffsetText(offsetMin: number): string {
  const sign = offsetMin < 0 ? '-' : '+'
  const abs = Math.abs(offsetMin)
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`
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
