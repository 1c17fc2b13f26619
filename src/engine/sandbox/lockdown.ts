// Locks the callback worker's realm before any learner code runs, in two steps:
// 1. hardenWorkerGlobal: an allow-list. Every name on the worker global and its prototype chain that
//    is not explicitly safe is removed (the forbidden ones become throwing stubs), so no new browser
//    API can slip through a deny-list (FontFace, WebSocketStream, dispatchEvent…).
// 2. freezeIntrinsics: the built-ins are frozen, so one callback cannot change them for the next
//    (a small version of SES's lockdown(), github.com/endojs/endo packages/ses).
// The worker takes what it needs (postMessage, the Function constructors, the timers) before step 1.
import { FORBIDDEN_GLOBALS, forbiddenStub, isForbiddenStub } from './forbidden'

/** JavaScript's own globals that learner code may use. */
const LANGUAGE_GLOBALS = [
  'globalThis', 'Infinity', 'NaN', 'undefined', 'isFinite', 'isNaN', 'parseFloat', 'parseInt',
  'decodeURI', 'decodeURIComponent', 'encodeURI', 'encodeURIComponent', 'escape', 'unescape',
  'Object', 'Array', 'Boolean', 'Number', 'BigInt', 'String', 'Symbol', 'Date', 'RegExp', 'Math', 'JSON', 'Reflect', 'Proxy', 'Promise', 'Intl', 'Iterator',
  'Map', 'Set', 'WeakMap', 'WeakSet', 'WeakRef',
  'ArrayBuffer', 'DataView', 'Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array',
  'Float16Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array',
  'Error', 'AggregateError', 'EvalError', 'RangeError', 'ReferenceError', 'SyntaxError', 'TypeError', 'URIError', 'SuppressedError',
  'DisposableStack', 'AsyncDisposableStack',
] as const

/**
 * The few Web APIs a callback may use: none of them can reach the network, the page or code from a
 * string. `console` and the timers are the sandbox's per-call ones (callScope.ts). Left out on
 * purpose besides the forbidden names: WebAssembly (code from bytes), FinalizationRegistry and
 * Atomics (work that runs after the call), navigator, location and everything else a worker has.
 */
const WEB_GLOBALS = [
  'self', 'console', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'queueMicrotask', 'structuredClone',
  'atob', 'btoa', 'crypto', 'performance', 'TextEncoder', 'TextDecoder', 'URL', 'URLSearchParams', 'Request', 'Headers', 'DOMException',
] as const

/** The globals learner code may use (besides the forbidden names, which are throwing stubs). */
export const SAFE_GLOBALS: readonly string[] = [...LANGUAGE_GLOBALS, ...WEB_GLOBALS]

/** WebIDL constants on Chromium's worker global (FileSystem's 0 and 1): non-configurable numbers, so they stay. */
export const UNREMOVABLE_CONSTANTS: readonly string[] = ['TEMPORARY', 'PERSISTENT']

/** Web API methods whose promises settle in a later task: they only settle while the call that made them is open. */
const ASYNC_METHODS: Record<string, readonly string[]> = {
  SubtleCrypto: ['encrypt', 'decrypt', 'sign', 'verify', 'digest', 'generateKey', 'deriveKey', 'deriveBits', 'importKey', 'exportKey', 'wrapKey', 'unwrapKey'],
  Request: ['arrayBuffer', 'blob', 'bytes', 'formData', 'json', 'text'],
  Blob: ['arrayBuffer', 'bytes', 'text'],
  ReadableStreamDefaultReader: ['read', 'closed'],
}

/** Prototypes learner code can reach through a safe API's results; frozen with the rest. */
const REACHABLE_INTERFACES = ['SubtleCrypto', 'Crypto', 'CryptoKey', 'Blob', 'File', 'FormData', 'ReadableStream', 'ReadableStreamDefaultReader', 'AbortSignal', 'EventTarget', 'Event', 'Performance'] as const

export interface HardenOptions {
  /** Globals the sandbox replaces with its own (the per-call console and timers). */
  replacements: Record<string, unknown>
  /** Makes a Web API promise settle only while its call is open. */
  guard: <T>(promise: Promise<T>) => Promise<T>
}

export interface HardenResult {
  /** Names that were not safe and could not be removed (non-configurable), besides UNREMOVABLE_CONSTANTS; none in Chromium's worker. */
  kept: string[]
  /** Prototypes of interfaces whose names were removed, for freezeIntrinsics. */
  reachable: object[]
}

function chainOf(scope: object): object[] {
  const holders: object[] = []
  for (let node: object | null = scope; node && node !== Object.prototype; node = Object.getPrototypeOf(node)) holders.push(node)
  return holders
}

/**
 * Removes every name on the worker global and its prototype chain that is not in SAFE_GLOBALS,
 * puts throwing stubs under the forbidden names and the sandbox's own console and timers under theirs.
 */
export function hardenWorkerGlobal(scope: object, options: HardenOptions): HardenResult {
  const safe = new Set(SAFE_GLOBALS)
  const forbidden = new Set(FORBIDDEN_GLOBALS)
  const globals = scope as Record<string, unknown>
  const reachable: object[] = []
  for (const name of REACHABLE_INTERFACES) {
    const ctor = globals[name] as { prototype?: object } | undefined
    if (ctor?.prototype) reachable.push(ctor, ctor.prototype)
  }
  // Promises of these settle later; a call that does not await them must not have them run after it.
  for (const [name, methods] of Object.entries(ASYNC_METHODS)) {
    const proto = (globals[name] as { prototype?: Record<string, unknown> } | undefined)?.prototype
    if (!proto) continue
    for (const method of methods) {
      const descriptor = Object.getOwnPropertyDescriptor(proto, method)
      if (typeof descriptor?.value === 'function') {
        const original = descriptor.value as (...args: unknown[]) => Promise<unknown>
        Object.defineProperty(proto, method, { ...descriptor, value: { [method](this: unknown, ...args: unknown[]) { return options.guard(Reflect.apply(original, this, args)) } }[method] })
      } else if (typeof descriptor?.get === 'function') {
        const getter = descriptor.get
        Object.defineProperty(proto, method, { ...descriptor, get(this: unknown) { return options.guard(Reflect.apply(getter, this, []) as Promise<unknown>) } })
      }
    }
  }

  const kept: string[] = []
  const replaced = (key: string) => Object.prototype.hasOwnProperty.call(options.replacements, key)
  for (const holder of chainOf(scope)) {
    for (const key of Reflect.ownKeys(holder)) {
      if (typeof key !== 'string') continue
      const keep = safe.has(key) && !replaced(key)
      if (keep && holder === scope) continue
      // A safe name inherited from a prototype moves onto the global itself (its getter still sees the global as `this`).
      if (keep && !Object.prototype.hasOwnProperty.call(scope, key)) {
        const descriptor = Object.getOwnPropertyDescriptor(holder, key)
        if (descriptor) Object.defineProperty(scope, key, descriptor)
      }
      // Deleted unread: reading a Web API's value or descriptor makes the browser build its interface object, for nothing.
      if (!Reflect.deleteProperty(holder, key) && !safe.has(key) && !forbidden.has(key) && !UNREMOVABLE_CONSTANTS.includes(key)) kept.push(key)
    }
  }
  for (const [name, value] of Object.entries(options.replacements)) {
    Object.defineProperty(scope, name, { value, writable: false, enumerable: false, configurable: false })
  }
  for (const api of FORBIDDEN_GLOBALS) {
    const stub = forbiddenStub(api)
    Object.defineProperty(scope, api, { get: () => stub, set: () => {}, enumerable: false, configurable: false })
  }
  return { kept, reachable }
}

/**
 * Properties a program commonly assigns on its own objects (`this.name = 'MyError'`, `obj.toString = …`).
 * On a frozen prototype plain assignment of an inherited read-only property fails ("the override
 * mistake"), so these become accessors whose setter defines an own property on the object instead.
 */
const OVERRIDABLE: Record<string, readonly string[]> = {
  Object: ['constructor', 'toString', 'toLocaleString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable'],
  Error: ['constructor', 'name', 'message', 'toString'],
}
const ERROR_NAMES = ['AggregateError', 'EvalError', 'RangeError', 'ReferenceError', 'SyntaxError', 'TypeError', 'URIError', 'SuppressedError', 'DOMException'] as const

function enableOverride(proto: object, key: string): void {
  const descriptor = Object.getOwnPropertyDescriptor(proto, key)
  if (!descriptor || !('value' in descriptor) || !descriptor.configurable) return
  const value: unknown = descriptor.value
  Object.defineProperty(proto, key, {
    get: function getter() {
      return value
    },
    set: function setter(this: object, next: unknown) {
      if (this === proto) throw new TypeError(`Cannot assign to read only property '${key}' of a built-in prototype`)
      Object.defineProperty(this, key, { value: next, writable: true, enumerable: true, configurable: true })
    },
    enumerable: descriptor.enumerable,
    configurable: false,
  })
}

/** Intrinsics that no global property leads to. */
function hiddenIntrinsics(): unknown[] {
  const found: unknown[] = [
    Object.getPrototypeOf(async function () {}),
    Object.getPrototypeOf(function* () {}),
    Object.getPrototypeOf(async function* () {}),
    Object.getPrototypeOf([][Symbol.iterator]()),
    Object.getPrototypeOf(new Map()[Symbol.iterator]()),
    Object.getPrototypeOf(new Set()[Symbol.iterator]()),
    Object.getPrototypeOf(''[Symbol.iterator]()),
    Object.getPrototypeOf(/x/[Symbol.matchAll]('')),
    Object.getPrototypeOf(Int8Array),
  ]
  const iterator = [][Symbol.iterator]() as unknown as { map?: (fn: (v: unknown) => unknown) => object }
  if (typeof iterator.map === 'function') found.push(Object.getPrototypeOf(iterator.map((v) => v)))
  const IteratorCtor = (globalThis as { Iterator?: { from?: (o: object) => object } }).Iterator
  if (typeof IteratorCtor?.from === 'function') found.push(Object.getPrototypeOf(IteratorCtor.from({ next: () => ({ done: true, value: undefined }) })))
  // Not Intl.Segmenter's segments prototypes: making one loads ICU's break iterators (tens of ms in a
  // fresh renderer), and nothing but learner code ever uses them.
  return found
}

/**
 * Cuts the function prototypes' `constructor`, then freezes every object reachable from the global's
 * remaining properties, the hidden intrinsics and `extraRoots`, through prototypes and properties
 * (getters and setters included), and the global itself. Realm-wide: only ever in the worker.
 */
export function freezeIntrinsics(scope: object, extraRoots: readonly unknown[] = []): void {
  const globals = scope as Record<string, unknown>
  // The `(async () => {}).constructor("…")` route to Function: every function prototype's constructor throws.
  // (Taken from function literals: the global `Function` is a stub by now.)
  const functionProtos = [Object.getPrototypeOf(function () {}), Object.getPrototypeOf(async function () {}), Object.getPrototypeOf(function* () {}), Object.getPrototypeOf(async function* () {})] as object[]
  for (const proto of functionProtos) Object.defineProperty(proto, 'constructor', { value: forbiddenStub('Function'), configurable: false, writable: false })
  enableOverridesOn(Object.prototype, OVERRIDABLE.Object)
  enableOverridesOn((globals.Error as { prototype: object }).prototype, OVERRIDABLE.Error)
  for (const name of ERROR_NAMES) {
    const proto = (globals[name] as { prototype?: object } | undefined)?.prototype
    if (proto) enableOverridesOn(proto, OVERRIDABLE.Error)
  }
  const seen = new Set<unknown>()
  const queue: unknown[] = [...hiddenIntrinsics(), ...extraRoots]
  for (const holder of chainOf(scope)) {
    if (holder !== scope) queue.push(holder)
    for (const key of Reflect.ownKeys(holder)) {
      const descriptor = Object.getOwnPropertyDescriptor(holder, key)
      if (descriptor) queue.push(descriptor.value, descriptor.get, descriptor.set)
    }
  }
  const functionPrototype = functionProtos[0]
  while (queue.length > 0) {
    const value = queue.pop()
    if ((typeof value !== 'object' && typeof value !== 'function') || value === null || seen.has(value) || isForbiddenStub(value)) continue
    seen.add(value)
    Object.freeze(value)
    // A plain method (no `prototype`, the usual prototype) holds only its name and length: nothing to walk.
    if (typeof value === 'function' && !Object.prototype.hasOwnProperty.call(value, 'prototype') && Object.getPrototypeOf(value) === functionPrototype && Reflect.ownKeys(value).length <= 2) continue
    queue.push(Object.getPrototypeOf(value))
    for (const key of Reflect.ownKeys(value)) {
      const descriptor = Object.getOwnPropertyDescriptor(value, key)
      if (descriptor) queue.push(descriptor.value, descriptor.get, descriptor.set)
    }
  }
  Object.freeze(scope)
}

function enableOverridesOn(proto: object, keys: readonly string[]): void {
  for (const key of keys) enableOverride(proto, key)
}
