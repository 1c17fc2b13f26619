// Plain-data helpers: a JSON-safe copy for the trace (a trace survives a JSON round trip unchanged),
// and a fast deep copy of the plain arguments handed to app code.

/** A JSON-safe copy: undefined members dropped, functions/symbols/bigints/non-finite numbers named, cycles cut. */
export function toTraceValue(value: unknown): unknown {
  return convert(value, [])
}

function convert(value: unknown, stack: object[]): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value
    case 'number':
      return Number.isFinite(value) ? value : `[${String(value)}]`
    case 'bigint':
      return `[BigInt ${value}n]`
    case 'function':
      return '[Function]'
    case 'symbol':
      return `[${String(value)}]`
    case 'undefined':
      return null
    default:
      break
  }
  if (value === null) return null
  const object = value as Record<string, unknown>
  if (object instanceof Date) return Number.isNaN(object.getTime()) ? '[Invalid Date]' : object.toISOString()
  // The stack holds the objects being copied above this one: a repeat is a cycle. Plain data is shallow.
  if (stack.includes(object)) return '[Circular]'
  stack.push(object)
  let out: unknown
  if (Array.isArray(object)) {
    const list = new Array<unknown>(object.length)
    for (let i = 0; i < object.length; i++) list[i] = convert(object[i], stack)
    out = list
  } else {
    const record: Record<string, unknown> = {}
    for (const key of Object.keys(object)) {
      const item = object[key]
      if (item !== undefined) record[key] = convert(item, stack)
    }
    out = record
  }
  stack.pop()
  return out
}

/**
 * A deep copy of plain data (objects, arrays, primitives; `undefined` members kept), so app code
 * never mutates the engine's own objects. Anything else (a Date, a Map…) goes through structuredClone.
 */
export function copyPlain<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) return value.map(copyPlain) as T
  if (Object.getPrototypeOf(value) !== Object.prototype) return structuredClone(value)
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(value)) out[key] = copyPlain((value as Record<string, unknown>)[key])
  return out as T
}
