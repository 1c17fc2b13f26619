// Keys are derived once per (secret, salt, flavour, length) and the cache stays bounded.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { KEY_CACHE_MAX_ENTRIES, clearKeyCache, decode, deriveKey, encode } from '../../../src/engine/index'
import { createLruCache } from '../../../src/engine/jwt/createLruCache'
import { NOW_SEC } from './realLibraries'

describe('the derived-key cache', () => {
  beforeEach(() => clearKeyCache())
  afterEach(() => vi.restoreAllMocks())

  it('derives a key once, however many tokens use it', async () => {
    const deriveBits = vi.spyOn(crypto.subtle, 'deriveBits')
    const token = await encode({ token: {}, secret: 'cached', nowSec: NOW_SEC })
    await Promise.all(Array.from({ length: 10 }, () => decode({ token, secret: 'cached', nowSec: NOW_SEC })))
    await encode({ token: {}, secret: 'cached', nowSec: NOW_SEC })
    await deriveKey({ secret: 'cached' })
    expect(deriveBits).toHaveBeenCalledTimes(1)
  })

  it('keeps keys apart by salt, flavour and length', async () => {
    const deriveBits = vi.spyOn(crypto.subtle, 'deriveBits')
    await deriveKey({ secret: 's' })
    await deriveKey({ secret: 's', salt: 'x' })
    await deriveKey({ secret: 's', salt: 'x', flavor: 'authjs' })
    await deriveKey({ secret: 's', salt: 'x', flavor: 'authjs', enc: 'A256GCM' })
    expect(deriveBits).toHaveBeenCalledTimes(4)
    expect(new Set([await deriveKey({ secret: 's' }), await deriveKey({ secret: 's', salt: 'x' })].map((k) => k.keyHex)).size).toBe(2)
  })

  it(`forgets the least recently used key after ${KEY_CACHE_MAX_ENTRIES} others`, async () => {
    const deriveBits = vi.spyOn(crypto.subtle, 'deriveBits')
    await deriveKey({ secret: 'first' })
    for (let i = 0; i < KEY_CACHE_MAX_ENTRIES; i++) await deriveKey({ secret: `typed-${i}` })
    expect(deriveBits).toHaveBeenCalledTimes(KEY_CACHE_MAX_ENTRIES + 1)
    await deriveKey({ secret: 'first' })
    expect(deriveBits).toHaveBeenCalledTimes(KEY_CACHE_MAX_ENTRIES + 2)
  })
})

describe(createLruCache, () => {
  it('evicts the least recently used entry, a read counting as a use', () => {
    const cache = createLruCache<string, number>(2)
    cache.set('a', 1)
    cache.set('b', 2)
    expect(cache.get('a')).toBe(1)
    cache.set('c', 3)
    expect([cache.get('a'), cache.get('b'), cache.get('c'), cache.size]).toEqual([1, undefined, 3, 2])
  })
})
