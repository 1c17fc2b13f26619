// Reading a JWE protected header strictly, as jose 6's `parseJoseHeader` does (`lib/jwe_decrypt.js`):
// base64url without leniency, UTF-8 that must be valid, JSON, a plain object.
import { errors } from 'jose'
import { decodeBase64url } from './base64url'
import { isPlainObject } from './claims'

const strictDecoder = new TextDecoder('utf-8', { fatal: true })

/** The header of a compact JWE's first segment; jose 6's `JWEInvalid('JWE Protected Header is invalid')` otherwise. */
export function parseProtectedHeader(segment: string): Record<string, unknown> {
  let header: unknown
  try {
    header = JSON.parse(strictDecoder.decode(decodeBase64url(segment)))
  } catch (cause) {
    throw new errors.JWEInvalid('JWE Protected Header is invalid', { cause })
  }
  if (!isPlainObject(header)) throw new errors.JWEInvalid('JWE Protected Header is invalid')
  return header
}
