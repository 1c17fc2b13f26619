// Reading a token without a secret: parts, sizes, header, and what is malformed where.
import { describe, expect, it } from 'vitest'
import { encode, inspect } from '../../../src/engine/index'
import { NOW_SEC, atTime, realAuthjs, realV4 } from './realLibraries'

describe('inspect', () => {
  it('splits a real v4 token into the five JWE parts with their byte sizes', async () => {
    const token = await atTime(NOW_SEC, () => realV4.encode({ token: { sub: '1' }, secret: 's' }))
    const result = inspect(token)
    expect(result).toMatchObject({ kind: 'jwe', wellFormed: true, problems: [], header: { alg: 'dir', enc: 'A256GCM' } })
    expect(result.parts.map((p) => [p.name, p.byteLength])).toEqual([
      ['header', 29],
      ['encryptedKey', 0],
      ['iv', 12],
      ['ciphertext', Buffer.from(token.split('.')[3]!, 'base64url').length],
      ['tag', 16],
    ])
    expect(result.parts.map((p) => p.text).join('.')).toBe(token)
  })

  it('reads a real Auth.js token: 16-byte IV, 32-byte tag, the kid in the header', async () => {
    const token = await atTime(NOW_SEC, () => realAuthjs.encode({ token: {}, secret: 's', salt: 'authjs.session-token' }))
    const result = inspect(token)
    expect(result.wellFormed).toBe(true)
    expect(result.parts.map((p) => p.byteLength)).toEqual([expect.any(Number), 0, 16, expect.any(Number), 32])
    expect(Object.keys(result.header!)).toEqual(['alg', 'enc', 'kid'])
  })

  it('decodes the payload of a JWS (anyone can read it)', async () => {
    const token = await encode({ token: { sub: '1' }, secret: 's', flavor: 'simplified-hs256', nowSec: NOW_SEC })
    expect(inspect(token)).toMatchObject({ kind: 'jws', wellFormed: true, header: { alg: 'HS256' }, payload: { sub: '1', iat: NOW_SEC } })
  })

  it('says what is malformed and where', async () => {
    const good = await encode({ token: {}, secret: 's', nowSec: NOW_SEC })
    const parts = good.split('.')
    const withPart = (i: number, text: string) => parts.map((p, j) => (j === i ? text : p)).join('.')
    expect(inspect(42).problems).toEqual([{ part: 'token', reason: 'not-a-string' }])
    expect(inspect('').problems).toEqual([{ part: 'token', reason: 'empty' }])
    expect(inspect('a.b.c.d').problems).toContainEqual({ part: 'token', reason: 'wrong-part-count', actual: 4 })
    expect(inspect(` ${good}`).problems).toContainEqual({ part: 'token', reason: 'whitespace' })
    expect(inspect(withPart(2, 'not*base64')).problems).toContainEqual({ part: 'iv', reason: 'not-base64url' })
    expect(inspect(withPart(0, Buffer.from('{"alg":').toString('base64url'))).problems).toContainEqual({ part: 'header', reason: 'not-json' })
    expect(inspect(withPart(0, Buffer.from('[1]').toString('base64url'))).problems).toContainEqual({ part: 'header', reason: 'not-object' })
    expect(inspect(withPart(0, Buffer.from('{"enc":"A256GCM"}').toString('base64url'))).problems).toContainEqual({ part: 'header', reason: 'missing-alg' })
    expect(inspect(withPart(2, Buffer.alloc(8).toString('base64url'))).problems).toContainEqual({ part: 'iv', reason: 'iv-length', expected: 12, actual: 8 })
    expect(inspect(withPart(4, Buffer.alloc(15).toString('base64url'))).problems).toContainEqual({ part: 'tag', reason: 'tag-length', expected: 16, actual: 15 })
    expect(inspect(withPart(1, 'AAAA')).problems).toContainEqual({ part: 'encryptedKey', reason: 'unexpected-encrypted-key' })
    expect(inspect(withPart(3, '')).problems).toContainEqual({ part: 'ciphertext', reason: 'empty-part' })
    expect(inspect(withPart(3, '')).wellFormed).toBe(false)
  })

  it('calls an enc outside RFC 7518 a problem, and checks IV and tag sizes for every RFC enc', async () => {
    const good = await encode({ token: {}, secret: 's', nowSec: NOW_SEC })
    const parts = good.split('.')
    const withHeader = (header: unknown, iv = parts[2]!, tag = parts[4]!) => [Buffer.from(JSON.stringify(header)).toString('base64url'), '', iv, parts[3], tag].join('.')
    const unknown = inspect(withHeader({ alg: 'dir', enc: 'XYZ' }, 'AAAA', 'AAAA'))
    expect(unknown.problems).toEqual([{ part: 'header', reason: 'unknown-enc' }])
    expect(unknown.wellFormed).toBe(false)
    expect(inspect(withHeader({ alg: 'dir', enc: '__proto__' })).problems).toContainEqual({ part: 'header', reason: 'unknown-enc' })
    // A128CBC-HS256 (which v4 decodes) uses a 16-byte IV and a 16-byte tag.
    expect(inspect(withHeader({ alg: 'dir', enc: 'A128CBC-HS256' }, Buffer.alloc(16).toString('base64url'), Buffer.alloc(16).toString('base64url'))).problems).toEqual([])
    expect(inspect(withHeader({ alg: 'dir', enc: 'A128CBC-HS256' })).problems).toEqual([{ part: 'iv', reason: 'iv-length', expected: 16, actual: 12 }])
    expect(inspect(withHeader({ alg: 'dir', enc: 'A192CBC-HS384' }, Buffer.alloc(16).toString('base64url'))).problems).toEqual([{ part: 'tag', reason: 'tag-length', expected: 24, actual: 16 }])
  })

  it('names the parts of a token with the wrong count without guessing: the header, then "token"', () => {
    expect(inspect('a.b').parts.map((p) => p.name)).toEqual(['header', 'token'])
    expect(inspect('abc').parts.map((p) => p.name)).toEqual(['header'])
    expect(inspect('a.b.c.d').parts.map((p) => p.name)).toEqual(['header', 'token', 'token', 'token'])
    // Six or more: a JWE with something extra.
    expect(inspect('a.b.c.d.e.f').parts.map((p) => p.name)).toEqual(['header', 'encryptedKey', 'iv', 'ciphertext', 'tag', 'token'])
  })
})
