// Checks what a callback returned before it leaves the worker: plain JSON-like data only (what
// NextAuth can put in a JWT or send as the session JSON), and not larger than 1 MB serialised.
// What leaves is a structured clone made here, so a Proxy or a getter cannot change it on the way.
import { EngineError } from '../errors'
import { SANDBOX_MAX_RETURN_BYTES, type SandboxCallbackName } from './protocol'

// Taken when the module loads, before any learner code: a callback that replaces JSON.stringify or
// Object.keys must not be able to wave its next return value through.
const { getPrototypeOf, keys, getOwnPropertySymbols, prototype: objectPrototype } = Object
const { isArray } = Array
const stringify = JSON.stringify
const clone = structuredClone
const encoder = new TextEncoder()
const encode = encoder.encode.bind(encoder)
const includes = Function.prototype.call.bind(Array.prototype.includes) as (list: unknown[], value: unknown) => boolean

/** Why a return value was refused; carried in `details.reason`. */
export type BadReturnReason = 'function' | 'symbol' | 'bigint' | 'circular' | 'class-instance' | 'undefined' | 'not-cloneable'

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
      if (includes(ancestors, value)) return bad(callback, 'circular', path, 'a circular reference')
      const proto = getPrototypeOf(value)
      const array = isArray(value)
      if (!array && proto !== objectPrototype && proto !== null) {
        const name = (proto as { constructor?: { name?: string } })?.constructor?.name || 'an object with a custom prototype'
        return bad(callback, 'class-instance', path, `an instance of ${name}`)
      }
      ancestors[ancestors.length] = value
      for (const key of keys(value)) {
        const childPath = array ? `${path}[${key}]` : `${path}.${key}`
        const problem = findProblem(callback, (value as Record<string, unknown>)[key], childPath, ancestors)
        if (problem) return problem
      }
      for (const key of getOwnPropertySymbols(value)) {
        return bad(callback, 'symbol', `${path}[${String(key)}]`, 'a symbol key')
      }
      ancestors.length -= 1
      return null
    }
    default:
      return null
  }
}

/**
 * The value as it will leave the worker (a structured clone) and its size in bytes; throws
 * SANDBOX_BAD_RETURN or SANDBOX_RETURN_TOO_LARGE. `undefined` is refused for `jwt` and `session`
 * (NextAuth needs an object there); for `authorize` it means "no user", as in NextAuth. `null` and
 * primitives pass: the flow decides what NextAuth does with them (v4 and Auth.js differ).
 */
export function checkReturn(callback: SandboxCallbackName, value: unknown): { value: unknown; sizeBytes: number } {
  if (value === undefined) {
    if (callback === 'authorize') return { value: undefined, sizeBytes: 0 }
    throw bad(callback, 'undefined', 'return', 'undefined')
  }
  const problem = findProblem(callback, value, 'return', [])
  if (problem) throw problem
  let copy: unknown
  try {
    copy = clone(value)
  } catch (error) {
    // A Proxy, or a getter that hands out something else the second time it is read.
    throw new EngineError('SANDBOX_BAD_RETURN', `${callback} returned something that cannot be copied out of the worker: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
      details: { callback, reason: 'not-cloneable', path: 'return' },
    })
  }
  // The clone is what leaves; a getter may have put something different in it.
  const again = findProblem(callback, copy, 'return', [])
  if (again) throw again
  const sizeBytes = encode(stringify(copy) ?? '').length
  if (sizeBytes > SANDBOX_MAX_RETURN_BYTES) {
    throw new EngineError('SANDBOX_RETURN_TOO_LARGE', `${callback} returned ${sizeBytes} bytes (limit ${SANDBOX_MAX_RETURN_BYTES})`, {
      details: { callback, sizeBytes, limitBytes: SANDBOX_MAX_RETURN_BYTES },
    })
  }
  return { value: copy, sizeBytes }
}
