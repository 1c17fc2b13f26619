// Issuing the session token: `encode()` of `next-auth/jwt/index.js` (v4: dir + A256GCM) and
// `@auth/core/jwt.js` (Auth.js: dir + A256CBC-HS512 with a kid), plus the simplified HS256 picture.
import { CompactSign } from 'jose'
import { cryptoRandom } from '../random'
import { encodeBase64url, encodeUtf8 } from './base64url'
import { buildClaims, serializeClaims, type Claims } from './claims'
import { DEFAULT_MAX_AGE_SEC, JWT_CONSTANTS } from './constants'
import { defaultNowSec } from './defaults'
import { assertFlavor, assertSecret, getDerivedKey, getReadyKey, resolveSalt, secretList } from './deriveKey'
import { jwtError } from './jwtErrors'
import { encryptDirect } from './jweDirect'
import type { EncodeParams, EncodeResult } from './types'

const V4 = JWT_CONSTANTS['next-auth-v4']
const AUTHJS = JWT_CONSTANTS.authjs

/** Header segments are the same for every token of a key: compute each once. */
const headerSegments = new Map<string, string>()
function headerSegmentOf(headerJson: string): string {
  let segment = headerSegments.get(headerJson)
  if (segment === undefined) {
    segment = encodeBase64url(encodeUtf8(headerJson))
    if (headerSegments.size > 64) headerSegments.clear()
    headerSegments.set(headerJson, segment)
  }
  return segment
}

interface Encoded {
  token: string
  header: Record<string, unknown>
  claims: Claims
  json: string
  key: EncodeResult['key']
}

async function encodeInternal(params: EncodeParams): Promise<Encoded> {
  const { token, secret: secrets, maxAge = DEFAULT_MAX_AGE_SEC, salt: saltIn, nowSec = defaultNowSec(), random = cryptoRandom } = params ?? ({} as EncodeParams)
  const flavor = assertFlavor(params?.flavor)
  if (typeof nowSec !== 'number' || !Number.isFinite(nowSec)) throw new TypeError(`nowSec must be a finite number, got ${String(nowSec)}`)
  // Order as in the libraries: the key first (secret and salt errors), then the claims.
  const secret = secretList(secrets, flavor)[0]
  assertSecret(secret)
  const salt = resolveSalt(saltIn, flavor)
  const lengthBytes = flavor === 'next-auth-v4' ? V4.keyBytes : flavor === 'authjs' ? AUTHJS.keyBytes : 0
  const keyBytes = lengthBytes || encodeUtf8(secret).length
  const key = getReadyKey(flavor, secret, salt, keyBytes) ?? (await getDerivedKey(flavor, secret, salt, keyBytes))
  const claims = buildClaims(token, flavor, Math.floor(nowSec), maxAge, random.uuid())
  const json = serializeClaims(claims)
  const plaintext = encodeUtf8(json)

  if (flavor === 'simplified-hs256') {
    const header = { alg: JWT_CONSTANTS['simplified-hs256'].alg }
    try {
      const jws = await new CompactSign(plaintext).setProtectedHeader(header).sign(key.hmac!)
      return { token: jws, header, claims, json, key: key.view }
    } catch (cause) {
      throw jwtError('JWT_INVALID_KEY', 'the secret cannot sign an HS256 token', { alg: header.alg }, cause)
    }
  }
  if (flavor === 'next-auth-v4') {
    const iv = random.bytes(V4.ivBytes)
    return { token: await encryptDirect(V4.enc, key, V4.headerSegment, plaintext, iv), header: { alg: V4.alg, enc: V4.enc }, claims, json, key: key.view }
  }
  const header = { alg: AUTHJS.alg, enc: AUTHJS.enc, kid: key.view.kid! }
  const iv = random.bytes(AUTHJS.ivBytes)
  return { token: await encryptDirect(AUTHJS.enc, key, headerSegmentOf(JSON.stringify(header)), plaintext, iv), header, claims, json, key: key.view }
}

/**
 * Encodes a session token as the chosen library does: claims plus `iat`, `exp` (now + maxAge) and
 * `jti`, encrypted with the key derived from the secret.
 * @example const jwe = await encode({ token: { name: 'Alice', sub: '1' }, secret: 's3cr3t', nowSec: clock.nowSec() })
 */
export async function encode(params: EncodeParams): Promise<string> {
  return (await encodeInternal(params)).token
}

/** Like `encode`, and also returns the header, the claims as serialised and the key ladder. */
export async function encodeDetailed(params: EncodeParams): Promise<EncodeResult> {
  const { token, header, json, key } = await encodeInternal(params)
  // The claims as the token carries them: JSON turns Dates into strings and drops undefined members.
  return { token, header, claims: JSON.parse(json) as Claims, key: { ...key } }
}
