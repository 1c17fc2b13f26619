import { describe, expect, it } from 'vitest'
import { CHUNK_SIZE, ESTIMATED_EMPTY_COOKIE_SIZE, ALLOWED_COOKIE_SIZE, createSessionStore, defaultCookies } from '../../../src/engine/index'
import type { ChunkingLogPayload, FlowFlavor, OutgoingCookie } from '../../../src/engine/index'
import { loadAuthjs, recordingLogger, v4, type RealCookie } from './realLibraries'

const authjs = await loadAuthjs()
const FLAVORS: FlowFlavor[] = ['next-auth-v4', 'authjs']
const EXPIRES_SEC = 1_769_817_600

/** A JWE-like ASCII string of `length` characters that differs at every position, so misplaced chunks show. */
function tokenOf(length: number, seed = 0): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.'
  let text = ''
  for (let i = 0; i < length; i++) text += alphabet[(i * 7 + seed + Math.floor(i / 64)) % alphabet.length]
  return text
}

function realStore(flavor: FlowFlavor, secure: boolean, requestCookies: Record<string, string>) {
  const logger = recordingLogger()
  const option = flavor === 'next-auth-v4' ? v4.cookie.defaultCookies(secure).sessionToken! : authjs.cookie.defaultCookies(secure).sessionToken!
  const store =
    flavor === 'next-auth-v4'
      ? new v4.cookie.SessionStore(option, { cookies: requestCookies }, logger)
      : new authjs.cookie.SessionStore(option, requestCookies, logger)
  return { store, logger }
}

function ourStore(flavor: FlowFlavor, secure: boolean, requestCookies: Record<string, string>) {
  const logs: ChunkingLogPayload[] = []
  const store = createSessionStore({
    flavor,
    cookie: defaultCookies(flavor, secure).sessionToken,
    requestCookies,
    logger: { debug: (_code, payload) => void logs.push(payload) },
  })
  return { store, logs }
}

/** Our cookies in the real shape (`expires: Date` instead of `expiresAtSec`). */
function asReal(cookies: OutgoingCookie[]): RealCookie[] {
  return cookies.map(({ name, value, options: { expiresAtSec, ...rest } }) => ({
    name,
    value,
    options: { ...rest, ...(expiresAtSec === undefined ? {} : { expires: new Date(expiresAtSec * 1000) }) },
  }))
}

/** Runs the same request cookies and writes through both stores and compares everything observable. */
function compare(flavor: FlowFlavor, requestCookies: Record<string, string>, writes: (string | null)[], secure = false) {
  const real = realStore(flavor, secure, requestCookies)
  const ours = ourStore(flavor, secure, requestCookies)
  expect(ours.store.value).toBe(real.store.value)
  const outputs: RealCookie[][] = []
  for (const write of writes) {
    const theirs = write === null ? real.store.clean() : real.store.chunk(write, { expires: new Date(EXPIRES_SEC * 1000) })
    const mine = write === null ? ours.store.clean() : ours.store.chunk(write, { expiresAtSec: EXPIRES_SEC })
    expect(asReal(mine)).toEqual(theirs)
    expect(ours.store.value).toBe(real.store.value)
    outputs.push(theirs)
  }
  expect(ours.logs).toEqual(real.logger.entries.map((entry) => entry.meta))
  expect(real.logger.entries.every((entry) => entry.code === 'CHUNKING_SESSION_COOKIE')).toBe(true)
  return outputs
}

const names = (cookies: RealCookie[]) => cookies.map((c) => c.name)
const lengths = (cookies: RealCookie[]) => cookies.map((c) => c.value.length)

describe('chunk size constants', () => {
  it('match the constants in the real source files', () => {
    const v4Source = v4.source('core/lib/cookie.js')
    const authjsSource = authjs.source('lib/utils/cookie.js')
    const constant = (source: string, name: string) => Number(new RegExp(`const ${name} = (\\d+);`).exec(source)?.[1])
    expect(constant(v4Source, 'ALLOWED_COOKIE_SIZE')).toBe(ALLOWED_COOKIE_SIZE)
    expect(constant(authjsSource, 'ALLOWED_COOKIE_SIZE')).toBe(ALLOWED_COOKIE_SIZE)
    expect(constant(v4Source, 'ESTIMATED_EMPTY_COOKIE_SIZE')).toBe(ESTIMATED_EMPTY_COOKIE_SIZE['next-auth-v4'])
    expect(constant(authjsSource, 'ESTIMATED_EMPTY_COOKIE_SIZE')).toBe(ESTIMATED_EMPTY_COOKIE_SIZE.authjs)
    expect(CHUNK_SIZE).toEqual({ 'next-auth-v4': 3933, authjs: 3936 })
  })

  for (const flavor of FLAVORS) {
    it(`are where the real ${flavor} store starts to split`, () => {
      const size = CHUNK_SIZE[flavor]
      expect(names(realStore(flavor, false, {}).store.chunk(tokenOf(size), {}))).toHaveLength(1)
      expect(names(realStore(flavor, false, {}).store.chunk(tokenOf(size + 1), {}))).toHaveLength(2)
    })
  }
})

describe('createSessionStore', () => {
  for (const flavor of FLAVORS) {
    const size = CHUNK_SIZE[flavor]
    const { name } = defaultCookies(flavor, false).sessionToken

    describe(flavor, () => {
      it('writes a small value under the bare name', () => {
        const [out] = compare(flavor, {}, [tokenOf(500)])
        expect(names(out!)).toEqual([name])
      })

      it('keeps a value of exactly the chunk size in one cookie, and splits one more character into .0 and .1', () => {
        expect(names(compare(flavor, {}, [tokenOf(size)])[0]!)).toEqual([name])
        const [split] = compare(flavor, {}, [tokenOf(size + 1)])
        expect(names(split!)).toEqual([`${name}.0`, `${name}.1`])
        expect(lengths(split!)).toEqual([size, 1])
      })

      it('splits 8924 and 24939 characters like the real store', () => {
        const [three] = compare(flavor, {}, [tokenOf(8924)])
        expect(lengths(three!)).toEqual([size, size, 8924 - 2 * size])
        const [seven] = compare(flavor, {}, [tokenOf(24_939)])
        expect(seven).toHaveLength(7)
      })

      it('deletes the bare name first when going from unchunked to chunked', () => {
        const [out] = compare(flavor, { [name]: tokenOf(100) }, [tokenOf(size * 2)])
        expect(out!.map((c) => [c.name, c.options.maxAge])).toEqual([
          [name, 0],
          [`${name}.0`, undefined],
          [`${name}.1`, undefined],
        ])
      })

      it('deletes the chunks and appends the bare name when going from chunked to unchunked', () => {
        const [out] = compare(flavor, { [`${name}.0`]: tokenOf(size), [`${name}.1`]: tokenOf(10) }, [tokenOf(200)])
        expect(out!.map((c) => [c.name, c.value.length])).toEqual([
          [`${name}.0`, 0],
          [`${name}.1`, 0],
          [name, 200],
        ])
      })

      it('overwrites .0-.2 in place and deletes .3-.6 when 7 chunks become 3', () => {
        const seven = Object.fromEntries(Array.from({ length: 7 }, (_, i) => [`${name}.${i}`, tokenOf(i === 6 ? 50 : size, i)]))
        const [out] = compare(flavor, seven, [tokenOf(size * 2 + 10)])
        expect(out!.map((c) => [c.name, c.options.maxAge === 0 ? 'deleted' : 'set'])).toEqual([
          [`${name}.0`, 'set'],
          [`${name}.1`, 'set'],
          [`${name}.2`, 'set'],
          [`${name}.3`, 'deleted'],
          [`${name}.4`, 'deleted'],
          [`${name}.5`, 'deleted'],
          [`${name}.6`, 'deleted'],
        ])
      })

      it('sorts .10 after .2 when reading back eleven chunks given out of order', () => {
        const parts = Array.from({ length: 11 }, (_, i) => [`${name}.${i}`, `<${i}>`] as const)
        const shuffled = Object.fromEntries([parts[10]!, parts[2]!, parts[0]!, ...parts.slice(3, 10), parts[1]!])
        compare(flavor, shuffled, [])
        expect(ourStore(flavor, false, shuffled).store.value).toBe(parts.map(([, v]) => v).join(''))
      })

      it('reads a bare name next to chunks the same way (garbage), then deletes all of them', () => {
        const mixed = { [`${name}.1`]: 'B', [name]: 'X', [`${name}.0`]: 'A' }
        const [cleaned] = compare(flavor, mixed, [null])
        expect(names(cleaned!).sort()).toEqual([name, `${name}.0`, `${name}.1`].sort())
      })

      it('sweeps in a cookie whose name merely starts with the session cookie name', () => {
        const legacy = { [`${name}-legacy`]: 'L', [name]: 'T' }
        compare(flavor, legacy, [tokenOf(10)])
        expect(ourStore(flavor, false, legacy).store.chunkNames).toContain(`${name}-legacy`)
      })

      it('treats empty request values as the real store does and a name ending in "." likewise', () => {
        compare(flavor, { [`${name}.0`]: 'A', [`${name}.1`]: '', [`${name}.`]: 'Z', [`${name}.2`]: 'C' }, [tokenOf(20)])
      })

      it('logs CHUNKING_SESSION_COOKIE with the real payload, also for an empty value', () => {
        compare(flavor, {}, [tokenOf(8924), '', tokenOf(size)])
        const { store, logs } = ourStore(flavor, false, {})
        store.chunk(tokenOf(size + 1000))
        expect(logs).toEqual([
          {
            message: 'Session cookie exceeds allowed 4096 bytes.',
            emptyCookieSize: ESTIMATED_EMPTY_COOKIE_SIZE[flavor],
            valueSize: size + 1000,
            chunks: [ALLOWED_COOKIE_SIZE, 1000 + ESTIMATED_EMPTY_COOKIE_SIZE[flavor]],
          },
        ])
      })

      it('keeps state between calls: a second write deletes the first write’s chunks', () => {
        compare(flavor, { [name]: 'old' }, [tokenOf(size * 3), tokenOf(30), null, tokenOf(size + 5)])
      })

      it('uses the secure name and options when secure cookies are on', () => {
        const [out] = compare(flavor, {}, [tokenOf(size + 1)], true)
        expect(out![0]!.name.startsWith('__Secure-')).toBe(true)
        expect(out![0]!.options.secure).toBe(true)
      })
    })
  }

  it('differs between flavours on a name ending in ".": v4 sorts it as NaN, Auth.js as 0', () => {
    const request = (name: string) => ({ [`${name}.1`]: 'B', [`${name}.`]: 'Z', [`${name}.0`]: 'A' })
    for (const flavor of FLAVORS) compare(flavor, request(defaultCookies(flavor, false).sessionToken.name), [])
    expect(ourStore('next-auth-v4', false, request('next-auth.session-token')).store.value).toBe('BZA')
    expect(ourStore('authjs', false, request('authjs.session-token')).store.value).toBe('ZAB')
  })

  it('differs between flavours on empty chunk values: v4 deletes them too, Auth.js never saw them', () => {
    const request = { 'next-auth.session-token': '', 'authjs.session-token': '' }
    expect(ourStore('next-auth-v4', false, request).store.clean().map((c) => c.name)).toEqual(['next-auth.session-token'])
    expect(ourStore('authjs', false, request).store.clean()).toEqual([])
  })
})
