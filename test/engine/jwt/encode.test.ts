// What encode refuses (as a coded error where the real one throws), the one difference we chose, and
// the encode-specific details: seeded randomness, encodeDetailed, the 2038 truncation of `now | 0`.
import { compactDecrypt } from 'jose'
import { describe, expect, it } from 'vitest'
import { createSeededRandom, decode, deriveKey, encode, encodeDetailed } from '../../../src/engine/index'
import { NOW_SEC, atTime, errorSignature, ourOutcome, realAuthjs, realOutcome, realV4 } from './realLibraries'

const SECRET = 'encode-secret-that-is-long-enough'
const SALT = 'authjs.session-token'

class Account {
  id = 1
}
const circular: Record<string, unknown> = { a: 1 }
circular.self = circular

const FLAVORS = [
  { flavor: 'next-auth-v4' as const, real: realV4, salt: undefined },
  { flavor: 'authjs' as const, real: realAuthjs, salt: SALT },
]

describe('encode', () => {
  for (const { flavor, real, salt } of FLAVORS) {
    describe(flavor, () => {
      const payloads: [string, unknown][] = [
        ['an array', [1, 2]],
        ['a string', 'alice'],
        ['null', null],
        ['a Date', new Date(0)],
        ['a Map', new Map()],
        ['a class instance', new Account()],
        ['a BigInt inside', { n: 10n }],
        ['a circular object', circular],
      ]
      for (const [label, token] of payloads) {
        it(`refuses ${label} with JWT_CLAIMS_INVALID where the real one throws`, async () => {
          const theirs = await atTime(NOW_SEC, () => realOutcome(() => real.encode({ token, secret: SECRET, salt })))
          expect(theirs.ok).toBe(false)
          expect(await ourOutcome(() => encode({ token, secret: SECRET, salt, flavor, nowSec: NOW_SEC }))).toMatchObject({ ok: false, code: 'JWT_CLAIMS_INVALID' })
        })
      }

      it('a token whose getter or Proxy trap throws: the real one throws that error; ours is JWT_CLAIMS_INVALID with it as the cause', async () => {
        const boom = new Error('boom')
        const tokens = [
          Object.defineProperty({}, 'x', { enumerable: true, get: () => { throw boom } }),
          new Proxy({}, { ownKeys: () => { throw boom } }),
          new Proxy({}, { getPrototypeOf: () => { throw boom } }),
        ]
        for (const token of tokens) {
          const theirs = await atTime(NOW_SEC, () => realOutcome(() => real.encode({ token, secret: SECRET, salt })))
          expect(theirs).toMatchObject({ ok: false })
          const ours = await ourOutcome(() => encode({ token, secret: SECRET, salt, flavor, nowSec: NOW_SEC }))
          expect(ours).toMatchObject({ ok: false, code: 'JWT_CLAIMS_INVALID' })
          expect(errorSignature((ours as { error: Error }).error.cause)).toEqual(errorSignature((theirs as { error: unknown }).error))
        }
      })

      it('refuses no secret with NO_SECRET where the real one throws a TypeError', async () => {
        for (const secret of ['', undefined, null]) {
          const theirs = await atTime(NOW_SEC, () => realOutcome(() => real.encode({ token: {}, secret, salt })))
          expect(theirs).toMatchObject({ ok: false, name: 'TypeError' })
          expect(await ourOutcome(() => encode({ token: {}, secret, salt, flavor, nowSec: NOW_SEC }))).toMatchObject({ ok: false, code: 'NO_SECRET' })
        }
      })

      it('deliberate difference: a maxAge that is not a number is JWT_CLAIMS_INVALID (the real one concatenates it onto the clock)', async () => {
        const theirs = await atTime(NOW_SEC, () => realOutcome(() => real.encode({ token: {}, secret: SECRET, salt, maxAge: '1d' })))
        // v4's jose 4 and Auth.js's jose 6 then parse "<now>1d" as a duration: a token far in the future.
        expect(theirs.ok).toBe(true)
        expect(await ourOutcome(() => encode({ token: {}, secret: SECRET, salt, flavor, maxAge: '1d' as unknown as number, nowSec: NOW_SEC }))).toMatchObject({ ok: false, code: 'JWT_CLAIMS_INVALID', details: { reason: 'maxAge-not-a-number' } })
      })
    })
  }

  it('v4: a function inside the token is dropped, as the real JSON.stringify does', async () => {
    const token = { sub: '1', fn: () => 1 }
    const theirs = await atTime(NOW_SEC, async () => realV4.decode({ token: await realV4.encode({ token, secret: SECRET }), secret: SECRET }))
    const ours = await decode({ token: await encode({ token, secret: SECRET, nowSec: NOW_SEC }), secret: SECRET, nowSec: NOW_SEC })
    expect(theirs).not.toHaveProperty('fn')
    expect(ours).not.toHaveProperty('fn')
  })

  it('Auth.js: a function inside the token is refused (jose 6 structuredClones it): real DataCloneError, ours JWT_CLAIMS_INVALID', async () => {
    const token = { sub: '1', fn: () => 1 }
    expect(await atTime(NOW_SEC, () => realOutcome(() => realAuthjs.encode({ token, secret: SECRET, salt: SALT })))).toMatchObject({ ok: false, name: 'DataCloneError' })
    expect(await ourOutcome(() => encode({ token, secret: SECRET, salt: SALT, flavor: 'authjs', nowSec: NOW_SEC }))).toMatchObject({ ok: false, code: 'JWT_CLAIMS_INVALID', details: { reason: 'not-cloneable' } })
  })

  it('maxAge NaN: v4 writes "exp": null and decode then fails; Auth.js refuses it at encode — both as the real ones', async () => {
    const realV4Token = await atTime(NOW_SEC, () => realV4.encode({ token: {}, secret: SECRET, maxAge: Number.NaN }))
    expect(await atTime(NOW_SEC, () => realOutcome(() => realV4.decode({ token: realV4Token, secret: SECRET })))).toMatchObject({ ok: false, message: '"exp" claim must be a number' })
    const ourV4Token = await encode({ token: {}, secret: SECRET, maxAge: Number.NaN, nowSec: NOW_SEC })
    expect(await ourOutcome(() => decode({ token: ourV4Token, secret: SECRET, nowSec: NOW_SEC }))).toMatchObject({ ok: false, code: 'JWT_CLAIMS_INVALID', details: { claim: 'exp' } })

    expect(await atTime(NOW_SEC, () => realOutcome(() => realAuthjs.encode({ token: {}, secret: SECRET, salt: SALT, maxAge: Number.NaN })))).toMatchObject({ ok: false, name: 'TypeError' })
    expect(await ourOutcome(() => encode({ token: {}, secret: SECRET, salt: SALT, flavor: 'authjs', maxAge: Number.NaN, nowSec: NOW_SEC }))).toMatchObject({ ok: false, code: 'JWT_CLAIMS_INVALID' })
  })

  it('after 2038 the libraries\' `now() | 0` wraps, so exp comes out negative; ours does the same', async () => {
    const after2038 = 2 ** 31 + 1000
    const key = Buffer.from((await deriveKey({ secret: SECRET })).keyHex, 'hex')
    const claimsOf = async (token: string) => JSON.parse(new TextDecoder().decode((await compactDecrypt(token, key)).plaintext))
    const theirs = await claimsOf(await atTime(after2038, () => realV4.encode({ token: {}, secret: SECRET, maxAge: 60 })))
    const ours = await claimsOf(await encode({ token: {}, secret: SECRET, maxAge: 60, nowSec: after2038 }))
    expect(theirs.exp).toBeLessThan(0)
    expect([ours.iat, ours.exp]).toEqual([theirs.iat, theirs.exp])
  })

  it('a seeded random source gives the same token twice; its bytes are the IV and its uuid the jti', async () => {
    const params = { token: { sub: '1' }, secret: SECRET, nowSec: NOW_SEC }
    const first = await encodeDetailed({ ...params, random: createSeededRandom(7) })
    const second = await encodeDetailed({ ...params, random: createSeededRandom(7) })
    expect(second.token).toBe(first.token)
    const expected = createSeededRandom(7)
    const jti = expected.uuid()
    expect(first.claims.jti).toBe(jti)
    expect(Buffer.from(first.token.split('.')[2]!, 'base64url')).toEqual(Buffer.from(expected.bytes(12)))
    expect((await encode({ ...params, random: createSeededRandom(8) }))).not.toBe(first.token)
  })

  it('encodeDetailed returns the header of the token, the claims it carries and the key ladder', async () => {
    for (const [flavor, salt] of [['next-auth-v4', undefined], ['authjs', SALT], ['simplified-hs256', undefined]] as const) {
      const result = await encodeDetailed({ token: { sub: '1', when: new Date(0), gone: undefined }, secret: SECRET, salt, flavor, nowSec: NOW_SEC })
      expect(result.header).toEqual(JSON.parse(Buffer.from(result.token.split('.')[0]!, 'base64url').toString()))
      expect(result.claims).toEqual(await decode({ token: result.token, secret: SECRET, salt, flavor, nowSec: NOW_SEC }))
      expect(result.claims.when).toBe('1970-01-01T00:00:00.000Z')
      expect(result.key).toEqual(await deriveKey({ secret: SECRET, salt, flavor }))
    }
  })
})
