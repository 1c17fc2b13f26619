// The numbers and strings the session token is made of, per flavour, in one place so the UI teaches
// the values the tests pin against the real `next-auth/jwt/index.js` (4.24.15) and `@auth/core/jwt.js` (0.41.3).

/** Which library's session token to model; `simplified-hs256` is the popular (wrong) signed-JWS picture. */
export type TokenFlavor = 'next-auth-v4' | 'authjs' | 'simplified-hs256'

/** Every flavour, in the order the UI offers them. */
export const TOKEN_FLAVORS = ['next-auth-v4', 'authjs', 'simplified-hs256'] as const satisfies readonly TokenFlavor[]

/** `DEFAULT_MAX_AGE` in both libraries: 30 days. */
export const DEFAULT_MAX_AGE_SEC = 30 * 24 * 60 * 60

/** `clockTolerance` both libraries pass to jose's `jwtDecrypt`. */
export const CLOCK_TOLERANCE_SEC = 15

/** The HKDF hash both libraries use (`@panva/hkdf` with `"sha256"`). */
export const HKDF_HASH = 'SHA-256'

/** Every content encryption RFC 7518 §5.1 defines (the ones jose knows), with its key, IV and tag sizes in bytes (§5.2.3–5.2.5, §5.3). */
export const RFC7518_CONTENT_ENCRYPTION = {
  'A128CBC-HS256': { keyBytes: 32, ivBytes: 16, tagBytes: 16 },
  'A192CBC-HS384': { keyBytes: 48, ivBytes: 16, tagBytes: 24 },
  'A256CBC-HS512': { keyBytes: 64, ivBytes: 16, tagBytes: 32 },
  A128GCM: { keyBytes: 16, ivBytes: 12, tagBytes: 16 },
  A192GCM: { keyBytes: 24, ivBytes: 12, tagBytes: 16 },
  A256GCM: { keyBytes: 32, ivBytes: 12, tagBytes: 16 },
} as const

export type ContentEncryptionSizes = (typeof RFC7518_CONTENT_ENCRYPTION)[keyof typeof RFC7518_CONTENT_ENCRYPTION]

/** The sizes of `enc` when RFC 7518 defines it, else undefined (an own-property lookup: `toString` is no enc). */
export function contentEncryptionSizes(enc: unknown): ContentEncryptionSizes | undefined {
  return typeof enc === 'string' && Object.hasOwn(RFC7518_CONTENT_ENCRYPTION, enc) ? RFC7518_CONTENT_ENCRYPTION[enc as keyof typeof RFC7518_CONTENT_ENCRYPTION] : undefined
}

/** Content encryptions a `dir` token may name, with their key, IV and tag sizes (RFC 7518 §5). */
export const CONTENT_ENCRYPTION = {
  A256GCM: RFC7518_CONTENT_ENCRYPTION.A256GCM,
  'A256CBC-HS512': RFC7518_CONTENT_ENCRYPTION['A256CBC-HS512'],
} as const

export type DirectEncryption = keyof typeof CONTENT_ENCRYPTION

/** What each flavour's token is made of: header, HKDF inputs and sizes (lifetime and tolerance are the same for all, above). */
export const JWT_CONSTANTS = {
  'next-auth-v4': {
    alg: 'dir',
    enc: 'A256GCM',
    /** The exact protected header as the token's first segment: `{"alg":"dir","enc":"A256GCM"}`. */
    headerSegment: 'eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0',
    /** HKDF info; with a non-empty salt S it becomes `NextAuth.js Generated Encryption Key (S)`. */
    hkdfInfo: 'NextAuth.js Generated Encryption Key',
    /** Session tokens always use the empty salt. */
    defaultSalt: '',
    ...CONTENT_ENCRYPTION.A256GCM,
  },
  authjs: {
    alg: 'dir',
    enc: 'A256CBC-HS512',
    /** Also accepted on decode, with a 32-byte key from the same Auth.js info string. */
    alsoDecodes: ['A256GCM'],
    /** HKDF info prefix; the full info is `Auth.js Generated Encryption Key (<salt>)`. The salt is the session cookie name. */
    hkdfInfoPrefix: 'Auth.js Generated Encryption Key',
    ...CONTENT_ENCRYPTION['A256CBC-HS512'],
  },
  'simplified-hs256': {
    /** Signed, not encrypted, with the secret's UTF-8 bytes as the key (no derivation). */
    alg: 'HS256',
  },
} as const

/** The HKDF info string for a flavour and salt, exactly as `getDerivedEncryptionKey` builds it. */
export function hkdfInfo(flavor: 'next-auth-v4' | 'authjs', salt: string): string {
  return flavor === 'next-auth-v4'
    ? `${JWT_CONSTANTS['next-auth-v4'].hkdfInfo}${salt ? ` (${salt})` : ''}`
    : `${JWT_CONSTANTS.authjs.hkdfInfoPrefix} (${salt})`
}
