// The constants the UI teaches, pinned against what the real packages contain and produce.
import { CompactEncrypt, compactDecrypt } from 'jose'
import { describe, expect, it } from 'vitest'
import { CLOCK_TOLERANCE_SEC, CONTENT_ENCRYPTION, DEFAULT_MAX_AGE_SEC, JWT_CONSTANTS, deriveKey, encodeDetailed, hkdfInfo } from '../../../src/engine/index'
import { HKDF_HASH, RFC7518_CONTENT_ENCRYPTION, contentEncryptionSizes } from '../../../src/engine/jwt/constants'
import { AUTHJS_SOURCE, NOW_SEC, V4_SOURCE, atTime, realAuthjs, realOutcome, realV4 } from './realLibraries'

const SALT = 'authjs.session-token'
const segments = (token: string) => token.split('.').map((part) => Buffer.from(part, 'base64url'))

describe('RFC7518_CONTENT_ENCRYPTION', () => {
  it.each(Object.entries(RFC7518_CONTENT_ENCRYPTION))('%s: jose takes a key of that size and writes an IV and tag of those sizes', async (enc, sizes) => {
    const token = await new CompactEncrypt(new TextEncoder().encode('{}')).setProtectedHeader({ alg: 'dir', enc }).encrypt(new Uint8Array(sizes.keyBytes))
    const [, encryptedKey, iv, , tag] = segments(token)
    expect([encryptedKey!.length, iv!.length, tag!.length]).toEqual([0, sizes.ivBytes, sizes.tagBytes])
    await expect(new CompactEncrypt(new Uint8Array()).setProtectedHeader({ alg: 'dir', enc }).encrypt(new Uint8Array(sizes.keyBytes + 1))).rejects.toThrow()
  })

  it('knows only its own keys as encs, and the two NextAuth encs are among them', () => {
    expect(contentEncryptionSizes('toString')).toBeUndefined()
    expect(contentEncryptionSizes('A512GCM')).toBeUndefined()
    for (const [enc, sizes] of Object.entries(CONTENT_ENCRYPTION)) expect(contentEncryptionSizes(enc)).toBe(sizes)
  })
})

describe('JWT_CONSTANTS', () => {
  it('v4 header: exactly the first segment of a real token, which is {"alg","enc"} of the constants', async () => {
    const token = await atTime(NOW_SEC, () => realV4.encode({ token: {}, secret: 's' }))
    expect(token.split('.')[0]).toBe(JWT_CONSTANTS['next-auth-v4'].headerSegment)
    expect(segments(token)[0]!.toString()).toBe(JSON.stringify({ alg: JWT_CONSTANTS['next-auth-v4'].alg, enc: JWT_CONSTANTS['next-auth-v4'].enc }))
  })

  it('Auth.js header: alg, enc and kid in the real order and with the real kid (the thumbprint hash follows the key length)', async () => {
    const token = await atTime(NOW_SEC, () => realAuthjs.encode({ token: {}, secret: 's', salt: SALT }))
    const header = JSON.parse(segments(token)[0]!.toString())
    const ours = await encodeDetailed({ token: {}, secret: 's', salt: SALT, flavor: 'authjs', nowSec: NOW_SEC })
    expect(Object.keys(ours.header)).toEqual(Object.keys(header))
    expect(ours.header).toEqual(header)
    expect([header.alg, header.enc]).toEqual([JWT_CONSTANTS.authjs.alg, JWT_CONSTANTS.authjs.enc])
  })

  it('IV and tag sizes are those of real tokens; no encrypted key (dir)', async () => {
    const v4 = segments(await atTime(NOW_SEC, () => realV4.encode({ token: {}, secret: 's' })))
    const authjs = segments(await atTime(NOW_SEC, () => realAuthjs.encode({ token: {}, secret: 's', salt: SALT })))
    expect([v4[1]!.length, v4[2]!.length, v4[4]!.length]).toEqual([0, JWT_CONSTANTS['next-auth-v4'].ivBytes, JWT_CONSTANTS['next-auth-v4'].tagBytes])
    expect([authjs[1]!.length, authjs[2]!.length, authjs[4]!.length]).toEqual([0, JWT_CONSTANTS.authjs.ivBytes, JWT_CONSTANTS.authjs.tagBytes])
    expect(CONTENT_ENCRYPTION.A256GCM).toMatchObject({ ivBytes: v4[2]!.length, tagBytes: v4[4]!.length })
    expect(CONTENT_ENCRYPTION['A256CBC-HS512']).toMatchObject({ ivBytes: authjs[2]!.length, tagBytes: authjs[4]!.length })
  })

  it('HKDF hash, info strings and key lengths are those in the real sources', () => {
    expect(V4_SOURCE).toContain(`"${HKDF_HASH.replace('-', '').toLowerCase()}", keyMaterial, salt, \`${JWT_CONSTANTS['next-auth-v4'].hkdfInfo}\${salt ? \` (\${salt})\` : ""}\`, ${JWT_CONSTANTS['next-auth-v4'].keyBytes})`)
    expect(AUTHJS_SOURCE).toContain(`return await hkdf("${HKDF_HASH.replace('-', '').toLowerCase()}", keyMaterial, salt, \`${JWT_CONSTANTS.authjs.hkdfInfoPrefix} (\${salt})\`, length);`)
    expect(AUTHJS_SOURCE).toContain(`case "A256CBC-HS512":\n            length = ${JWT_CONSTANTS.authjs.keyBytes};`)
    expect(AUTHJS_SOURCE).toContain(`case "A256GCM":\n            length = ${CONTENT_ENCRYPTION.A256GCM.keyBytes};`)
    expect(AUTHJS_SOURCE).toContain(`contentEncryptionAlgorithms: [enc, ${JWT_CONSTANTS.authjs.alsoDecodes.map((e) => `"${e}"`).join(', ')}]`)
  })

  it('hkdfInfo gives the info the real libraries derive with: the key it yields opens their tokens', async () => {
    const cases = [
      { flavor: 'next-auth-v4' as const, salt: '', make: () => realV4.encode({ token: { n: 1 }, secret: 's' }) },
      { flavor: 'next-auth-v4' as const, salt: 'S', make: () => realV4.encode({ token: { n: 1 }, secret: 's', salt: 'S' }) },
      { flavor: 'authjs' as const, salt: SALT, make: () => realAuthjs.encode({ token: { n: 1 }, secret: 's', salt: SALT }) },
    ]
    for (const { flavor, salt, make } of cases) {
      const key = await deriveKey({ secret: 's', salt, flavor })
      expect(key.info).toBe(hkdfInfo(flavor, salt))
      const { plaintext } = await compactDecrypt(await atTime(NOW_SEC, make), Buffer.from(key.keyHex, 'hex'))
      expect(JSON.parse(Buffer.from(plaintext).toString())).toMatchObject({ n: 1 })
    }
  })

  it('the default maxAge is what the real encode puts between iat and exp (2592000 s)', async () => {
    for (const [real, salt] of [[realV4, undefined], [realAuthjs, SALT]] as const) {
      const claims = (await atTime(NOW_SEC, async () => real.decode({ token: await real.encode({ token: {}, secret: 's', salt }), secret: 's', salt })))!
      expect((claims.exp as number) - (claims.iat as number)).toBe(DEFAULT_MAX_AGE_SEC)
    }
    expect(V4_SOURCE).toContain('const DEFAULT_MAX_AGE = 30 * 24 * 60 * 60;')
    expect(AUTHJS_SOURCE).toContain('const DEFAULT_MAX_AGE = 30 * 24 * 60 * 60;')
  })

  it('the clock tolerance is the one the real decoders apply (15 s)', async () => {
    expect(V4_SOURCE).toContain(`clockTolerance: ${CLOCK_TOLERANCE_SEC}`)
    expect(AUTHJS_SOURCE).toContain(`clockTolerance: ${CLOCK_TOLERANCE_SEC}`)
    for (const [real, salt] of [[realV4, undefined], [realAuthjs, SALT]] as const) {
      const token = await atTime(NOW_SEC, () => real.encode({ token: {}, secret: 's', salt, maxAge: 0 }))
      expect((await atTime(NOW_SEC + CLOCK_TOLERANCE_SEC - 1, () => realOutcome(() => real.decode({ token, secret: 's', salt })))).ok).toBe(true)
      expect((await atTime(NOW_SEC + CLOCK_TOLERANCE_SEC, () => realOutcome(() => real.decode({ token, secret: 's', salt })))).ok).toBe(false)
    }
  })
})
