// jwtErrors wraps jose's errors; the serialised cause names a jose error by its real class, which a
// minified build would otherwise show as its short constructor name.
import { errors } from 'jose'
import { describe, expect, it } from 'vitest'
import { fromDecodeError, joseErrorName, jwtError, malformed } from '../../../src/engine/jwt/jwtErrors'

describe('the real name of a jose cause', () => {
  it('names a jose error by its class even when a minified build renamed the constructor', () => {
    // What a production bundle does to jose's classes: `this.name = this.constructor.name` then reads the short name.
    const Minified = class Mt extends errors.JWEDecryptionFailed {}
    const minified = new Minified()
    expect(minified.name).toBe('Mt')
    expect(jwtError('JWT_DECRYPT_FAILED', 'x', {}, minified).toJSON().cause?.name).toBe('JWEDecryptionFailed')
    expect(fromDecodeError(minified).toJSON().cause).toEqual({ name: 'JWEDecryptionFailed', message: 'decryption operation failed', code: 'ERR_JWE_DECRYPTION_FAILED' })
    const expired = new (class Q extends errors.JWTExpired {})('"exp" claim timestamp check failed', {})
    expect(jwtError('JWT_EXPIRED', 'x', {}, expired).toJSON().cause?.name).toBe('JWTExpired')
    expect(fromDecodeError(expired).toJSON()).toMatchObject({ code: 'JWT_EXPIRED', cause: { name: 'JWTExpired', code: 'ERR_JWT_EXPIRED' } })
    const invalid = new (class Z extends errors.JWEInvalid {})('Invalid Compact JWE')
    expect(malformed('token', invalid).toJSON().cause).toEqual({ name: 'JWEInvalid', message: 'Invalid Compact JWE', code: 'ERR_JWE_INVALID' })
  })

  it('knows every class jose exports, and nothing that is not a jose error', () => {
    for (const [name, errorClass] of Object.entries(errors)) expect(joseErrorName(Object.assign(new Error('e'), { code: errorClass.code }))).toBe(name)
    expect(joseErrorName(new TypeError('Invalid key size'))).toBeUndefined()
    expect(joseErrorName(Object.assign(new Error('e'), { code: 'ERR_SOMETHING_ELSE' }))).toBeUndefined()
    expect(joseErrorName(new DOMException('x', 'OperationError'))).toBeUndefined()
    expect(joseErrorName('ERR_JWE_INVALID')).toBeUndefined()
    // A cause that is not jose's keeps its own name.
    expect(jwtError('JWT_DECRYPT_FAILED', 'x', {}, new DOMException('x', 'OperationError')).toJSON().cause?.name).toBe('OperationError')
  })
})
