// The session token engine's public list: encode/decode a session token as NextAuth v4 or Auth.js
// do (`next-auth/jwt/index.js`, `@auth/core/jwt.js`), derive its key, inspect it without a secret.
export { encode, encodeDetailed } from './encode'
export { decode, decodeDetailed } from './decode'
export { deriveKey, clearKeyCache, KEY_CACHE_MAX_ENTRIES } from './deriveKey'
export { inspect } from './inspect'
export { opensWithSalt } from './opensWithSalt'
export type { OpenedWith, OpensWithSaltRequest } from './opensWithSalt'
export { decodeBase64url, encodeBase64url } from './base64url'
export { JWT_CONSTANTS, TOKEN_FLAVORS, DEFAULT_MAX_AGE_SEC, CLOCK_TOLERANCE_SEC, CONTENT_ENCRYPTION, hkdfInfo } from './constants'
export type { TokenFlavor, DirectEncryption } from './constants'
export type { EncodeParams, DecodeParams, DeriveKeyParams, EncodeResult, DecodeResult, JwtSecret } from './types'
export type { TokenInspection, InspectedPart, InspectProblem, InspectProblemReason, TokenKind } from './inspect'
export type { TokenPart } from './jwtErrors'
