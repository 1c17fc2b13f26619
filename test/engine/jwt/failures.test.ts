// Every way decoding fails, side by side with the real libraries: same outcome (ours: a coded
// EngineError whose cause is the error the real one throws, same class, jose code and message), plus
// the v4 leniency we keep and the one difference we chose.
import { hkdfSync } from 'node:crypto'
import { CompactEncrypt, EncryptJWT, calculateJwkThumbprint, base64url } from 'jose'
import { describe, expect, it } from 'vitest'
import { decode, decodeDetailed, encode } from '../../../src/engine/index'
import type { EngineErrorCode } from '../../../src/engine/errors'
import { NOW_SEC, atTime, errorSignature, flipByteInPart, flipSpareBitsOfLastChar, jose4, ourOutcome, realAuthjs, realCode, realOutcome, realV4, type OurOutcome, type RealOutcome } from './realLibraries'

/** Both reject; ours with `code` (and `details`), its cause being the real error: same name, jose code and message. */
function expectSameFailure(outcomes: { theirs: RealOutcome; ours: OurOutcome }, code: EngineErrorCode, details?: Record<string, unknown>) {
  const { theirs, ours } = outcomes
  expect(realCode(theirs)).toBe(code)
  expect(ours).toMatchObject({ ok: false, code, ...(details ? { details } : {}) })
  const cause = (ours as { error: Error }).error.cause
  expect(errorSignature(cause)).toEqual(errorSignature((theirs as { error: unknown }).error))
}

const SECRET = 'failure-secret-that-is-long-enough'
const OTHER = 'another-secret-entirely'
const SALT = 'authjs.session-token'

const v4Key = (secret = SECRET) => new Uint8Array(hkdfSync('sha256', secret, '', 'NextAuth.js Generated Encryption Key', 32))
const authjsKey = (length: 32 | 64, secret = SECRET) => new Uint8Array(hkdfSync('sha256', secret, SALT, `Auth.js Generated Encryption Key (${SALT})`, length))

const FLAVORS = [
  { flavor: 'next-auth-v4' as const, real: realV4, salt: undefined, wrongSecretCode: 'JWT_DECRYPT_FAILED' as const },
  { flavor: 'authjs' as const, real: realAuthjs, salt: SALT, wrongSecretCode: 'JWT_NO_MATCHING_SECRET' as const },
]

const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url')
/** The token with segment `index` replaced. */
const withPart = (token: string, index: number, text: string) => token.split('.').map((part, i) => (i === index ? text : part)).join('.')
/** A segment's bytes cut or extended to `length` bytes. */
const resized = (segment: string, length: number) => {
  const bytes = Buffer.from(segment, 'base64url')
  return (length <= bytes.length ? bytes.subarray(0, length) : Buffer.concat([bytes, Buffer.alloc(length - bytes.length)])).toString('base64url')
}

describe('decode failures, ours against the real libraries', () => {
  for (const { flavor, real, salt, wrongSecretCode } of FLAVORS) {
    describe(flavor, () => {
      const both = async (token: unknown, opts: { secret?: unknown; nowSec?: number } = {}) => {
        const secret = 'secret' in opts ? opts.secret : SECRET
        const nowSec = opts.nowSec ?? NOW_SEC
        return {
          theirs: await atTime(nowSec, () => realOutcome(() => real.decode({ token, secret, salt }))),
          ours: await ourOutcome(() => decode({ token, secret: secret as string, salt, flavor, nowSec })),
        }
      }
      const fresh = (maxAge?: number) => encode({ token: { sub: '1', name: 'Alice' }, secret: SECRET, salt, flavor, maxAge, nowSec: NOW_SEC })
      const tagBytes = flavor === 'authjs' ? 32 : 16

      it(`a wrong secret: both reject; ours says ${wrongSecretCode}`, async () => {
        expectSameFailure(await both(await fresh(), { secret: OTHER }), wrongSecretCode)
      })

      for (const [index, part] of [[2, 'iv'], [3, 'ciphertext'], [4, 'tag']] as const) {
        it(`one byte changed in the ${part}: both reject; ours says JWT_DECRYPT_FAILED`, async () => {
          expectSameFailure(await both(flipByteInPart(await fresh(), index)), 'JWT_DECRYPT_FAILED')
        })
      }

      it('a header changed but still valid JSON (it is the AAD): both reject', async () => {
        const token = await fresh()
        const header = JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString())
        expectSameFailure(await both(withPart(token, 0, b64({ ...header, typ: 'JWT' }))), 'JWT_DECRYPT_FAILED')
      })

      it('a header that is not JSON any more: both reject; ours says JWT_MALFORMED in the header', async () => {
        expectSameFailure(await both(withPart(await fresh(), 0, b64('{"alg":"dir",'))), 'JWT_MALFORMED', { part: 'header', reason: 'JWE Protected Header is invalid' })
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
        expectSameFailure(await both('abc'), 'JWT_MALFORMED', { part: 'token', reason: 'Invalid Compact JWE' })
        expectSameFailure(await both(`${await fresh()}.`), 'JWT_MALFORMED', { part: 'token' })
      })

      it('an empty IV, tag or header: both reject with the real message; ours names the part', async () => {
        const token = await fresh()
        expectSameFailure(await both(withPart(token, 2, '')), 'JWT_MALFORMED', { part: 'iv' })
        expectSameFailure(await both(withPart(token, 4, '')), 'JWT_MALFORMED', { part: 'tag' })
        expectSameFailure(await both(withPart(token, 0, '')), 'JWT_MALFORMED', { part: 'header' })
      })

      it('an IV of the wrong length: both reject (JWT_MALFORMED in the iv)', async () => {
        expectSameFailure(await both(withPart(await fresh(), 2, b64('12345678'))), 'JWT_MALFORMED', { part: 'iv', reason: 'Invalid Initialization Vector length', expectedBytes: flavor === 'authjs' ? 16 : 12, gotBytes: 8 })
      })

      // S1: truncated or loosely encoded segments. v4's jose 4 decodes with Node's lenient Buffer (never
      // fails) and leaves a bad tag length to the cipher; Auth.js's jose 6 decodes strictly.
      const segmentCases: [string, (token: string) => string][] = [
        ['the tag cut to 15 bytes', (t) => withPart(t, 4, resized(t.split('.')[4]!, tagBytes - 1))],
        ['the tag one byte longer', (t) => withPart(t, 4, resized(t.split('.')[4]!, tagBytes + 1))],
        ['an 8-byte tag', (t) => withPart(t, 4, b64('12345678'))],
        ['a one-character ciphertext', (t) => withPart(t, 3, 'A')],
        ['a ciphertext with a character outside base64url', (t) => withPart(t, 3, 'AB*C')],
        ['a tag with a character outside base64url', (t) => withPart(t, 4, 'AB*C')],
        ['an IV with a character outside base64url', (t) => withPart(t, 2, `${t.split('.')[2]!.slice(0, 4)}*${t.split('.')[2]!.slice(4)}`)],
        ['a ciphertext with padding', (t) => withPart(t, 3, `${t.split('.')[3]}=`)],
        ['a tag followed by a space', (t) => withPart(t, 4, `${t.split('.')[4]} `)],
        ['a ciphertext one character short of a whole byte', (t) => withPart(t, 3, t.split('.')[3]!.slice(0, t.split('.')[3]!.length - (((t.split('.')[3]!.length % 4) + 3) % 4)))],
        ['the token cut by its last character', (t) => t.slice(0, -1)],
        ['the token in double quotes', (t) => `"${t}"`],
        ['a header with padding', (t) => withPart(t, 0, `${t.split('.')[0]}=`)],
      ]
      for (const [label, change] of segmentCases) {
        it(`${label}: the same outcome as the real ${flavor} decode`, async () => {
          const { theirs, ours } = await both(change(await fresh()))
          if (theirs.ok) expect(ours).toEqual({ ok: true, value: theirs.value })
          else expectSameFailure({ theirs, ours }, realCode(theirs) as EngineErrorCode)
        })
      }

      it('expiry: maxAge −14 and 0 decode, −15 is rejected, in both', async () => {
        for (const maxAge of [0, -14]) {
          const { theirs, ours } = await both(await fresh(maxAge))
          expect([maxAge, theirs.ok, ours.ok]).toEqual([maxAge, true, true])
        }
        expectSameFailure(await both(await fresh(-15)), 'JWT_EXPIRED', { expiredBySec: 15, exp: NOW_SEC - 15, nowSec: NOW_SEC, toleranceSec: 15 })
      })

      it('expiry as the clock moves: exp + 14 decodes, exp + 15 is rejected, in both', async () => {
        const token = await fresh(100)
        expect((await both(token, { nowSec: NOW_SEC + 114 })).ours.ok).toBe(true)
        expect((await both(token, { nowSec: NOW_SEC + 114 })).theirs.ok).toBe(true)
        expectSameFailure(await both(token, { nowSec: NOW_SEC + 115 }), 'JWT_EXPIRED', { expiredBySec: 15 })
      })

      it('nbf: 15 s ahead decodes, 16 s ahead is rejected (JWT_NOT_YET_VALID), in both', async () => {
        const ok = await both(await encode({ token: { nbf: NOW_SEC + 15 }, secret: SECRET, salt, flavor, nowSec: NOW_SEC }))
        expect([ok.theirs.ok, ok.ours.ok]).toEqual([true, true])
        expectSameFailure(await both(await encode({ token: { nbf: NOW_SEC + 16 }, secret: SECRET, salt, flavor, nowSec: NOW_SEC })), 'JWT_NOT_YET_VALID', { claim: 'nbf' })
      })

      it('an iat in the future is accepted by both (jose only type-checks iat)', async () => {
        const token = await encode({ token: {}, secret: SECRET, salt, flavor, nowSec: NOW_SEC + 86400 })
        const { theirs, ours } = await both(token)
        expect([theirs.ok, ours.ok]).toEqual([true, true])
      })

      it('a non-number claim: both reject; ours says JWT_CLAIMS_INVALID', async () => {
        expectSameFailure(await both(await encode({ token: { nbf: 'tomorrow' }, secret: SECRET, salt, flavor, nowSec: NOW_SEC })), 'JWT_CLAIMS_INVALID', { claim: 'nbf' })
      })

      it('no secret: both reject; ours says NO_SECRET, with the real HKDF TypeError as the cause', async () => {
        const token = await fresh()
        for (const secret of ['', undefined]) expectSameFailure(await both(token, { secret }), 'NO_SECRET')
      })

      it('a token that is not a string: jose\'s "must be a string or Uint8Array"; a Uint8Array is read as text', async () => {
        expectSameFailure(await both({}), 'JWT_MALFORMED', { part: 'token' })
        const bytes = new TextEncoder().encode(await fresh())
        const { theirs, ours } = await both(bytes)
        expect(theirs.ok).toBe(true)
        expect(ours).toEqual({ ok: true, value: (theirs as { value: unknown }).value })
      })

      it('decodeDetailed fails the same way, with what explains it in details', async () => {
        const tampered = await ourOutcome(async () => decodeDetailed({ token: flipByteInPart(await fresh(), 3), secret: SECRET, salt, flavor, nowSec: NOW_SEC }))
        expect(tampered).toMatchObject({ ok: false, code: 'JWT_DECRYPT_FAILED', details: { enc: flavor === 'authjs' ? 'A256CBC-HS512' : 'A256GCM', flavor } })
        const expired = await ourOutcome(async () => decodeDetailed({ token: await fresh(-20), secret: SECRET, salt, flavor, nowSec: NOW_SEC }))
        expect(expired).toMatchObject({ ok: false, code: 'JWT_EXPIRED', details: { expiredBySec: 20, toleranceSec: 15 } })
        expect((expired as { error: Error }).error.cause).toMatchObject({ code: 'ERR_JWT_EXPIRED', claim: 'exp', reason: 'check_failed' })
      })

      it('a failed decrypt keeps Web Crypto\'s error as the cause of the cause, where there is one', async () => {
        const { ours } = await both(flipByteInPart(await fresh(), 3))
        const cause = (ours as { error: Error }).error.cause as Error
        expect(cause).toMatchObject({ name: 'JWEDecryptionFailed', code: 'ERR_JWE_DECRYPTION_FAILED' })
        // GCM reports the failed tag through Web Crypto; CBC-HMAC finds the mismatch itself, before any Web Crypto call fails.
        if (flavor === 'next-auth-v4') expect(cause.cause).toMatchObject({ name: 'OperationError' })
        else expect(cause.cause).toBeUndefined()
      })
    })
  }

  describe('header copies of iss, sub and aud (jwtDecrypt checks them in both libraries)', () => {
    const make = async (flavor: 'next-auth-v4' | 'authjs', claims: Record<string, unknown>, extraHeader: Record<string, unknown>) => {
      if (flavor === 'next-auth-v4') return new jose4.EncryptJWT(claims).setProtectedHeader({ alg: 'dir', enc: 'A256GCM', ...extraHeader }).encrypt(v4Key())
      const key = authjsKey(64)
      const kid = await calculateJwkThumbprint({ kty: 'oct', k: base64url.encode(key) }, 'sha512')
      return new EncryptJWT(claims).setProtectedHeader({ alg: 'dir', enc: 'A256CBC-HS512', kid, ...extraHeader }).encrypt(key)
    }
    for (const { flavor, real, salt } of FLAVORS) {
      const both = async (token: string) => ({
        theirs: await atTime(NOW_SEC, () => realOutcome(() => real.decode({ token, secret: SECRET, salt }))),
        ours: await ourOutcome(() => decode({ token, secret: SECRET, salt, flavor, nowSec: NOW_SEC })),
      })
      for (const claim of ['iss', 'sub', 'aud'] as const) {
        it(`${flavor}: a header "${claim}" that differs from the claim is JWT_CLAIMS_INVALID in both; an equal one is accepted`, async () => {
          expectSameFailure(await both(await make(flavor, { [claim]: 'a' }, { [claim]: 'b' })), 'JWT_CLAIMS_INVALID', { claim, reason: 'header-mismatch' })
          expectSameFailure(await both(await make(flavor, {}, { [claim]: 'b' })), 'JWT_CLAIMS_INVALID', { claim })
          const same = await both(await make(flavor, { [claim]: claim === 'aud' ? ['x', 'y'] : 'a' }, { [claim]: claim === 'aud' ? ['x', 'y'] : 'a' }))
          expect([same.theirs.ok, same.ours.ok]).toEqual([true, true])
        })
      }
    }

    it('the cause is jose\'s JWTClaimValidationFailed with reason "mismatch"', async () => {
      const ours = await ourOutcome(async () => decode({ token: await make('next-auth-v4', { iss: 'a' }, { iss: 'b' }), secret: SECRET, nowSec: NOW_SEC }))
      expect((ours as { error: Error }).error.cause).toMatchObject({ name: 'JWTClaimValidationFailed', claim: 'iss', reason: 'mismatch' })
    })
  })

  describe('across libraries', () => {
    it('an Auth.js token read by v4: both reject; ours says JWT_INVALID_KEY (512-bit key needed)', async () => {
      const token = await encode({ token: {}, secret: SECRET, salt: SALT, flavor: 'authjs', nowSec: NOW_SEC })
      const theirs = await atTime(NOW_SEC, () => realOutcome(() => realV4.decode({ token, secret: SECRET })))
      expectSameFailure({ theirs, ours: await ourOutcome(() => decode({ token, secret: SECRET, nowSec: NOW_SEC })) }, 'JWT_INVALID_KEY', { enc: 'A256CBC-HS512' })
    })

    it('v4 checks the key length before the IV: an A256CBC-HS512 header over a v4 token is JWT_INVALID_KEY, as in the real one', async () => {
      const v4 = await encode({ token: {}, secret: SECRET, nowSec: NOW_SEC })
      const token = withPart(v4, 0, b64({ alg: 'dir', enc: 'A256CBC-HS512', kid: 'k' }))
      const theirs = await atTime(NOW_SEC, () => realOutcome(() => realV4.decode({ token, secret: SECRET })))
      expectSameFailure({ theirs, ours: await ourOutcome(() => decode({ token, secret: SECRET, nowSec: NOW_SEC })) }, 'JWT_INVALID_KEY')
    })

    it('a v4 token read by Auth.js: both reject; ours says JWT_DECRYPT_FAILED (no kid, another key)', async () => {
      const token = await encode({ token: {}, secret: SECRET, nowSec: NOW_SEC })
      const theirs = await atTime(NOW_SEC, () => realOutcome(() => realAuthjs.decode({ token, secret: SECRET, salt: SALT })))
      expectSameFailure({ theirs, ours: await ourOutcome(() => decode({ token, secret: SECRET, salt: SALT, flavor: 'authjs', nowSec: NOW_SEC })) }, 'JWT_DECRYPT_FAILED')
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
      ['PBES2 with the derived key as the password', () => new jose4.EncryptJWT({ sub: '1' }).setProtectedHeader({ alg: 'PBES2-HS256+A128KW', enc: 'A256GCM' }).setKeyManagementParameters({ p2c: 1000, p2s: new Uint8Array(16) }).encrypt(v4Key())],
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

    const refused: [string, () => Promise<string>, EngineErrorCode][] = [
      ['PBES2 with p2c above 10 000', () => new jose4.EncryptJWT({ sub: '1' }).setProtectedHeader({ alg: 'PBES2-HS256+A128KW', enc: 'A256GCM' }).setKeyManagementParameters({ p2c: 10_001, p2s: new Uint8Array(16) }).encrypt(v4Key()), 'JWT_MALFORMED'],
      ['PBES2 without an encrypted key', async () => `${b64({ alg: 'PBES2-HS256+A128KW', enc: 'A256GCM', p2c: 1e9, p2s: 'AAAAAAAAAAA' })}..${(await encode({ token: {}, secret: SECRET, nowSec: NOW_SEC })).split('.').slice(2).join('.')}`, 'JWT_MALFORMED'],
      ['A128KW (its key is 16 bytes, v4 derives 32)', async () => `${b64({ alg: 'A128KW', enc: 'A256GCM' })}.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAA.AAAA.AAAAAAAAAAAAAAAAAAAAAA`, 'JWT_INVALID_KEY'],
      ['an asymmetric alg (RSA-OAEP)', async () => withPart(await encode({ token: {}, secret: SECRET, nowSec: NOW_SEC }), 0, b64({ alg: 'RSA-OAEP', enc: 'A256GCM' })), 'JWT_UNSUPPORTED_ALG'],
      ['an unknown enc', async () => withPart(await encode({ token: {}, secret: SECRET, nowSec: NOW_SEC }), 0, b64({ alg: 'dir', enc: 'XYZ' })), 'JWT_UNSUPPORTED_ALG'],
      ['a crit header', async () => withPart(await encode({ token: {}, secret: SECRET, nowSec: NOW_SEC }), 0, b64({ alg: 'dir', enc: 'A256GCM', crit: ['x'], x: 1 })), 'JWT_UNSUPPORTED_ALG'],
      ['a header without alg', async () => withPart(await encode({ token: {}, secret: SECRET, nowSec: NOW_SEC }), 0, b64({ enc: 'A256GCM' })), 'JWT_MALFORMED'],
      ['a header that is JSON but an array', async () => withPart(await encode({ token: {}, secret: SECRET, nowSec: NOW_SEC }), 0, b64([1])), 'JWT_MALFORMED'],
      ['an encrypted key with dir', async () => withPart(await encode({ token: {}, secret: SECRET, nowSec: NOW_SEC }), 1, 'AAAA'), 'JWT_MALFORMED'],
    ]
    for (const [label, make, code] of refused) {
      it(`${label}: both refuse; ours says ${code} with the real error as cause`, async () => {
        const token = await make()
        const theirs = await atTime(NOW_SEC, () => realOutcome(() => realV4.decode({ token, secret: SECRET })))
        expectSameFailure({ theirs, ours: await ourOutcome(() => decode({ token, secret: SECRET, nowSec: NOW_SEC })) }, code)
      })
    }

    it('deliberate difference: false, 0 and NaN are JWT_MALFORMED, though the real decode returns null for any falsy token', async () => {
      for (const token of [false, 0, Number.NaN]) {
        expect(await realV4.decode({ token, secret: SECRET })).toBeNull()
        expect(await ourOutcome(() => decode({ token, secret: SECRET, nowSec: NOW_SEC }))).toMatchObject({ ok: false, code: 'JWT_MALFORMED', details: { part: 'token', reason: 'not-a-string' } })
      }
    })
  })

  describe('Auth.js: allow-list, A256GCM and secret rotation', () => {
    const authjs = (token: string, secret: unknown) => ({
      theirs: atTime(NOW_SEC, () => realOutcome(() => realAuthjs.decode({ token, secret, salt: SALT }))),
      ours: ourOutcome(() => decode({ token, secret: secret as string[], salt: SALT, flavor: 'authjs', nowSec: NOW_SEC })),
    })
    const settled = async (pair: ReturnType<typeof authjs>) => ({ theirs: await pair.theirs, ours: await pair.ours })

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
      expectSameFailure(await settled(authjs(token, SECRET)), 'JWT_UNSUPPORTED_ALG')
    })

    it('decodes the segments before it looks for the key: a bad ciphertext with an unknown kid is JWT_MALFORMED, as in the real one', async () => {
      const token = withPart(withPart(await encode({ token: {}, secret: SECRET, salt: SALT, flavor: 'authjs', nowSec: NOW_SEC }), 0, b64({ alg: 'dir', enc: 'A256CBC-HS512', kid: 'unknown' })), 3, 'AB*C')
      expectSameFailure(await settled(authjs(token, SECRET)), 'JWT_MALFORMED', { part: 'ciphertext' })
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
      expectSameFailure(await settled(authjs(token, ['new', 'newer'])), 'JWT_NO_MATCHING_SECRET', { secretsTried: 2, enc: 'A256CBC-HS512' })
    })

    it('a token without kid is tried with the first secret only, as the real one (rotation does not help it)', async () => {
      const token = await new CompactEncrypt(new TextEncoder().encode(JSON.stringify({ sub: '1' }))).setProtectedHeader({ alg: 'dir', enc: 'A256CBC-HS512' }).encrypt(authjsKey(64))
      const first = authjs(token, [SECRET, OTHER])
      expect([(await first.theirs).ok, (await first.ours).ok]).toEqual([true, true])
      expectSameFailure(await settled(authjs(token, [OTHER, SECRET])), 'JWT_DECRYPT_FAILED')
    })

    it('an empty secret list is "no matching decryption secret" on decode (the resolver loops over nothing), NO_SECRET on encode', async () => {
      const token = await encode({ token: {}, secret: SECRET, salt: SALT, flavor: 'authjs', nowSec: NOW_SEC })
      expectSameFailure(await settled(authjs(token, [])), 'JWT_NO_MATCHING_SECRET', { secretsTried: 0 })
      const theirs = await atTime(NOW_SEC, () => realOutcome(() => realAuthjs.encode({ token: {}, secret: [], salt: SALT })))
      expect(realCode(theirs)).toBe('NO_SECRET')
      expect(await ourOutcome(() => encode({ token: {}, secret: [], salt: SALT, flavor: 'authjs', nowSec: NOW_SEC }))).toMatchObject({ ok: false, code: 'NO_SECRET' })
    })

    it('a missing salt is a coded error (JWT_INVALID_KEY), where the real one throws a TypeError, kept as the cause', async () => {
      const token = await encode({ token: {}, secret: SECRET, salt: SALT, flavor: 'authjs', nowSec: NOW_SEC })
      const theirs = await atTime(NOW_SEC, () => realOutcome(() => realAuthjs.decode({ token, secret: SECRET })))
      expectSameFailure({ theirs, ours: await ourOutcome(() => decode({ token, secret: SECRET, flavor: 'authjs', nowSec: NOW_SEC })) }, 'JWT_INVALID_KEY', { reason: 'salt-missing' })
      expect(await ourOutcome(() => encode({ token: {}, secret: SECRET, flavor: 'authjs', nowSec: NOW_SEC }))).toMatchObject({ ok: false, code: 'JWT_INVALID_KEY', details: { reason: 'salt-missing' } })
    })
  })
})
