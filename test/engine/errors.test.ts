// EngineError's serialisable form: what travels in trace events and is shown as the "Cause" row.
import { errors } from 'jose'
import { describe, expect, it } from 'vitest'
import { EngineError, libraryMessageOf } from '../../src/engine/errors'

describe('EngineError.toJSON', () => {
  it('keeps a jose cause with its name, message and ERR_ code', () => {
    const error = new EngineError('JWT_DECRYPT_FAILED', 'x', { cause: new errors.JWEDecryptionFailed() })
    expect(error.toJSON().cause).toEqual({ name: 'JWEDecryptionFailed', message: 'decryption operation failed', code: 'ERR_JWE_DECRYPTION_FAILED' })
  })

  it('names the cause by the real name its wrapper gave (jwtError gives a minified jose class its own), else by its name', () => {
    // What a production bundle does to jose's classes: `this.name = this.constructor.name` then reads the short name.
    const minified = new (class Mt extends errors.JWEDecryptionFailed {})()
    expect(minified.name).toBe('Mt')
    expect(new EngineError('JWT_DECRYPT_FAILED', 'x', { cause: minified, causeName: 'JWEDecryptionFailed' }).toJSON().cause).toEqual({
      name: 'JWEDecryptionFailed',
      message: 'decryption operation failed',
      code: 'ERR_JWE_DECRYPTION_FAILED',
    })
    // errors.ts knows no library's classes: without a given name it keeps the cause's own.
    expect(new EngineError('JWT_DECRYPT_FAILED', 'x', { cause: minified }).toJSON().cause?.name).toBe('Mt')
  })

  it('leaves out a code that is not a string (a DOMException\'s numeric legacy code)', () => {
    const domException = new DOMException('The operation failed for an operation-specific reason', 'OperationError')
    expect(domException.code).toBe(0)
    const cause = new EngineError('JWT_DECRYPT_FAILED', 'x', { cause: domException }).toJSON().cause
    expect(cause).toEqual({ name: 'OperationError', message: 'The operation failed for an operation-specific reason' })
    expect(cause).not.toHaveProperty('code')
    expect(new EngineError('JWT_MALFORMED', 'x', { cause: Object.assign(new Error('e'), { code: 42 }) }).toJSON().cause).toEqual({ name: 'Error', message: 'e' })
  })

  it('has no cause when there is none, or when it is not an Error', () => {
    expect(new EngineError('NO_SECRET', 'x').toJSON().cause).toBeUndefined()
    expect(new EngineError('NO_SECRET', 'x', { cause: 'text' }).toJSON().cause).toBeUndefined()
  })
})

describe('libraryMessageOf', () => {
  it('is the cause\'s message (what the real library threw, so what its logger prints), else ours', () => {
    const withCause = new EngineError('JWT_MALFORMED', 'the token is malformed: Invalid Compact JWE', { cause: new errors.JWEInvalid('Invalid Compact JWE') }).toJSON()
    expect(libraryMessageOf(withCause)).toBe('Invalid Compact JWE')
    expect(libraryMessageOf(new EngineError('JWT_CLAIMS_INVALID', 'maxAge must be a number of seconds').toJSON())).toBe('maxAge must be a number of seconds')
  })
})
