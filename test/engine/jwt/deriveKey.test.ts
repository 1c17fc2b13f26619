// The key ladder against HKDF computed by node:crypto with the constants read from the real sources,
// the worked examples of the facts file (§2.3), and the kid the real Auth.js puts in its header.
import { hkdfSync } from 'node:crypto'
import { base64url, calculateJwkThumbprint } from 'jose'
import { describe, expect, it } from 'vitest'
import { deriveKey } from '../../../src/engine/index'
import { AUTHJS_SOURCE, NOW_SEC, V4_SOURCE, atTime, ourOutcome, realAuthjs } from './realLibraries'

/** The HKDF call of each library, read from its source: hash, info template and length. */
const V4_CALL = /hkdf\.default\)\("(sha\d+)", keyMaterial, salt, `([^`$]+)\$\{salt \? ` \(\$\{salt\}\)` : ""\}`, (\d+)\)/.exec(V4_SOURCE)
const AUTHJS_CALL = /hkdf\("(sha\d+)", keyMaterial, salt, `([^`$]+) \(\$\{salt\}\)`, length\)/.exec(AUTHJS_SOURCE)

function realHkdf(hash: string, secret: string, salt: string, info: string, length: number): string {
  return Buffer.from(hkdfSync(hash, secret, salt, info, length)).toString('hex')
}

describe('deriveKey', () => {
  it('finds the HKDF calls in the real sources', () => {
    expect(V4_CALL?.slice(1)).toEqual(['sha256', 'NextAuth.js Generated Encryption Key', '32'])
    expect(AUTHJS_CALL?.slice(1)).toEqual(['sha256', 'Auth.js Generated Encryption Key'])
  })

  it('v4: HKDF-SHA-256(secret, "", info) as the real getDerivedEncryptionKey, 32 bytes', async () => {
    const [, hash, info, length] = V4_CALL!
    for (const secret of ['s3cr3t', 'a much longer secret with spaces', '密钥🔑']) {
      expect(await deriveKey({ secret })).toEqual({ hash: 'SHA-256', salt: '', info, lengthBytes: 32, keyHex: realHkdf(hash!, secret, '', info!, Number(length)) })
    }
  })

  it('v4 with a salt appends " (<salt>)" to the info', async () => {
    const [, hash, info] = V4_CALL!
    const view = await deriveKey({ secret: 's3cr3t', salt: 'next-auth.pkce.code_verifier' })
    expect(view.info).toBe(`${info} (next-auth.pkce.code_verifier)`)
    expect(view.keyHex).toBe(realHkdf(hash!, 's3cr3t', 'next-auth.pkce.code_verifier', view.info, 32))
  })

  it('matches the worked v4 example of the facts file', async () => {
    expect((await deriveKey({ secret: 's3cr3t' })).keyHex).toBe('92d1e6250fc1fb63579f222031cce7c5192f2b2356b72636243981fa2e113e86')
  })

  it('Auth.js: 64 bytes with info "Auth.js Generated Encryption Key (<salt>)" and the SHA-512 thumbprint as kid', async () => {
    const [, hash, prefix] = AUTHJS_CALL!
    const salt = 'authjs.session-token'
    const view = await deriveKey({ secret: 's3cr3t', salt, flavor: 'authjs' })
    const keyHex = realHkdf(hash!, 's3cr3t', salt, `${prefix} (${salt})`, 64)
    expect(view).toEqual({ hash: 'SHA-256', salt, info: `${prefix} (${salt})`, lengthBytes: 64, keyHex, kid: await calculateJwkThumbprint({ kty: 'oct', k: base64url.encode(Buffer.from(keyHex, 'hex')) }, 'sha512') })
  })

  it('matches the worked Auth.js examples of the facts file', async () => {
    const plain = await deriveKey({ secret: 's3cr3t', salt: 'authjs.session-token', flavor: 'authjs' })
    expect(plain.keyHex.slice(0, 16)).toBe('d177747f8a7446a3')
    expect(plain.keyHex.slice(-16)).toBe('2dd5ab43677f5a01')
    expect(plain.kid).toBe('69BgHtBpjq0pJ5XuCioAnixSny8EPLlCAPZIhmbU4xESzhRg3nUBf9WDIqhzKP64V-5gco5y8KPuTOCspQK6Yg')
    expect((await deriveKey({ secret: 's3cr3t', salt: '__Secure-authjs.session-token', flavor: 'authjs' })).kid).toBe('cRyJrtU51ZIIXkpvAW8FAVv0HS4E0eZjw8iSyYs26_jPMZ6knkWoZeqEs98xnfswKyu5ExNUm2SAYBM8MZc9pg')
  })

  it('the kid is the one the real Auth.js puts in its header; with several secrets, the first one\'s', async () => {
    for (const salt of ['authjs.session-token', '__Secure-authjs.session-token']) {
      const token = await atTime(NOW_SEC, () => realAuthjs.encode({ token: {}, secret: ['first', 'second'], salt }))
      const header = JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString())
      expect((await deriveKey({ secret: ['first', 'second'], salt, flavor: 'authjs' })).kid).toBe(header.kid)
    }
  })

  it('Auth.js with enc A256GCM: 32 bytes from the same info, SHA-256 thumbprint', async () => {
    const salt = 'authjs.session-token'
    const view = await deriveKey({ secret: 's3cr3t', salt, flavor: 'authjs', enc: 'A256GCM' })
    const keyHex = realHkdf('sha256', 's3cr3t', salt, `Auth.js Generated Encryption Key (${salt})`, 32)
    expect(view).toMatchObject({ lengthBytes: 32, keyHex, kid: await calculateJwkThumbprint({ kty: 'oct', k: base64url.encode(Buffer.from(keyHex, 'hex')) }, 'sha256') })
    expect(view.kid).toHaveLength(43)
  })

  it('Auth.js with another enc: JWT_UNSUPPORTED_ALG, with the real error message', async () => {
    expect(AUTHJS_SOURCE).toContain('throw new Error("Unsupported JWT Content Encryption Algorithm")')
    const failed = await ourOutcome(() => deriveKey({ secret: 's3cr3t', salt: 'x', flavor: 'authjs', enc: 'A128GCM' }))
    expect(failed).toMatchObject({ ok: false, code: 'JWT_UNSUPPORTED_ALG' })
    expect((failed as { error: Error }).error.message).toBe('Unsupported JWT Content Encryption Algorithm')
  })

  it('simplified-hs256: the "key" is the raw secret, no HKDF', async () => {
    expect(await deriveKey({ secret: 's3cr3t', flavor: 'simplified-hs256' })).toEqual({ hash: 'none', salt: '', info: '', lengthBytes: 6, keyHex: Buffer.from('s3cr3t').toString('hex') })
  })

  it('refuses what HKDF cannot take with coded errors', async () => {
    expect(await ourOutcome(() => deriveKey({ secret: '' }))).toMatchObject({ ok: false, code: 'NO_SECRET', details: { reason: 'empty' } })
    expect(await ourOutcome(() => deriveKey({ secret: undefined }))).toMatchObject({ ok: false, code: 'NO_SECRET', details: { reason: 'missing' } })
    expect(await ourOutcome(() => deriveKey({ secret: ['a'] }))).toMatchObject({ ok: false, code: 'NO_SECRET', details: { reason: 'array' } })
    expect(await ourOutcome(() => deriveKey({ secret: [], flavor: 'authjs', salt: 'x' }))).toMatchObject({ ok: false, code: 'NO_SECRET', details: { reason: 'empty-list' } })
    expect(await ourOutcome(() => deriveKey({ secret: 42 as unknown as string }))).toMatchObject({ ok: false, code: 'NO_SECRET', details: { reason: 'not-a-string' } })
    expect(await ourOutcome(() => deriveKey({ secret: 'x', flavor: 'authjs' }))).toMatchObject({ ok: false, code: 'JWT_INVALID_KEY', details: { reason: 'salt-missing' } })
    expect(await ourOutcome(() => deriveKey({ secret: 'x', salt: 7 as unknown as string }))).toMatchObject({ ok: false, code: 'JWT_INVALID_KEY', details: { reason: 'salt-not-a-string' } })
  })
})
