// Every way decoding fails, side by side with the real libraries: same outcome (ours: a coded
// EngineError; theirs: a throw), plus the v4 leniency we keep and the one difference we chose.
import { hkdfSync } from 'node:crypto'
import { CompactEncrypt, EncryptJWT, calculateJwkThumbprint, base64url } from 'jose'
import { describe, expect, it } from 'vitest'
import { decode, decodeDetailed, encode } from '../../../src/engine/index'
import { NOW_SEC, atTime, flipByteInPart, flipSpareBitsOfLastChar, jose4, ourOutcome, realAuthjs, realOutcome, realV4 } from './realLibraries'

const SECRET = 'failure-secret-that-is-long-enough'
const OTHER = 'another-secret-entirely'
const SALT = 'authjs.session-token'

const v4Key = (secret = SECRET) => new Uint8Array(hkdfSync('sha256', secret, '', 'NextAuth.js Generated Encryption Key', 32))
const authjsKey = (length: 32 | 64, secret = SECRET) => new Uint8Array(hkdfSync('sha256', secret, SALT, `Auth.js Generated Encryption Key (${SALT})`, length))

const FLAVORS = [
  { flavor: 'next-auth-v4' as const, real: realV4, salt: undefined, wrongSecretCode: 'JWT_DECRYPT_FAILED' },
  { flavor: 'authjs' as const, real: realAuthjs, salt: SALT, wrongSecretCode: 'JWT_NO_MATCHING_SECRET' },
]

describe('decode failures, ours against the real libraries', () => {
  for (const { flavor, real, salt, wrongSecretCode } of FLAVORS) {
    describe(flavor, () => {
      const both = async (token: unknown, opts: { secret?: unknown; nowSec?: number } = {}) => {
        const secret = opts.secret ?? SECRET
        const nowSec = opts.nowSec ?? NOW_SEC
        return {
          theirs: await atTime(nowSec, () => realOutcome(() => real.decode({ token, secret, salt }))),
          ours: await ourOutcome(() => decode({ token, secret: secret as string, salt, flavor, nowSec })),
        }
      }
      const fresh = (maxAge?: number) => encode({ token: { sub: '1', name: 'Alice' }, secret: SECRET, salt, flavor, maxAge, nowSec: NOW_SEC })

      it(`a wrong secret: both reject; ours says ${wrongSecretCode}`, async () => {
        const { theirs, ours } = await both(await fresh(), { secret: OTHER })
        expect(theirs.ok).toBe(false)
        expect(ours).toMatchObject({ ok: false, code: wrongSecretCode })
        if (flavor === 'authjs') expect(theirs).toMatchObject({ message: 'no matching decryption secret' })
        else expect(theirs).toMatchObject({ code: 'ERR_JWE_DECRYPTION_FAILED' })
      })

      for (const [index, part] of [[2, 'iv'], [3, 'ciphertext'], [4, 'tag']] as const) {
        it(`one byte changed in the ${part}: both reject; ours says JWT_DECRYPT_FAILED`, async () => {
          const { theirs, ours } = await both(flipByteInPart(await fresh(), index))
          expect(theirs).toMatchObject({ ok: false, code: 'ERR_JWE_DECRYPTION_FAILED' })
          expect(ours).toMatchObject({ ok: false, code: 'JWT_DECRYPT_FAILED' })
        })
      }

      it('a header changed but still valid JSON (it is the AAD): both reject', async () => {
        const token = await fresh()
        const header = JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString())
        const changed = [Buffer.from(JSON.stringify({ ...header, typ: 'JWT' })).toString('base64url'), ...token.split('.').slice(1)].join('.')
        const { theirs, ours } = await both(changed)
        expect(theirs).toMatchObject({ ok: false, code: 'ERR_JWE_DECRYPTION_FAILED' })
        expect(ours).toMatchObject({ ok: false, code: 'JWT_DECRYPT_FAILED' })
      })

      it('a header that is not JSON any more: both reject; ours says JWT_MALFORMED in the header', async () => {
        const token = await fresh()
        const { theirs, ours } = await both(`${Buffer.from('{"alg":"dir",').toString('base64url')}.${token.split('.').slice(1).join('.')}`)
        expect(theirs).toMatchObject({ ok: false, code: 'ERR_JWE_INVALID' })
        expect(ours).toMatchObject({ ok: false, code: 'JWT_MALFORMED', details: { part: 'header' } })
      })

      it('only the spare bits of the last tag character changed: both still accept', async () => {
        const token = await fresh()
        const changed = flipSpareBitsOfLastChar(token, 4)
        expect(changed).not.toBe(token)
        const { theirs, ours } = await both(changed)
        expect(theirs.ok).toBe(true)
        expect(ours.ok).toBe(true)
        expect(ours.ok && ours.value).toEqual(theirs.ok && theirs.value)
      })

      it('not five segments: both reject; ours says JWT_MALFORMED for the token', async () => {
        const { theirs, ours } = await both('abc')
        expect(theirs).toMatchObject({ ok: false, code: 'ERR_JWE_INVALID', message: 'Invalid Compact JWE' })
        expect(ours).toMatchObject({ ok: false, code: 'JWT_MALFORMED', details: { part: 'token' } })
      })

      it('expiry: maxAge −14 and 0 decode, −15 is rejected, in both', async () => {
        for (const maxAge of [0, -14]) {
          const { theirs, ours } = await both(await fresh(maxAge))
          expect([maxAge, theirs.ok, ours.ok]).toEqual([maxAge, true, true])
        }
        const { theirs, ours } = await both(await fresh(-15))
        expect(theirs).toMatchObject({ ok: false, code: 'ERR_JWT_EXPIRED' })
        expect(ours).toMatchObject({ ok: false, code: 'JWT_EXPIRED', details: { expiredBySec: 15, exp: NOW_SEC - 15, nowSec: NOW_SEC, toleranceSec: 15 } })
      })

      it('expiry as the clock moves: exp + 14 decodes, exp + 15 is rejected, in both', async () => {
        const token = await fresh(100)
        expect((await both(token, { nowSec: NOW_SEC + 114 })).ours.ok).toBe(true)
        expect((await both(token, { nowSec: NOW_SEC + 114 })).theirs.ok).toBe(true)
        const late = await both(token, { nowSec: NOW_SEC + 115 })
        expect(late.theirs).toMatchObject({ ok: false, code: 'ERR_JWT_EXPIRED' })
        expect(late.ours).toMatchObject({ ok: false, code: 'JWT_EXPIRED', details: { expiredBySec: 15 } })
      })

      it('nbf: 15 s ahead decodes, 16 s ahead is rejected (JWT_NOT_YET_VALID), in both', async () => {
        const ok = await both(await encode({ token: { nbf: NOW_SEC + 15 }, secret: SECRET, salt, flavor, nowSec: NOW_SEC }))
        expect([ok.theirs.ok, ok.ours.ok]).toEqual([true, true])
        const early = await both(await encode({ token: { nbf: NOW_SEC + 16 }, secret: SECRET, salt, flavor, nowSec: NOW_SEC }))
        expect(early.theirs).toMatchObject({ ok: false, code: 'ERR_JWT_CLAIM_VALIDATION_FAILED' })
        expect(early.ours).toMatchObject({ ok: false, code: 'JWT_NOT_YET_VALID', details: { claim: 'nbf' } })
      })

      it('an iat in the future is accepted by both (jose only type-checks iat)', async () => {
        const token = await encode({ token: {}, secret: SECRET, salt, flavor, nowSec: NOW_SEC + 86400 })
        const { theirs, ours } = await both(token)
        expect([theirs.ok, ours.ok]).toEqual([true, true])
      })

      it('a non-number claim: both reject; ours says JWT_CLAIMS_INVALID', async () => {
        const { theirs, ours } = await both(await encode({ token: { nbf: 'tomorrow' }, secret: SECRET, salt, flavor, nowSec: NOW_SEC }))
        expect(theirs).toMatchObject({ ok: false, code: 'ERR_JWT_CLAIM_VALIDATION_FAILED' })
        expect(ours).toMatchObject({ ok: false, code: 'JWT_CLAIMS_INVALID', details: { claim: 'nbf' } })
      })

      it('no secret: both reject; ours says NO_SECRET', async () => {
        const token = await fresh()
        for (const secret of ['', undefined]) {
          const theirs = await atTime(NOW_SEC, () => realOutcome(() => real.decode({ token, secret, salt })))
          expect(theirs.ok).toBe(false)
          expect(await ourOutcome(() => decode({ token, secret, salt, flavor, nowSec: NOW_SEC }))).toMatchObject({ ok: false, code: 'NO_SECRET' })
        }
      })

      it('decodeDetailed fails the same way, with what explains it in details', async () => {
        const tampered = await ourOutcome(async () => decodeDetailed({ token: flipByteInPart(await fresh(), 3), secret: SECRET, salt, flavor, nowSec: NOW_SEC }))
        expect(tampered).toMatchObject({ ok: false, code: 'JWT_DECRYPT_FAILED', details: { enc: flavor === 'authjs' ? 'A256CBC-HS512' : 'A256GCM', flavor } })
        const expired = await ourOutcome(async () => decodeDetailed({ token: await fresh(-20), secret: SECRET, salt, flavor, nowSec: NOW_SEC }))
        expect(expired).toMatchObject({ ok: false, code: 'JWT_EXPIRED', details: { expiredBySec: 20, toleranceSec: 15 } })
        expect((expired as { error: Error }).error.cause).toMatchObject({ code: 'ERR_JWT_EXPIRED', claim: 'exp', reason: 'check_failed' })
      })
    })
  }

  describe('across libraries', () => {
    it('an Auth.js token read by v4: both reject; ours says JWT_INVALID_KEY (512-bit key needed)', async () => {
      const token = await encode({ token: {}, secret: SECRET, salt: SALT, flavor: 'authjs', nowSec: NOW_SEC })
      const theirs = await atTime(NOW_SEC, () => realOutcome(() => realV4.decode({ token, secret: SECRET })))
      expect(theirs).toMatchObject({ ok: false, code: 'ERR_JWE_INVALID', message: expect.stringContaining('Content Encryption Key length') })
      expect(await ourOutcome(() => decode({ token, secret: SECRET, nowSec: NOW_SEC }))).toMatchObject({ ok: false, code: 'JWT_INVALID_KEY', details: { enc: 'A256CBC-HS512' } })
    })

    it('a v4 token read by Auth.js: both reject; ours says JWT_DECRYPT_FAILED (no kid, another key)', async () => {
      const token = await encode({ token: {}, secret: SECRET, nowSec: NOW_SEC })
      const theirs = await atTime(NOW_SEC, () => realOutcome(() => realAuthjs.decode({ token, secret: SECRET, salt: SALT })))
      expect(theirs).toMatchObject({ ok: false, code: 'ERR_JWE_DECRYPTION_FAILED' })
      expect(await ourOutcome(() => decode({ token, secret: SECRET, salt: SALT, flavor: 'authjs', nowSec: NOW_SEC }))).toMatchObject({ ok: false, code: 'JWT_DECRYPT_FAILED' })
    })
  })

  describe('v4 leniency: what the real v4 decode accepts besides dir + A256GCM', () => {
    const cases: [string, () => Promise<string>][] = [
      ['no exp at all (never expires)', () => new jose4.EncryptJWT({ sub: '1' }).setProtectedHeader({ alg: 'dir', enc: 'A256GCM' }).encrypt(v4Key())],
      ['dir + A128CBC-HS256', () => new jose4.EncryptJWT({ sub: '1' }).setProtectedHeader({ alg: 'dir', enc: 'A128CBC-HS256' }).encrypt(v4Key())],
      ['A256KW + A256GCM', () => new jose4.EncryptJWT({ sub: '1' }).setProtectedHeader({ alg: 'A256KW', enc: 'A256GCM' }).encrypt(v4Key())],
      ['A256GCMKW + A256GCM', () => new jose4.EncryptJWT({ sub: '1' }).setProtectedHeader({ alg: 'A256GCMKW', enc: 'A256GCM' }).encrypt(v4Key())],
      ['zip DEF', () => new jose4.EncryptJWT({ sub: '1', pad: 'a'.repeat(500) }).setProtectedHeader({ alg: 'dir', enc: 'A256GCM', zip: 'DEF' }).encrypt(v4Key())],
      ['a header with a kid and typ', () => new jose4.EncryptJWT({ sub: '1' }).setProtectedHeader({ alg: 'dir', enc: 'A256GCM', kid: 'k', typ: 'JWT' }).encrypt(v4Key())],
    ]
    for (const [label, make] of cases) {
      it(`${label}: both accept, same claims`, async () => {
        const token = await make()
        const theirs = await atTime(NOW_SEC, () => realOutcome(() => realV4.decode({ token, secret: SECRET })))
        const ours = await ourOutcome(() => decode({ token, secret: SECRET, nowSec: NOW_SEC }))
        expect(theirs.ok).toBe(true)
        expect(ours).toEqual({ ok: true, value: (theirs as { value: unknown }).value })
      })
    }

    it('deliberate difference: PBES2 with the derived key as password is refused (JWT_UNSUPPORTED_ALG), though jose 4 lets v4 open it', async () => {
      const token = await new jose4.EncryptJWT({ sub: '1' }).setProtectedHeader({ alg: 'PBES2-HS256+A128KW', enc: 'A256GCM' }).setKeyManagementParameters({ p2c: 1000, p2s: new Uint8Array(16) }).encrypt(v4Key())
      const theirs = await atTime(NOW_SEC, () => realOutcome(() => realV4.decode({ token, secret: SECRET })))
      expect(theirs.ok).toBe(true)
      expect(await ourOutcome(() => decode({ token, secret: SECRET, nowSec: NOW_SEC }))).toMatchObject({ ok: false, code: 'JWT_UNSUPPORTED_ALG' })
    })

    it('deliberate difference: false and 0 are JWT_MALFORMED, though the real decode returns null for any falsy token', async () => {
      for (const token of [false, 0]) {
        expect(await realV4.decode({ token, secret: SECRET })).toBeNull()
        expect(await ourOutcome(() => decode({ token, secret: SECRET, nowSec: NOW_SEC }))).toMatchObject({ ok: false, code: 'JWT_MALFORMED', details: { part: 'token' } })
      }
    })
  })

  describe('Auth.js: allow-list, A256GCM and secret rotation', () => {
    const authjs = (token: string, secret: unknown) => ({
      theirs: atTime(NOW_SEC, () => realOutcome(() => realAuthjs.decode({ token, secret, salt: SALT }))),
      ours: ourOutcome(() => decode({ token, secret: secret as string[], salt: SALT, flavor: 'authjs', nowSec: NOW_SEC })),
    })

    it('accepts an A256GCM token made with the 32-byte Auth.js key and its SHA-256 kid, as the real one', async () => {
      const key = authjsKey(32)
      const kid = await calculateJwkThumbprint({ kty: 'oct', k: base64url.encode(key) }, 'sha256')
      const token = await new EncryptJWT({ sub: '1' }).setProtectedHeader({ alg: 'dir', enc: 'A256GCM', kid }).setIssuedAt(NOW_SEC).setExpirationTime(NOW_SEC + 60).encrypt(key)
      const { theirs, ours } = authjs(token, SECRET)
      expect(await theirs).toMatchObject({ ok: true, value: { sub: '1' } })
      expect(await ours).toEqual({ ok: true, value: (await theirs as { value: unknown }).value })
      const detailed = await decodeDetailed({ token, secret: SECRET, salt: SALT, flavor: 'authjs', nowSec: NOW_SEC })
      expect(detailed!.key).toMatchObject({ lengthBytes: 32, kid })
    })

    it('refuses an enc outside the allow-list (A128CBC-HS256): real JOSEAlgNotAllowed, ours JWT_UNSUPPORTED_ALG', async () => {
      const token = await new EncryptJWT({ sub: '1' }).setProtectedHeader({ alg: 'dir', enc: 'A128CBC-HS256' }).encrypt(authjsKey(32))
      const { theirs, ours } = authjs(token, SECRET)
      expect(await theirs).toMatchObject({ ok: false, code: 'ERR_JOSE_ALG_NOT_ALLOWED' })
      expect(await ours).toMatchObject({ ok: false, code: 'JWT_UNSUPPORTED_ALG' })
    })

    it('encodes with the first secret and decodes with whichever secret matches the kid', async () => {
      const token = await encode({ token: { sub: '1' }, secret: ['new', 'old'], salt: SALT, flavor: 'authjs', nowSec: NOW_SEC })
      const withNewFirst = await decodeDetailed({ token, secret: ['newer', 'new'], salt: SALT, flavor: 'authjs', nowSec: NOW_SEC })
      const realKid = JSON.parse(Buffer.from((await atTime(NOW_SEC, () => realAuthjs.encode({ token: {}, secret: 'new', salt: SALT }))).split('.')[0]!, 'base64url').toString()).kid
      expect(withNewFirst!.header.kid).toBe(realKid)
      expect(withNewFirst!.key.kid).toBe(realKid)
      const { theirs, ours } = authjs(token, ['newer', 'new'])
      expect([(await theirs).ok, (await ours).ok]).toEqual([true, true])
    })

    it('an old token still opens while its secret stays in the list; with none matching: real "no matching decryption secret", ours JWT_NO_MATCHING_SECRET', async () => {
      const token = await atTime(NOW_SEC, () => realAuthjs.encode({ token: { sub: '1' }, secret: 'old', salt: SALT }))
      const kept = authjs(token, ['new', 'old'])
      expect([(await kept.theirs).ok, (await kept.ours).ok]).toEqual([true, true])
      const dropped = authjs(token, ['new', 'newer'])
      expect(await dropped.theirs).toMatchObject({ ok: false, message: 'no matching decryption secret' })
      expect(await dropped.ours).toMatchObject({ ok: false, code: 'JWT_NO_MATCHING_SECRET', details: { secretsTried: 2, enc: 'A256CBC-HS512' } })
    })

    it('a token without kid is tried with the first secret only, as the real one (rotation does not help it)', async () => {
      const token = await new CompactEncrypt(new TextEncoder().encode(JSON.stringify({ sub: '1' }))).setProtectedHeader({ alg: 'dir', enc: 'A256CBC-HS512' }).encrypt(authjsKey(64))
      const first = authjs(token, [SECRET, OTHER])
      expect([(await first.theirs).ok, (await first.ours).ok]).toEqual([true, true])
      const second = authjs(token, [OTHER, SECRET])
      expect(await second.theirs).toMatchObject({ ok: false, code: 'ERR_JWE_DECRYPTION_FAILED' })
      expect(await second.ours).toMatchObject({ ok: false, code: 'JWT_DECRYPT_FAILED' })
    })

    it('an empty secret list is NO_SECRET; a missing salt is a coded error, where the real one throws a TypeError', async () => {
      const token = await encode({ token: {}, secret: SECRET, salt: SALT, flavor: 'authjs', nowSec: NOW_SEC })
      expect(await ourOutcome(() => decode({ token, secret: [], salt: SALT, flavor: 'authjs', nowSec: NOW_SEC }))).toMatchObject({ ok: false, code: 'NO_SECRET' })
      const theirs = await atTime(NOW_SEC, () => realOutcome(() => realAuthjs.decode({ token, secret: SECRET })))
      expect(theirs).toMatchObject({ ok: false, name: 'TypeError' })
      expect(await ourOutcome(() => decode({ token, secret: SECRET, flavor: 'authjs', nowSec: NOW_SEC }))).toMatchObject({ ok: false, code: 'JWT_INVALID_KEY', details: { reason: 'salt-missing' } })
      expect(await ourOutcome(() => encode({ token: {}, secret: SECRET, flavor: 'authjs', nowSec: NOW_SEC }))).toMatchObject({ ok: false, code: 'JWT_INVALID_KEY', details: { reason: 'salt-missing' } })
    })
  })
})
