import { useEffect, useState } from 'react'
import { encodeDetailed, type EncodeResult, type JwtSecret } from '../../engine/index'

const OWN_CLAIMS = new Set(['iat', 'exp', 'jti'])

/**
 * For the simplified (signed HS256) model: the token NextAuth v4 would really have stored for the
 * same claims, encrypted by the engine with the same secret, issue time and lifetime. Its IV and
 * jti are fresh, as every real encode's are.
 */
export function useRealJweTwin(claims: Record<string, unknown> | null, secret: JwtSecret | null): EncodeResult | null {
  const [twin, setTwin] = useState<EncodeResult | null>(null)
  useEffect(() => {
    setTwin(null)
    if (!claims || !secret || (Array.isArray(secret) && secret.length === 0)) return
    const { iat, exp } = claims
    if (typeof iat !== 'number' || typeof exp !== 'number') return
    const token = Object.fromEntries(Object.entries(claims).filter(([name]) => !OWN_CLAIMS.has(name)))
    let live = true
    encodeDetailed({ token, secret, maxAge: exp - iat, nowSec: iat, flavor: 'next-auth-v4' }).then(
      (result) => live && setTwin(result),
      // A secret the real library refuses (empty) simply shows no twin; the flow itself reports it.
      () => live && setTwin(null),
    )
    return () => {
      live = false
    }
  }, [claims, secret])
  return twin
}
