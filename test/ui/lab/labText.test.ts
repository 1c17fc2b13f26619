// How the lab words durations and dates: whole units rounded down (never more time than there is),
// one/other forms, and the same moment on this computer's clock beside the UTC date.
import { describe, expect, it } from 'vitest'
import { translate, type MessageKey, type MessageParams } from '../../../src/i18n/t'
import { countWords, durationWords, localDateWords, remainingWords, utcOffsetText } from '../../../src/ui/lab/labText'

const t = (key: MessageKey, params?: MessageParams) => translate('en', key, params)

describe(durationWords, () => {
  it('rounds down to the largest whole unit, so it never says more than the truth', () => {
    expect(durationWords(59.6 * 60, t)).toBe('59 minutes')
    expect(durationWords(3599, t)).toBe('59 minutes')
    expect(durationWords(3600, t)).toBe('1 hour')
    expect(durationWords(29.5 * 86400, t)).toBe('29 days')
    expect(durationWords(14.9, t)).toBe('14 seconds')
    expect(durationWords(0, t)).toBe('0 seconds')
    expect(remainingWords(30 * 86400 - 1, t)).toBe('29 more days')
    expect(remainingWords(86400, t)).toBe('1 more day')
  })
})

describe(countWords, () => {
  it('picks the one or other form by the count', () => {
    expect(countWords(t, 'lab.detection.chunksJoined', 1, { order: '.0' })).toBe('1 chunk: .0')
    expect(countWords(t, 'lab.detection.chunksJoined', 3, { order: '.0, .1, .2' })).toBe('3 chunks joined in order: .0, .1, .2')
    expect(countWords(t, 'lab.make.setCookieInfo', 1, { chunk: 3933 })).toContain('1 cookie.')
  })
})

describe(localDateWords, () => {
  it('writes the moment on this computer’s clock with its UTC offset', () => {
    const atSec = Date.UTC(2030, 0, 1, 12, 0, 5) / 1000
    const local = new Date(atSec * 1000)
    expect(localDateWords(atSec, t)).toMatch(/^2030-01-0[12] \d\d:\d\d:05, UTC[+-]\d\d:\d\d$/)
    expect(localDateWords(atSec, t)).toContain(`UTC${utcOffsetText(-local.getTimezoneOffset())}`)
  })

  it('formats offsets east and west of UTC', () => {
    expect(utcOffsetText(120)).toBe('+02:00')
    expect(utcOffsetText(-330)).toBe('-05:30')
    expect(utcOffsetText(0)).toBe('+00:00')
  })
})
