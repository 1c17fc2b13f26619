// Durations are worded in whole units rounded down, so the screen never says there is more time than there is.
import { describe, expect, it } from 'vitest'
import { loadLocale, translate, type MessageKey, type MessageParams } from '../../../src/i18n/t'
import { durationText } from '../../../src/ui/shared/durationText'

const en = (key: MessageKey, params?: MessageParams) => translate('en', key, params)
const zh = (key: MessageKey, params?: MessageParams) => translate('zh', key, params)

describe(durationText, () => {
  it('words a duration that is not a number instead of throwing', () => {
    expect(durationText(Number.POSITIVE_INFINITY, en)).toBe('not a duration')
    expect(durationText(Number.NaN, en)).toBe('not a duration')
  })

  it('gives the two largest adjacent units, each rounded down', () => {
    expect(durationText(59.6, en)).toBe('59 seconds')
    expect(durationText(3599.9, en)).toBe('59 minutes 59 seconds')
    expect(durationText(30 * 86400 - 1, en)).toBe('29 days 23 hours')
    expect(durationText(86400 + 300, en)).toBe('1 day')
    expect(durationText(400 * 86400, en)).toBe('1 year 35 days')
    expect(durationText(-90, en)).toBe('1 minute 30 seconds')
    expect(durationText(0.4, en)).toBe('0 seconds')
  })

  it('gives the largest unit alone when asked', () => {
    expect(durationText(59.6 * 60, en, { parts: 1 })).toBe('59 minutes')
    expect(durationText(29.9 * 86400, en, { parts: 1 })).toBe('29 days')
  })

  it('words the units in the interface language', async () => {
    await loadLocale('zh')
    expect(durationText(86400 + 7200, zh)).toBe('1 天 2 小时')
  })
})
