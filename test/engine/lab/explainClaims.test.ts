import { describe, expect, it } from 'vitest'
import { explainClaims, expiryStatus } from '../../../src/engine/lab/explainClaims'
import { v4Jwt } from './realLibs'

const NOW = 1_800_000_000

describe(explainClaims, () => {
  it('marks who sets each claim and places the time claims against now', () => {
    const result = explainClaims({ name: 'Ada', email: 'a@x', picture: null, sub: '1', role: 'admin', iat: NOW - 60, exp: NOW + 29 * 86400, jti: 'j', nbf: NOW + 5 }, NOW)
    expect(result.claims.map((c) => [c.name, c.origin])).toEqual([
      ['name', 'default-token'], ['email', 'default-token'], ['picture', 'default-token'], ['sub', 'default-token'],
      ['role', 'custom'], ['iat', 'encode'], ['exp', 'encode'], ['jti', 'encode'], ['nbf', 'registered'],
    ])
    expect(result.claims.find((c) => c.name === 'iat')!.time).toEqual({ atSec: NOW - 60, standing: { kind: 'past', agoSec: 60 } })
    expect(result.claims.find((c) => c.name === 'nbf')!.time).toEqual({ atSec: NOW + 5, standing: { kind: 'future', inSec: 5 } })
    expect(result.expiry).toEqual({ kind: 'valid', remainingSec: 29 * 86400 })
    expect(result.lifetimeSec).toBe(29 * 86400 + 60)
  })
})

describe(expiryStatus, () => {
  it('follows the 15 s tolerance: grace up to exp + 14, expired from exp + 15', () => {
    expect(expiryStatus(NOW, NOW)).toEqual({ kind: 'grace', expiredBySec: 0, graceLeftSec: 15 })
    expect(expiryStatus(NOW - 14, NOW)).toEqual({ kind: 'grace', expiredBySec: 14, graceLeftSec: 1 })
    expect(expiryStatus(NOW - 15, NOW)).toEqual({ kind: 'expired', expiredBySec: 15 })
    expect(expiryStatus(NOW - 3 * 86400, NOW)).toEqual({ kind: 'expired', expiredBySec: 3 * 86400 })
    expect(expiryStatus(undefined, NOW)).toEqual({ kind: 'missing' })
    expect(expiryStatus('soon', NOW)).toEqual({ kind: 'invalid' })
  })

  it('agrees with the real v4 decode at the boundary (maxAge -14 decodes, -15 does not)', async () => {
    const secret = 'boundary-secret'
    const nowSec = Math.floor(Date.now() / 1000)
    const open = async (maxAge: number) => {
      const token = await v4Jwt.encode({ token: { sub: '1' }, secret, maxAge })
      return v4Jwt.decode({ token, secret }).then(() => true, () => false)
    }
    // Both made and read within the same second in practice; re-run if the second ticks over.
    expect(await open(-14)).toBe(expiryStatus(nowSec - 14, nowSec).kind !== 'expired')
    expect(await open(-15)).toBe(expiryStatus(nowSec - 15, nowSec).kind !== 'expired')
  })
})
