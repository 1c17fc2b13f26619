// Whether a session token opens under another salt with one of the secrets: the probe behind "the
// secret is right, the salt is not", for getToken in the flow (flow/visitProtectedPage.ts) and for the
// Token lab's diagnosis (lab/diagnoseFailure.ts). Lives beside decode so the flow does not pull in the
// lazily loaded lab.
import { isEngineError, type EngineErrorCode } from '../errors'
import type { TokenFlavor } from './constants'
import { decodeDetailed } from './decode'

/**
 * The codes of a token that did open. jose's `jwtDecrypt` (and `jwtVerify`) check the claims only
 * after the payload was decrypted (or its signature verified), and our decode follows that order: an
 * expired, not-yet-valid or otherwise refused claim set proves the key, so the salt and secret, right.
 */
const OPENED_BUT_REFUSED: readonly EngineErrorCode[] = ['JWT_EXPIRED', 'JWT_NOT_YET_VALID', 'JWT_CLAIMS_INVALID']

export interface OpensWithSaltRequest {
  token: string
  /** Tried one at a time, in order. */
  secrets: readonly string[]
  salt: string
  flavor: TokenFlavor
  nowSec: number
}

export interface OpenedWith {
  /** The first secret whose key opens the token with this salt. */
  secretIndex: number
  /** It opened, but its `exp` has passed. */
  expired: boolean
}

/**
 * The first secret that opens `token` with `salt`, or null when none does. Bugs (a TypeError for a
 * bad argument) are rethrown, never read as "does not open".
 * @example await opensWithSalt({ token, secrets: ['s3cr3t'], salt: '__Secure-authjs.session-token', flavor: 'authjs', nowSec })
 */
export async function opensWithSalt({ token, secrets, salt, flavor, nowSec }: OpensWithSaltRequest): Promise<OpenedWith | null> {
  for (const [secretIndex, secret] of secrets.entries()) {
    try {
      if ((await decodeDetailed({ token, secret, salt, flavor, nowSec })) !== null) return { secretIndex, expired: false }
    } catch (error) {
      if (!isEngineError(error)) throw error
      // Converted: a claim failure is an open token; any other code says this key is not the one.
      if (OPENED_BUT_REFUSED.includes(error.code)) return { secretIndex, expired: error.code === 'JWT_EXPIRED' }
    }
  }
  return null
}
