import { useEffect, useState } from 'react'
import { encodeDetailed, isEngineError, type EncodeResult, type FlowFlavor, type JwtSecret, type SerializedEngineError } from '../../engine/index'

const OWN_CLAIMS = new Set(['iat', 'exp', 'jti'])

export interface RealJweTwin {
  flavor: FlowFlavor
  result: EncodeResult | null
  /** Why the engine could not make it (e.g. an empty secret); shown, not hidden. */
  error: Pick<SerializedEngineError, 'code' | 'message'> | null
}

/**
 * For the simplified (signed HS256) model: the token the library of that run would really have stored
 * for the same claims, encrypted by the engine with the same secret, issue time, lifetime and the salt
 * that library uses (selectTokenOriginAtCursor). Its IV and jti are fresh, as every real encode's are.
 */
export function useRealJweTwin(claims: Record<string, unknown> | null, secret: JwtSecret | null, flavor: FlowFlavor, salt: string): RealJweTwin | null {
  const [twin, setTwin] = useState<RealJweTwin | null>(null)
  useEffect(() => {
    setTwin(null)
    if (!claims || secret === null) return
    const { iat, exp } = claims
    if (typeof iat !== 'number' || typeof exp !== 'number') return
    const token = Object.fromEntries(Object.entries(claims).filter(([name]) => !OWN_CLAIMS.has(name)))
    let live = true
    encodeDetailed({ token, secret, maxAge: exp - iat, nowSec: iat, flavor, salt }).then(
      (result) => live && setTwin({ flavor, result, error: null }),
      (error: unknown) => {
        // A learner's setting the real library refuses (an empty secret): say why there is no twin.
        if (!isEngineError(error)) throw error
        if (live) setTwin({ flavor, result: null, error: { code: error.code, message: error.message } })
      },
    )
    return () => {
      live = false
    }
  }, [claims, secret, flavor, salt])
  return twin
}
