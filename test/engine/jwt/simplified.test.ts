// The simplified HS256 picture: a JWS that jose's own jwtVerify accepts with the raw secret, and the
// failures a signature has (and an encrypted token does not).
import { SignJWT, UnsecuredJWT, jwtVerify } from 'jose'
import { describe, expect, it } from 'vitest'
import { decode, decodeDetailed, encode } from '../../../src/engine/index'
import { NOW_SEC, flipByteInPart, ourOutcome } from './realLibraries'

const SECRET = 'simplified-secret'
const key = new TextEncoder().encode(SECRET)
const flavor = 'simplified-hs256' as const

describe('simplified-hs256', () => {
  it('makes a JWS {"alg":"HS256"} that jose verifies with the raw secret, iat/exp/jti set as in v4', async () => {
    const token = await encode({ token: { exp: 1, name: 'Alice' }, secret: SECRET, flavor, maxAge: 60, nowSec: NOW_SEC })
    expect(token.split('.')).toHaveLength(3)
    const { payload, protectedHeader } = await jwtVerify(token, key, { currentDate: new Date(NOW_SEC * 1000) })
    expect(protectedHeader).toEqual({ alg: 'HS256' })
    expect(Object.keys(payload)).toEqual(['exp', 'name', 'iat', 'jti'])
    expect(payload).toMatchObject({ name: 'Alice', iat: NOW_SEC, exp: NOW_SEC + 60 })
  })

  it('reads a token jose signed with the raw secret, and anyone can read its payload without it', async () => {
    const token = await new SignJWT({ sub: '1' }).setProtectedHeader({ alg: 'HS256' }).setIssuedAt(NOW_SEC).setExpirationTime(NOW_SEC + 60).sign(key)
    expect(await decode({ token, secret: SECRET, flavor, nowSec: NOW_SEC })).toEqual({ sub: '1', iat: NOW_SEC, exp: NOW_SEC + 60 })
    expect(JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString())).toMatchObject({ sub: '1' })
  })

  it('a changed payload or another secret: JWT_SIGNATURE_INVALID', async () => {
    const token = await encode({ token: { sub: '1' }, secret: SECRET, flavor, nowSec: NOW_SEC })
    expect(await ourOutcome(() => decode({ token: flipByteInPart(token, 1), secret: SECRET, flavor, nowSec: NOW_SEC }))).toMatchObject({ ok: false, code: 'JWT_SIGNATURE_INVALID' })
    expect(await ourOutcome(() => decode({ token, secret: 'other', flavor, nowSec: NOW_SEC }))).toMatchObject({ ok: false, code: 'JWT_SIGNATURE_INVALID' })
  })

  it('with several secrets, any one that verifies opens it', async () => {
    const token = await encode({ token: { sub: '1' }, secret: 'old', flavor, nowSec: NOW_SEC })
    const result = await decodeDetailed({ token, secret: ['new', 'old'], flavor, nowSec: NOW_SEC })
    expect(result!.key.keyHex).toBe(Buffer.from('old').toString('hex'))
  })

  it('alg none or HS512: JWT_UNSUPPORTED_ALG; a JWE: JWT_MALFORMED', async () => {
    const none = new UnsecuredJWT({ sub: '1' }).encode()
    expect(await ourOutcome(() => decode({ token: none, secret: SECRET, flavor, nowSec: NOW_SEC }))).toMatchObject({ ok: false, code: 'JWT_UNSUPPORTED_ALG' })
    const hs512 = await new SignJWT({ sub: '1' }).setProtectedHeader({ alg: 'HS512' }).sign(key)
    expect(await ourOutcome(() => decode({ token: hs512, secret: SECRET, flavor, nowSec: NOW_SEC }))).toMatchObject({ ok: false, code: 'JWT_UNSUPPORTED_ALG' })
    const jwe = await encode({ token: {}, secret: SECRET, nowSec: NOW_SEC })
    expect(await ourOutcome(() => decode({ token: jwe, secret: SECRET, flavor, nowSec: NOW_SEC }))).toMatchObject({ ok: false, code: 'JWT_MALFORMED', details: { part: 'token' } })
  })

  it('expires with the same 15 s tolerance', async () => {
    const token = await encode({ token: {}, secret: SECRET, flavor, maxAge: 0, nowSec: NOW_SEC })
    expect(await ourOutcome(() => decode({ token, secret: SECRET, flavor, nowSec: NOW_SEC + 14 }))).toMatchObject({ ok: true })
    expect(await ourOutcome(() => decode({ token, secret: SECRET, flavor, nowSec: NOW_SEC + 15 }))).toMatchObject({ ok: false, code: 'JWT_EXPIRED' })
  })
})
