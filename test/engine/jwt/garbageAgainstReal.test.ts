// Differential: the hostile token set of garbage.test.ts through the real decode and ours. The real
// outcome, mapped to our code (realCode), must equal ours, and a real error must be our cause (same
// name, jose code and message); the only exceptions are the deliberate differences listed below,
// which docs/engine-jwt.md lists too. The simplified picture has no library; its reference is jose's
// own `jwtVerify` with the raw secret, behind the same `if (!token) return null` the libraries have.
import { jwtVerify } from 'jose'
import { describe, expect, it } from 'vitest'
import { decode, encode } from '../../../src/engine/index'
import type { TokenFlavor } from '../../../src/engine/jwt/constants'
import { HUGE, garbageTokens } from '../../helpers/hostileTokens'
import { NOW_SEC, atTime, errorSignature, ourOutcome, realAuthjs, realCode, realOutcome, realV4, type OurOutcome, type RealOutcome } from './realLibraries'

const SECRET = 'garbage-secret'
const SALT = 'authjs.session-token'

const simplifiedReference = {
  async decode({ token }: { token: unknown }) {
    if (!token) return null
    const { payload } = await jwtVerify(token as string, new TextEncoder().encode(SECRET), { algorithms: ['HS256'], clockTolerance: 15 })
    return payload
  },
}

const REFERENCES: { flavor: TokenFlavor; real: { decode(params: Record<string, unknown>): Promise<unknown> } }[] = [
  { flavor: 'next-auth-v4', real: realV4 },
  { flavor: 'authjs', real: realAuthjs },
  { flavor: 'simplified-hs256', real: simplifiedReference },
]

/** Where we chose to differ (docs/engine-jwt.md, "Differences from the real libraries"). */
const DELIBERATE_DIFFERENCES: { why: string; applies: (token: unknown) => boolean; theirs: 'ok'; ours: 'JWT_MALFORMED' }[] = [
  {
    why: 'a falsy token other than "", null and undefined (false, 0, NaN, 0n): the libraries return null, we name the mistake',
    applies: (token) => !token && token !== '' && token !== null && token !== undefined,
    theirs: 'ok',
    ours: 'JWT_MALFORMED',
  },
]

const ourCode = (ours: OurOutcome) => (ours.ok ? 'ok' : ours.code)

function describeInput(token: unknown): string {
  if (typeof token === 'string') return JSON.stringify(token.length > 100 ? `${token.slice(0, 100)}… (${token.length} chars)` : token)
  if (typeof token === 'bigint') return `${token}n`
  return Object.prototype.toString.call(token)
}

/** Null when ours matches theirs (or differs as listed); otherwise what differs. */
function mismatch(token: unknown, theirs: RealOutcome, ours: OurOutcome): string | null {
  const expected = realCode(theirs)
  const deliberate = DELIBERATE_DIFFERENCES.find((d) => d.applies(token))
  if (deliberate) return expected === deliberate.theirs && ourCode(ours) === deliberate.ours ? null : `listed as deliberate (${deliberate.why}) but real=${expected}, ours=${ourCode(ours)}`
  if (expected !== ourCode(ours)) return `real=${expected}${theirs.ok ? '' : ` (${theirs.name}: ${theirs.message})`}, ours=${ourCode(ours)}`
  if (theirs.ok && ours.ok) return JSON.stringify(theirs.value) === JSON.stringify(ours.value) ? null : 'both decode, to different claims'
  if (!theirs.ok && !ours.ok) {
    const real = errorSignature(theirs.error)
    const cause = errorSignature((ours.error as Error).cause)
    return JSON.stringify(real) === JSON.stringify(cause) ? null : `same code, but cause ${JSON.stringify(cause)} is not the real ${JSON.stringify(real)}`
  }
  return null
}

describe('garbage in: the same outcome as the real library', () => {
  for (const [index, { flavor, real }] of REFERENCES.entries()) {
    it(`decode (${flavor}): every hostile token gives the real library's outcome, except the listed differences`, async () => {
      const valid = await encode({ token: { sub: '1', name: 'Alice' }, secret: SECRET, salt: SALT, flavor, nowSec: NOW_SEC })
      const inputs = [...garbageTokens(valid, 1000 + index), ...HUGE, valid]
      const mismatches: string[] = []
      const outcomes = new Set<string>()
      await atTime(NOW_SEC, async () => {
        for (const token of inputs) {
          const theirs = await realOutcome(() => real.decode({ token, secret: SECRET, salt: SALT }))
          const ours = await ourOutcome(() => decode({ token, secret: SECRET, salt: SALT, flavor, nowSec: NOW_SEC }))
          outcomes.add(ourCode(ours))
          const problem = mismatch(token, theirs, ours)
          if (problem) mismatches.push(`${describeInput(token)}: ${problem}`)
        }
      })
      expect(inputs.length).toBeGreaterThan(1000)
      expect(mismatches).toEqual([])
      // The set reaches past the first check: several codes, and the valid token itself decodes.
      expect(outcomes.has('ok')).toBe(true)
      expect(outcomes.size).toBeGreaterThan(3)
    }, 120_000)
  }

  it('each listed difference really occurs in the set (so the list cannot go stale)', async () => {
    const valid = await encode({ token: {}, secret: SECRET, flavor: 'next-auth-v4', nowSec: NOW_SEC })
    const inputs = garbageTokens(valid, 1000)
    for (const difference of DELIBERATE_DIFFERENCES) expect(inputs.some(difference.applies), difference.why).toBe(true)
  })
})
