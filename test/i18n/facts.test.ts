// The English text states NextAuth facts in words ("15 s of tolerance", "30 days", "4096 bytes",
// "A256GCM"). Each such fact must equal the engine constant that the engine tests pin against the
// real next-auth / @auth/core, so the UI never teaches a number the real package does not use.
import { describe, expect, it } from 'vitest'
import { en } from '../../src/i18n/en'
import { ALLOWED_COOKIE_SIZE, BROWSER_MAX_NAME_VALUE_BYTES, CLOCK_TOLERANCE_SEC, DEFAULT_MAX_AGE_SEC, JWT_CONSTANTS } from '../../src/engine/index'

function strings(node: unknown, path = ''): [string, string][] {
  if (typeof node === 'string') return [[path, node]]
  if (node && typeof node === 'object') return Object.entries(node).flatMap(([key, value]) => strings(value, path ? `${path}.${key}` : key))
  return []
}

const all = strings(en)

function mentions(pattern: RegExp): [string, string][] {
  return all.filter(([, text]) => pattern.test(text))
}

describe('facts stated in the English text', () => {
  it('walks every string of the catalogue', () => {
    expect(all.length).toBeGreaterThan(300)
  })

  it('every clock tolerance it names is the real one', () => {
    const found = mentions(/\b\d+\s?(s|seconds)\b[^.]*tolerance|tolerance[^.]*\b\d+\s?(s|seconds)\b/)
    expect(found.length).toBeGreaterThan(3)
    for (const [path, text] of found) {
      const seconds = [...text.matchAll(/\b(\d+)\s?(?:s|seconds)\b/g)].map((m) => Number(m[1]))
      expect(seconds, path).toContain(CLOCK_TOLERANCE_SEC)
    }
  })

  it('every default lifetime it names is the real 30 days', () => {
    const found = mentions(/default|Empty: \d+ days/i).filter(([, text]) => /\b\d+ days\b/.test(text) && /maxAge|lifetime|by default|Empty:/i.test(text))
    expect(found.length).toBeGreaterThan(0)
    for (const [path, text] of found) {
      const days = Number(/\b(\d+) days\b/.exec(text)![1])
      expect(days * 86_400, path).toBe(DEFAULT_MAX_AGE_SEC)
    }
  })

  it('every cookie size limit it names is the real 4096 bytes', () => {
    const found = mentions(/\b\d{4} bytes\b/)
    expect(found.length).toBeGreaterThan(0)
    for (const [path, text] of found) {
      const bytes = Number(/\b(\d{4}) bytes\b/.exec(text)![1])
      expect([ALLOWED_COOKIE_SIZE, BROWSER_MAX_NAME_VALUE_BYTES], path).toContain(bytes)
    }
  })

  it('names each library with its real content encryption', () => {
    for (const [path, text] of mentions(/v4[^.]*(A256GCM|A256CBC-HS512)|(A256GCM|A256CBC-HS512)[^.]*v4/)) {
      if (/v4[^.]*dir \+ (\S+)/.test(text)) expect(/v4[^.]*dir \+ ([\w-]+)/.exec(text)![1], path).toBe(JWT_CONSTANTS['next-auth-v4'].enc)
    }
    for (const [path, text] of mentions(/Auth\.js makes dir \+/)) {
      expect(/Auth\.js makes dir \+ ([\w-]+)/.exec(text)![1], path).toBe(JWT_CONSTANTS.authjs.enc)
    }
  })
})
