// The English text states NextAuth facts in words ("15 s of tolerance", "30 days", "4096 bytes",
// "A256GCM", "the 16-byte tag", "a 64-byte key"). Each such fact must equal the engine constant that
// the engine tests pin against the real next-auth / @auth/core, so the UI never teaches a number the
// real package does not use. The Chinese text states the same facts with the same numbers.
import { describe, expect, it } from 'vitest'
import { en } from '../../src/i18n/en'
import { zh } from '../../src/i18n/zh'
import { ALLOWED_COOKIE_SIZE, BROWSER_MAX_NAME_VALUE_BYTES, CLOCK_TOLERANCE_SEC, CONTENT_ENCRYPTION, DEFAULT_MAX_AGE_SEC, isCookieName, JWT_CONSTANTS } from '../../src/engine/index'

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

/** Key and tag sizes by what the text names just before the number: an enc, or a library. */
const SIZES: Record<string, { keyBytes: number; tagBytes: number }> = {
  A256GCM: CONTENT_ENCRYPTION.A256GCM,
  'A256CBC-HS512': CONTENT_ENCRYPTION['A256CBC-HS512'],
  v4: JWT_CONSTANTS['next-auth-v4'],
  'Auth.js': JWT_CONSTANTS.authjs,
}
const SIZE_CONTEXT = /A256CBC-HS512|A256GCM|v4|Auth\.js/g

/** Every key or tag size a text states, with the enc or library named last before it. */
function byteSizes(text: string, pattern: RegExp, kindOf: (match: RegExpMatchArray) => 'key' | 'tag'): { n: number; kind: 'key' | 'tag'; context: string | undefined }[] {
  return [...text.matchAll(pattern)].map((match) => ({ n: Number(match[1] ?? match[3]), kind: kindOf(match), context: [...text.slice(0, match.index).matchAll(SIZE_CONTEXT)].pop()?.[0] }))
}

function expectSizes(catalogue: unknown, pattern: RegExp, kindOf: (match: RegExpMatchArray) => 'key' | 'tag'): number {
  let count = 0
  for (const [path, text] of strings(catalogue)) {
    for (const { n, kind, context } of byteSizes(text, pattern, kindOf)) {
      expect(context, `${path}: which enc or library has a ${n}-byte ${kind}?`).toBeDefined()
      expect(n, `${path} (${context} ${kind})`).toBe(SIZES[context!]![kind === 'key' ? 'keyBytes' : 'tagBytes'])
      count++
    }
  }
  return count
}

describe('key and tag sizes stated in the text', () => {
  it('are the real ones in English ("the 16-byte tag", "a 64-byte key", "derives 32 bytes")', () => {
    const count = expectSizes(en, /\b(\d+)-byte (key|tag)\b|\bderives (\d+) bytes\b/g, (m) => (m[2] === 'tag' ? 'tag' : 'key'))
    expect(count).toBeGreaterThanOrEqual(4)
  })

  it('are the real ones in Chinese ("16 字节的认证标签", "64 字节密钥")', () => {
    // Cookie sizes (4 digits) have their own check; a tag is 标签, anything else here is a key.
    const count = expectSizes(zh, /(?<!\d)(\d{2}) 字节(.{0,6})/g, (m) => (m[2]!.includes('标签') ? 'tag' : 'key'))
    expect(count).toBeGreaterThanOrEqual(4)
  })

  it('quote the one header every v4 token starts with', () => {
    const quoted = [...strings(en), ...strings(zh)].flatMap(([path, text]) => [...text.matchAll(/eyJ[\w-]{10,}/g)].map((m) => [path, m[0]] as const))
    expect(quoted.length).toBeGreaterThan(1)
    for (const [path, segment] of quoted) expect(segment, path).toBe(JWT_CONSTANTS['next-auth-v4'].headerSegment)
  })
})

describe('Auth.js error codes the texts name', () => {
  it('the default CredentialsSignin code is the real @auth/core one, in both languages', async () => {
    const { CredentialsSignin } = await import('@auth/core/errors')
    const real = new CredentialsSignin().code
    const named = [...strings(en), ...strings(zh)].filter(([, text]) => text.includes('CredentialsSignin') && /default|默认/.test(text) && /"\w+"/.test(text))
    expect(named.length).toBeGreaterThanOrEqual(2)
    for (const [path, text] of named) expect([...text.matchAll(/"(\w+)"/g)].map((m) => m[1]), path).toContain(real)
  })
})

describe('cookie-name characters the texts list', () => {
  // isCookieName is the real libraries' rule (pinned in test/engine/cookies); the lists a learner reads must be that rule.
  const lists = [...strings(en), ...strings(zh)].filter(([, text]) => /are allowed|只能使用/.test(text) && text.includes('~'))

  it('allows exactly what the real rule allows, and refuses what they say is refused, in both languages', () => {
    expect(lists.length).toBeGreaterThanOrEqual(4)
    for (const [path, text] of lists) {
      const allowed = /(?:digits and|数字和) (.+?)(?: are allowed|（)/.exec(text)![1]!.split(' ')
      const refused = /(?:quotes or|引号或) (.+?)[)）]。?\.?$/.exec(text)![1]!.split(' ')
      expect(allowed.length, path).toBeGreaterThan(10)
      expect(refused.length, path).toBeGreaterThan(10)
      for (const char of allowed) expect(isCookieName(`a${char}b`), `${path}: ${char}`).toBe(true)
      for (const char of [...refused, ' ', '"']) expect(isCookieName(`a${char}b`), `${path}: ${char}`).toBe(false)
      // Every printable ASCII character is in one of the lists (or a letter, a digit, the space or the quote).
      for (let code = 33; code < 127; code++) {
        const char = String.fromCharCode(code)
        if (/[A-Za-z0-9"]/.test(char)) continue
        expect(allowed.includes(char) || refused.includes(char), `${path}: ${char} is listed`).toBe(true)
      }
    }
  })
})

describe('facts stated in the Chinese text', () => {
  const chinese = strings(zh)
  const english = new Map(strings(en))
  const numbers = (text: string) => (text.replace(/\{\w+\}/g, '').match(/\d+/g) ?? []).sort()

  it('walks the Chinese catalogue', () => {
    expect(chinese.length).toBeGreaterThan(300)
  })

  it('states the same numbers as the English text it translates', () => {
    for (const [path, text] of chinese) if (english.has(path)) expect([path, numbers(text)]).toEqual([path, numbers(english.get(path)!)])
  })

  it('every clock tolerance it names is the real one', () => {
    const found = chinese.filter(([, text]) => /(误差|容差)/.test(text) && /\d+ ?秒/.test(text))
    expect(found.length).toBeGreaterThan(3)
    for (const [path, text] of found) expect([...text.matchAll(/(\d+) ?秒/g)].map((m) => Number(m[1])), path).toContain(CLOCK_TOLERANCE_SEC)
  })

  it('every default lifetime and cookie size limit it names is the real one', () => {
    const lifetimes = chinese.filter(([, text]) => /默认/.test(text) && /\d+ ?天/.test(text))
    expect(lifetimes.length).toBeGreaterThan(0)
    for (const [path, text] of lifetimes) expect(Number(/(\d+) ?天/.exec(text)![1]) * 86_400, path).toBe(DEFAULT_MAX_AGE_SEC)
    const sizes = chinese.filter(([, text]) => /\d{4} ?字节/.test(text))
    expect(sizes.length).toBeGreaterThan(0)
    for (const [path, text] of sizes) expect([ALLOWED_COOKIE_SIZE, BROWSER_MAX_NAME_VALUE_BYTES], path).toContain(Number(/(\d{4}) ?字节/.exec(text)![1]))
  })

  it('names each library with its real content encryption', () => {
    const found = chinese.filter(([, text]) => /(v4|Auth\.js) 生成 dir \+/.test(text))
    expect(found.length).toBeGreaterThan(0)
    for (const [path, text] of found) {
      for (const m of text.matchAll(/(v4|Auth\.js) 生成 dir \+ ([\w-]+)/g)) expect(m[2], path).toBe(m[1] === 'v4' ? JWT_CONSTANTS['next-auth-v4'].enc : JWT_CONSTANTS.authjs.enc)
    }
  })
})

