// Simulated times as text, through i18n: the Set-Cookie `Expires` format, and dates for people in the
// interface language, always in UTC. Every formatter here accepts any number: a time past what a JS
// Date can hold (±8.64e12 s) or NaN becomes a plain "not a date" text instead of throwing in render.
import type { T } from '../../i18n/t'

/** The Date for a simulated Unix time, or null when JavaScript cannot represent it. */
function dateOf(atSec: number): Date | null {
  const date = new Date(atSec * 1000)
  return Number.isNaN(date.getTime()) ? null : date
}

/** ISO 8601 for a `<time dateTime>`, or undefined when the time is not a representable date. */
export function safeIso(atSec: number): string | undefined {
  return dateOf(atSec)?.toISOString()
}

/**
 * A simulated Unix time as the HTTP date a `Set-Cookie` `Expires` carries, e.g. "Thu, 01 Jan 2026
 * 00:00:00 GMT" (the same in every language: it quotes the header). Outside the Date range: the raw
 * seconds, worded by `t` when given.
 */
export function utcText(atSec: number, t?: T): string {
  const date = dateOf(atSec)
  if (date) return date.toUTCString()
  return t ? t('app.shared.notADate', { sec: String(atSec) }) : `${atSec}`
}

/**
 * `utcText` on two lines for a narrow column: the day ("Thu, 01 Jan 2026"), then the time
 * ("00:00:00 GMT"). Outside the Date range: the worded seconds, and no time.
 */
export function utcLines(atSec: number, t: T): { date: string; time: string } {
  const date = dateOf(atSec)
  if (!date) return { date: t('app.shared.notADate', { sec: String(atSec) }), time: '' }
  const text = date.toUTCString()
  // "Www, DD Mmm YYYY HH:MM:SS GMT": the time is the last two words (a year past 9999 has more digits, not more words).
  const split = text.lastIndexOf(' ', text.lastIndexOf(' ') - 1)
  return { date: text.slice(0, split), time: text.slice(split + 1) }
}

/** How `locale`'s catalogue formats dates: `app.shared.dateLocale` is its BCP 47 tag. */
function formatter(t: T, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const tag = t('app.shared.dateLocale')
  const key = `${tag}|${JSON.stringify(options)}`
  let format = FORMATS.get(key)
  if (!format) {
    format = new Intl.DateTimeFormat(tag, { timeZone: 'UTC', ...options })
    FORMATS.set(key, format)
  }
  return format
}
const FORMATS = new Map<string, Intl.DateTimeFormat>()

const DATE_TIME: Intl.DateTimeFormatOptions = { weekday: 'short', day: '2-digit', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }

/** A simulated time for people, in the interface language and in UTC, e.g. "Thu, 01 Jan 2026, 00:00:00 UTC" / "2026年1月01日周四 00:00:00 UTC". */
export function dateTimeText(atSec: number, t: T): string {
  const date = dateOf(atSec)
  if (!date) return t('app.shared.notADate', { sec: String(atSec) })
  return t('app.shared.dateTimeUtc', { dateTime: formatter(t, DATE_TIME).format(date) })
}

/** The same time as two short lines (date, then time), for narrow cards. */
export function dateTimeLines(atSec: number, t: T): { date: string; time: string } {
  const date = dateOf(atSec)
  if (!date) return { date: t('app.shared.notADate', { sec: String(atSec) }), time: '' }
  return { date: formatter(t, { dateStyle: 'medium' }).format(date), time: t('app.shared.timeUtc', { time: formatter(t, { timeStyle: 'medium', hourCycle: 'h23' }).format(date) }) }
}
