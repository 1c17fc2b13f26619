// The salt probe shared by getToken's "wrong salt" and the Token lab's diagnosis, on tokens made by
// the real @auth/core: a claim failure still counts as opened, a bug is never read as "does not open".
import { describe, expect, it } from 'vitest'
import { opensWithSalt } from '../../../src/engine/jwt/index'
import { atTime, NOW_SEC, realAuthjs } from './realLibraries'

const SECURE = '__Secure-authjs.session-token'
const PLAIN = 'authjs.session-token'
const made = (token: Record<string, unknown>, maxAge?: number) => atTime(NOW_SEC, () => realAuthjs.encode({ token, secret: 's3cr3t', salt: SECURE, ...(maxAge === undefined ? {} : { maxAge }) }))
const probe = (token: string, salt: string, secrets = ['other', 's3cr3t']) => opensWithSalt({ token, secrets, salt, flavor: 'authjs', nowSec: NOW_SEC })

describe('opensWithSalt', () => {
  it('names the first secret that opens the token with that salt, and null for a salt that does not', async () => {
    const token = await made({ sub: '1' })
    expect(await probe(token, SECURE)).toEqual({ secretIndex: 1, expired: false })
    expect(await probe(token, PLAIN)).toBeNull()
    expect(await probe(token, SECURE, ['other'])).toBeNull()
  })

  it('counts an expired token as opened, and says it expired', async () => {
    expect(await probe(await made({ sub: '1' }, -3600), SECURE)).toEqual({ secretIndex: 1, expired: true })
  })

  it('counts a token that is not valid yet as opened: jose checks nbf only on a decrypted payload', async () => {
    const token = await made({ sub: '1', nbf: NOW_SEC + 3600 })
    await expect(atTime(NOW_SEC, () => realAuthjs.decode({ token, secret: 's3cr3t', salt: SECURE }))).rejects.toThrow(/nbf/)
    await expect(atTime(NOW_SEC, () => realAuthjs.decode({ token, secret: 's3cr3t', salt: PLAIN }))).rejects.toThrow(/no matching decryption secret/)
    expect(await probe(token, SECURE)).toEqual({ secretIndex: 1, expired: false })
  })

  it('rethrows a bug instead of reading it as "does not open"', async () => {
    const token = await made({ sub: '1' })
    await expect(opensWithSalt({ token, secrets: ['s3cr3t'], salt: SECURE, flavor: 'authjs', nowSec: Number.NaN })).rejects.toThrow(TypeError)
  })
})
