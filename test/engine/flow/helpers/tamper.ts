// The engine's "Tamper cookie" byte flip for a token a test made with a real library.
import { flipTokenByte } from '../../../../src/engine/flow/tamper'

/** `token` with one ciphertext (or signature) byte flipped; throws when it is not a token that can be tampered with. */
export function tamperedToken(token: string): string {
  const flipped = flipTokenByte(token)
  if ('reason' in flipped) throw new TypeError(`cannot tamper with ${token}: ${flipped.reason}`)
  return flipped.token
}
