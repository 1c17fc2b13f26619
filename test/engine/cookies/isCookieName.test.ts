// isCookieName is the name rule of the serialisers the real libraries ship, not the app's cookie@1.
import { serialize as appSerialize } from 'cookie'
import { describe, expect, it } from 'vitest'
import { isCookieName } from '../../../src/engine/index'
import { loadAuthjs, v4SetCookieLines } from './realLibraries'

const authjs = await loadAuthjs()

const acceptedBy = (write: () => unknown) => {
  try {
    write()
    return true
  } catch (error) {
    if (!(error instanceof TypeError)) throw error
    return false
  }
}

// Every printable ASCII character, a control character, and a few outside ASCII.
const CHARACTERS = [...Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)), '\t', 'é', '\u00a0', '会']

describe('isCookieName', () => {
  it.each(CHARACTERS.map((c) => [JSON.stringify(c), `a${c}b`]))('agrees with both real serialisers on a name with %s', (_label, name) => {
    const v4 = acceptedBy(() => v4SetCookieLines([{ name, value: 'v', options: {} }]))
    const auth = acceptedBy(() => authjs.web.toResponse({ cookies: [{ name, value: 'v', options: {} }] }))
    expect(v4).toBe(auth)
    expect(isCookieName(name)).toBe(v4)
  })

  it('refuses names the app\'s cookie@1 would write', () => {
    for (const name of ['my@session', 'a(b)', 'a[b]']) {
      expect(acceptedBy(() => appSerialize(name, 'v'))).toBe(true)
      expect(isCookieName(name)).toBe(false)
    }
    expect(isCookieName('')).toBe(false)
    expect(isCookieName('__Secure-next-auth.session-token')).toBe(true)
  })
})
