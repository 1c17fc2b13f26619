// Checks what a callback returned before it leaves the worker: plain JSON-like data only (what
// NextAuth can put in a JWT or send as the session JSON), and not larger than 1 MB serialised.
import { EngineError } from '../errors'
import { SANDBOX_MAX_RETURN_BYTES, type SandboxCallbackName } from './protocol'

/** Why a return value was refused; carried in `details.reason`. */
export type BadReturnReason = 'function' | 'symbol' | 'bigint' | 'circular' | 'class-instance' | 'undefined'

function bad(callback: SandboxCallbackName, reason: BadReturnReason, path: string, kind: string): EngineError {
  return new EngineError('SANDBOX_BAD_RETURN', `${callback} returned ${kind} at ${path}, which cannot leave the sandbox`, {
    details: { callback, reason, path },
  })
}

/** The first problem in `value`, or null when it is plain data. `path` reads like `return.user.role`. */
function findProblem(callback: SandboxCallbackName, value: unknown, path: string, ancestors: object[]): EngineError | null {
  switch (typeof value) {
    case 'function':
      return bad(callback, 'function', path, 'a function')
    case 'symbol':
      return bad(callback, 'symbol', path, 'a symbol')
    case 'bigint':
      return bad(callback, 'bigint', path, 'a BigInt')
    case 'object': {
      if (value === null) return null
      if (ancestors.includes(value)) return bad(callback, 'circular', path, 'a circular reference')
      const proto = Object.getPrototypeOf(value)
      const isArray = Array.isArray(value)
      if (!isArray && proto !== Object.prototype && proto !== null) {
        const name = (proto as { constructor?: { name?: string } })?.constructor?.name || 'an object with a custom prototype'
        return bad(callback, 'class-instance', path, `an instance of ${name}`)
      }
      ancestors.push(value)
      for (const key of Object.keys(value)) {
        const childPath = isArray ? `${path}[${key}]` : `${path}.${key}`
        const problem = findProblem(callback, (value as Record<string, unknown>)[key], childPath, ancestors)
        if (problem) return problem
      }
      for (const key of Object.getOwnPropertySymbols(value)) {
        return bad(callback, 'symbol', `${path}[${String(key)}]`, 'a symbol key')
      }
      ancestors.pop()
      return null
    }
    default:
      return null
  }
}

/**
 * Throws SANDBOX_BAD_RETURN or SANDBOX_RETURN_TOO_LARGE, or returns the size in bytes.
 * `undefined` is refused for `jwt` and `session` (NextAuth needs an object there); for `authorize`
 * it means "no user", as in NextAuth. `null` and primitives pass: the flow decides what NextAuth
 * does with them (v4 and Auth.js differ).
 */
export function checkReturn(callback: SandboxCallbackName, value: unknown): number {
  if (value === undefined) {
    if (callback === 'authorize') return 0
    throw bad(callback, 'undefined', 'return', 'undefined')
  }
  const problem = findProblem(callback, value, 'return', [])
  if (problem) throw problem
  const sizeBytes = new TextEncoder().encode(JSON.stringify(value) ?? '').length
  if (sizeBytes > SANDBOX_MAX_RETURN_BYTES) {
    throw new EngineError('SANDBOX_RETURN_TOO_LARGE', `${callback} returned ${sizeBytes} bytes (limit ${SANDBOX_MAX_RETURN_BYTES})`, {
      details: { callback, sizeBytes, limitBytes: SANDBOX_MAX_RETURN_BYTES },
    })
  }
  return sizeBytes
}
