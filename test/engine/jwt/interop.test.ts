// Our encode/decode against the real next-auth v4 and @auth/core ones, in both directions.
import { describe, expect, it } from 'vitest'
import { decode, decodeDetailed, encode } from '../../../src/engine/index'
import type { RandomSource } from '../../../src/engine/random'
import { NOW_SEC, atTime, realAuthjs, realV4 } from './realLibraries'

const SECRET = 'interop-secret-that-is-long-enough'
const SALT = 'authjs.session-token'

const PAYLOADS: Record<string, Record<string, unknown>> = {
  'default token': { name: 'Alice Example', email: 'alice@example.com', picture: 'https://example.com/alice.png', sub: '1' },
  'custom claims': { sub: '42', role: 'admin', permissions: ['read', 'write'], count: 3, flag: true, nothing: null },
  'nested objects': { sub: '7', profile: { address: { city: 'Zürich', zip: '8000' }, tags: [{ a: 1 }, { b: [1, 2, { c: 'd' }] }] } },
  'Chinese text': { name: '张三', email: 'zhangsan@例子.中国', note: '会话令牌🔐 不是签名，是加密' },
  '~10 KB token': { sub: '1', items: Array.from({ length: 200 }, (_, i) => ({ id: i, label: `item-${i}-${'z'.repeat(20)}` })) },
}

const FLAVORS = [
  { flavor: 'next-auth-v4' as const, real: realV4, salt: undefined },
  { flavor: 'authjs' as const, real: realAuthjs, salt: SALT },
]

/** A RandomSource that hands out exactly the given IV and jti (to re-create a real token byte for byte). */
function replay(iv: Uint8Array, jti: string): RandomSource {
  return { bytes: (n) => (n === iv.length ? new Uint8Array(iv) : (() => { throw new Error(`unexpected ${n}-byte request`) })()), uuid: () => jti }
}

describe('encode and decode against the real libraries', () => {
  for (const { flavor, real, salt } of FLAVORS) {
    describe(flavor, () => {
      for (const [label, payload] of Object.entries(PAYLOADS)) {
        it(`our token (${label}) decodes with the real decode, claims intact`, async () => {
          const token = await encode({ token: payload, secret: SECRET, salt, flavor, nowSec: NOW_SEC })
          const theirs = await atTime(NOW_SEC, () => real.decode({ token, secret: SECRET, salt }))
          expect(theirs).toEqual({ ...payload, iat: NOW_SEC, exp: NOW_SEC + 2592000, jti: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/) })
          expect(await decode({ token, secret: SECRET, salt, flavor, nowSec: NOW_SEC })).toEqual(theirs)
        })

        it(`the real token (${label}) decodes with ours, claims and order intact`, async () => {
          const token = await atTime(NOW_SEC, () => real.encode({ token: payload, secret: SECRET, salt }))
          const theirs = await atTime(NOW_SEC, () => real.decode({ token, secret: SECRET, salt }))
          const ours = await decode({ token, secret: SECRET, salt, flavor, nowSec: NOW_SEC })
          expect(ours).toEqual(theirs)
          expect(Object.keys(ours!)).toEqual(Object.keys(theirs!))
        })

        it(`re-encoding the real token's claims with its IV and jti gives the same string (${label})`, async () => {
          const token = await atTime(NOW_SEC, () => real.encode({ token: payload, secret: SECRET, salt, maxAge: 3600 }))
          const claims = (await decode({ token, secret: SECRET, salt, flavor, nowSec: NOW_SEC }))!
          const iv = Buffer.from(token.split('.')[2]!, 'base64url')
          const ours = await encode({ token: claims, secret: SECRET, salt, flavor, nowSec: NOW_SEC, maxAge: 3600, random: replay(iv, claims.jti as string) })
          expect(ours).toBe(token)
        })
      }

      it('sets iat/exp/jti over existing ones in place and appends missing ones as iat, exp, jti (as the real one)', async () => {
        const payload = { exp: 1, name: 'a', jti: 'mine', nested: { iat: 5 } }
        const ours = await decode({ token: await encode({ token: payload, secret: SECRET, salt, flavor, nowSec: NOW_SEC }), secret: SECRET, salt, flavor, nowSec: NOW_SEC })
        const theirs = await atTime(NOW_SEC, async () => real.decode({ token: await real.encode({ token: payload, secret: SECRET, salt }), secret: SECRET, salt }))
        expect(Object.keys(ours!)).toEqual(Object.keys(theirs!))
        expect(Object.keys(ours!)).toEqual(['exp', 'name', 'jti', 'nested', 'iat'])
        expect(ours!.exp).toBe(theirs!.exp)
        expect(ours!.jti).not.toBe('mine')
      })

      it('writes JSON as the real one: Dates as ISO strings, undefined members dropped, NaN as null', async () => {
        const payload = { when: new Date(Date.UTC(2026, 0, 2, 3, 4, 5)), gone: undefined, nan: Number.NaN }
        const ours = await decode({ token: await encode({ token: payload, secret: SECRET, salt, flavor, nowSec: NOW_SEC }), secret: SECRET, salt, flavor, nowSec: NOW_SEC })
        const theirs = await atTime(NOW_SEC, async () => real.decode({ token: await real.encode({ token: payload, secret: SECRET, salt }), secret: SECRET, salt }))
        expect({ ...ours, jti: 'x' }).toEqual({ ...theirs, jti: 'x' })
        expect(ours).toMatchObject({ when: '2026-01-02T03:04:05.000Z', nan: null })
        expect(ours).not.toHaveProperty('gone')
      })

      it('uses the default maxAge of 30 days like the real one', async () => {
        const theirs = await atTime(NOW_SEC, async () => real.decode({ token: await real.encode({ token: {}, secret: SECRET, salt }), secret: SECRET, salt }))
        const ours = await decode({ token: await encode({ token: {}, secret: SECRET, salt, flavor, nowSec: NOW_SEC }), secret: SECRET, salt, flavor, nowSec: NOW_SEC })
        expect((ours!.exp as number) - (ours!.iat as number)).toBe((theirs!.exp as number) - (theirs!.iat as number))
      })

      it('takes a fractional or negative maxAge as the real one does', async () => {
        for (const maxAge of [0.5, -3, 0]) {
          const theirs = await atTime(NOW_SEC, async () => real.decode({ token: await real.encode({ token: {}, secret: SECRET, salt, maxAge }), secret: SECRET, salt }))
          const ours = await decode({ token: await encode({ token: {}, secret: SECRET, salt, flavor, maxAge, nowSec: NOW_SEC }), secret: SECRET, salt, flavor, nowSec: NOW_SEC })
          expect(ours!.exp).toBe(theirs!.exp)
        }
      })

      it('returns null for an empty token, as the real one', async () => {
        for (const token of ['', null, undefined]) {
          expect(await real.decode({ token, secret: SECRET, salt })).toBeNull()
          expect(await decode({ token, secret: SECRET, salt, flavor, nowSec: NOW_SEC })).toBeNull()
          expect(await decodeDetailed({ token, secret: SECRET, salt, flavor, nowSec: NOW_SEC })).toBeNull()
        }
      })
    })
  }

  it('makes tokens v4 and Auth.js cannot read from each other', async () => {
    const v4Token = await encode({ token: {}, secret: SECRET, nowSec: NOW_SEC })
    const authjsToken = await encode({ token: {}, secret: SECRET, salt: SALT, flavor: 'authjs', nowSec: NOW_SEC })
    await expect(atTime(NOW_SEC, () => realAuthjs.decode({ token: v4Token, secret: SECRET, salt: SALT }))).rejects.toThrow()
    await expect(atTime(NOW_SEC, () => realV4.decode({ token: authjsToken, secret: SECRET }))).rejects.toThrow()
  })
})
