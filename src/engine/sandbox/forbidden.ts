// What learner code may not reach from the worker: the network, the page, nested workers and
// code-from-strings. Each name here is shadowed by a stub that throws a recognisable error; in the
// real worker every global that is not on lockdown.ts's allow-list is removed as well.

/** Network and worker APIs. */
const NETWORK_APIS = ['fetch', 'XMLHttpRequest', 'WebSocket', 'WebSocketStream', 'EventSource', 'WebTransport', 'FontFace', 'importScripts', 'Worker', 'SharedWorker', 'BroadcastChannel', 'RTCPeerConnection'] as const
/** The page and its storage (a worker has none, but learners try). */
const PAGE_APIS = ['document', 'window', 'localStorage', 'sessionStorage', 'indexedDB', 'caches', 'cookieStore'] as const
/** Building code from strings, and talking to the host behind its back. */
const ESCAPE_APIS = ['eval', 'Function', 'postMessage', 'close', 'onmessage', 'addEventListener', 'removeEventListener', 'dispatchEvent'] as const

export const FORBIDDEN_GLOBALS: readonly string[] = [...NETWORK_APIS, ...PAGE_APIS, ...ESCAPE_APIS]

export type ForbiddenKind = 'network' | 'page' | 'code'

export function forbiddenKind(api: string): ForbiddenKind {
  // `import 'x'`: a module the playground does not have would be fetched from the network.
  if ((NETWORK_APIS as readonly string[]).includes(api) || api.startsWith('import ')) return 'network'
  if ((PAGE_APIS as readonly string[]).includes(api)) return 'page'
  return 'code'
}

const MESSAGES: Record<ForbiddenKind, string> = {
  network: 'callbacks in the playground cannot make network requests; mock the data instead',
  page: 'callbacks run in a worker and cannot touch the page (document, storage, cookies); mock the data instead',
  code: 'callbacks in the playground cannot build code from strings or talk to the page directly',
}

/** The error a forbidden API throws inside the sandbox; the handler turns it into SANDBOX_FORBIDDEN_API. */
export class ForbiddenApiError extends Error {
  readonly api: string
  constructor(api: string) {
    super(`${api}: ${MESSAGES[forbiddenKind(api)]}`)
    // Defined, not assigned: in the locked-down worker Error.prototype is frozen.
    Object.defineProperty(this, 'name', { value: 'ForbiddenApiError', configurable: true, writable: true })
    this.api = api
  }
}

const stubs = new WeakSet<object>()

/** Whether `value` is one of the throwing stand-ins (they cannot even be inspected). */
export function isForbiddenStub(value: unknown): boolean {
  return typeof value === 'function' && stubs.has(value)
}

/** A stand-in that throws on any use: call, `new`, property read or write, `in`. */
export function forbiddenStub(api: string): unknown {
  const fail = (): never => {
    throw new ForbiddenApiError(api)
  }
  const stub = new Proxy(function forbidden() {}, { apply: fail, construct: fail, get: fail, set: fail, has: fail, getPrototypeOf: fail, ownKeys: fail, defineProperty: fail, deleteProperty: fail, setPrototypeOf: fail, preventExtensions: fail, getOwnPropertyDescriptor: fail })
  stubs.add(stub)
  return stub
}

/** Methods that must be called with the real global as `this`. */
const BOUND_METHODS = new Set(['queueMicrotask', 'structuredClone', 'atob', 'btoa'])

/**
 * What learner code sees as `self` / `globalThis`: the real global, except forbidden names throw,
 * `console` and the timers are the sandbox's per-call ones, and nothing can be written to it.
 */
export function createGlobalView(realGlobal: object, overrides: Record<string, unknown>): object {
  const refuse = (_target: object, key: string | symbol): never => {
    throw new ForbiddenApiError(String(key))
  }
  return new Proxy(realGlobal, {
    get(target, key) {
      if (typeof key === 'string' && FORBIDDEN_GLOBALS.includes(key)) throw new ForbiddenApiError(key)
      if (typeof key === 'string' && Object.prototype.hasOwnProperty.call(overrides, key)) return overrides[key]
      if (key === 'self' || key === 'globalThis') return undefined
      const value = Reflect.get(target, key)
      return typeof value === 'function' && typeof key === 'string' && BOUND_METHODS.has(key) ? value.bind(target) : value
    },
    set: refuse,
    defineProperty: refuse,
    deleteProperty: refuse,
    setPrototypeOf: () => refuse(realGlobal, '__proto__'),
    preventExtensions: () => refuse(realGlobal, 'Object.freeze(self)'),
  })
}
