// Property-style: whatever a learner pastes or configures, decode/encode either succeed or reject with
// an EngineError carrying a known code — never a raw jose error, TypeError or hang — and inspect never throws.
import { describe, expect, it } from 'vitest'
import { ENGINE_ERROR_CODES, decode, encode, inspect, isEngineError } from '../../../src/engine/index'
import { HUGE, garbageTokens } from '../../helpers/hostileTokens'
import { NOW_SEC } from './realLibraries'

const SECRET = 'garbage-secret'
const SALT = 'authjs.session-token'
const FLAVORS = ['next-auth-v4', 'authjs', 'simplified-hs256'] as const

async function expectOnlyEngineErrors(run: () => Promise<unknown>, label: unknown): Promise<'ok' | string> {
  try {
    await run()
    return 'ok'
  } catch (error) {
    if (!isEngineError(error) || !ENGINE_ERROR_CODES.includes(error.code)) {
      throw new Error(`not an EngineError for ${String(typeof label === 'string' ? label.slice(0, 120) : typeof label)}: ${String(error)}`, { cause: error })
    }
    return error.code
  }
}

describe('garbage in, coded errors out', () => {
  for (const [index, flavor] of FLAVORS.entries()) {
    it(`decode (${flavor}) rejects every garbage token with an EngineError, and inspect never throws`, async () => {
      const valid = await encode({ token: { sub: '1', name: 'Alice' }, secret: SECRET, salt: SALT, flavor, nowSec: NOW_SEC })
      const inputs = [...garbageTokens(valid, 1000 + index), ...HUGE]
      const codes = new Set<string>()
      for (const token of inputs) {
        codes.add(await expectOnlyEngineErrors(() => decode({ token, secret: SECRET, salt: SALT, flavor, nowSec: NOW_SEC }), token))
        const inspected = inspect(token)
        expect(Array.isArray(inspected.problems)).toBe(true)
      }
      expect(inputs.length).toBeGreaterThan(1000)
      // The garbage really exercises the mapping (not all one code), and nothing garbled slipped through as valid JSON claims of another shape.
      expect(codes.has('JWT_MALFORMED')).toBe(true)
      expect(codes.size).toBeGreaterThan(2)
    }, 60_000)
  }

  it('decode with garbage secrets and salts gives EngineErrors', async () => {
    for (const flavor of FLAVORS) {
      const valid = await encode({ token: {}, secret: SECRET, salt: SALT, flavor, nowSec: NOW_SEC })
      for (const secret of [undefined, null, '', 0, 42, true, {}, [], [''], [SECRET, 5], [5, SECRET], new Uint8Array(3), Symbol('s'), () => SECRET]) {
        for (const salt of [SALT, undefined, null, 7, {}, '']) {
          await expectOnlyEngineErrors(() => decode({ token: valid, secret: secret as string, salt: salt as string, flavor, nowSec: NOW_SEC }), `${String(typeof secret)}/${String(salt)}`)
        }
      }
    }
  })

  it('encode with garbage payloads, secrets and maxAge gives a token or an EngineError', async () => {
    const circular: Record<string, unknown> = {}
    circular.self = circular
    const payloads = [undefined, null, 0, 'str', [], [1], new Date(), new Map(), new (class X {})(), { n: 1n }, circular, { f: () => 1 }, { s: Symbol('x') }, { deep: { deeper: { u: undefined } } }, Object.create(null), { nbf: Number.NaN }, { exp: 'x' }, { lone: '\ud800' }]
    const maxAges = [undefined, 0, -1, 0.5, Number.NaN, Infinity, -Infinity, 1e308, '5', null, {}, 2 ** 53]
    for (const flavor of FLAVORS) {
      for (const token of payloads) await expectOnlyEngineErrors(() => encode({ token, secret: SECRET, salt: SALT, flavor, nowSec: NOW_SEC }), token)
      for (const maxAge of maxAges) await expectOnlyEngineErrors(() => encode({ token: {}, secret: SECRET, salt: SALT, flavor, maxAge: maxAge as number, nowSec: NOW_SEC }), maxAge)
      for (const secret of [undefined, '', 5, [], [''], {}, [null]]) await expectOnlyEngineErrors(() => encode({ token: {}, secret: secret as string, salt: SALT, flavor, nowSec: NOW_SEC }), secret)
    }
  })
})
