// Times are formatted without ever throwing, in the interface's language; the cookie header's format stays as it is.
import { describe, expect, it } from 'vitest'
import { loadLocale, translate, type MessageKey, type MessageParams } from '../../../src/i18n/t'
import { dateTimeLines, dateTimeText, safeIso, utcLines, utcText } from '../../../src/ui/shared/dateText'

const en = (key: MessageKey, params?: MessageParams) => translate('en', key, params)
const zh = (key: MessageKey, params?: MessageParams) => translate('zh', key, params)
const JAN_1_2026 = 1767225600
/** Past the largest time a JS Date holds (8.64e15 ms): what "Advance 100000000 days" reaches. */
const TOO_LATE = 100_000_000 * 86400 + JAN_1_2026

describe('time text', () => {
  it('formats a time outside the Date range instead of throwing', () => {
    expect(() => new Date(TOO_LATE * 1000).toISOString()).toThrow(RangeError)
    expect(safeIso(TOO_LATE)).toBeUndefined()
    expect(utcText(TOO_LATE, en)).toBe(`not a date (${TOO_LATE} s after 1970)`)
    expect(dateTimeText(TOO_LATE, en)).toBe(`not a date (${TOO_LATE} s after 1970)`)
    expect(dateTimeLines(Number.NaN, en).date).toBe('not a date (NaN s after 1970)')
    expect(utcLines(TOO_LATE, en)).toEqual({ date: `not a date (${TOO_LATE} s after 1970)`, time: '' })
  })

  it('keeps the Set-Cookie Expires format, and words human dates in the interface language, in UTC', async () => {
    await loadLocale('zh')
    expect(utcText(JAN_1_2026, en)).toBe('Thu, 01 Jan 2026 00:00:00 GMT')
    expect(safeIso(JAN_1_2026)).toBe('2026-01-01T00:00:00.000Z')
    expect(dateTimeText(JAN_1_2026, en)).toBe('Thu, 01 Jan 2026, 00:00:00 UTC')
    expect(dateTimeText(JAN_1_2026, zh)).toBe('2026年1月01日周四 00:00:00（UTC）')
    expect(dateTimeLines(JAN_1_2026 + 3661, en)).toEqual({ date: '1 Jan 2026', time: '01:01:01 UTC' })
    expect(dateTimeLines(JAN_1_2026, zh)).toEqual({ date: '2026年1月1日', time: '00:00:00（UTC）' })
  })

  it('splits the Expires format into its day and its time, for any year a Date holds', () => {
    expect(utcLines(JAN_1_2026 + 3661, en)).toEqual({ date: 'Thu, 01 Jan 2026', time: '01:01:01 GMT' })
    expect(utcLines(8.64e12, en)).toEqual({ date: 'Sat, 13 Sep 275760', time: '00:00:00 GMT' })
    const { date, time } = utcLines(JAN_1_2026, en)
    expect(`${date} ${time}`).toBe(utcText(JAN_1_2026, en))
  })
})
