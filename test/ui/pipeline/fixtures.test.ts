// The hand-written fixtures the UI tests render must be what the real libraries produce: their
// tokens decode with the real decode, their key ladders are the real HKDF keys, and the constants
// the pipeline's words teach (30-day default, 15 s tolerance) are the real ones.
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { en } from '../../../src/i18n/en'
import {
  AUTHJS_CLAIMS,
  AUTHJS_KEY,
  AUTHJS_TOKEN,
  FIXTURE_NOW_SEC,
  FIXTURE_SECRET,
  V4_CLAIMS,
  V4_CLAIMS_REFRESHED,
  V4_KEY,
  V4_TOKEN,
  V4_TOKEN_REFRESHED,
  makeSignInTrace,
} from '../../helpers/makeTrace'
import { atTime } from '../../helpers/atTime'

const require = createRequire(import.meta.url)
const v4 = require('next-auth/jwt') as typeof import('next-auth/jwt')
const { hkdf } = require('@panva/hkdf') as { hkdf: (digest: string, ikm: string, salt: string, info: string, length: number) => Promise<Uint8Array> }
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex')

describe('trace fixtures against the real packages', () => {
  it('v4 fixture tokens decode with next-auth/jwt to the fixture claims', async () => {
    const decoded = await atTime(FIXTURE_NOW_SEC + 3600, () => Promise.all([V4_TOKEN, V4_TOKEN_REFRESHED].map((token) => v4.decode({ token, secret: FIXTURE_SECRET }))))
    expect(decoded).toEqual([V4_CLAIMS, V4_CLAIMS_REFRESHED])
  })

  it('the Auth.js fixture token decodes with @auth/core/jwt', async () => {
    const authjs = await import('@auth/core/jwt')
    await expect(atTime(FIXTURE_NOW_SEC, () => authjs.decode({ token: AUTHJS_TOKEN, secret: FIXTURE_SECRET, salt: AUTHJS_KEY.salt }))).resolves.toEqual(AUTHJS_CLAIMS)
  })

  it('the fixture key ladders are the keys the real HKDF derives', async () => {
    expect(hex(await hkdf('sha256', FIXTURE_SECRET, V4_KEY.salt, V4_KEY.info, V4_KEY.lengthBytes))).toBe(V4_KEY.keyHex)
    expect(hex(await hkdf('sha256', FIXTURE_SECRET, AUTHJS_KEY.salt, AUTHJS_KEY.info, AUTHJS_KEY.lengthBytes))).toBe(AUTHJS_KEY.keyHex)
  })

  it('the sign-in fixture encodes with the real default lifetime', async () => {
    const token = await v4.encode({ token: { sub: '1' }, secret: FIXTURE_SECRET })
    const claims = (await v4.decode({ token, secret: FIXTURE_SECRET }))!
    const encoded = makeSignInTrace().events.find((event) => event.kind === 'jwt.encoded')
    expect(encoded?.kind === 'jwt.encoded' && encoded.maxAgeSec).toBe((claims.exp as number) - (claims.iat as number))
  })
})

describe('constants the pipeline words teach', () => {
  it('says "30-day default" for the real DEFAULT_MAX_AGE', async () => {
    const token = await v4.encode({ token: {}, secret: FIXTURE_SECRET })
    const claims = (await v4.decode({ token, secret: FIXTURE_SECRET }))!
    const days = ((claims.exp as number) - (claims.iat as number)) / 86400
    expect(en.pipeline.details.maxAgeFromNames.default).toBe(`the ${days}-day default`)
  })

  it('says "15 s" of tolerance, the real decode tolerance', async () => {
    const token = await atTime(FIXTURE_NOW_SEC, () => v4.encode({ token: {}, secret: FIXTURE_SECRET, maxAge: 0 }))
    // Find the last second the real decode still accepts the token: exp + tolerance - 1.
    let toleranceSec = 0
    for (let late = 1; late <= 60; late++) {
      if ((await atTime(FIXTURE_NOW_SEC + late, () => v4.decode({ token, secret: FIXTURE_SECRET }).then(() => true, () => false))) === false) break
      toleranceSec = late + 1
    }
    expect(toleranceSec).toBe(15)
    for (const text of [en.pipeline.nullReasons.expired, en.inspector.claims.exp, en.inspector.time.grace]) expect(text).toContain(`${toleranceSec} s`)
  })
})
